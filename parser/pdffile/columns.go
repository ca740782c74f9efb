package pdffile

import (
	"math"
	"sort"
	"unicode"
)

// Column detection. A page set in two columns of prose gives, at each
// baseline, a line of the left column and a line of the right one; grouped by
// baseline alone they read across the gutter, a sentence of one column glued
// to a sentence of the other. A gutter is an x band in the middle of the page
// that no glyph covers on most lines, with many prose lines on each side.
// Lines that cross it (titles, table rows, a full-width paragraph) and rows
// with table cells on both sides are kept
// where they are and cut the page into bands; within a band the left column is
// read before the right one. A table whose cells happen to leave the gutter
// free is not prose (short or numeric cells, several cells per side), so it
// keeps its row order, and so does a gutter crossed by a vertical rule (a
// table border; a rule between two columns of prose is rare in reports).
const (
	colMinLines  = 3    // prose pieces on each side of a band
	colMinShare  = 0.6  // share of a side's pieces that must read as prose
	colMinFull   = 0.5  // share of a side's pieces that must run from its left edge to its right edge
	colMinWidth  = 0.25 // a column is at least this share of the page width
	colMinRatio  = 0.6  // the narrower column is at least this share of the wider
	colMaxCross  = 0.5  // at most this share of the page's lines may cross the gutter
	colMinGutter = 0.8  // gutter width, in units of the median font size
	colMinHeight = 0.45 // the gutter is free over this share of the text's height
)

// readingOrder puts the lines of a page (grouped by baseline, top to bottom,
// items left to right, not yet built) in reading order, splitting lines that
// hold both columns. Lines get col 1 (left) or 2 (right) inside a two-column
// band, 0 elsewhere.
func readingOrder(lines []*pline, width float64, vr []vrule) []*pline {
	gx0, gx1, ok := findGutter(lines, width)
	if !ok || ruledGutter(vr, gx0, gx1) {
		return lines
	}
	// cut every line at the gutter; a line with an item inside it crosses
	type row struct {
		whole       *pline
		left, right *pline
		cross       bool
	}
	rows := make([]row, len(lines))
	for i, l := range lines {
		r := row{whole: l}
		var left, right []item
		for _, it := range l.items {
			switch {
			case it.x1 <= gx0+0.1*it.size:
				left = append(left, it)
			case it.x0 >= gx1-0.1*it.size:
				right = append(right, it)
			default:
				r.cross = true
			}
		}
		if len(left) > 0 && len(right) > 0 && (!proseLine(left) || !proseLine(right)) {
			// cells on both sides, figures or several per side: a table
			// row whose cells leave the gutter free; it reads across
			r.cross = true
		}
		if !r.cross {
			if len(left) > 0 {
				r.left = subLine(l, left, 1)
			}
			if len(right) > 0 {
				r.right = subLine(l, right, 2)
			}
		}
		rows[i] = r
	}
	out := make([]*pline, 0, len(lines)+8)
	for i := 0; i < len(rows); {
		if rows[i].cross {
			out = append(out, rows[i].whole)
			i++
			continue
		}
		j := i
		for j < len(rows) && !rows[j].cross {
			j++
		}
		var left, right []*pline
		for _, r := range rows[i:j] {
			if r.left != nil {
				left = append(left, r.left)
			}
			if r.right != nil {
				right = append(right, r.right)
			}
		}
		if proseSide(left, width) && proseSide(right, width) && similarWidth(left, right) {
			out = append(out, left...)
			out = append(out, right...)
		} else {
			for _, r := range rows[i:j] {
				out = append(out, r.whole)
			}
		}
		i = j
	}
	return out
}

// subLine is the part of l made of items, in column col.
func subLine(l *pline, items []item, col int) *pline {
	s := &pline{items: items, y: items[0].y, size: items[0].size, col: col}
	for _, it := range items {
		if it.size > s.size*1.05 {
			s.size, s.y = it.size, it.y
		}
	}
	return s
}

