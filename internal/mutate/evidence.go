package mutate

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/num"
)

// What makes a planted error checkable in principle is decided here, from
// the printed text alone. A rate is checkable when a reader can recompute
// it from other printed figures — in its sentence (a change amount beside
// the level, last year's amount, the budget), the sentence before, the lead
// of the list it is an item of, an amount printed right after the whole's
// name anywhere, or a whole and its parts each with its growth rate — and
// the recomputation gives the printed value (the figures were paired
// right) but not the planted one (the change is outside rounding). A part
// or a total is checkable when the listed parts add up to the total. With
// no recomputation, an amount standing in a table row beside other figures
// counts too: that row prints its budget, last year's value or its parts.
// That last rule is generous (nothing is recomputed) and says so in its
// reason, "table: …".

var (
	// a lead ending in a direction word introduces a change amount (比上年增收 52,015万元)
	changeLeadRe = regexp.MustCompile(`(增长|下降|增加|减少|增收|减收|增支|减支|上升|提高|降低|多收|少收|多支|少支)(了)?(为|达)?[ ]*$`)
	// last year's amount: 上年 close before it in its clause (上年完成 X), not
	// a balance carried over (上年结余) nor another clause's 与上年持平
	priorLeadRe = regexp.MustCompile(`(上年|去年|上一年|同期)[^，。；、:：结持]{0,8}$`)
	// a lead ending in 预算 (or naming the budget figure) introduces a budget amount
	budgetLeadRe = regexp.MustCompile(`(年初预算|调整预算|预算数|预算)(数)?(合计|总计)?(为|是|安排|安排为)?[ ]*$|调整为[ ]*$`)
	comparableRe = regexp.MustCompile(`可比|同口径|不变价|剔除|扣除`)
)

func isChange(f *Figure) bool { return f != nil && changeLeadRe.MatchString(f.Lead) }
func isPrior(f *Figure) bool  { return f != nil && !isChange(f) && priorLeadRe.MatchString(f.Lead) }
func isBudget(f *Figure) bool { return f != nil && !isChange(f) && budgetLeadRe.MatchString(f.Lead) }

// level is an amount that states this year's value (a budget's amount
// included), not a change or a prior-year value.
func level(f *Figure) bool { return f != nil && !isChange(f) && !isPrior(f) }

// actual is a level that is not a budget: the outturn a completion rate
// divides.
func actual(f *Figure) bool { return level(f) && !isBudget(f) }

// before is the nearest amount in group gi or before it that accepts takes.
func before(s *Sentence, gi int, accepts func(*Figure) bool) *Figure {
	for i := min(gi, len(s.Groups)-1); i >= 0; i-- {
		if accepts(s.Groups[i].Amount) {
			return s.Groups[i].Amount
		}
	}
	return nil
}

func levelBefore(s *Sentence, gi int) *Figure { return before(s, gi, level) }

// previous is the sentence before s in its paragraph, or nil.
func (s *Sentence) previous() *Sentence {
	if s.Index == 0 {
		return nil
	}
	return s.Para.Sentences[s.Index-1]
}

// recomputation is a printed rate worked out again from other printed
// figures, as a careful reader would.
type recomputation struct {
	iv  num.Interval
	how string
}

// verdict decides a planted rate from the recomputations a reader can make.
// Only a recomputation that agrees with the printed rate counts (it shows
// the reader paired the right figures); the planted rate is then checkable
// when it falls outside the recomputation's rounding. found is false when
// no recomputation agrees with the printed rate.
func verdict(cands []recomputation, printed, planted num.Decimal) (checkable bool, why string, found bool) {
	for _, c := range cands {
		if !c.iv.Meets(printed.Interval()) {
			continue
		}
		if c.iv.Meets(planted.Interval()) {
			return false, "planted value within the rounding of " + c.how, true
		}
		return true, c.how, true
	}
	return false, "", false
}

// percent is a / b × 100, false when b may be zero.
func percent(a, b num.Interval) (num.Interval, bool) {
	q, ok := a.Div(b)
	if !ok {
		return num.Interval{}, false
	}
	return q.Scale(num.Hundred), true
}

