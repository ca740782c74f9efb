package tables

import (
	"fmt"
	"io"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Print writes every table for `budgetlint extract --tables`: a line
// "# table: <standard name or own title> (page N)", then each row's cells
// separated by tabs (a side-by-side table's halves separated by " | "), so
// a user can see what was read before trusting what was checked.
func Print(w io.Writer, ts []*doc.Table) error {
	for _, t := range ts {
		name := t.Standard
		if name == "" {
			name = t.Title
		}
		head := "# table: " + name
		if t.Page > 0 {
			head += fmt.Sprintf(" (page %d)", t.Page)
		}
		var extra []string
		if t.Kind != "" {
			extra = append(extra, t.Kind)
		}
		if t.Unit != "" {
			extra = append(extra, "单位："+t.Unit)
		}
		if t.Empty {
			extra = append(extra, "本表无数据")
		}
		if len(extra) > 0 {
			head += " [" + strings.Join(extra, ", ") + "]"
		}
		if _, err := fmt.Fprintln(w, head); err != nil {
			return err
		}
		if t.Title != "" && t.Title != name {
			fmt.Fprintf(w, "# title: %s\n", t.Title)
		}
		if len(t.Columns) > 0 {
			fmt.Fprintf(w, "# columns: %s\n", strings.Join(t.Columns, " | "))
		}
		if t.Unmatched != "" {
			fmt.Fprintf(w, "# not read as %s\n", t.Unmatched)
		}
		for _, row := range t.Rows {
			var b strings.Builder
			g := int32(0)
			if len(row) > 0 && row[0].Group == 1 {
				b.WriteString("|\t") // only the right half (支出) of a side-by-side row
				g = 1
			}
			for i, c := range row {
				if i > 0 {
					if c.Group != g {
						b.WriteString("\t|\t")
					} else {
						b.WriteByte('\t')
					}
				}
				g = c.Group
				b.WriteString(c.Text)
			}
			if _, err := fmt.Fprintln(w, b.String()); err != nil {
				return err
			}
		}
	}
	return nil
}
