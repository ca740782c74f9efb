package checks

import (
	"math/big"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// restated checks one quantity stated twice: an item's heading amount
// against the amount its own sentence gives (支出决算为 / 预算安排), and a
// report's change or completion rate stated again in another section
// (the summary and the detail, the execution section and the draft's 上年
// 执行 line) for the same subject, level, year and basis. It runs after
// the other kinds: a statement they found wrong is their finding, not a
// second one here, and one they found right blames the other.
func init() {
	RegisterTests("restated", map[string]Test{
		"item":       each(func(c *Context) []*claims.Item { return c.Claims.Items }, restatedItem),
		"change":     restatedChanges,
		"completion": restatedCompletions,
		"amount":     restatedAmounts,
	}, Options{AfterChecks: true, Vars: []string{"stated", "expected", "second"}})
}

func restatedItem(c *Context, it *claims.Item) {
	c.Decided(it)
	if it.Heading.Yuan().Meets(it.Current.Yuan()) {
		return
	}
	c.ReportClaim(it, Vars{
		"stated":   fig(it.Heading),
		"expected": fig(it.Current),
		"second":   it.Current.Subject,
	})
}

// statement is one statement of a quantity a report may state twice:
// the claim, its amount, the year and level the amount is the value for
// (0 and "" when its sentence and headings do not say).
type statement struct {
	claim claims.Claim
	fig   *claims.Figure
	year  int
	scope string
}

// restatements calls judge for each two statements of one subject (as a
// table would name it) and basis whose amounts agree. strict: both name
// their year and level, the same, so a disagreement is a finding; else
// neither contradicts the other and the amounts are printed alike, to the
// digit, which may confirm the pair but never blame it. A figure whose
// sentence does not name its subject (支出完成1亿元 after a fund's income),
// or whose printing is too coarse to tell two quantities apart, is in no
// pair.
func restatements(c *Context, stmts []statement, basis func(statement) string, judge func(a, b statement, strict bool)) {
	type key struct{ subject, basis string }
	// an amount's interval and exact value are worked out once per
	// statement: a long report names one subject hundreds of times, and
	// its pairs would otherwise build them anew for every pair
	type amount struct {
		statement
		yuan  num.Interval
		exact *big.Rat
	}
	groups := map[key][]amount{}
	var order []key
	for _, st := range stmts {
		subj, yuan, ok := pairable(c, st.fig)
		if !ok {
			continue
		}
		k := key{subj, basis(st)}
		if k.basis == "" {
			continue
		}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], amount{st, yuan, st.fig.Value.Scale(st.fig.Unit.Exp10()).Rat()})
	}
	for _, k := range order {
		g := groups[k]
		for i, a := range g {
			for _, b := range g[i+1:] {
				if a.fig == b.fig || !a.yuan.Meets(b.yuan) {
					continue
				}
				strict := a.year != 0 && a.scope != "" && a.year == b.year && a.scope == b.scope
				loose := (a.year == 0 || b.year == 0 || a.year == b.year) &&
					(a.scope == "" || b.scope == "" || a.scope == b.scope) &&
					a.exact.Cmp(b.exact) == 0
				if strict || loose {
					judge(a.statement, b.statement, strict)
				}
			}
		}
	}
}

// pairable is a statement's subject as a table would name it and its amount
// in 元, ok when the two can tie it to another statement: a subject of four
// runes or more that its own sentence names, an amount printed sharply.
func pairable(c *Context, f *claims.Figure) (subject string, yuan num.Interval, ok bool) {
	subject = c.Claims.SubjectOf(f)
	if utf8.RuneCountInString(subject) < 4 || !claims.OwnSubject(f) {
		return "", num.Interval{}, false
	}
	yuan = f.Yuan()
	return subject, yuan, sharp(yuan)
}

// ratesPerAmount counts the rates each current amount is given: one given
// two in its own sentence (增长8.6%，剔除一次性因素后增长10.2%) has two bases,
// and its rates are never blamed.
func ratesPerAmount(c *Context) map[*claims.Figure]int {
	rates := map[*claims.Figure]int{}
	for _, ch := range c.Claims.Changes {
		if ch.Current != nil && ch.Rate != nil {
			rates[ch.Current]++
		}
	}
	return rates
}

func statementOf(c *Context, cl claims.Claim, f *claims.Figure) statement {
	y, sc := c.Claims.Where(f)
	return statement{cl, f, y, sc}
}

