package checks

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// tableEmpty reports a table whose note says it has no data (本表无数据)
// while its rows print figures other than zero: one of the two is wrong,
// and an empty table's note is what excuses it from every other check.
type tableEmpty struct{}

func init() {
	RegisterTests("table-empty", map[string]Test{"note": tableEmpty{}.run}, Options{Sheets: true, Vars: []string{"stated", "expected", "table", "claim"}})
}

func (tableEmpty) run(c *Context) {
	for _, t := range c.Doc.Tables {
		if !t.Empty {
			continue
		}
		for ri, row := range t.Rows {
			var figs []string
			for _, cell := range row {
				if cell.Role != "value" {
					continue
				}
				d, ok := num.ParseDecimal(strings.TrimSpace(cell.Text))
				if ok && !d.IsZero() {
					figs = append(figs, strings.TrimSpace(cell.Text))
				}
			}
			if len(figs) == 0 {
				continue
			}
			c.TableChecked()
			r := &tables.Row{Index: ri, All: row}
			reportRow(c, r, Vars{
				"table":    tableNameOf(docSheets(c).cat.ByName(t.Standard), t),
				"stated":   "本表无数据",
				"expected": strings.Join(figs, " "),
				"claim":    strings.Join(cellTexts(row), " "),
			})
			break // one finding per table
		}
	}
}

func cellTexts(row []*doc.Cell) []string {
	out := make([]string, 0, len(row))
	for _, c := range row {
		if t := strings.TrimSpace(c.Text); t != "" {
			out = append(out, t)
		}
	}
	return out
}
