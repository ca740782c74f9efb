package checks

import (
	"math/big"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// Items of a government report's tables in its narrative: 教育支出完成27.44
// 亿元，为预算的102.5%，增长3.5% or 印花税完成1.01亿元，同比增长3.5%. An
// item is a row of several tables (the whole province's and its own
// budget's, the summary table and the one by function code), so the
// sentence binds to a row only through its own amount: the rows named as
// the item, in a table of the item's budget and side (收入, 支出) and of
// the sentence's level and year when it says them, whose 执行数 (for a
// budget's figure, 预算数) is the sentence's amount within printed
// precision (tables in 万元, text in 亿元). The rate is then read against
// every bound row: the printed rate, or the one the row's amounts give. It
// is reported only when no reading of any bound row meets it, and only
// when the bound rows agree among themselves; rows that disagree leave the
// claim skipped. A growth printed on a comparable basis (比上年同口径增长%)
// may confirm the text's rate but not contradict it.

// itemRates are the readings of a completion or a growth rate in a row.
type itemRates struct {
	on string // the column a row must be bound by, "" for any
	// apart: the paragraph gives a comparable rate apart (剔除上述因素后，
	// 同口径下降0.3%), which may be the one the table prints
	apart   bool
	printed []string   // rate columns read as they are printed
	from    []rateFrom // rates the row's amounts give
	offset  int64      // subtracted from a printed ratio: 为上年% − 100 is the growth
	ratio   []string   // printed ratios read with the offset
}

// completionRates are the readings of a completion rate of the given base.
func completionRates(base string) itemRates {
	switch base {
	case "调整", "调整后":
		return itemRates{on: "执行数", printed: []string{"为调整预算%"}, from: []rateFrom{{"执行数", "调整预算数", false}}}
	case "年初":
		return itemRates{on: "执行数", printed: []string{"为预算%"}, from: []rateFrom{{"执行数", "预算数", false}}}
	}
	return itemRates{on: "执行数", printed: []string{"为预算%", "为调整预算%"}, from: []rateFrom{{"执行数", "预算数", false}, {"执行数", "调整预算数", false}}}
}

// growthRates are the readings of a growth rate over last year: of the
// outturn, or of a budget's amount over last year's outturn or budget.
var growthRates = itemRates{printed: []string{"比上年增长%"}, offset: 100, ratio: []string{"为上年%"},
	from: []rateFrom{{"执行数", "上年执行数", true}, {"预算数", "上年执行数", true}, {"预算数", "上年预算数", true}}}

// comparableRe: words in a table's header that put its rates on a
// comparable basis (比上年同口径增长%, whose header lines may stand apart:
// 比上年同 / 金额 / 口径增长%); the text's plain rates are not read there.
var comparableRe = regexp.MustCompile(`口径|可比|剔除`)

// comparableTable reports a table whose header puts its rates on a
// comparable basis.
func comparableTable(s *tables.Sheet) bool {
	return comparableRe.MatchString(strings.Join(s.T.Header, ""))
}

// itemNorm is a name as the item lookup compares it: normalised as a
// figure's subject, without a trailing 收入 or 支出 (tables print 教育 and
// 教育支出, 专项 and 专项收入; the side is compared apart), nor the 等 of a
// class that lists its fields (自然资源海洋气象等支出, written 自然资源海洋
// 气象支出 in the text), and with a trailing 费用 read as 费.
func itemNorm(cs *claims.Set) func(string) string {
	return func(name string) string {
		k := itemLead.ReplaceAllString(cs.LabelKey(name), "")
		for _, suf := range []string{"收入", "支出"} {
			if t, ok := strings.CutSuffix(k, suf); ok && utf8.RuneCountInString(t) >= 2 {
				k = t
				break
			}
		}
		if t, ok := strings.CutSuffix(k, "费用"); ok {
			k = t + "费" // 因公出国（境）费用 in a table, 因公出国（境）费 in the text
		}
		if t, ok := strings.CutSuffix(k, "等"); ok && utf8.RuneCountInString(t) >= 4 {
			return t
		}
		return k
	}
}

// itemLead is what may stand before an item's name once its subject is
// normalised: a list dash (——交通运输支出) or the digits of its number
// (3.教育支出 without its full stop).
var itemLead = regexp.MustCompile(`^(?:[—－-]+|\d+)`)

// itemSide is the side of an item by its name: 收入 for revenue and taxes,
// 支出 for expenditure, "" when the name does not say.
func itemSide(key string) string {
	switch {
	case strings.HasSuffix(key, "收入") || strings.HasSuffix(key, "税"):
		return "收入"
	case strings.HasSuffix(key, "支出"):
		return "支出"
	}
	return ""
}

// itemBudget is the budget a figure's item belongs to: the one its
// sentence names before it (said), else the one the nearest heading
// above names ((二)政府性基金预算执行情况); "" when neither names one.
func itemBudget(d *doc.Document, f *claims.Figure) (budget string, said bool) {
	if b := tables.BudgetOf(sentenceBefore(f)); b != "" {
		return b, true
	}
	for i := f.Block.Index - 1; i >= 0 && i >= f.Block.Index-200; i-- {
		b := d.Blocks[i]
		if b.Kind != doc.KindHeading && (b.Number == nil || utf8.RuneCountInString(b.Text) > 40) {
			continue
		}
		if budget := tables.BudgetOf(b.Text); budget != "" {
			return budget, false
		}
	}
	return "", false
}

// itemRows are the rows that bind a figure: named as its item, of its
// budget, side, level and year as far as these are known, printing its
// amount as their 执行数, or for a budget's figure as their 预算数.
func itemRows(c *Context, ix *tables.Index, f *claims.Figure) []tables.Quote {
	if f == nil || f.Role != claims.RoleLevel || !f.Unit.IsAmount() || f.Paren || f.Earlier || f.Qual == claims.QualAdjusted {
		return nil
	}
	cs := c.Claims
	key := cs.SubjectOf(f)
	if otherQuantity.MatchString(sentenceBefore(f)) {
		return nil // another quantity
	}
	if k := leadItem(cs, f); k != "" {
		if rows := namedRows(c, ix, f, k); len(rows) > 0 {
			return rows
		}
	}
	if !ownSubject(cs, f, key) {
		return nil // a subject borrowed from elsewhere
	}
	return namedRows(c, ix, f, key)
}

// namedRows are the rows that bind a figure as the item key names.
func namedRows(c *Context, ix *tables.Index, f *claims.Figure, key string) []tables.Quote {
	cs := c.Claims
	norm := itemNorm(cs)
	name := norm(key)
	if utf8.RuneCountInString(name) < 2 {
		return nil
	}
	year, scope := cs.Where(f)
	budget, said := itemBudget(c.Doc, f)
	side := itemSide(key)
	stated := f.Yuan()
	var out, ofBudget []tables.Quote
	for _, q := range append(ix.Items(name, norm, "执行数"), ix.Items(name, norm, "预算数")...) {
		b, s := q.Sheet.Budget()
		switch {
		case !boundBy(f.Qual, q),
			said && b != "" && b != budget,
			side != "" && s != "" && s != side,
			scope != "" && q.Scope != "" && q.Scope != scope,
			year != 0 && q.Year != 0 && q.Year != year,
			q.Value.Blank:
			continue
		}
		if stated.Meets(scaled(q.Sheet, q.Value)) {
			out = append(out, q)
			if budget != "" && b == budget {
				ofBudget = append(ofBudget, q)
			}
		}
	}
	if len(ofBudget) > 0 {
		// a heading's budget is a preference, not a filter: headings
		// further up than the item's own section may name another budget
		return ofBudget
	}
	return out
}

// ownSubject reports a figure's subject its own: written before it, or
// for a figure with none (——资源税。完成140.92亿元) the name its block
// opens with, no amount standing between.
func ownSubject(cs *claims.Set, f *claims.Figure, key string) bool {
	if k := cs.LabelKey(f.Subject); k != "" {
		return k == key
	}
	for _, g := range cs.BlockFigures(f.Block) {
		if g.Start < f.Start && g.Unit.IsAmount() {
			return false
		}
	}
	lead := f.Block.Text
	if i := strings.IndexAny(lead, "。，,：:；;"); i >= 0 {
		lead = lead[:i]
	}
	return cs.LabelKey(lead) == key
}

// leadItem is the item a figure's bare side (基金收入, 支出) belongs to
// when its paragraph opens with the item's name as a sentence of its own:
// 一、企业职工基本养老保险。基金收入3214.44亿元…；支出3188.3亿元… names
// the rows 企业职工基本养老保险基金收入 and …基金支出. "" otherwise.
func leadItem(cs *claims.Set, f *claims.Figure) string {
	m := bareSide.FindStringSubmatch(cs.LabelKey(f.Subject))
	if m == nil {
		return ""
	}
	rs := []rune(f.Block.Text)
	end := strings.IndexRune(f.Block.Text, '。')
	if end < 0 || utf8.RuneCountInString(f.Block.Text[:end]) >= f.Start {
		return ""
	}
	lead := tables.StripEnum(tables.Fold(string(rs[:utf8.RuneCountInString(f.Block.Text[:end])])))
	lead = itemLead.ReplaceAllString(lead, "")
	if n := utf8.RuneCountInString(lead); n < 2 || n > 20 || strings.ContainsAny(lead, "0123456789，,；;：:") {
		return ""
	}
	lead = strings.TrimSuffix(lead, "基金")
	return cs.LabelKey(lead + "基金" + m[1])
}

// bareSide: a subject that names only the side of a fund's item.
var bareSide = regexp.MustCompile(`^(?:基金)?(收入|支出)$`)

// boundBy reports the column a figure of the qualifier may be bound by:
// the 执行数 of an execution or final report's table for an outturn; the
// 预算数 of a budget's table for a budget; either for an unqualified
// figure. A budget's table names last year's columns 上年…, so its
// 执行数, when it has one, is this year's amount as read (a column whose
// header was taken for 执行数).
func boundBy(qual claims.Qual, q tables.Quote) bool {
	budget := q.Sheet.Kind() == "budget"
	switch qual {
	case claims.QualFinal, claims.QualExec:
		return q.Column == "执行数" && !budget
	case claims.QualBudget:
		return budget
	}
	return q.Column == "执行数" || budget
}

// rowReading is one reading of a rate in a bound row. A loose one is a
// growth printed on a comparable basis (the table's header says so, or
// the paragraph gives such a rate apart): the text's rate may be that one,
// so it confirms the text, but the text's may be the plain one, so it
// never contradicts it.
type rowReading struct {
	iv    num.Interval
	text  string
	q     tables.Quote
	loose bool
}

// strict are the readings that may contradict a rate.
func strict(rr []rowReading) []rowReading {
	var out []rowReading
	for _, r := range rr {
		if !r.loose {
			out = append(out, r)
		}
	}
	return out
}

// looseGrowth reports a printed growth column read loosely.
func looseGrowth(apart bool, s *tables.Sheet, col string) bool {
	return (apart || comparableTable(s)) && (col == "比上年增长%" || col == "为上年%")
}

// ratioUnderGrowth is a growth column's figure read as the ratio to last
// year some tables print under a growth header (比上年（同比）+-% over 43.5
// for a fall of 56.5%): loose, it may confirm the text's rate, never
// contradict it.
func ratioUnderGrowth(q tables.Quote) (rowReading, bool) {
	if q.Column != "比上年增长%" || q.Value.D.Sign() <= 0 {
		return rowReading{}, false
	}
	iv := truncOrRound(q.Value).Sub(num.Int(100))
	return rowReading{iv, percentText(q.Value) + " − 100", q, true}, true
}

// rowReadings reads a rate in a bound row in every way rs allows.
func rowReadings(q tables.Quote, rs itemRates, like *claims.Figure) []rowReading {
	if rs.on != "" && q.Column != rs.on {
		return nil
	}
	var out []rowReading
	at := func(col string, v *tables.Value) tables.Quote {
		return tables.Quote{Sheet: q.Sheet, Row: q.Row, Column: col, Value: v, Scope: q.Scope, Year: q.Year}
	}
	for _, col := range rs.printed {
		if v := q.Other(col); v != nil && !v.Blank {
			out = append(out, rowReading{truncOrRound(v), percentText(v), at(col, v), looseGrowth(rs.apart, q.Sheet, col)})
			if r, ok := ratioUnderGrowth(at(col, v)); ok {
				out = append(out, r)
			}
		}
	}
	for _, col := range rs.ratio {
		if v := q.Other(col); v != nil && !v.Blank {
			iv := truncOrRound(v).Sub(num.Int(rs.offset))
			out = append(out, rowReading{iv, show(iv, &tables.Value{D: like.Value}) + "% (" + percentText(v) + " − " + big.NewInt(rs.offset).String() + ")", at(col, v), looseGrowth(rs.apart, q.Sheet, col)})
		}
	}
	for _, fr := range rs.from {
		if fr.a != q.Column {
			continue
		}
		if r, ok := fromRow(q, fr, like); ok {
			out = append(out, r)
		}
	}
	return out
}

// fromRow is the rate a row's amounts give (100·a/b, or its growth),
// shown with as many decimals as the stated rate like; false when the
// row lacks either amount or b is not positive.
func fromRow(q tables.Quote, fr rateFrom, like *claims.Figure) (rowReading, bool) {
	a, b := q.Other(fr.a), q.Other(fr.b)
	if a == nil || b == nil || b.Blank || b.Interval().Lo.Sign() <= 0 {
		return rowReading{}, false
	}
	r, ok := a.Interval().Div(b.Interval())
	if !ok {
		return rowReading{}, false
	}
	if fr.growth {
		r = r.Sub(num.Int(1))
	}
	r = r.Scale(big.NewRat(100, 1))
	text := show(r, &tables.Value{D: like.Value}) + "% (" + figure(a) + " / " + figure(b) + ")"
	return rowReading{r, text, tables.Quote{Sheet: q.Sheet, Row: q.Row, Column: fr.a + " / " + fr.b, Value: a, Scope: q.Scope, Year: q.Year}, false}, true
}

// itemRate checks the rate of an item's claim against the rows its amount
// binds to; it reports whether a row was bound and read.
func itemRate(c *Context, ix *tables.Index, cl claims.Claim, amount, rate *claims.Figure, stated num.Interval, rs itemRates) bool {
	rows := itemRows(c, ix, amount)
	var byRow [][]rowReading
	for _, q := range rows {
		if rr := rowReadings(q, rs, rate); len(rr) > 0 {
			byRow = append(byRow, rr)
		}
	}
	if len(byRow) == 0 {
		return false
	}
	c.TableChecked()
	for _, rr := range byRow {
		for _, r := range rr {
			if stated.Meets(r.iv) {
				c.Decided(cl)
				return true
			}
		}
	}
	if len(c.run.reported[cl]) > 0 {
		return true // the narrative's own rule reported the claim: one defect, one finding
	}
	var strictRows [][]rowReading
	for _, rr := range byRow {
		if st := strict(rr); len(st) > 0 {
			strictRows = append(strictRows, st)
		}
	}
	if len(strictRows) == 0 {
		c.TableSkipped(skipComparable)
		c.Skip(cl, skipComparable)
		return true
	}
	byRow = strictRows
	if !agree(byRow) {
		c.TableSkipped("table narrative: the item's rows in several tables give different rates")
		c.Skip(cl, "table narrative: the item's rows in several tables give different rates")
		return true
	}
	c.Decided(cl)
	r := byRow[0][0]
	reportNarrative(c, rate, amount, statedText(cl, rate), r.q, r.text)
	return true
}

// skipComparable: a growth the table prints only on a comparable basis.
const skipComparable = "table narrative: the table prints the growth on a comparable basis only"

// agree reports bound rows that read the same: each row has a reading
// meeting one of the first row's.
func agree(byRow [][]rowReading) bool {
	for _, rr := range byRow[1:] {
		met := false
		for _, a := range rr {
			for _, b := range byRow[0] {
				met = met || a.iv.Meets(b.iv)
			}
		}
		if !met {
			return false
		}
	}
	return true
}

// statedPercent is a stated rate's interval in percent, cut or rounded.
func statedPercent(f *claims.Figure) num.Interval {
	return statedRate(f).Scale(big.NewRat(100, 1))
}

// percentText is a rate cell as a finding quotes it: its figure with one %,
// whether the cell prints it (102.5%) or its header does (102.5).
func percentText(v *tables.Value) string {
	return strings.TrimRight(figure(v), "%％") + "%"
}
