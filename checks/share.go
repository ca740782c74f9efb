package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// share checks 占 X% claims: the stated share against part / whole, a share
// written without its % sign, and a share of a zero total.
func init() {
	RegisterTests("share", map[string]Test{
		"value":      shareValue,
		"sign":       shareSign,
		"zero-whole": shareZeroWhole,
		"siblings":   shareSiblings,
		"complete":   shareComplete,
	}, Options{Vars: []string{"stated", "expected", "part", "whole", "whole_name", "claim", "shares"}})
}

func shareSign(c *Context) {
	for _, sh := range c.Claims.Shares {
		if sh.NoSign {
			c.Decided(sh)
			c.Report(sh.Pct.Block, sh.Pct.Start-1, sh.Pct.End, Vars{"stated": sh.Pct.Text, "claim": sh.Pct.Text})
		}
	}
}

func shareZeroWhole(c *Context) {
	for _, sh := range c.Claims.Shares {
		if sh.Whole != nil && sh.Whole.IsZero() && sh.Part != nil && sh.Part.IsZero() {
			c.ReportClaim(sh, Vars{"stated": fig(sh.Pct), "whole": fig(sh.Whole)})
		}
	}
}

func shareValue(c *Context) {
	for _, sh := range c.Claims.Shares {
		shareValueOf(c, sh)
	}
}

// shareValueOf judges a share charitably: it is consistent when one of
// its plausible wholes gives it, the stated figure read as rounded or as
// cut off (statedRate). A whole smaller than the part is not plausible
// (it is another total of the same name: 市本级 vs 全市).
func shareValueOf(c *Context, sh *claims.Share) {
	switch {
	case sh.Part == nil:
		c.Skip(sh, "share: part not stated")
		return
	case len(sh.Wholes) == 0:
		shareInList(c, sh)
		return
	}
	judgeShare(c, sh, sh.Wholes)
}

// judgeShare decides a share against its plausible wholes.
func judgeShare(c *Context, sh *claims.Share, wholes []*claims.Figure) {
	stated := statedRate(sh.Pct)
	one := big.NewRat(1, 1)
	var first *claims.Figure
	var firstGot num.Interval
	zero := false
	var fit *claims.Figure
	var fitGot num.Interval
	fits := 0
	for _, w := range wholes {
		if w.Yuan().ContainsZero() {
			zero = true
			continue
		}
		got, _ := sh.Part.Yuan().Div(w.Yuan())
		if got.Lo.Cmp(one) > 0 && stated.Hi.Cmp(one) <= 0 {
			continue
		}
		if got.Meets(stated) {
			if fits == 0 {
				fit, fitGot = w, got
				fits++
			} else if a, b := w.Yuan(), fit.Yuan(); a.Lo.Cmp(b.Lo) != 0 || a.Hi.Cmp(b.Hi) != 0 {
				fits++ // another whole: the reading is not one
			}
			continue
		}
		if first == nil || w == sh.Whole {
			first, firstGot = w, got
		}
	}
	if fits == 0 && first != nil && movedToHundred(sh, firstGot) {
		fits, fit = 2, first // one reading among others: it says nothing of the report's rounding
	}
	if fits > 0 {
		c.Decided(sh)
		if fits == 1 { // one reading: it tells how the report rounds
			c.noteRate(sh, sh.Pct, fitGot, sh.Part.Value.String()+" / "+fit.Value.String())
		}
		return
	}
	switch {
	case first == nil && zero:
		c.Skip(sh, "share: whole is zero")
		return
	case first == nil:
		c.Skip(sh, "share: whole doubtful (part exceeds it)")
		return
	}
	name := sh.WholeName
	if name == "" {
		name = first.Subject
	}
	part, whole := sh.Part.Value.String(), first.Value.String()
	if sh.Part.Unit != first.Unit {
		part, whole = fig(sh.Part), fig(first) // 6734万元 / 1.79亿元
	}
	c.ReportClaim(sh, Vars{
		"stated":     sh.Pct.Value.String() + "%",
		"expected":   pct(firstGot, sh.Pct.Value.Decimals()),
		"part":       part,
		"whole":      whole,
		"whole_name": name,
	}, relatedFigure(c, first, name, sh.Where())...)
}

// shareInList judges a share that names no whole by the run of such
// shares it stands in: the run's whole is the amount stated before it
// that all its shares but one give (three at least, so that no chance
// agreement of round figures binds it). A share the whole does not give is
// reported only when no other amount before the run nor another part of
// the run gives it either (a share of a subtotal).
func shareInList(c *Context, sh *claims.Share) {
	w := listWhole(sh)
	if w == nil {
		c.Skip(sh, "share: no whole stated")
		return
	}
	if fits(sh, w) {
		c.Decided(sh)
		return
	}
	for _, o := range sh.ListWholes {
		if fits(sh, o) {
			c.Skip(sh, "share: the list's shares are of another whole")
			return
		}
	}
	for _, o := range sh.List {
		if o != sh && fits(sh, o.Part) {
			c.Skip(sh, "share: the list's shares are of another whole")
			return
		}
	}
	judgeShare(c, sh, []*claims.Figure{w})
}

