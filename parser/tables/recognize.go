package tables

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Recognize names a table with the default pack's templates.
func Recognize(t *doc.Table) { Default().Recognize(t) }

// Recognize names a table (Standard, Kind) from its title and, for grids
// built by a reader (HTML), gives each cell its role and group the way the
// line reader does. Tables already read from lines are left as they are.
func (cat *Catalog) Recognize(t *doc.Table) {
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Role != "" {
				return // read from lines: recognised and confirmed by Detect
			}
		}
	}
	var std *Standard
	if t.Standard == "" {
		s, kind := cat.MatchTitle(t.Title)
		if s == nil {
			return
		}
		std = s
		t.Standard, t.Kind = s.Name, kind
	} else {
		std = cat.ByName(t.Standard)
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
	header := gridRoles(t, std.Layout)
	if std.Government() {
		gridColumns(t, header, std)
		return
	}
	confirm(t, std)
}

// gridRoles classifies the cells of a reader-built grid: rows before the
// first row with a figure or code are header rows; in a data row a label
// after figures starts the second half of a side-by-side table; an empty
// cell after the label is a blank figure cell, kept so columns stay aligned.
// It returns the header rows' cells.
func gridRoles(t *doc.Table, lay Layout) (header [][]*doc.Cell) {
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
			header = append(header, row)
			continue
		}
		data = true
		g, seenVal, seenLabel := int32(0), false, false
		joinSubCodes(row, lay)
		for i, c := range row {
			s := strings.TrimSpace(c.Text)
			c.Line = -1
			if c.Role == "part" {
				// a 款 or 项 column of a code split over 类|款|项, joined into
				// the code cell before it
				c.Role = ""
				continue
			}
			switch {
			case gridCode(row, i, lay, seenVal, seenLabel):
				// a code in its own column reads like a figure (208, 30101);
				// its place says it is a label: first in its half, or an
				// economic code after figures with a name following it
				if seenVal {
					g, seenVal = 1, false
				}
				c.Role = "code"
				c.Text = strings.ReplaceAll(s, " ", "")
				seenLabel = true
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
	return header
}

// gridCode reports a code cell of a grid row: a function or economic code
// that leads its row, or, in an economic table with two halves side by
// side, one after figures that a name follows.
func gridCode(row []*doc.Cell, i int, lay Layout, seenVal, seenLabel bool) bool {
	s := strings.ReplaceAll(strings.TrimSpace(row[i].Text), " ", "")
	if row[i].Role == "code" {
		return true
	}
	if !isCode(s, lay) {
		return false
	}
	if !seenVal && !seenLabel {
		return true
	}
	if !seenVal || lay != LayoutEconomic {
		return false
	}
	for _, c := range row[i+1:] {
		if t := strings.TrimSpace(c.Text); t != "" {
			return !isFigure(t)
		}
	}
	return false
}

// joinSubCodes joins a code split over 类 | 款 | 项 columns (208 | 05 | 01)
// into its first cell (2080501), so the row has one code like a row of the
// Shanghai template; the 款 and 项 cells are marked "part" for gridRoles.
// Only a code that leads the row, followed by two-digit or blank cells and
// then a name, is joined.
func joinSubCodes(row []*doc.Cell, lay Layout) {
	if lay != LayoutFunction && lay != LayoutEconomic {
		return
	}
	for i, c := range row {
		s := strings.TrimSpace(c.Text)
		if s == "" {
			continue
		}
		if !isCode(s, lay) || len(s) != 3 {
			return
		}
		code := s
		var parts []*doc.Cell
		next := "" // the first cell after the code columns: must be the name
		for _, d := range row[i+1:] {
			t := strings.TrimSpace(d.Text)
			if len(parts) == 2 || t != "" && !subCodeRe.MatchString(t) {
				next = t
				break
			}
			code += t // a blank 款 or 项 cell: a 类 or 款 row
			parts = append(parts, d)
		}
		if len(parts) == 0 || next == "" || isFigure(next) || !isCode(code, lay) {
			return
		}
		c.Text, c.Role = code, "code"
		for _, d := range parts {
			d.Role = "part"
		}
		return
	}
}

// confirm keeps a table's Standard only when its header or rows carry one
// of the template's words (a title alone does not make the table: province
// reports have their own 一般公共预算支出决算表 with other columns) and it
// has no more figure columns than the template; otherwise the table keeps
// its own title and is not checked against the template.
func confirm(t *doc.Table, std *Standard) {
	if std == nil {
		return
	}
	var b strings.Builder
	for _, h := range t.Header {
		b.WriteString(Fold(h))
	}
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Role == "name" || c.Role == "code" || c.Role == "" {
				b.WriteString(Fold(c.Text))
			}
		}
	}
	text := b.String()
	ok := t.Empty && len(t.Rows) == 0
	for _, w := range std.Confirm {
		if strings.Contains(text, w) {
			ok = true
		}
	}
	if ok {
		for g := 0; g < 2; g++ {
			want := std.maxColumns(t.Kind, g)
			if want == 0 {
				continue
			}
			for _, row := range t.Rows {
				n := 0
				for _, c := range row {
					if int(c.Group) == g && c.Role == "value" {
						n++
					}
				}
				if n > want {
					ok = false
				}
			}
		}
	}
	if ok && std.Layout == LayoutSanGong {
		// a department's 三公 table has one row of figures; a government
		// report's has one per department or item
		rows := 0
		for _, row := range t.Rows {
			for _, c := range row {
				if c.Role == "value" {
					rows++
					break
				}
			}
		}
		ok = rows <= 1
	}
	if !ok {
		t.Standard, t.Kind = "", ""
	}
}
