package checks

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-narrative: a government report's narrative against its own tables.
// An amount, a completion rate (为预算的X%) or a growth rate (比上年增长X%)
// the text gives for a subject — 全市一般公共预算收入, 税收收入, 教育支出 —
// is compared with the row of the report's table of the same subject, year
// and level of government (the templates' subjects name a table's total
// row in prose). The binding must be unambiguous: a subject whose level
// the text does not say while tables of several levels have it, or that
// no table's row answers to, is not compared. A figure is consistent when
// any reading its wording allows meets the table: an unqualified amount
// may be the 执行数 or the budget; a rate the printed one or the one the
// row's amounts give.
func init() {
	RegisterTests("table-narrative", map[string]Test{"government": tableNarrative},
		Options{Sheets: true, Vars: []string{"subject", "stated", "expected", "table", "row", "column", "context"}})
}

func tableNarrative(c *Context) {
	if c.Claims == nil {
		return
	}
	ss := docSheets(c)
	var gov []*tables.Sheet
	for _, s := range ss.sheets {
		if s.Std.Government() && !ss.misread(s) && !s.T.Empty {
			gov = append(gov, s)
		}
	}
	if len(gov) == 0 {
		return
	}
	cs := c.Claims
	ix := tables.NewIndex(gov, cs.Scope)
	done := map[*claims.Figure]bool{}
	for _, cp := range cs.Completions {
		if cp.Rate == nil || cp.Final == nil {
			continue
		}
		var cols []string
		switch cp.Base {
		case "调整", "调整后":
			cols = []string{"为调整预算%"}
		case "年初":
			cols = []string{"为预算%"}
		default:
			cols = []string{"为预算%", "为调整预算%"}
		}
		if narrativeRate(c, ix, cp, cp.Final, cp.Rate, cols, []rateFrom{{"执行数", "预算数", false}, {"执行数", "调整预算数", false}}) ||
			itemRate(c, ix, cp, cp.Final, cp.Rate, statedPercent(cp.Rate), completionRates(cp.Base)) {
			done[cp.Rate] = true
		}
	}
	for _, ch := range cs.Changes {
		narrativeChange(c, ix, ch)
	}
	for _, ch := range cs.Changes {
		if ch.Rate == nil || ch.Current == nil || !priorYear(ch.Ref) {
			continue
		}
		if narrativeRate(c, ix, ch, ch.Current, ch.Rate, []string{"比上年增长%"},
			[]rateFrom{{"执行数", "上年执行数", true}, {"预算数", "上年执行数", true}, {"预算数", "上年预算数", true}}) {
			continue
		}
		dir := ch.Dir
		if ch.RateDir != claims.DirNone {
			dir = ch.RateDir // 减少186.40万元，增长87.3%: the rate's own word
		}
		if ch.Comparable || ch.Annual || dir != claims.DirUp && dir != claims.DirDown {
			continue // a comparable basis the text does not give, a yearly average, no direction
		}
		stated := statedPercent(ch.Rate)
		if dir == claims.DirDown && ch.Rate.Value.Sign() > 0 {
			stated = stated.Neg() // 下降3.6%: −3.6 in the table
		}
		rs := growthRates
		rs.apart = comparableRe.MatchString(ch.Rate.Block.Text)
		itemRate(c, ix, ch, ch.Current, ch.Rate, stated, rs)
	}
	for _, f := range cs.Figures {
		if f.Role != claims.RoleLevel || !f.Unit.IsAmount() || f.Paren || f.Earlier || done[f] {
			continue
		}
		var cols []string
		switch f.Qual {
		case claims.QualBudget:
			cols = []string{"预算数"}
		case claims.QualAdjusted:
			cols = []string{"调整预算数"}
		case claims.QualFinal, claims.QualExec:
			cols = []string{"执行数"}
		default:
			cols = []string{"执行数", "预算数", "调整预算数"}
		}
		narrativeAmount(c, ix, f, cols)
	}
}

// priorYear reports a change stated against last year (比上年, 同比, 较上年
// 决算), not against a budget or an earlier year named.
func priorYear(ref string) bool {
	if strings.Contains(ref, "预算") {
		return false
	}
	return ref == "" || strings.Contains(ref, "上年") || strings.Contains(ref, "同比") || strings.Contains(ref, "去年") || strings.Contains(ref, "同期")
}

