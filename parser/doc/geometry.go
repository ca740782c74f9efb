package doc

import (
	"math"
	"sort"
	"unicode"
)

// PageBox is the visible area of a page in PDF user space (origin bottom
// left, y up) and how the page is turned for display (0, 90, 180, 270).
type PageBox struct {
	X0, Y0, X1, Y1 float64
	Rotate         int
}

// Width and Height are the displayed page's, in points.
func (p PageBox) Width() float64 {
	if p.Rotate == 90 || p.Rotate == 270 {
		return p.Y1 - p.Y0
	}
	return p.X1 - p.X0
}

func (p PageBox) Height() float64 {
	if p.Rotate == 90 || p.Rotate == 270 {
		return p.X1 - p.X0
	}
	return p.Y1 - p.Y0
}

// Display maps a user-space point to the displayed page: origin top left,
// y growing downwards.
func (p PageBox) Display(x, y float64) (float64, float64) {
	switch p.Rotate {
	case 90:
		return y - p.Y0, x - p.X0
	case 180:
		return p.X1 - x, y - p.Y0
	case 270:
		return p.Y1 - y, p.X1 - x
	}
	return x - p.X0, p.Y1 - y
}

// User maps a displayed point back to user space; it inverts Display.
func (p PageBox) User(X, Y float64) (float64, float64) {
	switch p.Rotate {
	case 90:
		return Y + p.X0, X + p.Y0
	case 180:
		return p.X1 - X, Y + p.Y0
	case 270:
		return p.X1 - Y, p.Y1 - X
	}
	return X + p.X0, p.Y1 - Y
}

// UserRect is r in user space as a PDF /Rect wants it: [llx lly urx ury].
func (p PageBox) UserRect(r Rect) [4]float64 {
	ax, ay := p.User(r.X0, r.Y0)
	bx, by := p.User(r.X1, r.Y1)
	return [4]float64{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)}
}

// Rect is an area of a displayed page in points: origin top left, y down.
type Rect struct {
	Page           int // 1-based
	X0, Y0, X1, Y1 float64
}

// Glyph extent around the baseline, in units of the font size: CJK faces
// fill about 0.88 em above the baseline and 0.12 below; Latin descenders
// reach 0.2. The box errs on the side of covering.
const (
	glyphAscent  = 0.92
	glyphDescent = 0.22
)

// Geometry is where the source text stands on its pages: for each line of
// a PDF, its baseline and the x-positions of its runes.
type Geometry struct {
	Pages []PageBox // Pages[i] is page i+1
	Lines []LineBox // in source order
}

// LineBox places one source line: the runes at source offsets
// Start..Start+len(X)-2 stand at X along a baseline Y of the line's
// writing direction Rot (see LineGeo.X and LineGeo.Rot).
type LineBox struct {
	Start   int
	Page    int
	Rot     int8
	Y, Size float32
	X       []float32
}

// NewGeometry indexes the lines of a reader that placed them (non-nil X);
// nil when none did. The X slices are shared with the lines, not copied.
func NewGeometry(lines []Line, pages []PageBox) *Geometry {
	g := &Geometry{Pages: pages}
	for _, l := range lines {
		lg := l.Geo
		if lg == nil || len(lg.X) == 0 || l.Pos.Len() == 0 || len(lg.X) != l.Pos.Len()+1 {
			continue
		}
		g.Lines = append(g.Lines, LineBox{Start: l.Pos.At(0), Page: l.Page, Rot: int8(lg.Rot), Y: float32(lg.Y), Size: float32(lg.Size), X: lg.X})
	}
	if len(g.Lines) == 0 {
		return nil
	}
	// positions are contiguous within a line and lines come in source
	// order, so a binary search on Start finds the line of an offset
	sort.SliceStable(g.Lines, func(i, j int) bool { return g.Lines[i].Start < g.Lines[j].Start })
	return g
}

// line returns the index of the line holding source offset off, or -1.
func (g *Geometry) line(off int) int {
	i := sort.Search(len(g.Lines), func(i int) bool { return g.Lines[i].Start > off }) - 1
	if i < 0 || off >= g.Lines[i].Start+len(g.Lines[i].X)-1 {
		return -1
	}
	return i
}

