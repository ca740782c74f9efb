package tables

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Recognize names a table (Standard, Kind) from its title and, for grids
// built by a reader (HTML), gives each cell its role and group the way the
// line reader does. Tables already read from lines are left as they are.
func Recognize(t *doc.Table) {
	var std *Standard
	if t.Standard == "" {
		s, kind := MatchTitle(t.Title)
		if s == nil {
			return
		}
		std = s
		t.Standard, t.Kind = s.Name, kind
	} else {
		std = ByName(t.Standard)
	}
	if std == nil {
		return
	}
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Role != "" {
				return // read from lines: roles are set
			}
		}
	}
	gridRoles(t, std.Layout)
}

// gridRoles classifies the cells of a reader-built grid: rows before the
// first row with a figure or code are header rows; in a data row a label
// after figures starts the second half of a side-by-side table; an empty
// cell after the label is a blank figure cell, kept so columns stay aligned.
func gridRoles(t *doc.Table, lay Layout) {
	data := false
	var rows [][]*doc.Cell
	for _, row := range t.Rows {
		isData := false
		for _, c := range row {
			s := strings.TrimSpace(c.Text)
			if isFigure(s) || isCode(s, lay) || isCode(strings.ReplaceAll(s, " ", ""), lay) {
				isData = true
			}
		}
		if !isData && !data {
			var parts []string
			for _, c := range row {
				parts = append(parts, strings.TrimSpace(c.Text))
			}
			t.Header = append(t.Header, strings.Join(parts, " "))
			continue
		}
		data = true
		g, seenVal, seenLabel := 0, false, false
		for _, c := range row {
			s := strings.TrimSpace(c.Text)
			c.Line = -1
			switch {
			case s == "":
				if seenLabel || lay == LayoutSanGong {
					c.Role = "value"
				}
			case isFigure(s):
				c.Role = "value"
				seenVal = true
			case isCode(strings.ReplaceAll(s, " ", ""), lay):
				if seenVal || (seenLabel && lay == LayoutEconomic) {
					g, seenVal = 1, false
				}
				c.Role = "code"
				c.Text = strings.ReplaceAll(s, " ", "")
				seenLabel = true
			default:
				if seenVal && lay != LayoutFunction {
					g, seenVal = 1, false
				}
				c.Role = "name"
				seenLabel = true
			}
			c.Group = g
		}
		if lay == LayoutSummary && g == 0 {
			for _, c := range row {
				if c.Role == "name" && isExpLabel(c.Text) {
					for _, d := range row {
						d.Group = 1
					}
				}
			}
		}
		rows = append(rows, row)
	}
	t.Rows = rows
}
