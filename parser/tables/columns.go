package tables

import (
	"math"
	"sort"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// A PDF's text layer keeps no empty cells: a row of the income table whose
// money is all 财政拨款 prints two figures under seven columns. When the
// table has rows with a figure in every column, Sheet learns the columns
// from them (columnEdges). Many tables have none — ghzy's income table never
// fills 上级补助收入 — and then only the header says where the columns are.
// fillBlanks reads the header cells' geometry, puts each figure under the
// column it stands beneath, and gives the row an empty cell for every
// column it leaves blank, so the row is read as printed instead of being
// placed by the table's identities (which a short row leaves ambiguous).

// span is a horizontal extent in page units.
type span struct{ x0, x1 float64 }

func (s span) mid() float64 { return (s.x0 + s.x1) / 2 }

// overlap is the length two extents share (≤ 0 when they are apart).
func (s span) overlap(o span) float64 { return math.Min(s.x1, o.x1) - math.Max(s.x0, o.x0) }

// headerColumns returns the leaf header cells of a table, left to right:
// every header word's extent, less the words that span several others (公务
// 用车购置及运行费 over 小计 购置费 运行费, 2024年"三公"经费预算数 over
// all), with the words stacked in one cell (附属单位 / 上缴收入) merged.
// nil when the header has no geometry (text files, HTML grids).
func headerColumns(lines []doc.Line, header []int) []span { return headerColumnsAt(lines, header, 0) }

// headerColumnsAt is headerColumns where words stack into one cell only
// when they overlap by more than frac of the narrower one: a government
// table's group label (2025年执行数) may end where the next column's
// header starts.
func headerColumnsAt(lines []doc.Line, header []int, frac float64) []span {
	var words []span
	for _, li := range header {
		for _, tk := range tokenize(lines, li) {
			if tk.x1 <= tk.x0 {
				return nil
			}
			words = append(words, span{tk.x0, tk.x1})
		}
	}
	if len(words) == 0 {
		return nil
	}
	var leaves []span
	for i, w := range words {
		// a word over two words that lie side by side is a spanning header
		var under []span
		for j, o := range words {
			if i != j && o.x1-o.x0 < w.x1-w.x0 && w.overlap(o) > 0.6*(o.x1-o.x0) {
				under = append(under, o)
			}
		}
		spanning := false
		for a := 0; a < len(under) && !spanning; a++ {
			for b := a + 1; b < len(under); b++ {
				if under[a].overlap(under[b]) <= 0 {
					spanning = true
					break
				}
			}
		}
		if !spanning {
			leaves = append(leaves, w)
		}
	}
	sort.Slice(leaves, func(i, j int) bool { return leaves[i].x0 < leaves[j].x0 })
	var cols []span
	for _, w := range leaves {
		if n := len(cols); n > 0 && cols[n-1].overlap(w) > frac*math.Min(cols[n-1].x1-cols[n-1].x0, w.x1-w.x0) {
			cols[n-1].x0 = math.Min(cols[n-1].x0, w.x0)
			cols[n-1].x1 = math.Max(cols[n-1].x1, w.x1)
			continue
		}
		cols = append(cols, w)
	}
	return cols
}

// column finds the header column a figure cell stands under. Headers are
// centred and figures right-aligned, so neither edge of a figure lines up
// with its header; the best estimate of a column's bounds is halfway to
// the neighbouring header cells' middles. A wide figure (21,601,733.00)
// may reach left over its column's bound, so the figure is under the
// column that holds both its middle and its right edge (less the
// padding); one whose middle
// and right edge fall in different columns is under neither (-1), never
// guessed.
func column(cols []span, c *doc.Cell) int {
	in := func(x float64) int {
		for k := range cols {
			lo, hi := math.Inf(-1), math.Inf(1)
			if k > 0 {
				lo = (cols[k-1].mid() + cols[k].mid()) / 2
			}
			if k+1 < len(cols) {
				hi = (cols[k].mid() + cols[k+1].mid()) / 2
			}
			if x >= lo && x <= hi {
				return k
			}
		}
		return -1
	}
	// the right edge may overrun its bound by the cell's padding: a tenth
	// of the narrowest column, far less than the half column a misplaced
	// figure would be off by
	gap := math.Inf(1)
	for k := 1; k < len(cols); k++ {
		gap = math.Min(gap, cols[k].mid()-cols[k-1].mid())
	}
	pad := 0.0
	if !math.IsInf(gap, 1) {
		pad = gap / 10
	}
	if k := in((c.X0 + c.X1) / 2); k == in(c.X1-pad) {
		return k
	}
	return -1
}

// fillBlanks gives the short rows of a one-half table (coded or "三公")
// their blank cells from the header's columns. Nothing changes unless the
// header yields as many figure columns as the table has, every row with a
// full set of figures lines up with them, and every figure of a short row
// falls under a distinct column in order; otherwise the rows stay short
// and Sheet places them as before.
func fillBlanks(t *doc.Table, lines []doc.Line, header []int, std *Standard) {
	if std.Layout != LayoutFunction && std.Layout != LayoutSanGong && std.Layout != LayoutRows {
		return
	}
	cols := headerColumns(lines, header)
	if cols == nil {
		return
	}
	// the figure columns lie right of every label (code, name) cell
	labelEnd, most := 0.0, 0
	for _, row := range t.Rows {
		n := 0
		for _, c := range row {
			switch c.Role {
			case "code", "name":
				labelEnd = math.Max(labelEnd, c.X1)
			case "value":
				n++
				if c.X1 <= c.X0 {
					return // no geometry
				}
			}
		}
		most = max(most, n)
	}
	k := 0
	for k < len(cols) && cols[k].mid() < labelEnd {
		k++
	}
	cols = cols[k:]
	if std.Layout == LayoutRows {
		cols = figureColumns(t, lines, header)
	}
	want := std.expected(t.Kind, 0, t.Header)
	if len(cols) == 0 || want != 0 && len(cols) != want || len(cols) < most {
		return
	}
	if cap := std.maxColumns(t.Kind, 0); want == 0 && cap != 0 && len(cols) > cap {
		return
	}
	placed := make([][]int, len(t.Rows))
	for i, row := range t.Rows {
		last := -1
		var at []int
		for _, c := range row {
			if c.Role != "value" {
				continue
			}
			k := column(cols, c)
			if k <= last {
				return // two figures under one column, or out of order
			}
			at = append(at, k)
			last = k
		}
		placed[i] = at
	}
	for i, row := range t.Rows {
		at := placed[i]
		if len(at) == 0 || len(at) == len(cols) {
			continue
		}
		var out []*doc.Cell
		vi, line := 0, int32(-1)
		for _, c := range row {
			if c.Role != "value" {
				out = append(out, c)
				line = c.Line
			}
		}
		var vals []*doc.Cell
		for _, c := range row {
			if c.Role == "value" {
				vals = append(vals, c)
				line = c.Line
			}
		}
		for k, s := range cols {
			if vi < len(at) && at[vi] == k {
				out = append(out, vals[vi])
				vi++
				continue
			}
			// an empty cell: nothing spent in this column
			out = append(out, &doc.Cell{Row: vals[0].Row, RowSpan: 1, ColSpan: 1, Role: "value", Group: vals[0].Group, Line: line, X0: s.x0, X1: s.x1})
		}
		for ci, c := range out {
			c.Col = ci
		}
		t.Rows[i] = out
	}
}