// SourceRects returns the displayed-page rectangles covering the glyphs at
// source offsets [start,end): one per line the range touches. Blanks are
// left out (a space between cells spans the gap, not a glyph), and so are
// offsets on no placed line (line and page breaks).
func (d *Document) SourceRects(start, end int) []Rect {
	if d == nil || d.Geometry == nil {
		return nil
	}
	var offs []int
	for o := max(start, 0); o < end; o++ {
		offs = append(offs, o)
	}
	return d.Geometry.rects(d.glyphs(offs))
}

// glyphs keeps the offsets of runes that print.
func (d *Document) glyphs(offs []int) []int {
	if d.Source == nil {
		return offs
	}
	out := offs[:0]
	for _, o := range offs {
		if o >= d.Source.Len() {
			continue
		}
		if r := d.Source.At(o); !unicode.IsSpace(r) && r != '\u200b' {
			out = append(out, o)
		}
	}
	return out
}

// rects groups source offsets, in increasing order, by line and returns a
// rectangle per run of offsets on one line.
func (g *Geometry) rects(offs []int) []Rect {
	var out []Rect
	cur, lo, hi := -1, 0, 0
	flush := func() {
		if cur >= 0 {
			if r, ok := g.lineRect(cur, lo, hi); ok {
				out = append(out, r)
			}
		}
	}
	for _, o := range offs {
		li := g.line(o)
		if li < 0 {
			continue
		}
		k := o - g.Lines[li].Start
		if li == cur {
			lo, hi = min(lo, k), max(hi, k+1)
			continue
		}
		flush()
		cur, lo, hi = li, k, k+1
	}
	flush()
	return out
}

// lineRect is the rectangle of runes [lo,hi) of line li, on the displayed
// page.
func (g *Geometry) lineRect(li, lo, hi int) (Rect, bool) {
	l := g.Lines[li]
	if hi > len(l.X)-1 {
		hi = len(l.X) - 1
	}
	if lo >= hi {
		return Rect{}, false
	}
	// glyph extents along the baseline; a rune's right edge is the next
	// rune's left edge, and glyphs may overlap, so take the extremes
	x0, x1 := math.Inf(1), math.Inf(-1)
	for k := lo; k < hi; k++ {
		x0 = math.Min(x0, float64(l.X[k]))
		x1 = math.Max(x1, float64(l.X[k+1]))
	}
	y, s := float64(l.Y), float64(l.Size)
	a0, a1, b0, b1 := x0, x1, y-glyphAscent*s, y+glyphDescent*s
	// back from the frame of the writing direction to the displayed page
	var r Rect
	switch l.Rot {
	case 1: // frame (Y, -X)
		r = Rect{X0: -b1, X1: -b0, Y0: a0, Y1: a1}
	case 2: // frame (-X, -Y)
		r = Rect{X0: -a1, X1: -a0, Y0: -b1, Y1: -b0}
	case 3: // frame (-Y, X)
		r = Rect{X0: b0, X1: b1, Y0: -a1, Y1: -a0}
	default:
		r = Rect{X0: a0, X1: a1, Y0: b0, Y1: b1}
	}
	r.Page = l.Page
	return r, true
}

// Rects returns the page rectangles covering the glyphs behind analysis
// runes [start,end) of a block (a claim's span), one per line the span
// covers; nil when the document has no geometry. Only the runes the block
// took from the source count, so a running head between the two halves of
// a paragraph split by a page break is not covered.
func (d *Document) Rects(b *Block, start, end int) []Rect {
	if d == nil || d.Geometry == nil || b == nil || b.RawAt.Len() == 0 {
		return nil
	}
	start, end = max(start, 0), min(end, b.RawAt.Len())
	if start >= end {
		return nil
	}
	var offs []int
	last := -1
	for i := start; i < end; i++ {
		ri := b.RawAt.At(i)
		if ri == last || ri < 0 || ri >= b.SrcAt.Len() {
			continue
		}
		last = ri
		offs = append(offs, b.SrcAt.At(ri))
	}
	sort.Ints(offs)
	return d.Geometry.rects(d.glyphs(offs))
}