// sharp reports an amount (its interval in 元) printed to within 2.5% (65.42亿元, 5.2亿元,
// 52,015万元): one printed as 1亿元 agrees with any amount from 0.5 to 1.5亿元
// and so with another quantity of the same name.
func sharp(iv num.Interval) bool {
	if iv.Lo.Sign() <= 0 {
		return false
	}
	w := new(big.Rat).Sub(iv.Hi, iv.Lo)
	return w.Mul(w, big.NewRat(40, 1)).Cmp(iv.Lo) <= 0
}

var (
	// a comparison with a budget (比年初预算, 较预算数) is no change over the
	// period before
	refBudget = regexp.MustCompile(`预算|年初`)
	refFinal  = regexp.MustCompile(`完成数|完成额|执行数|执行额|决算|实际`)
	refYear   = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
)

// changeBasis is the base a change is against, "" when it is not last
// year's value or not certain: a stated kind (执行数, 决算) and the basis of
// the rate (可比, 同口径) tell two otherwise equal rates apart.
func changeBasis(ch *claims.Change, year int) string {
	if refBudget.MatchString(ch.Ref) {
		return ""
	}
	if m := refYear.FindStringSubmatch(ch.Ref); m != nil {
		if y, _ := strconv.Atoi(m[1]); y != year-1 {
			return ""
		}
	}
	b := "上年"
	if refFinal.MatchString(ch.Ref) {
		b += "执行"
	}
	if ch.Comparable {
		b += "可比"
	}
	return b
}

// restatedChanges pairs the statements of one change: rates (and change
// amounts) that agree within their printing decide both; a rate stated
// otherwise, with the same direction word, is reported. Statements whose
// current amounts differ are left alone: the report may well speak of two
// quantities of one name.
func restatedChanges(c *Context) {
	rates := ratesPerAmount(c)
	var stmts []statement
	for _, ch := range c.Claims.Changes {
		if ch.Current == nil || ch.Annual || ch.Flat || ch.RateDir != claims.DirNone ||
			(ch.Dir != claims.DirUp && ch.Dir != claims.DirDown) ||
			(ch.Rate == nil && (ch.Amount == nil || !ch.Amount.Unit.IsAmount())) {
			continue
		}
		stmts = append(stmts, statementOf(c, ch, ch.Current))
	}
	basis := func(st statement) string { return changeBasis(st.claim.(*claims.Change), st.year) }
	rate := statedRates()
	restatements(c, stmts, basis, func(sa, sb statement, strict bool) {
		a, b := sa.claim.(*claims.Change), sb.claim.(*claims.Change)
		shared, agree := 0, a.Dir == b.Dir
		if a.Rate != nil && b.Rate != nil {
			shared++
			agree = agree && rate(a.Rate).Meets(rate(b.Rate))
		}
		if a.Amount != nil && b.Amount != nil && a.Amount.Unit.IsAmount() && b.Amount.Unit.IsAmount() {
			shared++
			agree = agree && a.Amount.Yuan().Meets(b.Amount.Yuan())
		}
		if shared == 0 {
			return
		}
		if agree {
			c.Decided(a)
			c.Decided(b)
			return
		}
		// reported only as two rates after one direction word: an amount,
		// or words that disagree, may be a change over another period the
		// sentence does not name
		if !strict || a.Rate == nil || b.Rate == nil || a.Dir != b.Dir || rates[a.Current] > 1 || rates[b.Current] > 1 {
			return
		}
		reportBlamed(c, a, b, func(right, wrong claims.Claim) Vars {
			r, w := right.(*claims.Change), wrong.(*claims.Change)
			return Vars{
				"stated":   w.DirWord + w.Rate.Value.String() + "%",
				"expected": r.DirWord + r.Rate.Value.String() + "%",
				"second":   r.Current.Subject + fig(r.Current),
			}
		})
	})
}

// restatedCompletions pairs the statements of one outturn and its
// completion rate against a budget named alike (完成预算的, 为调整预算的):
// agreeing rates decide both, others are reported.
func restatedCompletions(c *Context) {
	rates := map[*claims.Figure]int{} // an outturn against two budgets (年初 and 调整)
	var stmts []statement
	for _, cp := range c.Claims.Completions {
		if cp.Final != nil && cp.Rate != nil {
			rates[cp.Final]++
			stmts = append(stmts, statementOf(c, cp, cp.Final))
		}
	}
	basis := func(st statement) string { return "完成" + st.claim.(*claims.Completion).Base }
	rate := statedRates()
	restatements(c, stmts, basis, func(sa, sb statement, strict bool) {
		a, b := sa.claim.(*claims.Completion), sb.claim.(*claims.Completion)
		if rate(a.Rate).Meets(rate(b.Rate)) {
			c.Decided(a)
			c.Decided(b)
			return
		}
		if !strict || rates[a.Final] > 1 || rates[b.Final] > 1 {
			return
		}
		reportBlamed(c, a, b, func(right, wrong claims.Claim) Vars {
			r, w := right.(*claims.Completion), wrong.(*claims.Completion)
			return Vars{
				"stated":   w.Rate.Value.String() + "%",
				"expected": r.Rate.Value.String() + "%",
				"second":   r.Final.Subject + fig(r.Final),
			}
		})
	})
}