// listWhole is the nearest amount before a run of shares that all of the
// run's shares but one give, at least three of them.
func listWhole(sh *claims.Share) *claims.Figure {
	for _, w := range sh.ListWholes {
		n := 0
		for _, o := range sh.List {
			if fits(o, w) {
				n++
			}
		}
		if n >= 3 && n >= len(sh.List)-1 {
			return w
		}
	}
	return nil
}

// fits reports whether part / w gives the share's printed percentage.
func fits(sh *claims.Share, w *claims.Figure) bool {
	if w == nil || w.Yuan().ContainsZero() {
		return false
	}
	got, ok := sh.Part.Yuan().Div(w.Yuan())
	return ok && got.Meets(statedRate(sh.Pct))
}

// movedToHundred: a share of a complete list whose shares add up to
// exactly 100%, one unit of its last digit off its rounding — the
// convention that moves one share so that the list totals 100 (19.4 :
// 26.5 : 54.1 for 19.4, 26.5 and 54.0). Another share of the list printed
// wrong counts at the value its figures give: the list was made to total
// 100 before the slip.
func movedToHundred(sh *claims.Share, got num.Interval) bool {
	sib := sh.Siblings
	if sib == nil || !sib.Complete {
		return false
	}
	sum := new(big.Rat)
	for _, o := range sib.Shares {
		v := o.Pct.Value.Rat()
		if g, wrong := printedWrong(o); o != sh && wrong {
			r, _ := num.ParseDecimal(num.FormatRat(new(big.Rat).Mul(g.Mid(), big.NewRat(100, 1)), o.Pct.Value.Decimals()))
			v = r.Rat()
		}
		sum.Add(sum, v)
	}
	if sum.Cmp(big.NewRat(100, 1)) != 0 {
		return false
	}
	unit := new(big.Rat).Mul(num.Pow10(-sh.Pct.Value.Decimals()), big.NewRat(1, 100))
	v := new(big.Rat).Mul(sh.Pct.Value.Rat(), big.NewRat(1, 100))
	half := new(big.Rat).Mul(unit, big.NewRat(3, 2))
	moved := num.Interval{Lo: new(big.Rat).Sub(v, half), Hi: new(big.Rat).Add(v, half)}
	return got.Meets(moved)
}

// printedWrong: no plausible whole of the share (not smaller than its
// part) gives it; the share the first of them gives.
func printedWrong(sh *claims.Share) (num.Interval, bool) {
	if sh.Part == nil {
		return num.Interval{}, false
	}
	var first num.Interval
	found := false
	for _, w := range sh.Wholes {
		if w.Yuan().ContainsZero() {
			continue
		}
		got, _ := sh.Part.Yuan().Div(w.Yuan())
		if got.Lo.Cmp(big.NewRat(1, 1)) > 0 {
			continue
		}
		if got.Meets(statedRate(sh.Pct)) {
			return num.Interval{}, false
		}
		if !found {
			first, found = got, true
		}
	}
	return first, found
}

// siblingLists are the documents' lists of shares with no whole found,
// each once, in order.
func siblingLists(c *Context) []*claims.Siblings {
	var out []*claims.Siblings
	seen := map[*claims.Siblings]bool{}
	for _, sh := range c.Claims.Shares {
		if sib := sh.Siblings; sib != nil && !seen[sib] {
			seen[sib] = true
			out = append(out, sib)
		}
	}
	return out
}

// shareSum is the sum of shares as printed, rounded or cut.
func shareSum(shs []*claims.Share) num.Interval {
	sum := statedRate(shs[0].Pct)
	for _, sh := range shs[1:] {
		sum = sum.Add(statedRate(sh.Pct))
	}
	return sum
}

