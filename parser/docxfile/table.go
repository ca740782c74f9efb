package docxfile

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// tableBuilder lays w:tr/w:tc out on the table grid: w:gridSpan widens a
// cell, w:vMerge continues the cell above (its RowSpan grows and no cell is
// added), w:gridBefore skips leading grid columns. Cell.Line holds the
// paragraph index of the cell's first non-empty paragraph until raw() maps
// it to a line index.
type tableBuilder struct {
	rows      [][]*doc.Cell
	col       int
	cell      *doc.Cell
	merge     bool
	cellParas int
	texts     []string
	open      map[int]*doc.Cell // grid column → cell a vMerge may continue
	first     int               // paragraph indices spanned, -1 before any
	last      int
}

func newTableBuilder() *tableBuilder {
	return &tableBuilder{open: map[int]*doc.Cell{}, first: -1, last: -1}
}

func (tb *tableBuilder) startRow() {
	tb.rows = append(tb.rows, nil)
	tb.col = 0
}

func (tb *tableBuilder) skipCols(n int) { tb.col += n }

func (tb *tableBuilder) startCell() {
	if len(tb.rows) == 0 {
		tb.startRow()
	}
	tb.cell = &doc.Cell{Row: len(tb.rows) - 1, Col: tb.col, RowSpan: 1, ColSpan: 1, Line: -1}
	tb.merge, tb.cellParas, tb.texts = false, 0, nil
}

func (tb *tableBuilder) addParagraph(idx int, text string) {
	if tb.first < 0 {
		tb.first = idx
	}
	tb.last = idx
	if tb.cell == nil {
		return
	}
	tb.cellParas++
	if t := strings.TrimSpace(text); t != "" {
		if tb.cell.Line < 0 {
			tb.cell.Line = int32(idx)
		}
		tb.texts = append(tb.texts, t)
	}
}

func (tb *tableBuilder) endCell() {
	c := tb.cell
	if c == nil {
		return
	}
	tb.cell = nil
	c.Text = strings.Join(tb.texts, "\n")
	tb.col += int(c.ColSpan)
	if above := tb.open[c.Col]; tb.merge && above != nil && above.Row+int(above.RowSpan) == c.Row {
		above.RowSpan++
		return
	}
	row := len(tb.rows) - 1
	tb.rows[row] = append(tb.rows[row], c)
	tb.open[c.Col] = c
}

func (tb *tableBuilder) table() *doc.Table {
	return &doc.Table{Rows: tb.rows, FirstLine: tb.first, LastLine: tb.last}
}
