package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// changeMix judges the rates of a whole and its parts together: the parts'
// values for the period before (current / (1 ± rate)) must add up to the
// whole's. When they do, every change of the mix is decided; when no
// values within the printed precision make them add up, the whole's rate is
// reported with what the parts give.
func changeMix(c *Context) {
	for _, m := range c.Claims.Mixes {
		cur := m.Parts[0].Current.Yuan()
		for _, p := range m.Parts[1:] {
			cur = cur.Add(p.Current.Yuan())
		}
		if !cur.Meets(m.Whole.Current.Yuan()) || zeroBased(m) {
			continue // the parts do not make the whole: another reading of the subjects
		}
		wb, ok := before(m.Whole)
		if !ok {
			continue
		}
		pb, ok := partsBefore(m, false)
		if !ok {
			continue
		}
		if pb.Meets(wb) {
			c.Decided(m.Whole)
			for _, p := range m.Parts {
				c.Decided(p)
			}
			continue
		}
		if m.ByScope || ownFinding(m) {
			// levels of government: their rates may be on another basis; a
			// member whose own figures already contradict its rate is
			// reported by change-rate, one defect one finding
			continue
		}
		c.Decided(m.Whole)
		for _, p := range m.Parts {
			c.Decided(p)
		}
		// the whole's rate the parts give, from the figures as printed:
		// whole now / parts before − 1, with its direction, so the message
		// names a rate a reader can recompute (the intervals above decide
		// only whether some reading fits)
		got, ok := mixRate(m)
		if !ok {
			continue
		}
		terms := ""
		for i, p := range m.Parts {
			if i > 0 {
				terms += ", "
			}
			terms += p.Current.Subject + fig(p.Current) + " " + p.DirWord
			if p.Rate != nil {
				terms += p.Rate.Value.String() + "%"
			}
		}
		start, end := mixSpan(m)
		c.ReportClaimOver(m.Whole, start, end, Vars{
			"stated":   m.Whole.DirWord + m.Whole.Rate.Value.String() + "%",
			"expected": got,
			"parts":    terms,
		})
	}
}

// partsBefore adds the parts' values for the period before (priorOf).
func partsBefore(m *claims.Mix, exact bool) (num.Interval, bool) {
	var sum num.Interval
	for i, p := range m.Parts {
		b, ok := priorOf(p, exact)
		if !ok {
			return num.Interval{}, false
		}
		if i == 0 {
			sum = b
		} else {
			sum = sum.Add(b)
		}
	}
	return sum, true
}

// mixRate is the whole's rate its parts give from their printed figures
// (持平 as no change), as a direction word and a per cent: 下降22.98%.
func mixRate(m *claims.Mix) (string, bool) {
	sum, ok := partsBefore(m, true)
	if !ok || sum.Lo.Sign() <= 0 {
		return "", false
	}
	r := new(big.Rat).Quo(m.Whole.Current.Yuan().Mid(), sum.Lo)
	r.Sub(r, big.NewRat(1, 1))
	word := "增长"
	switch r.Sign() {
	case -1:
		word = "下降"
		r.Neg(r)
	case 0:
		word = "持平"
	}
	return word + pct(num.Point(r), m.Whole.Rate.Value.Decimals()), true
}

// mixSpan is where a misfit is shown: the whole's change, stretched over
// the parts stated in its block — any member's rate or amount may be the
// wrong one.
func mixSpan(m *claims.Mix) (start, end int) {
	sp := m.Whole.Where()
	start, end = sp.Start, sp.End
	for _, p := range m.Parts {
		if ps := p.Where(); ps.Block == sp.Block {
			start, end = min(start, ps.Start), max(end, ps.End)
		}
	}
	return start, end
}

// before is the value for the period before a change implies: current /
// (1 + rate) after a rise, current / (1 − rate) after a fall; after 持平,
// current / (1 ± 0.5%), as a rate of 0% rounded to a whole percent. All
// within the printed precision of the figures.
func before(ch *claims.Change) (num.Interval, bool) { return priorOf(ch, false) }

// priorOf is before, read within the printed precision, or with exact the
// figures as printed (持平 as no change at all).
func priorOf(ch *claims.Change, exact bool) (num.Interval, bool) {
	one := big.NewRat(1, 1)
	cur := ch.Current.Yuan()
	if exact {
		cur = num.Point(cur.Mid())
	}
	if ch.Dir == claims.DirFlat && ch.Rate == nil {
		if exact {
			return cur, true
		}
		half := big.NewRat(1, 200)
		return cur.Div(num.Interval{Lo: new(big.Rat).Sub(one, half), Hi: new(big.Rat).Add(one, half)})
	}
	r := statedRate(ch.Rate)
	if exact {
		r = num.Point(new(big.Rat).Quo(ch.Rate.Value.Rat(), big.NewRat(100, 1)))
	}
	var f num.Interval
	switch ch.Dir {
	case claims.DirUp:
		f = num.Interval{Lo: new(big.Rat).Add(one, r.Lo), Hi: new(big.Rat).Add(one, r.Hi)}
	case claims.DirDown:
		f = num.Interval{Lo: new(big.Rat).Sub(one, r.Hi), Hi: new(big.Rat).Sub(one, r.Lo)}
	default:
		return num.Interval{}, false
	}
	if f.Lo.Sign() <= 0 {
		return num.Interval{}, false
	}
	return cur.Div(f)
}