func amountIv(f *Figure) num.Interval { return interval(f.Value, f.Unit) }

var decreaseRe = regexp.MustCompile(`(下降|减少|降低|降幅|减收|减支|少收|少支)(了)?(为|达)?[ ]*$`)

// growthEvidence: a growth rate in group gi is checkable when last year's
// value follows from printed figures — a change amount beside this year's
// level, or last year's amount — and the planted rate no longer fits them;
// or, without recomputing, when the level stands in a table row.
func (v *View) growthEvidence(s *Sentence, rate *Figure, planted num.Decimal) (bool, string) {
	gi := rate.Group.Index
	if comparableRe.MatchString(s.Para.s) {
		return false, "rate on a comparable basis (可比/同口径/不变价/剔除 in its paragraph): its base is not printed"
	}
	var cands []recomputation
	for i := max(gi-1, 0); i <= gi+1 && i < len(s.Groups); i++ {
		c := s.Groups[i].Amount
		if !isChange(c) {
			continue
		}
		l := levelBefore(s, i)
		if l == nil || !sameKind(l, c) {
			continue
		}
		prior := amountIv(l).Sub(amountIv(c))
		if decreaseRe.MatchString(c.Lead) {
			prior = amountIv(l).Add(amountIv(c))
		}
		if r, ok := percent(amountIv(c), prior); ok {
			cands = append(cands, recomputation{r, "sentence: level and change amount"})
		}
	}
	cur := levelBefore(s, gi)
	for _, g := range s.Groups {
		if isPrior(g.Amount) && cur != nil && sameKind(cur, g.Amount) {
			if r, ok := growthOf(amountIv(cur), amountIv(g.Amount)); ok {
				cands = append(cands, recomputation{r, "sentence: prior-year amount"})
			}
		}
	}
	if ok, why, found := verdict(cands, rate.Value, planted); found {
		return ok, why
	}
	if ok, why, found := v.mixEvidence(rate, planted, false); found {
		return ok, why
	}
	if len(cands) > 0 {
		return false, "the printed rate does not follow from the figures beside it (another base)"
	}
	if cur != nil {
		// a table row checks the rate only when it holds last year's figure:
		// some figure of the row must give the printed rate
		if ok, why, found := verdict(v.rowRates(cur, growthOf, "table: the level and last year's figure in a table row"), rate.Value, planted); found {
			return ok, why
		}
	}
	if cur == nil {
		return false, "no amount for the rate: prior-year figure not stated"
	}
	return false, "prior-year figure not stated"
}

// completionEvidence: a completion rate in group gi is checkable when its
// budget is printed beside the actual amount and the planted rate no longer
// fits them; or, without recomputing, when the actual amount stands in a
// table row (which prints the budget).
func (v *View) completionEvidence(s *Sentence, gi int, rate *Figure, planted num.Decimal) (bool, string) {
	g := s.Groups[gi]
	out := before(s, gi, actual)
	if out == nil {
		return false, "actual amount not stated"
	}
	var budgets []*Figure
	if isBudget(g.Amount) {
		budgets = append(budgets, g.Amount) // 完成年初预算 119.8亿元的 100.1%
	}
	for _, t := range []*Sentence{s, s.previous()} {
		if t == nil {
			continue
		}
		for _, h := range t.Groups {
			if h.Amount != nil && h.Amount != out && isBudget(h.Amount) {
				budgets = append(budgets, h.Amount)
			}
		}
	}
	var cands []recomputation
	for _, b := range budgets {
		if rb, bb := basisOf(rate.Lead), basisOf(b.Lead); rb != "" && bb != "" && rb != bb {
			continue // 年初预算 X … 为调整预算的 r%: the adjusted budget is not printed
		}
		if r, ok := percent(amountIv(out), amountIv(b)); ok && sameKind(out, b) {
			cands = append(cands, recomputation{r, "sentence: budget and actual amounts"})
		}
	}
	if ok, why, found := verdict(cands, rate.Value, planted); found {
		return ok, why
	}
	if len(cands) > 0 {
		return false, "the printed rate does not follow from the figures beside it (another budget)"
	}
	if ok, why, found := verdict(v.rowRates(out, percent, "table: the actual amount and its budget in a table row"), rate.Value, planted); found {
		return ok, why
	}
	return false, "budget not stated"
}

