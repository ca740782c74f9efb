package checks

import (
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-lines: the final-accounts narrative restates the tables' main lines
// (本年收入合计, 本年支出合计, 基本支出, 项目支出, the function classes, 人员经费,
// 公用经费, the "三公" total and its parts with their 预算/决算). Each amount
// that names such a line must equal the table's figure, units converted and
// rounding allowed by intervals.
//
// The same words name different lines in different scopes:
// 基本支出 of all money in 支出决算情况说明 is not 基本支出 of the general
// budget. So a figure is paired only inside the section that explains its
// table, by the section's heading, and only with the line that section's
// template names; anything else is left alone.
func init() {
	RegisterTests("table-lines", map[string]Test{"lines": tableLines{}.run}, Options{Sheets: true, Vars: []string{"stated", "expected", "row", "subject", "table", "context"}})
}

type tableLines struct{}

// scope is the table a section of the narrative explains.
type scope int

const (
	scopeNone scope = iota
	scopeIncome
	scopeExpenditure
	scopeGeneral
	scopeBasic
	scopeSanGong
	scopeBudgetMain // a budget's 收入预算 … 支出预算 … paragraph
	scopeOpex       // a budget's 机关运行经费 section
)

// scopeOf reads a section heading. The most specific words come first: a
// "三公" heading also says 财政拨款, a 基本支出 heading 一般公共预算.
func scopeOf(head string) scope {
	h := tables.Fold(head)
	switch {
	case strings.Contains(h, "三公"):
		return scopeSanGong
	case strings.Contains(h, "一般公共预算财政拨款基本支出"):
		return scopeBasic
	case strings.Contains(h, "一般公共预算财政拨款支出"):
		return scopeGeneral
	case strings.Contains(h, "财政拨款") || strings.Contains(h, "总体") || strings.Contains(h, "基金") || strings.Contains(h, "国有资本"):
		return scopeNone
	case strings.Contains(h, "收入决算"):
		return scopeIncome
	case strings.Contains(h, "支出决算"):
		return scopeExpenditure
	}
	return scopeNone
}

// sectionScopes gives each block the scope of the 一、 section it is in.
// Sub-headings ((一)…) keep their section's scope; a 第X部分 part ends it.
func sectionScopes(d *doc.Document) []scope {
	out := make([]scope, len(d.Blocks))
	cur := scopeNone
	for i, b := range d.Blocks {
		if !b.TOC && b.Kind != doc.KindTableCell && b.Number != nil {
			switch b.Number.Style {
			case doc.StylePart:
				cur = scopeNone
			case doc.StyleCJK:
				head := []rune(b.Text)
				if len(head) > 40 {
					head = head[:40]
				}
				cur = scopeNone
				if h := string(head); strings.Contains(h, "说明") || strings.Contains(h, "情况") {
					cur = scopeOf(h)
				}
			}
		}
		out[i] = cur
	}
	return out
}

// lineTarget is the table figure a narrative amount is compared with.
type lineTarget struct {
	sheet *tables.Sheet
	val   *tables.Value
	row   *tables.Row
	label string // the line and column, for the message
}

var (
	subjectEnum = regexp.MustCompile(`^(?:[0-9]+[.．、]?|[（(][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)`)
	subjectQual = regexp.MustCompile(`(?:年初预算数?|预算数|预算|支出决算数?|决算数?)$`)
)

// lineName is a figure's subject reduced to a table line's name: quotes,
// spaces, enumerators (6.“…”, 1、) and the trailing qualifier go.
func lineName(f *claims.Figure) string {
	s := tables.Fold(f.Subject)
	s = subjectEnum.ReplaceAllString(s, "")
	s = strings.TrimLeft(s, ".．、")
	for i := 0; i < 2; i++ {
		s = subjectQual.ReplaceAllString(s, "")
	}
	return s
}

func (tableLines) run(c *Context) {
	if c.Claims == nil || c.Claims.Facts.Kind != claims.KindFinal && c.Claims.Facts.Kind != claims.KindBudget {
		return // government reports follow other templates
	}
	ss := docSheets(c)
	if len(ss.sheets) == 0 {
		return
	}
	if c.Claims.Facts.Kind == claims.KindBudget {
		budgetLines(c, ss)
		return
	}
	scopes := sectionScopes(c.Doc)
	year := c.Claims.Facts.Year
	for _, f := range c.Claims.Figures {
		if !thisYearsLevel(f, scopes, year) {
			continue
		}
		b := f.Block
		if strings.ContainsAny(f.Subject, "类款项") && (strings.Contains(f.Subject, "(类)") || strings.Contains(f.Subject, "（类）")) {
			continue // a 类/款/项 item: table-text pairs it with its row
		}
		t, want, ok := target(ss, scopes[b.Index], lineName(f), f.Qual)
		if !ok {
			continue // not a line this section's table holds
		}
		if t == nil {
			c.TableSkipped("table lines: " + want + " not read")
			continue
		}
		c.TableChecked()
		if f.Yuan().Meets(scaled(t.sheet, t.val)) {
			continue
		}
		c.Report(b, f.Start, f.End, Vars{
			"subject":  strings.TrimSpace(f.Subject),
			"stated":   f.Text,
			"expected": figure(t.val) + tableUnit(t.sheet),
			"table":    tableName(t.sheet),
			"row":      t.label,
			"context":  t.row.Text(),
		}, relatedRow(c, t.row, tableName(t.sheet))...)
	}
}

// sanGongLines maps a "三公" subject (without 支出 and 财政拨款) to its slot.
var sanGongNames = map[string]string{
	"三公经费": "合计", "三公": "合计",
	"因公出国(境)费": "因公出国", "因公出国(境)经费": "因公出国",
	"公务用车购置及运行维护费": "公务用车", "公务用车购置及运行费": "公务用车",
	"公务用车购置费": "购置", "公务用车购置": "购置",
	"公务用车运行维护费": "运行", "公务用车运行费": "运行", "公务用车运行维护": "运行",
	"公务接待费": "公务接待",
}

// target finds the table figure for a line name in a scope. ok is false
// when the name is no line of the scope's table; a nil target with ok
// means the table or its figure could not be read (coverage, not a finding).
func target(ss *sheetSet, sc scope, name string, q claims.Qual) (*lineTarget, string, bool) {
	final := q == claims.QualNone || q == claims.QualFinal
	at := func(s *tables.Sheet, r *tables.Row, col int, label string) *lineTarget {
		if s == nil || r == nil || col >= len(r.Vals) || r.Vals[col] == nil {
			return nil
		}
		return &lineTarget{sheet: s, row: r, val: r.Vals[col], label: label}
	}
	switch sc {
	case scopeIncome, scopeExpenditure:
		if !final {
			return nil, "", false
		}
		sum, g, tbl := ss.of(tables.Summary), 0, ss.of(tables.Income)
		if sc == scopeExpenditure {
			g, tbl = 1, ss.of(tables.Expenditure)
		}
		total := func() *tables.Row {
			if tbl == nil {
				return nil
			}
			return tbl.Total(0)
		}
		switch {
		case sc == scopeIncome && name == "本年收入合计" || sc == scopeExpenditure && name == "本年支出合计":
			if sum != nil {
				if t := at(sum, sum.ByLabel(g, name), 0, name); t != nil {
					return t, name, true
				}
			}
			return at(tbl, total(), 0, "合计"), name, true
		case sc == scopeExpenditure && (name == "基本支出" || name == "项目支出"):
			col := 1
			if name == "项目支出" {
				col = 2
			}
			if tbl != nil && tbl.T.Kind != "final" {
				return nil, name, true
			}
			return at(tbl, total(), col, "合计 "+name), name, true
		}
	case scopeGeneral, scopeBasic:
		if !final {
			return nil, "", false
		}
		gen := ss.of(tables.GeneralExp)
		tot := func() *tables.Row {
			if gen == nil {
				return nil
			}
			return gen.Total(0)
		}
		switch {
		case sc == scopeGeneral && name == "一般公共预算财政拨款支出":
			return at(gen, tot(), 0, "合计"), name, true
		case sc == scopeBasic && name == "一般公共预算财政拨款基本支出":
			return at(gen, tot(), 1, "合计 基本支出"), name, true
		case sc == scopeBasic && (name == "人员经费" || name == "公用经费"):
			basic := ss.of(tables.BasicExp)
			if basic == nil {
				return nil, name, true
			}
			for g := 0; g < 2; g++ {
				if r := basic.ByLabel(g, name+"合计"); r != nil {
					return at(basic, r, 0, name+"合计"), name, true
				}
			}
			return nil, name, true
		case sc == scopeGeneral:
			code := tables.ClassOf(name)
			if code == "" {
				code = tables.ClassOf(name + "支出")
			}
			if code == "" {
				return nil, "", false
			}
			if gen == nil {
				return nil, name, true
			}
			if r := gen.ByCode(code); r != nil {
				return at(gen, r, 0, code+" "+tables.Classes[code]), name, true
			}
			// the table lists every class with money and leaves out the
			// rest: a class the text gives an amount but the read table
			// has no row for is a total no table supports
			if tot := tot(); tot != nil {
				return &lineTarget{sheet: gen, row: tot, val: &tables.Value{Blank: true}, label: code + " " + tables.Classes[code] + " (no such row)"}, name, true
			}
			return nil, name, true
		}
	case scopeSanGong:
		n := strings.ReplaceAll(name, "财政拨款", "")
		n = strings.TrimSuffix(n, "支出")
		role, known := sanGongNames[n]
		if !known || q == claims.QualAdjusted || q == claims.QualExec {
			return nil, "", false
		}
		sg := ss.of(tables.SanGong)
		if sg == nil || len(sg.Rows) == 0 {
			return nil, name, true
		}
		row := sg.Rows[0]
		periods := sg.SanGongPeriods()
		if periods < 1 || periods > 2 || len(row.Vals) != sg.NCols[0] {
			return nil, name, true
		}
		p, col := periods-1, "决算数"
		if sg.T.Kind == "budget" {
			// a budget's 三公 table has one figure per item: the budget
			if q == claims.QualFinal || periods != 1 {
				return nil, "", false
			}
			p, col = 0, "预算数"
		} else if q == claims.QualBudget {
			if periods != 2 {
				return nil, "", false
			}
			p, col = 0, "预算数"
		}
		return at(sg, row, sg.SanGongSlot(role)*periods+p, role+" "+col), name, true
	}
	return nil, "", false
}

// thisYearsLevel: a figure stating this year's value of something, in a
// block of a section that explains a table.
func thisYearsLevel(f *claims.Figure, scopes []scope, year int) bool {
	b := f.Block
	if b == nil || int(b.Index) >= len(scopes) || scopes[b.Index] == scopeNone || b.Appendix {
		return false
	}
	return f.Role == claims.RoleLevel && f.Unit.IsAmount() && !f.Earlier && !f.Paren && (f.Year == 0 || f.Year == year)
}