// findGutter looks for an empty x band in the middle half of the page that
// few lines cross, with lines on both sides spanning most of the height.
func findGutter(lines []*pline, width float64) (gx0, gx1 float64, ok bool) {
	if len(lines) < 2*colMinLines || width <= 0 || width > 1e5 {
		return 0, 0, false
	}
	// lines covering each 1-point bin of the middle of the page
	lo, hi := int(width*0.25), int(width*0.75)
	cover := make([]int, hi-lo+1)
	sizes := make([]float64, 0, len(lines))
	for _, l := range lines {
		sizes = append(sizes, l.size)
		last := -1
		for _, it := range l.items {
			a, b := max(int(it.x0), lo, last+1), min(int(math.Ceil(it.x1)), hi)
			for x := a; x <= b; x++ {
				cover[x-lo]++
			}
			last = max(last, b)
		}
	}
	sort.Float64s(sizes)
	em := sizes[len(sizes)/2]
	// the fewest crossings that leave a band wide enough: runs of bins
	// covered by at most t lines, for t = 0, 1, … (word spaces that happen
	// to line up are narrow and lose to the gutter)
	best, bestLen := -1, 0
	for t := 0; float64(t) <= colMaxCross*float64(len(lines)) && bestLen < int(math.Ceil(colMinGutter*em)); t++ {
		best, bestLen = -1, 0
		for x := 0; x < len(cover); {
			if cover[x] > t {
				x++
				continue
			}
			y := x
			for y < len(cover) && cover[y] <= t {
				y++
			}
			if y-x > bestLen {
				best, bestLen = x, y-x
			}
			x = y
		}
	}
	if best < 0 || float64(bestLen) < colMinGutter*em {
		return 0, 0, false
	}
	gx0, gx1 = float64(lo+best), float64(lo+best+bestLen-1)
	// the gutter must be free over most of the text's height: add up the
	// spacing between successive lines that both leave it free
	crosses := func(l *pline) bool {
		for _, it := range l.items {
			if it.x1 > gx0+0.1*it.size && it.x0 < gx1-0.1*it.size {
				return true
			}
		}
		return false
	}
	free := 0.0
	for i := 1; i < len(lines); i++ {
		if !crosses(lines[i]) && !crosses(lines[i-1]) {
			free += lines[i].y - lines[i-1].y
		}
	}
	if h := lines[len(lines)-1].y - lines[0].y; h <= 0 || free < colMinHeight*h {
		return 0, 0, false
	}
	return gx0, gx1, true
}

// proseSide reports whether the pieces of one side of a band read as a
// column of prose: enough of them, most a single run of words rather than
// table cells or figures, most running to the column's right edge.
func proseSide(pieces []*pline, width float64) bool {
	if len(pieces) < colMinLines {
		return false
	}
	// lines of a column of prose are justified: most start at its left
	// edge and reach its right edge, where table labels are ragged or
	// centred; and a column is wide, where a label column is narrow
	left, right := sideExtent(pieces)
	if right-left < colMinWidth*width {
		return false
	}
	prose, full := 0, 0
	for _, p := range pieces {
		if proseLine(p.items) {
			prose++
		}
		first, last := p.items[0], p.items[len(p.items)-1]
		if last.x1 >= right-2*last.size && first.x0 <= left+2.5*first.size {
			full++
		}
	}
	return float64(prose) >= colMinShare*float64(len(pieces)) && float64(full) >= colMinFull*float64(len(pieces))
}

func sideExtent(pieces []*pline) (left, right float64) {
	left, right = math.Inf(1), math.Inf(-1)
	for _, p := range pieces {
		left = math.Min(left, p.items[0].x0)
		right = math.Max(right, p.items[len(p.items)-1].x1)
	}
	return left, right
}

// similarWidth: the two columns of a page of prose are about as wide; a
// narrow column of labels beside wide text is a table.
func similarWidth(left, right []*pline) bool {
	a0, a1 := sideExtent(left)
	b0, b1 := sideExtent(right)
	a, b := a1-a0, b1-b0
	return math.Min(a, b) >= colMinRatio*math.Max(a, b)
}

// ruledGutter: a vertical rule in the gutter is a table's column border.
func ruledGutter(vr []vrule, gx0, gx1 float64) bool {
	for _, r := range vr {
		if r.x >= gx0-1 && r.x <= gx1+1 && r.y1-r.y0 > 20 {
			return true
		}
	}
	return false
}

// proseLine: at least 4 letters, fewer figures than letters, and no gap wide
// enough to part two table cells.
func proseLine(items []item) bool {
	letters, figs := 0, 0
	for i, it := range items {
		if i > 0 {
			gap := it.x0 - items[i-1].x1
			if gap > columnGap*math.Max(it.size, items[i-1].size) {
				return false
			}
		}
		for _, r := range it.text {
			switch {
			case unicode.IsDigit(r):
				figs++
			case unicode.IsLetter(r):
				letters++
			}
		}
	}
	return letters >= 4 && figs < letters
}
