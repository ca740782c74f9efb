package checks

// table-columns: the identities inside one table that its template
// declares (rules/templates-*.yaml), other than its row hierarchy: per row
// across its columns (合计 = 基本支出 + 项目支出, a fund's 年末 = 年初 + 收入 −
// 支出, the "三公" 合计 = its parts) and between rows (本年收入合计 = Σ the
// numbered lines, 总计 = 本年合计 + 结转结余, 人员经费合计 = Σ its classes).
// They are judged once per document (table_judge.go).
func init() {
	RegisterTests("table-columns", map[string]Test{"identities": func(c *Context) { replay(c, ruleColumns) }}, Options{Sheets: true, Vars: []string{"stated", "expected", "identity", "parts", "row", "table", "claim"}})
}

// replay counts and reports the verdicts of one rule kind on every table
// the document's reading did not fail.
func replay(c *Context, rule string) {
	ss := docSheets(c)
	for _, s := range ss.sheets {
		j := ss.judged[s]
		if j.misread {
			c.TableSkipped("table reading failed: rows misaligned")
			continue
		}
		for _, v := range j.verdicts {
			switch {
			case v.rule != rule:
			case v.failed:
				reportRow(c, v.row, v.vars)
			case v.skip != "":
				c.TableSkipped(v.skip)
			default:
				c.TableChecked()
			}
		}
	}
}