// zeroBased: a member rose 100%, as a rise from nothing is written
// (增加0.3万元，增长100%); its last-year value is not current / 2. A rate
// worked out to other figures (增长220.73%) came from a base.
func zeroBased(m *claims.Mix) bool {
	for _, ch := range append([]*claims.Change{m.Whole}, m.Parts...) {
		if ch.Dir == claims.DirUp && ch.Rate != nil && ch.Rate.Value.Rat().Cmp(big.NewRat(100, 1)) == 0 {
			return true
		}
	}
	return false
}

// ownFinding: a member's own amount and current value contradict its rate.
func ownFinding(m *claims.Mix) bool {
	for _, ch := range append([]*claims.Change{m.Whole}, m.Parts...) {
		if ch.Rate == nil {
			continue // 持平: no rate to contradict
		}
		base, delta, _, ok := baseAndDelta(ch)
		if !ok || base.ContainsZero() || base.Hi.Sign() <= 0 {
			continue
		}
		if got, ok := delta.Div(base); ok && !got.Meets(statedRate(ch.Rate)) {
			return true
		}
	}
	return false
}

// changeParts judges the change of a total against its parts' changes
// listed after 其中: the signed amounts must add up within their printed
// precision. A sum that fits decides them all; a misfit is reported only
// when the list names every part of the total (a 其中 list may leave some
// out, and a part left out may have changed).
func changeParts(c *Context) {
	for _, cs := range c.Claims.Sums {
		sum := signedAmount(cs.Parts[0])
		terms := cs.Names[0] + cs.Parts[0].DirWord + fig(cs.Parts[0].Amount)
		for i, p := range cs.Parts[1:] {
			sum = sum.Add(signedAmount(p))
			terms += ", " + cs.Names[i+1] + p.DirWord + fig(p.Amount)
		}
		if sum.Meets(signedAmount(cs.Whole)) {
			c.Decided(cs.Whole)
			for _, p := range cs.Parts {
				c.Decided(p)
			}
			continue
		}
		if !cs.Closed {
			continue
		}
		for _, p := range cs.Parts {
			c.Decided(p)
		}
		word := "增加"
		if sum.Hi.Sign() < 0 {
			word = "减少"
		}
		c.ReportClaim(cs.Whole, Vars{
			"stated":   cs.Whole.DirWord + fig(cs.Whole.Amount),
			"expected": word + amount(sum.Abs(), cs.Whole.Amount),
			"parts":    terms,
		})
	}
}

// signedAmount is a change's amount, negative for a fall.
func signedAmount(ch *claims.Change) num.Interval {
	a := ch.Amount.Yuan()
	if ch.Dir == claims.DirDown {
		return a.Neg()
	}
	return a
}

// changeSpread judges the growth rate of a whole against its parts' rates
// when their values are not all printed (生产总值增长5.4%，其中第一产业增加值
// 增长5.3%、第二产业增长4.5%、第三产业增长6.1%): the whole's rate is the
// mean of the parts' weighted by last year's values, so it lies between
// the smallest and the largest of them. Each rate stands for what its
// printing allows (rounded or cut); a whole's rate that no such reading
// puts between its parts' is reported, unless a member's own figures
// already contradict its rate (change-rate says so) or a part rose from
// nothing (its rate weighs nothing).
func changeSpread(c *Context) {
	for _, m := range c.Claims.Spreads {
		whole := signedRate(m.Whole)
		lo, hi := signedRate(m.Parts[0]), signedRate(m.Parts[0])
		for _, p := range m.Parts[1:] {
			r := signedRate(p)
			if r.Lo.Cmp(lo.Lo) < 0 {
				lo = r
			}
			if r.Hi.Cmp(hi.Hi) > 0 {
				hi = r
			}
		}
		c.Decided(m.Whole)
		for _, p := range m.Parts {
			c.Decided(p)
		}
		if whole.Hi.Cmp(lo.Lo) >= 0 && whole.Lo.Cmp(hi.Hi) <= 0 || zeroBased(m) || ownFinding(m) {
			continue
		}
		low, high := m.Parts[0], m.Parts[0]
		terms := ""
		for i, p := range m.Parts {
			if i > 0 {
				terms += ", "
			}
			name := p.Subject
			if name == "" && p.Current != nil {
				name = p.Current.Subject
			}
			terms += name + rateWords(p)
			if signedRate(p).Lo.Cmp(lo.Lo) == 0 {
				low = p
			}
			if signedRate(p).Hi.Cmp(hi.Hi) == 0 {
				high = p
			}
		}
		start, end := mixSpan(m)
		c.ReportClaimOver(m.Whole, start, end, Vars{
			"stated":   rateWords(m.Whole),
			"expected": rateWords(low) + "～" + rateWords(high),
			"parts":    terms,
		})
	}
}

// rateWords is a change's direction and rate as printed (增长5.3%, 持平).
func rateWords(ch *claims.Change) string {
	if ch.Rate == nil {
		return ch.DirWord
	}
	return ch.DirWord + ch.Rate.Value.String() + "%"
}

// signedRate is a change's rate as printed, rounded or cut, negative for a
// fall; 持平 without a rate is 0% rounded to a whole percent.
func signedRate(ch *claims.Change) num.Interval {
	if ch.Rate == nil {
		half := big.NewRat(1, 200)
		return num.Interval{Lo: new(big.Rat).Neg(half), Hi: half}
	}
	r := statedRate(ch.Rate)
	if ch.Dir == claims.DirDown {
		return r.Neg()
	}
	return r
}
