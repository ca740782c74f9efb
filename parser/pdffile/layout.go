package pdffile

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// pageBox is the visible area of a page and how it is turned for display.
type pageBox struct {
	x0, y0, x1, y1 float64
	rotate         int // 0, 90, 180, 270
}

func (b pageBox) width() float64 {
	if b.rotate == 90 || b.rotate == 270 {
		return b.y1 - b.y0
	}
	return b.x1 - b.x0
}

func (b pageBox) height() float64 {
	if b.rotate == 90 || b.rotate == 270 {
		return b.x1 - b.x0
	}
	return b.y1 - b.y0
}

// display maps a user-space point to the displayed page: origin top left,
// y growing downwards.
func (b pageBox) display(x, y float64) (float64, float64) {
	switch b.rotate {
	case 90:
		return y - b.y0, x - b.x0
	case 180:
		return b.x1 - x, y - b.y0
	case 270:
		return b.y1 - y, b.x1 - x
	}
	return x - b.x0, b.y1 - y
}

// item is a glyph placed in the frame of its writing direction: x along
// the baseline, y (the baseline) growing down the page.
type item struct {
	text   string
	x0, x1 float64
	y      float64
	size   float64
	cjk    bool
	fig    bool // a digit or figure punctuation
}

// pline is one laid-out line of a page.
type pline struct {
	items  []item
	text   string
	segs   []doc.Segment
	xs     []float32 // left edge of each rune of text, then the right edge of the last
	y      float64
	x0     float64
	x1     float64
	size   float64
	rot    int
	role   doc.Role
	brk    bool
	indent int
	col    int // 1 or 2: left or right column of a two-column band
	row    int // table row printed over several lines (cells.go), 0 if none
}

// layoutPage turns a page's glyphs into lines in reading order.
func layoutPage(glyphs []glyph, rules []rule, box pageBox) []*pline {
	// rules in display space: vertical ones as x and the y range they
	// cover, horizontal ones as y and the x range
	var vr []vrule
	var hr []hrule
	for _, r := range rules {
		ax, ay := box.display(r.x0, r.y0)
		bx, by := box.display(r.x1, r.y1)
		switch {
		case math.Abs(ax-bx) < 1.5:
			vr = append(vr, vrule{x: (ax + bx) / 2, y0: math.Min(ay, by), y1: math.Max(ay, by)})
		case math.Abs(ay-by) < 1.5:
			hr = append(hr, hrule{y: (ay + by) / 2, x0: math.Min(ax, bx), x1: math.Max(ax, bx)})
		}
	}
	sort.Slice(vr, func(i, j int) bool { return vr[i].x < vr[j].x })
	byRot := placeGlyphs(glyphs, box)
	w := box.width()
	var out []*pline
	for rot, items := range byRot {
		if len(items) == 0 {
			continue
		}
		lines := groupLines(items)
		if rot == 0 {
			// before building: a line may hold both columns of a page
			lines = readingOrder(lines, w, vr)
		}
		for _, l := range lines {
			l.rot = rot
			if rot == 0 {
				buildLine(l, vr)
			} else {
				buildLine(l, nil)
			}
		}
		if rot == 0 {
			rowBands(lines, hr, 1)
		}
		out = append(out, lines...)
	}
	return out
}

// placeGlyphs puts the visible glyphs of a page in the frame of their
// writing direction (0: left to right, 1: top to bottom, 2: upside down,
// 3: bottom to top), dropping blanks and glyphs off the page.
func placeGlyphs(glyphs []glyph, box pageBox) [4][]item {
	var byRot [4][]item
	w, h := box.width(), box.height()
	for _, g := range glyphs {
		if g.whitespace || g.text == "" {
			continue
		}
		X, Y := box.display(g.x, g.y)
		ex, ey := box.display(g.x+g.dx, g.y+g.dy)
		ddx, ddy := ex-X, ey-Y
		if X < -g.size || Y < -g.size || X > w+g.size || Y > h+g.size {
			continue // outside the visible page
		}
		rot := 0
		var fx, fy float64
		switch {
		case math.Abs(ddx) >= math.Abs(ddy) && ddx >= 0:
			fx, fy = X, Y
		case math.Abs(ddx) >= math.Abs(ddy):
			rot, fx, fy = 2, -X, -Y
		case ddy > 0:
			rot, fx, fy = 1, Y, -X
		default:
			rot, fx, fy = 3, -Y, X
		}
		size := g.size
		if size <= 0.1 || math.IsNaN(size) || size > 2000 {
			size = 10
		}
		r, _ := utf8.DecodeRuneInString(g.text)
		byRot[rot] = append(byRot[rot], item{text: g.text, x0: fx, x1: fx + g.adv, y: fy, size: size, cjk: isCJK(r), fig: isFigure(r)})
	}
	return byRot
}

