package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/num"

	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-cross: a figure shown in several tables is the same in each. The
// summary tables' expenditure lines equal the 类 rows of the expenditure
// tables, the 本年合计 lines equal the tables' 合计 rows, 基本支出 of the
// general-budget table equals 人员经费 + 公用经费 of the basic-expenditure
// table, and the basic-expenditure lines for travel abroad, reception and
// official cars cannot exceed the "三公" table's figures for them, which
// cover all fiscal money (basic and project).
func init() {
	RegisterTests("table-cross", map[string]Test{"tables": tableCross{}.run}, Options{})
}

type tableCross struct{}

func (tableCross) run(c *Context) {
	ss := docSheets(c)
	sum := ss.of(tables.Summary)
	fis := ss.of(tables.FiscalSum)
	inc := ss.of(tables.Income)
	exp := ss.of(tables.Expenditure)
	gen := ss.of(tables.GeneralExp)
	basic := ss.of(tables.BasicExp)
	fund := ss.of(tables.GovFund)
	sg := ss.of(tables.SanGong)

	// expenditure lines by class
	if sum != nil && exp != nil {
		classLines(c, sum, 0, exp, 0)
	}
	if fis != nil {
		if sum != nil {
			for _, r := range fis.Rows {
				if code := tables.ClassOf(r.Name); code != "" && r.Group == 1 {
					if o := classLine(sum, code); o != nil {
						// fiscal money is part of all money: at most, not equal
						// (a unit with its own income or carry-over has more)
						compare(c, fis, r, 0, sum, o, 0, true)
					}
				}
			}
		}
		if gen != nil {
			classLines(c, fis, 1, gen, 0)
		}
		if fund != nil && fund.NCols[0] == 6 {
			classLines(c, fis, 2, fund, 2)
		}
	}
	// totals
	pairs := []struct {
		a      *tables.Sheet
		label  string
		acol   int
		b      *tables.Sheet
		bcol   int
		bgroup int
	}{
		{sum, "本年收入合计", 0, inc, 0, 0},
		{sum, "本年支出合计", 0, exp, 0, 0},
		{fis, "本年支出合计", 1, gen, 0, 0},
	}
	for _, p := range pairs {
		if p.a == nil || p.b == nil {
			continue
		}
		g := 0
		if p.label == "本年支出合计" {
			g = 1
		}
		ra, rb := p.a.ByLabel(g, p.label), p.b.Total(p.bgroup)
		if ra != nil && rb != nil {
			equal(c, p.b, rb, p.bcol, p.a, ra, p.acol)
		}
	}
	if gen != nil && basic != nil {
		basicTotal(c, gen, basic)
	}
	if basic != nil && sg != nil && basic.T.Kind == sg.T.Kind {
		sanGongLines(c, basic, sg)
	}
}

// classLine finds the expenditure line of a summary table for a class.
func classLine(s *tables.Sheet, code string) *tables.Row {
	for _, r := range s.Rows {
		if r.Group == 1 && tables.ClassOf(r.Name) == code {
			return r
		}
	}
	return nil
}

// classLines compares each class line of a summary table (column acol of
// its expenditure half) with the class row of a coded table (column bcol).
func classLines(c *Context, a *tables.Sheet, acol int, b *tables.Sheet, bcol int) {
	for _, r := range a.Rows {
		if r.Group != 1 {
			continue
		}
		code := tables.ClassOf(r.Name)
		if code == "" {
			continue
		}
		o := b.ByCode(code)
		if o == nil {
			// a zero line has no row in the coded table; anything else is
			// "not computable" rather than a mismatch
			if acol < len(r.Vals) && r.Vals[acol] != nil && !r.Vals[acol].Interval().ContainsZero() {
				c.TableSkipped("table cross: class row absent from the coded table")
			}
			continue
		}
		equal(c, b, o, bcol, a, r, acol)
	}
}

// equal reports when row rb's column bcol (the one quoted) and row ra's
// column acol cannot be the same figure.
func equal(c *Context, sb *tables.Sheet, rb *tables.Row, bcol int, sa *tables.Sheet, ra *tables.Row, acol int) {
	compare(c, sb, rb, bcol, sa, ra, acol, false)
}

// compare is equal, or with atMost the bound rb ≤ ra (a part of the money
// against all of it).
func compare(c *Context, sb *tables.Sheet, rb *tables.Row, bcol int, sa *tables.Sheet, ra *tables.Row, acol int, atMost bool) {
	if bcol >= len(rb.Vals) || acol >= len(ra.Vals) || rb.Vals[bcol] == nil || ra.Vals[acol] == nil {
		c.TableSkipped("table cross: figure not placed in its column")
		return
	}
	vb, va := rb.Vals[bcol], ra.Vals[acol]
	c.TableChecked()
	ib, ia := scaled(sb, vb), scaled(sa, va)
	if ib.Meets(ia) || atMost && !ia.Below(ib) {
		return
	}
	rel := "equal"
	if atMost {
		rel = "at most"
	}
	reportRow(c, rb, Vars{
		"table":    tableName(sb.T),
		"row":      rowLabel(rb),
		"stated":   figure(vb),
		"expected": figure(va),
		"relation": rel,
		"other":    fmt.Sprintf("%s %s", sa.T.Standard, rowLabel(ra)),
		"context":  ra.Text(),
	})
}