// quotes finds the table cells of a figure's subject in the given columns.
// The binding must be unambiguous: the sentence's year known and the
// table's; the level of government the sentence's, or the only one the
// tables have the subject at; one template (教育支出 is a row of the
// general budget's table and of the fund's). An unqualified amount is the
// 执行数 of an execution or final table, the 预算数 of a budget's.
func quotes(c *Context, ix *tables.Index, f *claims.Figure, cols []string) []tables.Quote {
	year, scope := c.Claims.Where(f)
	key := c.Claims.SubjectOf(f)
	if otherQuantity.MatchString(sentenceBefore(f)) || !strings.Contains(tables.Fold(f.Subject), key) {
		// 累计, 人均: another quantity; a subject borrowed from the
		// sentence before: not this figure's own
		return nil
	}
	if m := bareSide.FindStringSubmatch(key); m != nil {
		// 全省社会保险基金收入7812.93亿元…；基金支出7396.93亿元, or
		// 2.政府性基金预算完成情况。全市收入372.7亿元: the budget the
		// paragraph named before, when it named only one (a fund's for
		// 基金收入)
		b := tables.BudgetOf(f.Block.TextRange(0, f.Start))
		if fund := b == "社会保险基金" || b == "政府性基金"; fund && strings.HasPrefix(key, "基金") || b != "" && !strings.HasPrefix(key, "基金") && leadBudget(c, f) == b {
			key = c.Claims.LabelKey(b + m[1])
		}
	}
	if utf8.RuneCountInString(key) < 4 {
		return nil // 收入, 支出: no subject of its own
	}
	if !ix.Subject(key) {
		// an item (教育支出, 税收收入) is a row of several budgets' tables
		// and of several levels': only a table's own subject (一般公共预算
		// 收入) binds a sentence to one table
		return nil
	}
	if year == 0 || scope == "" {
		// 教育支出 of the whole city or of the city's own budget: the
		// tables of one level do not say which the sentence means
		c.TableSkipped("table narrative: the sentence's year or level of government is not known")
		return nil
	}
	var out []tables.Quote
	scopes := map[string]bool{}
	templates := map[string]bool{}
	for _, col := range cols {
		for _, q := range ix.Lookup(key, scope, year, col) {
			if q.Year != year {
				continue // last year's column of next year's table: another reading
			}
			out = append(out, q)
			scopes[q.Scope] = true
			templates[q.Sheet.Std.ID] = true
		}
	}
	if len(scopes) > 1 {
		c.TableSkipped("table narrative: the subject is in tables of several levels")
		return nil
	}
	if len(templates) > 1 {
		c.TableSkipped("table narrative: the subject is in tables of several budgets")
		return nil
	}
	return out
}

// leadBudget is the budget a paragraph's lead names before its first
// figure (2.政府性基金预算完成情况。全市收入…), "" when it names none or
// several; a budget named later (调入国有资本经营预算收入989万元) is an
// item of the paragraph, not its subject.
func leadBudget(c *Context, f *claims.Figure) string {
	end := f.Start
	for _, g := range c.Claims.BlockFigures(f.Block) {
		end = min(end, g.Start)
	}
	return tables.BudgetOf(f.Block.TextRange(0, end))
}

// otherQuantity: words that make a subject another quantity than the row's
// (a five-year total, an average, a comparable-basis figure).
var otherQuantity = regexp.MustCompile(`累计|人均|年均|平均|同口径|可比|剔除|扣除|期间|五年|十四五|十三五`)

// sentenceBefore is the figure's sentence up to the figure.
// It walks the block's text in place: a report on a few long lines has
// blocks of megabytes, and a rune copy of one per figure is that much again.
func sentenceBefore(f *claims.Figure) string {
	s := f.Block.Text
	end, n := len(s), 0
	for i := range s {
		if n == f.Start {
			end = i
			break
		}
		n++
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if r == '。' || r == '；' {
			break
		}
		start -= size
	}
	return s[start:end]
}

// unqualified are the columns an amount no word qualifies may be read in:
// the outturn of an execution or final report's table, the budget of a
// budget's.
func unqualified(q tables.Quote) bool {
	kind := q.Sheet.Kind()
	return q.Column == "执行数" && kind != "budget" || q.Column == "预算数" && kind == "budget"
}

func narrativeAmount(c *Context, ix *tables.Index, f *claims.Figure, cols []string) {
	qs := quotes(c, ix, f, cols)
	if f.Qual == claims.QualNone {
		var kept []tables.Quote
		for _, q := range qs {
			if unqualified(q) {
				kept = append(kept, q)
			}
		}
		qs = kept
	}
	if len(qs) == 0 {
		return
	}
	stated := f.Yuan()
	for _, q := range qs {
		if q.Value.Blank {
			continue
		}
		if stated.Meets(scaled(q.Sheet, q.Value)) {
			c.TableChecked()
			return
		}
	}
	q := qs[0]
	if q.Value.Blank {
		return
	}
	c.TableChecked()
	if otherTotal(q, stated) {
		return
	}
	reportNarrative(c, f, f, f.Text, q, figure(q.Value)+tableUnit(q.Sheet))
}