// shareSiblings judges the shares of one sentence's list of one whole that
// is not printed (工资、公用经费支出37亿元，占财力的55.2%；配套支出6.7亿元，
// 占财力的10%；…): each part / share gives an interval for the whole, and
// one whole must lie in them all. When it does, every share is decided.
// When all but one share agree (three at least) and the odd one gives the
// whole of no other amount of the list, it is reported with the share the
// others' whole gives it. Shares adding up to more than 100% are not of one
// whole; two shares that disagree cannot tell which is wrong.
func shareSiblings(c *Context) {
	one := big.NewRat(1, 1)
	for _, sib := range siblingLists(c) {
		shs := sib.Shares
		if shs[0].Part == nil || shareSum(shs).Lo.Cmp(one) > 0 || judgedOneByOne(shs) {
			continue
		}
		wholes := make([]num.Interval, len(shs))
		ok := true
		for i, sh := range shs {
			r := statedRate(sh.Pct)
			if r.ContainsZero() || listWhole(sh) != nil {
				ok = false
				break
			}
			wholes[i], _ = sh.Part.Yuan().Div(r)
		}
		if !ok {
			continue
		}
		if _, fit := common(wholes, -1); fit {
			for _, sh := range shs {
				c.Decided(sh)
			}
			continue
		}
		if len(shs) < 3 {
			continue
		}
		odd := -1
		var whole num.Interval
		for i := range shs {
			if w, fit := common(wholes, i); fit {
				if odd >= 0 {
					odd = -2 // two readings: no one share is the odd one
					break
				}
				odd, whole = i, w
			}
		}
		if odd < 0 || anotherWhole(shs, odd) {
			continue
		}
		for _, sh := range shs {
			c.Decided(sh)
		}
		sh := shs[odd]
		got, _ := sh.Part.Yuan().Div(whole)
		c.ReportClaim(sh, Vars{
			"stated":   sh.Pct.Value.String() + "%",
			"expected": pct(got, sh.Pct.Value.Decimals()),
			"shares":   siblingTerms(shs, odd),
		})
	}
}

// judgedOneByOne: every share of a list has its part and its whole, so
// the share checks judge each one against them.
func judgedOneByOne(shs []*claims.Share) bool {
	for _, sh := range shs {
		if sh.Part == nil || len(sh.Wholes) == 0 {
			return false
		}
	}
	return true
}

// common is the interval every whole but the skip-th lies in, and whether
// there is one.
func common(wholes []num.Interval, skip int) (num.Interval, bool) {
	var out num.Interval
	first := true
	for i, w := range wholes {
		if i == skip {
			continue
		}
		if first {
			out, first = w, false
			continue
		}
		if !out.Meets(w) {
			return num.Interval{}, false
		}
		if w.Lo.Cmp(out.Lo) > 0 {
			out.Lo = w.Lo
		}
		if w.Hi.Cmp(out.Hi) < 0 {
			out.Hi = w.Hi
		}
	}
	return out, !first
}

// anotherWhole: the odd share is the share of another part of the list or
// of an amount stated before it in the block (a share of a subtotal).
func anotherWhole(shs []*claims.Share, odd int) bool {
	sh := shs[odd]
	for i, o := range shs {
		if i != odd && fits(sh, o.Part) {
			return true
		}
	}
	for _, w := range sh.ListWholes {
		if fits(sh, w) {
			return true
		}
	}
	return false
}

// siblingTerms lists the other shares of a list with their parts.
func siblingTerms(shs []*claims.Share, skip int) string {
	terms := ""
	for i, o := range shs {
		if i == skip {
			continue
		}
		if terms != "" {
			terms += ", "
		}
		if o.Part != nil {
			terms += fig(o.Part) + " "
		}
		terms += o.Pct.Value.String() + "%"
	}
	return terms
}

// shareComplete judges the shares of a list whose parts are the members of
// a complete list (第一产业、第二产业、第三产业增加值占生产总值的比重分别为…;
// 一般债务…占比14.3%；专项债务…占比85.7%): they make the whole, so they add
// up to 100% within their printing (each rounded or cut). A list of other
// parts may leave some out and is not judged.
func shareComplete(c *Context) {
	hundred := num.Point(big.NewRat(1, 1))
	for _, sib := range siblingLists(c) {
		if !sib.Complete {
			continue
		}
		shs := sib.Shares
		sum := shareSum(shs)
		if sum.Meets(hundred) {
			for _, sh := range shs {
				c.Decided(sh)
			}
			continue
		}
		if judgedOneByOne(shs) {
			continue // share-mismatch names the wrong share
		}
		last := shs[len(shs)-1]
		for _, sh := range shs[:len(shs)-1] {
			c.Decided(sh)
		}
		start := shs[0].Start
		if shs[0].Block != last.Block {
			start = last.Start
		}
		exact := num.Point(shs[0].Pct.Value.Rat())
		for _, sh := range shs[1:] {
			exact = exact.Add(num.Point(sh.Pct.Value.Rat()))
		}
		c.ReportClaimOver(last, start, last.End, Vars{
			"stated":   siblingTerms(shs, -1),
			"expected": num.FormatRat(exact.Mid(), maxDecimals(shs)) + "%",
		})
	}
}

// maxDecimals is the most decimals a list's shares are printed with.
func maxDecimals(shs []*claims.Share) int {
	d := 0
	for _, sh := range shs {
		d = max(d, sh.Pct.Value.Decimals())
	}
	return d
}