func rowLabel(r *tables.Row) string {
	switch {
	case r.Code != "" && r.Name != "":
		return r.Code + " " + r.Name
	case r.Code != "":
		return r.Code
	}
	return r.Name
}

// basicTotal: 基本支出 of the general-budget table's 合计 row equals
// 人员经费合计 + 公用经费合计 of the basic-expenditure table.
func basicTotal(c *Context, gen, basic *tables.Sheet) {
	tot := gen.Total(0)
	var parts []*tables.Value
	var anchor *tables.Row
	for _, r := range basic.Rows {
		if (r.Name == "人员经费合计" || r.Name == "公用经费合计") && len(r.Vals) > 0 {
			parts = append(parts, r.Vals[0])
			if anchor == nil {
				anchor = r
			}
		}
	}
	if tot == nil || len(parts) != 2 || len(tot.Vals) < 2 || tot.Vals[1] == nil {
		c.TableSkipped("table cross: 基本支出 or 人员经费/公用经费 not found")
		return
	}
	s, ok := sumValues(parts)
	if !ok {
		return
	}
	c.TableChecked()
	if scaled(gen, tot.Vals[1]).Meets(s.Scale(basic.UnitScale())) {
		return
	}
	reportRow(c, tot, Vars{
		"table":    tableName(gen.T),
		"row":      "合计 基本支出",
		"stated":   figure(tot.Vals[1]),
		"expected": show(s, tot.Vals[1]),
		"relation": "equal",
		"other":    basic.T.Standard + " 人员经费合计 + 公用经费合计 (" + partList(parts, nil) + ")",
		"context":  anchor.Text(),
	})
}

// sanGongLines: a basic-expenditure line for a "三公" item cannot exceed
// the "三公" table's figure for it, which also counts project spending.
// Where blank cells leave 购置/运行 undecided, the 公务用车 小计 bounds both.
func sanGongLines(c *Context, basic, sg *tables.Sheet) {
	if len(sg.Rows) == 0 {
		return
	}
	row := sg.Rows[0]
	periods := sg.SanGongPeriods()
	if periods < 1 || periods > 2 || len(row.Vals) != sg.NCols[0] {
		c.TableSkipped("table cross: 三公 table not read")
		return
	}
	p := periods - 1 // the 决算数 of a final report, the only column of a budget
	at := func(role string) *tables.Value { return row.Vals[sg.SanGongSlot(role)*periods+p] }
	items := []struct {
		code  string
		k     []string // the 三公 part, then the bound to use when it is undecided
		label string
		word  string // the line's name must say this when it has a name
	}{
		{"30212", []string{"因公出国"}, "因公出国（境）费", "出国"},
		{"30217", []string{"公务接待"}, "公务接待费", "接待"},
		{"30231", []string{"运行", "公务用车"}, "公务用车运行维护费", "公务用车"},
		{"31013", []string{"购置", "公务用车"}, "公务用车购置费", "公务用车"},
	}
	for _, it := range items {
		r := basic.ByCode(it.code)
		if r == nil || len(r.Vals) == 0 || r.Vals[0] == nil {
			continue
		}
		if r.Name != "" && !strings.Contains(r.Name, it.word) && utf8.RuneCountInString(r.Name) > 4 {
			// a budget classification may give the code another meaning
			// (30212 机关事业单位退休人员活动费); a wrapped name's fragment
			// of a few characters says nothing
			c.TableSkipped("table cross: economic line is not the 三公 item")
			continue
		}
		var bound *tables.Value
		label := it.label
		for i, k := range it.k {
			if v := at(k); v != nil {
				bound = v
				if i > 0 {
					label = "公务用车购置及运行维护费 小计"
				}
				break
			}
		}
		if bound == nil {
			c.TableSkipped("table cross: 三公 figure not placed in its column")
			continue
		}
		c.TableChecked()
		if !scaled(sg, bound).Below(scaled(basic, r.Vals[0])) {
			continue
		}
		reportRow(c, r, Vars{
			"table":    tableName(basic.T),
			"row":      rowLabel(r),
			"stated":   figure(r.Vals[0]),
			"expected": "≤ " + figure(bound),
			"relation": "at most",
			"other":    sg.T.Standard + " " + label,
			"context":  row.Text(),
		})
	}
}

// scaled is a figure's interval in 元, so tables in 元 and 万元 compare.
func scaled(s *tables.Sheet, v *tables.Value) num.Interval {
	return v.Interval().Scale(s.UnitScale())
}
