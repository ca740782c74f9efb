package mutate

import (
	"math/big"
	"regexp"

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

// volumeRe: value added and output grow at constant prices. Their rates
// are volume indices: last year's values they imply do not add up, and the
// whole's rate is only a weighted mean of its parts', lying between them.
// A bulletin's farm output (农林牧渔业总产值) and postal and telecom volume
// (业务总量) grow at comparable prices whether it says so or not.
var volumeRe = regexp.MustCompile(`增加值|生产总值|GDP|不变价|可比价|业务总量|农林牧渔业?总产值`)

// volumes reports whether a list's rates are volume indices.
func volumes(ms []member) bool {
	for _, m := range ms {
		if volumeRe.MatchString(m.amount.Lead) {
			return true
		}
	}
	return false
}

// levelRe names a level of government in a part's lead (自治区本级…,
// 市县级…, 县区…).
var levelRe = regexp.MustCompile(`本级|市县级|县区|县市区|县\(市、区\)|县（市、区）|[省市区县州]级`)

// byLevel: two parts or more of the list are levels of government. The
// linter reads such a list's rates as binding when they fit and says
// nothing when they do not, so a planted rate there is not checkable.
func byLevel(ms []member) bool {
	n := 0
	for _, m := range ms[min(1, len(ms)):] {
		if levelRe.MatchString(m.amount.Lead) {
			n++
		}
	}
	return n >= 2
}

// signedRate is a member's rate as an interval, negative for a decline,
// with the rate of member `at` replaced by rate (and flipped when flip).
func signedRate(m member, at *Figure, rate num.Decimal, flip bool) num.Interval {
	r, decline := m.rate.Value, decreaseRe.MatchString(m.rate.Lead)
	if m.rate == at {
		r, decline = rate, decline != flip
	}
	iv := r.Interval()
	if decline {
		iv = iv.Neg()
	}
	return iv
}

// hullMeets reports whether the whole's rate can lie between its parts'.
func hullMeets(ms []member, at *Figure, rate num.Decimal, flip bool) bool {
	var lo, hi *big.Rat
	for _, m := range ms[1:] {
		r := signedRate(m, at, rate, flip)
		if lo == nil || r.Lo.Cmp(lo) < 0 {
			lo = r.Lo
		}
		if hi == nil || r.Hi.Cmp(hi) > 0 {
			hi = r.Hi
		}
	}
	return signedRate(ms[0], at, rate, flip).Meets(num.Interval{Lo: lo, Hi: hi})
}

// mixEvidence: the rate `rate` of a list member is checkable when the
// list's priors add up as printed and no longer do with the planted rate
// (or the flipped direction); for volume indices, when the whole's rate
// lay between its parts' and no longer does.
func (v *View) mixEvidence(rate *Figure, planted num.Decimal, flip bool) (bool, string, bool) {
	if rate == nil || rate.Group.Amount == nil {
		return false, "", false
	}
	ms := v.mixOf(rate.Group.Amount)
	if byLevel(ms) {
		return false, "list of levels of government: a change of responsibilities between them can put their rates on another basis", true
	}
	if ms != nil && volumes(ms) {
		if !hullMeets(ms, nil, num.Decimal{}, false) {
			return false, "", false
		}
		if hullMeets(ms, rate, planted, flip) {
			return false, "list of value added (constant prices): the whole's rate still lies between its parts'", true
		}
		return true, "list of value added: the whole's rate no longer lies between its parts'", true
	}
	if ms == nil || !mixMeets(ms, nil, num.Decimal{}, false) {
		return false, "", false
	}
	if mixMeets(ms, rate, planted, flip) {
		return false, "planted value within the rounding of the list's growth rates", true
	}
	return true, "list: the whole and its parts print amounts and growth rates", true
}