// basisOf names the budget a lead speaks of — the initial one (年初) or
// the one adjusted in the year (调整, 调整后, 变动) — or "" for neither.
func basisOf(lead string) string {
	switch {
	case strings.Contains(lead, "调整"), strings.Contains(lead, "变动"):
		return "调整"
	case strings.Contains(lead, "年初"):
		return "年初"
	}
	return ""
}

// shareEvidence: a share in group gi is checkable when its part is the
// group's amount and a whole is printed — by name anywhere in the
// document, or, unnamed, before the part (same sentence, the sentence
// before, or the lead of the list the part is an item of) — that gives the
// printed share, and the planted share no longer fits.
func (v *View) shareEvidence(s *Sentence, gi int, whole string, rate *Figure, planted num.Decimal) (bool, string) {
	part := s.Groups[gi].Amount
	if part == nil {
		return false, "part not stated"
	}
	var cands []recomputation
	add := func(w *Figure, how string) {
		if w == nil || w == part || !sameKind(w, part) {
			return
		}
		if r, ok := percent(amountIv(part), amountIv(w)); ok {
			cands = append(cands, recomputation{r, how})
		}
	}
	if whole != "" {
		for _, w := range v.wholes(whole) {
			add(w, "document: the named whole is stated")
		}
	} else {
		for _, g := range s.Groups[:gi] {
			add(g.Amount, "sentence: whole before the part")
		}
		if p := s.previous(); p != nil {
			for _, g := range p.Groups {
				add(g.Amount, "previous sentence: whole before the part")
			}
		}
		if s.Index == 0 && s.Para.Index > 0 {
			// an item of a list (——文化体育方面5亿元，占2.8%) whose lead
			// paragraph states the whole and ends with a colon
			lead := v.Paras[s.Para.Index-1]
			if n := len(lead.Fold); n > 0 && (lead.Fold[n-1] == '：' || lead.Fold[n-1] == ':') && len(lead.Sentences) > 0 {
				for _, g := range lead.Sentences[len(lead.Sentences)-1].Groups {
					add(g.Amount, "list lead: whole before the list")
				}
			}
			// or one of three or more items naming no whole, after a lead
			// that states the total without a colon (共需筹集175亿元安排各类支出。)
			if first, n := v.unnamedRun(s.Para); n >= 3 && first > 0 {
				if lead := v.Paras[first-1]; len(lead.Sentences) > 0 {
					for _, g := range lead.Sentences[len(lead.Sentences)-1].Groups {
						add(g.Amount, "list lead: whole before a run of shares naming none")
					}
				}
			}
		}
	}
	if ok, why, found := verdict(cands, rate.Value, planted); found {
		return ok, why
	}
	if whole != "" {
		return false, "whole " + whole + " not stated with a value giving the printed share"
	}
	return false, "whole not stated"
}

var wholePrefixRe = regexp.MustCompile(`^(全省|全市|全区|全县|全州|全盟|全国|市级|省级|区级|县级|本级)`)

