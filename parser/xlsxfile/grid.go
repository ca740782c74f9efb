package xlsxfile

import (
	"slices"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// grid is a sheet's table: its rows with text and the columns that hold
// text in any of them (a blank spacer column would read as a column of
// blank figures).
type grid struct {
	rows []*row
	cols []int
	byN  map[int]*row // rows by sheet row number
}

// grid returns the table the rows form, or nil when they are no table:
// fewer than two rows (but for the header of a table said to be empty) or
// two columns with text (a list of contents, a cover).
func (s *sheet) grid(rows []*row, empty bool) *grid {
	used := map[int]bool{}
	for _, rw := range rows {
		for c := range rw.cells {
			used[c] = true
		}
	}
	g := &grid{rows: rows, byN: map[int]*row{}}
	for _, c := range s.cols {
		if used[c] {
			g.cols = append(g.cols, c)
		}
	}
	if len(rows) < 2 && !(empty && len(rows) == 1) || len(g.cols) < 2 {
		return nil
	}
	for _, rw := range rows {
		g.byN[rw.n] = rw
	}
	return g
}

// table builds the doc.Table: one cell per place, a merged range one cell
// spanning the rows and columns of the grid it covers, blank places blank
// cells (so figures stay under their headings). Each cell with text gets
// a block of its own at its place in the source, as the line reader's
// cells do, so a finding on a row points at the row.
func (g *grid) table(s *sheet, at map[*cell]int, page int) *doc.Table {
	t := &doc.Table{Page: page, FirstLine: -1, LastLine: -1}
	colAt := map[int]int{}
	for k, c := range g.cols {
		colAt[c] = k
	}
	for ri, rw := range g.rows {
		var out []*doc.Cell
		for _, c := range g.cols {
			if g.covered(s, rw.n, c) {
				continue // inside a merged range shown at its first cell
			}
			d := &doc.Cell{Row: ri, Col: colAt[c], RowSpan: 1, ColSpan: 1, Line: -1}
			if cl := rw.cells[c]; cl != nil {
				d.Text = strings.TrimSpace(cl.text)
				d.Block = cellBlock(cl, at[cl], page)
				if m := cl.merge; m != nil {
					d.RowSpan, d.ColSpan = int32(g.spanRows(m)), int32(g.spanCols(m))
				}
				d.X0, d.X1 = g.extent(s, colAt[c], cl, int(d.ColSpan))
			}
			out = append(out, d)
		}
		t.Rows = append(t.Rows, out)
	}
	return t
}

// covered reports a place inside a merged range whose first cell is a
// cell of the grid; a range without text, or starting above the table,
// leaves its places as blank cells.
func (g *grid) covered(s *sheet, r, c int) bool {
	a, ok := s.coverBy[[2]int{r, c}]
	if !ok {
		return false
	}
	rw := g.byN[a[0]]
	if rw == nil {
		return false
	}
	cl := rw.cells[a[1]]
	_, shown := slices.BinarySearch(g.cols, a[1])
	return cl != nil && cl.merge != nil && shown
}

// spanRows and spanCols count the grid's rows and columns a merged range
// covers: hidden and dropped ones do not count.
func (g *grid) spanRows(a *area) int {
	i := sort.Search(len(g.rows), func(k int) bool { return g.rows[k].n >= a.r0 })
	j := sort.Search(len(g.rows), func(k int) bool { return g.rows[k].n > a.r1 })
	return max(j-i, 1)
}

func (g *grid) spanCols(a *area) int { return max(len(between(g.cols, a.c0, a.c1)), 1) }

// extent is where a cell's text stands across the sheet: its column's left
// edge moved in by its indent (leading spaces, half a character each for
// half-width ones, and the style's indent level) and the right edge of the
// columns it spans.
func (g *grid) extent(s *sheet, k int, cl *cell, span int) (float64, float64) {
	in := float64(cl.indent)
	for _, r := range cl.text {
		if r == '\u3000' {
			in++
		} else if isSpace(r) {
			in += 0.5
		} else {
			break
		}
	}
	c, end := g.cols[k], g.cols[min(k+span, len(g.cols))-1]
	return (s.left[c] + in) * charWidth, (s.left[end] + s.wide[end]) * charWidth
}

// cellBlock is the block of a cell's text (white space at its ends left
// out) at its place in the source.
func cellBlock(cl *cell, base, page int) *doc.Block {
	rs := []rune(cl.text)
	a, b := trimmed(rs)
	text := string(rs[a:b])
	blk := &doc.Block{Kind: doc.KindTableCell, Text: text, Raw: text, Page: int32(page)}
	for k := range b - a {
		blk.RawAt.Append(k)
		blk.SrcAt.Append(base + a + k)
	}
	return blk
}
