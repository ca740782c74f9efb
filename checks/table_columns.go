package checks

import (
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-columns: the identities inside one table. Per row: 合计 = 基本支出 +
// 项目支出 (+ the other columns present), 本年收入合计 = Σ sources, the 三公
// 合计 = its parts and 公务用车 小计 = 购置 + 运行, a fund's 年末 = 年初 +
// 收入 − 支出. In the summary tables: 本年收入合计 = Σ income lines, 本年支出合计
// = Σ expenditure lines, the 总计 of each side and their equality. In the
// basic-expenditure table: 人员经费合计 and 公用经费合计 = their classes.
func init() {
	Register("table-columns", tableColumns{Persons: []string{"301", "303"}}, map[string]func(tableColumns) Test{
		"identities": func(p tableColumns) Test { return p.run },
	}, Options{})
}

type tableColumns struct {
	Persons []string `yaml:"persons"` // economic classes making up 人员经费
}

func (p tableColumns) run(c *Context) {
	ss := docSheets(c)
	for _, s := range ss.sheets {
		if ss.misread(s) {
			c.TableSkipped("table reading failed: rows misaligned")
			continue
		}
		for g := 0; g < 2; g++ {
			ids := s.Identities(g)
			for _, r := range s.Rows {
				if r.Group != g || len(ids) == 0 {
					continue
				}
				if r.Short {
					if len(r.Cells) > 0 {
						c.TableSkipped("table columns: blank cells lost in text, row placed by its identities")
					}
					continue
				}
				for _, id := range ids {
					checkIdentity(c, s, r, id)
				}
			}
		}
		switch s.Std.Name {
		case tables.Summary:
			p.summary(c, s, []string{"使用非财政拨款结余", "年初结转和结余"}, []string{"结余分配", "年末结转和结余"})
		case tables.FiscalSum:
			p.summary(c, s, []string{"年初财政拨款结转和结余"}, []string{"年末财政拨款结转和结余"})
		case tables.BasicExp:
			p.basic(c, s)
		}
	}
}

func checkIdentity(c *Context, s *tables.Sheet, r *tables.Row, id tables.Identity) {
	ok, known := id.Holds(r.Vals)
	if !known {
		return
	}
	c.TableChecked()
	if ok {
		return
	}
	sum, _ := id.Sum(r.Vals)
	parts := make([]*tables.Value, len(id.Parts))
	for i, p := range id.Parts {
		parts[i] = r.Vals[p]
	}
	stated := r.Vals[id.Total]
	report(c, s, r, id.Name, stated, sum, partList(parts, id.Signs))
}

func report(c *Context, s *tables.Sheet, r *tables.Row, what string, stated *tables.Value, sum num.Interval, parts string) {
	label := r.Code
	if label == "" {
		label = r.Name
	}
	if label == "" {
		label = "row"
	}
	reportRow(c, r, Vars{
		"table":    tableName(s.T),
		"row":      label,
		"identity": what,
		"stated":   figure(stated),
		"expected": show(sum, stated),
		"parts":    parts,
	})
}

// topItem matches the income and expenditure lines that a 本年…合计 adds up
// (一、… 二十四、); sub-items (（一）) are left out so nothing counts twice.
var topItem = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// summary checks the side totals of 收入支出决算总表 / 财政拨款收入支出决算总表.
func (p tableColumns) summary(c *Context, s *tables.Sheet, addIn, addOut []string) {
	var totals [2]*tables.Row
	for g, suffix := range []string{"收入合计", "支出合计"} {
		var items []*tables.Row
		for _, r := range s.Rows {
			if r.Group != g {
				continue
			}
			name := r.Name
			if strings.HasSuffix(name, suffix) && !topItem.MatchString(name) {
				totals[g] = r
				break
			}
			if topItem.MatchString(name) {
				items = append(items, r)
			}
		}
		tot := totals[g]
		if tot == nil {
			// a budget's summary has no 本年合计 line: its enumerated lines
			// add up to the side's 总计 directly
			for _, r := range s.Rows {
				if r.Group == g && strings.HasSuffix(r.Name, "总计") {
					tot = r
					break
				}
			}
			if tot != nil {
				items = items[:0]
				for _, r := range s.Rows {
					if r.Group == g && topItem.MatchString(r.Name) {
						items = append(items, r)
					}
				}
			}
		}
		if tot == nil || len(items) == 0 {
			c.TableSkipped("table columns: summary total line not found")
			continue
		}
		for col := range tot.Vals {
			vs := make([]*tables.Value, len(items))
			for i, it := range items {
				if col < len(it.Vals) {
					vs[i] = it.Vals[col]
				}
			}
			sumCheck(c, s, tot, col, vs, "本年"+suffix+" = Σ 各项")
		}
	}
	// 总计 = 本年合计 + the carry-over lines, each side
	var grand [2]*tables.Row
	for g, adds := range [][]string{addIn, addOut} {
		for _, r := range s.Rows {
			if r.Group == g && (r.Name == "总计" || strings.HasSuffix(r.Name, "总计")) {
				grand[g] = r
			}
		}
		if grand[g] == nil || totals[g] == nil {
			continue
		}
		rows := []*tables.Row{totals[g]}
		for _, a := range adds {
			r := s.ByLabel(g, a)
			if r == nil {
				rows = nil // a missing line is not a zero
				break
			}
			rows = append(rows, r)
		}
		if rows == nil {
			c.TableSkipped("table columns: carry-over line not found")
			continue
		}
		for col := range grand[g].Vals {
			vs := make([]*tables.Value, len(rows))
			for i, r := range rows {
				if col < len(r.Vals) {
					vs[i] = r.Vals[col]
				}
			}
			sumCheck(c, s, grand[g], col, vs, "总计 = 本年合计 + 结转结余")
		}
	}
	if grand[0] != nil && grand[1] != nil && len(grand[0].Vals) > 0 && len(grand[1].Vals) > 0 {
		sumCheck(c, s, grand[1], 0, []*tables.Value{grand[0].Vals[0]}, "支出总计 = 收入总计")
	}
}

// sumCheck compares row r's column col with the sum of vs.
func sumCheck(c *Context, s *tables.Sheet, r *tables.Row, col int, vs []*tables.Value, what string) {
	if col >= len(r.Vals) || r.Vals[col] == nil {
		c.TableSkipped("table columns: figure not placed in its column")
		return
	}
	sum, ok := sumValues(vs)
	if !ok {
		c.TableSkipped("table columns: figure not placed in its column")
		return
	}
	if belowLargest(r.Vals[col], vs) {
		c.TableSkipped("table reading failed: total below its largest item")
		return
	}
	c.TableChecked()
	if r.Vals[col].Interval().Meets(sum) {
		return
	}
	report(c, s, r, what, r.Vals[col], sum, partList(vs, nil))
}

// basic checks 人员经费合计 = Σ the persons classes and 公用经费合计 = Σ the others.
func (p tableColumns) basic(c *Context, s *tables.Sheet) {
	var person, public []*tables.Value
	for _, r := range s.Rows {
		if len(r.Code) != 3 || len(r.Vals) == 0 {
			continue
		}
		if contains(p.Persons, r.Code) {
			person = append(person, r.Vals[0])
		} else {
			public = append(public, r.Vals[0])
		}
	}
	for _, x := range []struct {
		label string
		vs    []*tables.Value
	}{{"人员经费合计", person}, {"公用经费合计", public}} {
		var tot *tables.Row
		for _, r := range s.Rows {
			if r.Name == x.label || r.Name == strings.TrimSuffix(x.label, "合计") {
				tot = r
			}
		}
		if tot == nil || len(x.vs) == 0 || len(tot.Vals) == 0 {
			continue
		}
		sumCheck(c, s, tot, 0, x.vs, x.label+" = Σ 经济分类类级")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