// otherTotal reports another total of a quote's table meeting an amount in
// the same column: a table may total this year's revenue (收入小计) and then
// add the carry-over (合计), and the text's subject may be either.
func otherTotal(q tables.Quote, stated num.Interval) bool {
	for _, r := range q.Sheet.Rows {
		if r == q.Row || r.Group != q.Row.Group || !q.Sheet.IsTotal(r) {
			continue
		}
		o := tables.Quote{Sheet: q.Sheet, Row: r}
		if v := o.Other(q.Column); v != nil && !v.Blank && stated.Meets(scaled(q.Sheet, v)) {
			return true
		}
	}
	return false
}

// rateFrom is a rate a row's amounts give: 100·a/b, or its growth.
type rateFrom struct {
	a, b   string
	growth bool
}

// narrativeRate compares a stated rate with the printed rate of its
// subject's row, or the rate the row's amounts give; it reports whether
// a row was found.
func narrativeRate(c *Context, ix *tables.Index, cl claims.Claim, subject, rate *claims.Figure, cols []string, from []rateFrom) bool {
	amountCols := []string{"执行数", "预算数"}
	rows := quotes(c, ix, subject, amountCols)
	if len(rows) == 0 {
		return false
	}
	stated := rate.Value.Interval()
	apart := false // the paragraph gives a comparable rate apart, which the table may print
	if ch, ok := cl.(*claims.Change); ok {
		switch {
		case ch.Dir == claims.DirDown && rate.Value.Sign() > 0:
			stated = stated.Neg() // 下降3.6%: −3.6 in the table
		case ch.Dir == claims.DirNone:
			return false
		}
		apart = comparableRe.MatchString(rate.Block.Text)
	}
	var readings []rowReading
	for _, q := range rows {
		for _, col := range cols {
			if v := q.Other(col); v != nil && !v.Blank {
				at := tables.Quote{Sheet: q.Sheet, Row: q.Row, Column: col, Value: v, Scope: q.Scope, Year: q.Year}
				readings = append(readings, rowReading{truncOrRound(v), percentText(v), at, looseGrowth(apart, q.Sheet, col)})
				if r, ok := ratioUnderGrowth(at); ok {
					readings = append(readings, r)
				}
			}
		}
		for _, fr := range from {
			if r, ok := fromRow(q, fr, rate); ok {
				readings = append(readings, r)
			}
		}
	}
	if len(readings) == 0 {
		return false
	}
	c.TableChecked()
	for _, r := range readings {
		if stated.Meets(r.iv) {
			c.Decided(cl)
			return true
		}
	}
	st := strict(readings)
	if len(st) == 0 {
		c.Skip(cl, skipComparable)
		return true
	}
	c.Decided(cl)
	reportNarrative(c, rate, subject, statedText(cl, rate), st[0].q, st[0].text)
	return true
}

// reportNarrative reports a figure of the text that its table's row does
// not give, pointing at the row as well; stated is the figure as the
// finding quotes it.
func reportNarrative(c *Context, f, subj *claims.Figure, stated string, q tables.Quote, expected string) {
	var related []Place
	if b := rowBlock(q.Row); b != nil && b.RuneLen() > 0 {
		p := c.Place(b, 0, b.RuneLen())
		p.Note = "table row"
		related = append(related, p)
	}
	subject := doneTail.ReplaceAllString(strings.TrimSpace(subj.Subject), "")
	if subject == "" {
		subject = rowLabel(q.Row)
	}
	c.Report(f.Block, f.Start, f.End, Vars{
		"subject":  subject,
		"stated":   stated,
		"expected": expected,
		"table":    tableName(q.Sheet),
		"row":      rowLabel(q.Row),
		"column":   q.Column,
		"context":  q.Row.Text(),
	}, related...)
}

// doneTail is the wording of execution after a subject (教育支出完成,
// 税收收入预计完成, 教育支出安排), not part of its name.
var doneTail = regexp.MustCompile(`(?:预计)?(?:完成|执行|实现|安排)(?:了)?$`)

// statedText is a rate as the finding quotes it: a change's rate with its
// direction word (下降6.7% against a table's 6.7), a completion's as written.
func statedText(cl claims.Claim, rate *claims.Figure) string {
	if ch, ok := cl.(*claims.Change); ok {
		word := ch.DirWord
		if ch.RateWord != "" {
			word = ch.RateWord
		}
		return word + rate.Text
	}
	return rate.Text
}
