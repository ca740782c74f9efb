package checks

import (
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// Budget reports (部门预算 / 单位预算) restate their tables in a fixed
// template: the 编制说明 paragraph gives 收入预算 with its sources and
// 支出预算 with its funds, the "三公" section the 三公 total and its parts,
// and a 机关运行经费 section the figure the "三公" table prints in its last
// column. Their headings are not numbered the way final accounts' are, so
// the scope of a block is read from its own words.

// budgetMainRe: the paragraph that opens the 编制说明, "…收入预算37,151.47万元".
var budgetMainRe = regexp.MustCompile(`收入预算(?:数)?(?:为)?[0-9]`)

// budgetScopes gives each block the budget table it restates, scopeNone
// for anything else.
func budgetScopes(d *doc.Document) []scope {
	out := make([]scope, len(d.Blocks))
	cur := scopeNone
	for i, b := range d.Blocks {
		if b.TOC || b.Kind == doc.KindTableCell {
			continue // a table cell neither opens nor closes a section
		}
		h := []rune(tables.Fold(b.Text))
		if len(h) > 60 {
			h = h[:60]
		}
		head := string(h)
		// a definition in 名词解释 ("三公"经费：是与…) names the lines too,
		// but restates no figure
		definition := strings.Contains(head, "经费:") || strings.Contains(head, "经费：")
		switch {
		case definition:
			cur = scopeNone
		case strings.Contains(head, "三公") && (strings.Contains(head, "预算情况") || strings.Contains(head, "经费预算数") || strings.Contains(head, "经费预算为")):
			cur = scopeSanGong
		case strings.Contains(head, "机关运行经费"):
			cur = scopeOpex
		case budgetMainRe.MatchString(head):
			cur = scopeBudgetMain
		case b.Number != nil && (b.Number.Style == doc.StylePart || b.Number.Style == doc.StyleCJK):
			cur = scopeNone // a new section
		case cur == scopeBudgetMain && (strings.Contains(head, "(类)") || strings.Contains(head, "科目") || strings.Contains(head, "原因") || strings.Contains(head, "主要内容")):
			// the items and causes after the totals are other lines
			cur = scopeNone
		}
		out[i] = cur
	}
	return out
}

// budgetSources are the income lines of 财务收支预算总表 the paragraph names.
var budgetSources = map[string]string{
	"财政拨款收入": "财政拨款收入", "事业收入": "事业收入", "事业单位经营收入": "事业单位经营收入",
	"其他收入": "其他收入",
}

// budgetLines compares a budget narrative's totals with its tables.
func budgetLines(c *Context, ss *sheetSet) {
	scopes := budgetScopes(c.Doc)
	year := c.Claims.Facts.Year
	for _, f := range c.Claims.Figures {
		if !thisYearsLevel(f, scopes, year) {
			continue
		}
		b := f.Block
		// the year's budget, never the last year's 执行数 or an adjustment
		if f.Qual != claims.QualNone && f.Qual != claims.QualBudget {
			continue
		}
		var t *lineTarget
		var want string
		ok := false
		switch sc := scopes[b.Index]; sc {
		case scopeBudgetMain:
			t, want, ok = budgetMainTarget(ss, f)
		case scopeSanGong:
			t, want, ok = target(ss, scopeSanGong, lineName(f), claims.QualBudget)
		case scopeOpex:
			t, want, ok = opexTarget(ss, f)
		}
		if !ok {
			continue
		}
		if t == nil {
			c.TableSkipped("table lines: " + want + " not read")
			continue
		}
		c.TableChecked()
		if f.Yuan().Meets(scaled(t.sheet, t.val)) {
			continue
		}
		context := t.label
		if t.row != nil {
			context = t.row.Text()
		}
		c.Report(b, f.Start, f.End, Vars{
			"subject":  strings.TrimSpace(f.Subject),
			"stated":   f.Text,
			"expected": figure(t.val) + tableUnit(t.sheet),
			// a budget's tables go by their own titles (部门收入预算总表…),
			// not by the final-accounts names the catalog files them under
			"table":   t.sheet.T.Title,
			"row":     t.label,
			"context": context,
		}, relatedRow(c, t.row, t.sheet.T.Title)...)
	}
}

// budgetMainTarget pairs a figure of the 编制说明 paragraph with its table
// line: 收入预算 with 部门收入预算表's 合计, each source with its line of
// 财务收支预算总表, 支出预算 with 部门支出预算表's 合计, 财政拨款支出 with
// 财政拨款收支预算总表's 支出总计, and each fund's 拨款支出 with its table.
func budgetMainTarget(ss *sheetSet, f *claims.Figure) (*lineTarget, string, bool) {
	subj := tables.Fold(f.Subject)
	name := lineName(f)
	at := func(s *tables.Sheet, r *tables.Row, col int, label string) *lineTarget {
		if s == nil || r == nil || col >= len(r.Vals) || r.Vals[col] == nil {
			return nil
		}
		return &lineTarget{sheet: s, row: r, val: r.Vals[col], label: label}
	}
	total := func(std string) *tables.Sheet {
		s := ss.of(std)
		if s == nil || s.Total(0) == nil {
			return nil
		}
		return s
	}
	switch {
	case budgetSources[name] != "":
		line := budgetSources[name]
		sum := ss.of(tables.Summary)
		if sum == nil {
			return nil, line, true
		}
		return at(sum, sum.ByLabel(0, line), 0, line), line, true
	case strings.HasSuffix(subj, "收入预算") || strings.HasSuffix(subj, "收入预算数"):
		// "<部门>收入预算": the whole year's income
		if s := total(tables.Income); s != nil {
			return at(s, s.Total(0), 0, "合计"), "收入预算", true
		}
		return nil, "收入预算", true
	case name == "支出":
		if s := total(tables.Expenditure); s != nil {
			return at(s, s.Total(0), 0, "合计"), "支出预算", true
		}
		return nil, "支出预算", true
	case name == "财政拨款支出":
		fs := ss.of(tables.FiscalSum)
		if fs == nil {
			return nil, name, true
		}
		return at(fs, fs.ByLabel(1, "支出总计"), 0, "支出总计 合计"), name, true
	case name == "一般公共预算拨款支出" || name == "一般公共预算财政拨款支出":
		if s := total(tables.GeneralExp); s != nil {
			return at(s, s.Total(0), 0, "合计"), name, true
		}
		return nil, name, true
	case name == "政府性基金拨款支出" || name == "政府性基金预算拨款支出" || name == "国有资本经营预算拨款支出":
		std := tables.GovFund
		if strings.HasPrefix(name, "国有资本") {
			std = tables.StateCap
		}
		for _, s := range ss.sheets {
			if s.Std.Name == std && s.T.Empty && !ss.misread(s) {
				// the empty table with its 本表为空表 note: the fund spends nothing
				return &lineTarget{sheet: s, val: &tables.Value{Blank: true}, label: "合计 (本表为空表)"}, name, true
			}
		}
		if s := total(std); s != nil {
			return at(s, s.Total(0), 0, "合计"), name, true
		}
		return nil, name, true
	}
	return nil, "", false
}

// opexTarget pairs 机关运行经费 with the last column of the "三公" table
// when that table prints it (…三公经费和机关运行经费预算表).
func opexTarget(ss *sheetSet, f *claims.Figure) (*lineTarget, string, bool) {
	if !strings.Contains(lineName(f), "机关运行经费") {
		return nil, "", false
	}
	sg := ss.of(tables.SanGong)
	if sg == nil || len(sg.Rows) == 0 {
		return nil, "", false // no table shows it: nothing to compare
	}
	if sg.NCols[0] != 7 {
		return nil, "", false
	}
	row := sg.Rows[0]
	if len(row.Vals) != 7 || row.Vals[6] == nil {
		return nil, "机关运行经费", true
	}
	return &lineTarget{sheet: sg, row: row, val: row.Vals[6], label: "机关运行经费预算数"}, "机关运行经费", true
}
