package checks

import "github.com/budgetlint/budgetlint/parser/tables"

// table-unreadable: a table whose figures fail a third or more of its
// template's identities at once (three at least) was misread — its rows
// drifted against their figures in extraction, or its columns are not the
// ones its header seemed to name — not misprinted: one finding says so,
// the table's figures are used by no check, and no burst of errors
// follows from it.
func init() {
	RegisterTests("table-unreadable", map[string]Test{"tables": tableUnreadable}, Options{Sheets: true, Vars: []string{"table", "why", "stated", "claim"}})
}

func tableUnreadable(c *Context) {
	ss := docSheets(c)
	for _, s := range ss.sheets {
		j := ss.judged[s]
		if !j.misread {
			continue
		}
		c.TableSkipped("table reading failed: " + j.why)
		if r := firstRow(s); r != nil {
			reportRow(c, r, Vars{"table": tableName(s), "why": j.why, "stated": s.T.Title, "claim": s.T.Title})
		}
	}
}

// firstRow is the row a finding about a whole table points at.
func firstRow(s *tables.Sheet) *tables.Row {
	for _, r := range s.Rows {
		if len(r.Cells) > 0 {
			return r
		}
	}
	if len(s.Rows) > 0 {
		return s.Rows[0]
	}
	return nil
}
