package mutate

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/num"
)

// A whole and the parts that add up to it, each printed with its growth
// rate, bind each other's rates with no prior-year figure printed: last
// year's parts, amount / (1 ± rate), must add up to last year's whole.

// member is one amount of a list with its growth rate.
type member struct {
	amount *Figure
	rate   *Figure
}

// growthRateOf is the one growth rate of a group (a rate after a direction
// word), or nil when it has none or several.
func growthRateOf(g *Group) *Figure {
	var out *Figure
	for _, r := range g.Rates {
		if isChange(r) {
			if out != nil {
				return nil
			}
			out = r
		}
	}
	return out
}

// mixOf returns the members of the exhaustive list that amount a belongs
// to (as its total or one of the parts adding up to it), when every
// member prints its growth rate; the total comes first.
func (v *View) mixOf(a *Figure) []member {
	for _, l := range v.lists {
		if l.exhaustive == 0 {
			continue
		}
		all := append([]*Figure{l.total}, l.parts[:l.exhaustive]...)
		in := false
		for _, f := range all {
			in = in || f == a
		}
		if !in {
			continue
		}
		var out []member
		for _, f := range all {
			r := growthRateOf(f.Group)
			if r == nil {
				return nil
			}
			out = append(out, member{f, r})
		}
		return out
	}
	return nil
}

// prior is last year's value from this year's amount and its rate:
// amount / (1 + rate/100), or (1 − rate/100) for a decline.
func prior(amount num.Interval, rate num.Interval, decline bool) (num.Interval, bool) {
	r := rate.Scale(big.NewRat(1, 100))
	if decline {
		r = r.Neg()
	}
	return amount.Div(r.Add(num.Int(1)))
}

// mixMeets reports whether last year's parts can add up to last year's
// total, with the rate of member `at` replaced by rate (and its direction
// flipped when flip).
func mixMeets(ms []member, at *Figure, rate num.Decimal, flip bool) bool {
	var whole, sum num.Interval
	sum = num.Int(0)
	for i, m := range ms {
		r, decline := m.rate.Value, decreaseRe.MatchString(m.rate.Lead)
		if m.rate == at {
			r, decline = rate, decline != flip
		}
		p, ok := prior(amountIv(m.amount), r.Interval(), decline)
		if !ok {
			return true // a rate of −100% or beyond: nothing can be said
		}
		if i == 0 {
			whole = p
		} else {
			sum = sum.Add(p)
		}
	}
	return sum.Meets(whole)
}

// mixEvidence: the rate `rate` of a list member is checkable when the
// list's priors add up as printed and no longer do with the planted rate
// (or the flipped direction).
func (v *View) mixEvidence(rate *Figure, planted num.Decimal, flip bool) (bool, string, bool) {
	if rate == nil || rate.Group.Amount == nil {
		return false, "", false
	}
	ms := v.mixOf(rate.Group.Amount)
	if ms == nil || !mixMeets(ms, nil, num.Decimal{}, false) {
		return false, "", false
	}
	if mixMeets(ms, rate, planted, flip) {
		return false, "planted value within the rounding of the list's growth rates", true
	}
	return true, "list: the whole and its parts print amounts and growth rates", true
}