// wholes are the amounts printed right after the whole's name (at most 12
// characters on, in the same clause), anywhere in the narrative.
func (v *View) wholes(name string) []*Figure {
	names := []string{name}
	if short := wholePrefixRe.ReplaceAllString(name, ""); short != name && len([]rune(short)) >= 2 {
		names = append(names, short)
	}
	var out []*Figure
	for _, n := range names {
		re := regexp.MustCompile(regexp.QuoteMeta(n) + `[^。；%\d]{0,12}?\d`)
		for _, p := range v.Paras {
			for _, m := range p.matches(re) {
				if f := p.figureAt(m[1] - 1); f != nil && !f.Percent {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// unitFactor converts an amount's unit to 元 (money) or 1 (counts).
func unitFactor(unit string) *big.Rat {
	switch unit {
	case "万亿元":
		return num.Pow10(12)
	case "亿元":
		return num.Pow10(8)
	case "万元", "万美元", "万人", "万户", "万吨", "万人次", "万亩", "万千瓦", "万千瓦时", "万平方米":
		return num.Pow10(4)
	}
	return big.NewRat(1, 1)
}

// sameKind reports whether two amounts can be added (money with money, or
// the same count unit).
func sameKind(a, b *Figure) bool {
	if a.Money() || b.Money() {
		return a.Money() && b.Money()
	}
	if strings.HasSuffix(a.Unit, "美元") || strings.HasSuffix(b.Unit, "美元") {
		return a.Unit == b.Unit
	}
	return strings.TrimPrefix(a.Unit, "万") == strings.TrimPrefix(b.Unit, "万")
}

// interval is the exact values a printed amount stands for, in base units.
func interval(d num.Decimal, unit string) num.Interval {
	return d.Interval().Scale(unitFactor(unit))
}

// inTable reports whether an amount stands in a table row (see rowMates).
// Nothing is recomputed from the row, so only an amount precise enough not
// to meet a cell by chance counts — four significant digits at least (131
// 个县 and 520 亿元 met cells of other rows) — and never a bound (超520亿元,
// 单价100万元以上), which no row states.
func (v *View) inTable(f *Figure) bool {
	return significant(f.Value) >= 4 && !bound(f) && len(v.rowMates(f)) > 0
}

// significant counts a printed number's significant digits.
func significant(d num.Decimal) int {
	return len(strings.TrimLeft(strings.NewReplacer(".", "", ",", "", "-", "").Replace(d.String()), "0"))
}

var (
	boundAfterRe  = regexp.MustCompile(`^[ ]*(及以上|及以下|以上|以下|以内|左右|多)`)
	boundBeforeRe = regexp.MustCompile(`(不超过|超过|超|不低于|低于|不高于|高于|不足|约|近|逾|突破)[ ]*$`)
)

// bound reports an amount written as a bound or an approximation (超520亿元,
// 单价100万元以上, 约3亿元): not a value a row or a list adds up to.
func bound(f *Figure) bool {
	p := f.Group.sentence.Para
	return boundAfterRe.MatchString(string(p.Fold[f.End:min(f.End+4, len(p.Fold))])) || boundBeforeRe.MatchString(f.Lead)
}

// mate is another figure of a table row that holds a narrative amount:
// as printed, and read in the amount's unit.
type mate struct {
	printed num.Decimal
	percent bool
	iv      num.Interval // read in the amount's unit (an amount only)
}

// rowMates returns the other figures of every table row that holds the
// amount f — read in the unit its table declares, else in 元, 万元 or
// 亿元 — so a reader can recompute a rate
// from the row or read the rate it prints. Amounts with fewer than three
// significant digits match too much to count.
func (v *View) rowMates(f *Figure) []mate {
	if significant(f.Value) < 3 {
		return nil
	}
	want := interval(f.Value, f.Unit)
	units := []string{"元", "万元", "亿元"} // a table of money may print another unit
	if !f.Money() {
		units = []string{f.Unit}
	}
	var mates []mate
	for ri, row := range v.rows {
		us := units
		if ri < len(v.units) && v.units[ri] != "" && f.Money() {
			u := v.units[ri]
			us = []string{u} // the table says its unit: 9800 元 is not its 9800 (万元)
		}
		for i, c := range row {
			if c.percent || c.value.Sign() <= 0 || significant(c.value) < 3 {
				continue // a cell of one or two digits (0.98 万元) meets 9800 元 by chance
			}
			unit := ""
			for _, u := range us {
				if interval(c.value, u).Meets(want) {
					unit = u
					break
				}
			}
			if unit == "" {
				continue
			}
			for j, y := range row {
				if j != i && y.value.Sign() != 0 {
					mates = append(mates, mate{y.value, y.percent, interval(y.value, unit)})
				}
			}
			break
		}
	}
	return mates
}

// rowRates are the rates a reader can have from the table rows that hold
// the amount cur: printed in the row, or recomputed from cur and another
// figure of the row (last year's, or the budget).
func (v *View) rowRates(cur *Figure, rate func(cur, mate num.Interval) (num.Interval, bool), how string) []recomputation {
	var cands []recomputation
	for _, m := range v.rowMates(cur) {
		cands = append(cands, recomputation{m.printed.Interval().Abs(), "table: the row prints the rate"})
		if m.percent || m.printed.Sign() < 0 {
			continue
		}
		if r, ok := rate(amountIv(cur), m.iv); ok {
			cands = append(cands, recomputation{r, how})
		}
	}
	return cands
}

// rowConfirms reports whether a table row holding cur prints what the
// change after a direction word was worked out from, so that a reader can
// tell its direction: last year's figure, which cur and the printed change
// give (cur ∓ amount within rounding, or a growth of the printed rate, on
// the side the printed word says), or the change itself (the amount, or the
// rate as the row prints it). A figure merely below or above cur proves
// nothing: the row holds budgets, parts and other columns too.
func (v *View) rowConfirms(cur, change *Figure, decrease bool) bool {
	c := amountIv(cur)
	for _, m := range v.rowMates(cur) {
		if change.Percent {
			if m.percent {
				if m.printed.Interval().Abs().Meets(change.Value.Interval()) {
					return true
				}
				continue
			}
			if m.printed.Sign() <= 0 || c.Meets(m.iv) || (decrease != c.Below(m.iv)) {
				continue
			}
			if r, ok := growthOf(c, m.iv); ok && r.Meets(change.Value.Interval()) {
				return true
			}
			continue
		}
		if m.percent || !change.Money() && !sameKind(change, cur) {
			continue
		}
		a := amountIv(change)
		if m.printed.Sign() < 0 {
			if m.iv.Abs().Meets(a) {
				return true // a change column, signed
			}
			continue
		}
		if m.iv.Meets(a) {
			return true // a change column
		}
		if c.Meets(m.iv) || decrease != c.Below(m.iv) {
			continue
		}
		if c.Sub(m.iv).Abs().Meets(a) {
			return true // last year's figure
		}
	}
	return false
}

var decreaseWordRe = regexp.MustCompile(`^(下降|减少|减收|减支|降低)`)

func growthOf(cur, prior num.Interval) (num.Interval, bool) {
	return percent(cur.Sub(prior).Abs(), prior)
}

// isShareRate reports whether a rate is a share (占… in its own clause,
// between it and the figure before it) and not a completion rate (占预算的).
// A 占 of an earlier clause is another claim's (占比近七成，科技支出增约23.82%).
func isShareRate(r *Figure) bool {
	clause := r.Lead
	if i := strings.LastIndexAny(clause, "，,；;"); i >= 0 {
		clause = clause[i:]
	}
	return strings.Contains(clause, "占") && !isCompletion(r)
}

// completionLeadRe: what stands before a completion rate (完成预算的,
// 为调整预算的, 占年度调整预算的, 完成年初预算 119.8亿元的) — 预算 right
// before 的, unlike a share of 一般公共预算收入.
var completionLeadRe = regexp.MustCompile(`(完成|为|占|达到|达)[^。；，%\d的]{0,8}?预算(数)?([ ]*\d[\d,.]*[ ]*(亿元|万元|元))?的[ ]*$`)

// isCompletion reports whether a rate is a completion rate.
func isCompletion(r *Figure) bool { return completionLeadRe.MatchString(r.Lead) }

// causeRe: a sentence giving the causes of a change (增长的主要原因是…增加).
var directionWordRe = regexp.MustCompile(`增长|下降|增加|减少|增收|减收|增支|减支|上升|提高|降低`)

// respectiveRe: rates given 分别 (…，退休人员养老金分别增长3.2%、2.4%) are
// those of the subjects named before the word, not the change before them;
// a rate on a comparable basis (减少422万元，同口径下降9.79%) may differ in
// direction from the amount as printed, so neither binds the amount's word.
var respectiveRe = regexp.MustCompile(`分别`)

var causeRe = regexp.MustCompile(`主要原因|原因是|主要是|主要用于|主要由于|得益于`)

// directionEvidence: a swapped direction word in group gi is checkable when
// the same change is stated twice in its clause (an amount and a rate, so
// the two words must agree), when it is the one cause given for a change
// stated before it, or when last year's value can be had.
func (v *View) directionEvidence(s *Sentence, gi, at int, change *Figure) (bool, string) {
	text := string(s.Para.Fold[s.Start:s.End])
	// causes (主要是…) start a new clause: figures across one are other subjects
	cut := s.Start
	causeAt := -1
	for _, loc := range causeRe.FindAllStringIndex(text, -1) {
		r := s.Start + len([]rune(text[:loc[0]]))
		if r < at {
			cut, causeAt = r, r
		}
	}
	end := s.End
	for _, loc := range causeRe.FindAllStringIndex(text, -1) {
		if r := s.Start + len([]rune(text[:loc[0]])); r > at && r < end {
			end = r
		}
	}
	if change.Value.Sign() == 0 {
		return false, "a change of zero has no direction"
	}
	// the change's other figure: in the site's own group (增收A，增长r%),
	// or across the border of a group opened by a change amount (增长r%，增加A):
	// the rates of the group before when it is the level's, the change
	// amount of the group after when the site's group is the level's. A
	// group opened by a change amount holds that change's own rates
	// (较预算数减少A，较上年减少B、下降r%: r is B's, not A's).
	var amount, rate bool
	own := isChange(s.Groups[gi].Amount)
	from := gi
	if gi > 0 && own && !isChange(s.Groups[gi-1].Amount) {
		from = gi - 1
	}
	for i := from; i <= gi+1 && i < len(s.Groups); i++ {
		g := s.Groups[i]
		if i > gi && (own || !isChange(g.Amount)) {
			break
		}
		if a := g.Amount; a != nil && a.Start >= cut && a.Start < end && i >= gi {
			amount = amount || isChange(a)
		}
		for _, r := range g.Rates {
			if r.Start >= cut && r.Start < end && !respectiveRe.MatchString(r.Lead) && !comparableRe.MatchString(r.Lead) {
				rate = rate || isChange(r)
			}
		}
	}
	if amount && rate {
		return true, "sentence: change stated as amount and rate"
	}
	if causeAt >= 0 {
		head := string(s.Para.Fold[s.Start:causeAt])
		tail := string(s.Para.Fold[causeAt:s.End])
		if directionWordRe.MatchString(head) && len(directionWordRe.FindAllString(tail, -1)) == 1 {
			return true, "sentence: the one cause of a change stated before it"
		}
	}
	for _, r := range s.Groups[gi].Rates {
		if r.NumStart > at && !comparableRe.MatchString(s.Para.s) {
			if ok, why, found := v.mixEvidence(r, r.Value, true); found {
				return ok, why
			}
			break
		}
	}
	if comparableRe.MatchString(s.Para.s) {
		return false, "rate on a comparable basis (可比/同口径/不变价/剔除 in its paragraph): its base is not printed"
	}
	cur := levelBefore(s, gi)
	for _, g := range s.Groups {
		if isPrior(g.Amount) && cur != nil {
			return true, "sentence: prior-year amount"
		}
	}
	decrease := decreaseWordRe.MatchString(string(s.Para.Fold[at:min(at+2, len(s.Para.Fold))]))
	if cur != nil && v.rowConfirms(cur, change, decrease) {
		return true, "table: the level and last year's figure in a table row"
	}
	if decrease && v.signedChange(change) {
		return true, "table: a row prints the fall, signed"
	}
	return false, "prior-year figure not stated"
}

// signedChange reports a table cell printing a fall of the change's size
// with its minus sign (−949 in a column of 增减额): a reader sees the
// direction there even when the sentence states no level beside the
// change. A rise printed unsigned proves nothing — any figure of a row may
// meet it — so only falls count, and only amounts of three significant
// digits or more.
func (v *View) signedChange(change *Figure) bool {
	if change.Percent || !change.Money() || significant(change.Value) < 3 {
		return false
	}
	want := amountIv(change)
	for ri, row := range v.rows {
		us := []string{"元", "万元", "亿元"}
		if ri < len(v.units) && v.units[ri] != "" {
			us = []string{v.units[ri]}
		}
		for _, c := range row {
			if c.percent || c.value.Sign() >= 0 || significant(c.value) < 3 {
				continue
			}
			for _, u := range us {
				if interval(c.value, u).Abs().Meets(want) {
					return true
				}
			}
		}
	}
	return false
}