// restatedAmounts pairs the statements of one change given twice with the
// same direction word and the same rate, to the digit and to a tenth of a
// percent or finer, for one subject, level, year and base: one quantity's
// change, so the amounts it is stated with must agree. A rate printed to a
// whole percent is shared too easily by two quantities of one name.
func restatedAmounts(c *Context) {
	rates := ratesPerAmount(c)
	type key struct {
		subject, basis, rate, word string
		qual                       claims.Qual
		year                       int
		scope                      string
	}
	type stated struct {
		ch   *claims.Change
		yuan num.Interval
	}
	groups := map[key][]stated{}
	var order []key
	for _, ch := range c.Claims.Changes {
		if ch.Current == nil || ch.Rate == nil || ch.Annual || ch.Flat || ch.RateDir != claims.DirNone ||
			(ch.Dir != claims.DirUp && ch.Dir != claims.DirDown) || ch.Current.Earlier ||
			ch.Rate.Value.Decimals() == 0 || ch.Rate.Value.Sign() == 0 || rates[ch.Current] > 1 {
			continue
		}
		st := statementOf(c, ch, ch.Current)
		subj, yuan, ok := pairable(c, ch.Current)
		basis := changeBasis(ch, st.year)
		if !ok || st.year == 0 || st.scope == "" || basis == "" {
			continue
		}
		k := key{subj, basis, ch.Rate.Value.String(), ch.DirWord, ch.Current.Qual, st.year, st.scope}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], stated{ch, yuan})
	}
	for _, k := range order {
		g := groups[k]
		reported := map[*claims.Change]bool{}
		for i, a := range g {
			for _, b := range g[i+1:] {
				if a.ch.Current == b.ch.Current {
					continue
				}
				if a.yuan.Meets(b.yuan) {
					c.Decided(a.ch)
					c.Decided(b.ch)
					continue
				}
				if reported[a.ch] || reported[b.ch] {
					continue
				}
				w := reportBlamed(c, a.ch, b.ch, func(right, wrong claims.Claim) Vars {
					r, w := right.(*claims.Change), wrong.(*claims.Change)
					return Vars{
						"stated":   fig(w.Current),
						"expected": fig(r.Current),
						"second":   r.Current.Subject + rateWords(r),
					}
				})
				if w != nil {
					reported[w.(*claims.Change)] = true
				}
			}
		}
	}
}

// statedRates is statedRate worked out once per figure: a subject named
// hundreds of times in a long report is paired hundreds of times over.
func statedRates() func(*claims.Figure) num.Interval {
	seen := map[*claims.Figure]num.Interval{}
	return func(f *claims.Figure) num.Interval {
		iv, ok := seen[f]
		if !ok {
			iv = statedRate(f)
			seen[f] = iv
		}
		return iv
	}
}

// reportBlamed reports the wrong one of two disagreeing statements, when
// blamed can tell which, with the other as its related place, and returns
// it (nil when neither was reported).
func reportBlamed(c *Context, a, b claims.Claim, say func(right, wrong claims.Claim) Vars) (reported claims.Claim) {
	right, wrong := blamed(c, a, b)
	if wrong == nil {
		return nil
	}
	at := right.Where()
	c.ReportClaim(wrong, say(right, wrong), c.Place(at.Block, at.Start, at.End))
	return wrong
}

// blamed says which of two disagreeing statements is wrong: none when
// another rule reported either (the defect is its finding) or found both
// right (their bases differ after all); the one the other rules left
// undecided when they found the other right; else the later.
func blamed(c *Context, a, b claims.Claim) (right, wrong claims.Claim) {
	if len(c.run.reported[a]) > 0 || len(c.run.reported[b]) > 0 {
		return nil, nil
	}
	da, db := c.run.decided[a], c.run.decided[b]
	switch {
	case da && db:
		return nil, nil
	case db:
		return b, a
	}
	return a, b
}