// groupLines clusters items by baseline, tolerating superscripts and small
// shifts, and sorts each line left to right.
func groupLines(items []item) []*pline {
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].y != items[j].y {
			return items[i].y < items[j].y
		}
		return items[i].x0 < items[j].x0
	})
	var lines []*pline
	var cur *pline
	for _, it := range items {
		if cur != nil {
			tol := 0.4 * math.Max(it.size, cur.size)
			if math.Abs(it.y-cur.y) <= tol {
				cur.items = append(cur.items, it)
				if it.size > cur.size*1.05 {
					cur.size, cur.y = it.size, it.y
				}
				continue
			}
		}
		cur = &pline{y: it.y, size: it.size, items: []item{it}}
		lines = append(lines, cur)
	}
	for _, l := range lines {
		sort.SliceStable(l.items, func(i, j int) bool { return l.items[i].x0 < l.items[j].x0 })
		l.items = dedupe(l.items)
	}
	return lines
}

// dedupe drops glyphs drawn twice at (almost) the same place, as producers
// do for fake bold and shadows.
func dedupe(items []item) []item {
	out := items[:0]
	for _, it := range items {
		dup := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-4; k-- {
			p := out[k]
			if p.text == it.text && math.Abs(p.x0-it.x0) < 0.2*it.size && math.Abs(p.y-it.y) < 0.2*it.size {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, it)
		}
	}
	return out
}

// Gap thresholds, in units of font size.
const (
	spaceGapLatin = 0.15 // between Latin letters or figures: a word space
	spaceGapMixed = 0.25 // between a CJK glyph and anything else
	spaceGapCJK   = 0.5  // between CJK glyphs: more than justification slack
	columnGap     = 1.0  // a gap this wide separates table columns
	figureColumn  = 0.3  // two figures this far apart are two cells
	figureEdge    = 0.6  // a figure this far from other text is a cell of its own
)

type vrule struct{ x, y0, y1 float64 }

// ruleBetween reports whether a vertical rule crosses the line at baseline y
// between x0 and x1: a table cell border.
// vr is sorted by x.
func ruleBetween(vr []vrule, x0, x1, y, size float64) bool {
	i := sort.Search(len(vr), func(i int) bool { return vr[i].x > x0-0.5 })
	for ; i < len(vr) && vr[i].x < x1+0.5; i++ {
		if r := vr[i]; r.y0 <= y-0.3*size && r.y1 >= y-0.3*size {
			return true
		}
	}
	return false
}

// buildLine makes the line's text and segments from its items.
func buildLine(l *pline, vr []vrule) {
	var b strings.Builder
	var segs []doc.Segment
	xs := make([]float32, 0, len(l.items)+8)
	runes := 0
	var seg *doc.Segment
	var prev item
	maxX := math.Inf(-1)
	for i, it := range l.items {
		if i > 0 {
			gap := it.x0 - maxX
			s := math.Max(prev.size, it.size)
			thr := spaceGapLatin
			switch {
			case prev.cjk && it.cjk:
				thr = spaceGapCJK
			case prev.cjk || it.cjk:
				thr = spaceGapMixed
			}
			if gap > columnGap*s || (gap > figureColumn*s && prev.fig && it.fig) || (gap > figureEdge*s && (prev.fig || it.fig)) ||
				(gap > 0 && len(vr) > 0 && ruleBetween(vr, maxX, it.x0, l.y, s)) {
				seg.X1 = maxX
				segs = append(segs, *seg)
				b.WriteByte(' ')
				xs = append(xs, float32(maxX)) // the space spans the gap
				runes++
				seg = nil
			} else if gap > thr*s {
				b.WriteByte(' ')
				xs = append(xs, float32(maxX))
				runes++
			}
		}
		if seg == nil {
			seg = &doc.Segment{Start: runes, X0: it.x0}
		}
		b.WriteString(it.text)
		n := utf8.RuneCountInString(it.text)
		for k := 0; k < n; k++ {
			// a glyph standing for several runes (a ligature) shares its advance
			xs = append(xs, float32(it.x0+(it.x1-it.x0)*float64(k)/float64(n)))
		}
		runes += n
		if it.x1 > maxX {
			maxX = it.x1
		}
		prev = it
	}
	if seg != nil {
		seg.X1 = maxX
		segs = append(segs, *seg)
	}
	l.text = b.String()
	l.xs = append(xs, float32(maxX))
	rs := []rune(l.text)
	for i := range segs {
		end := len(rs)
		if i+1 < len(segs) {
			end = segs[i+1].Start - 1
		}
		segs[i].Text = string(rs[segs[i].Start:end])
	}
	l.segs = segs
	l.x0 = l.items[0].x0
	l.x1 = maxX
}

// isCJK picks the word-gap threshold: any full-width script (kana and
// Hangul too) sets glyphs edge to edge, so a small gap is not a space. It is
// wider than parser.IsCJK, which decides where stray spaces are dropped.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

func isFigure(r rune) bool {
	return (r >= '0' && r <= '9') || r == ',' || r == '.' || r == '%' || r == '-'
}
