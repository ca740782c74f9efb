package checks

import (
	"math/big"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// gap checks a rate set against another's in percentage points (增长17.6%，
// 增速高于全州11.9个百分点): the rate less the points is the other's rate.
// Printed in brackets (高于全国（-17.2%）31.1个百分点), it must be that;
// not printed, the statements of one paragraph set against the same name
// (the four counties against 全州) must imply one rate. Each figure stands
// for what its printing allows, rounded or cut.
func init() {
	RegisterTests("gap", map[string]Test{
		"printed":  gapPrinted,
		"siblings": gapSiblings,
	}, Options{Vars: []string{"stated", "expected", "ref", "given"}})
}

// impliedRef is the other's rate a gap gives, in percent.
func impliedRef(g *claims.Gap) num.Interval {
	r := printedPercent(g.Rate.Value)
	if g.RateNeg {
		r = r.Neg()
	}
	p := printedPercent(g.Points.Value)
	if g.Below {
		return r.Add(p)
	}
	return r.Sub(p)
}

// printedPercent is a printed number as what it may stand for, rounded or
// cut: within one unit of its last digit.
func printedPercent(d num.Decimal) num.Interval {
	v := d.Rat()
	ulp := num.Pow10(-d.Decimals())
	return num.Interval{Lo: new(big.Rat).Sub(v, ulp), Hi: new(big.Rat).Add(v, ulp)}
}

func gapWords(g *claims.Gap) string {
	dir, cmp := "增长", "高于"
	if g.RateNeg {
		dir = "下降"
	}
	if g.Below {
		cmp = "低于"
	}
	return dir + g.Rate.Value.String() + "%，" + cmp + g.Ref + g.Points.Value.String() + "个百分点"
}

func formatPercent(iv num.Interval, d int) string {
	return num.FormatRat(iv.Mid(), d) + "%"
}

func gapPrinted(c *Context) {
	for _, g := range c.Claims.Gaps {
		if g.RefRate == nil {
			continue
		}
		if !g.Signed {
			c.Skip(g, "gap: the rate compared or its sign is not read")
			continue
		}
		ref := printedPercent(g.RefRate.Value)
		got := impliedRef(g)
		c.Decided(g)
		if got.Meets(ref) {
			decideGap(c, g)
			continue
		}
		c.ReportClaim(g, Vars{
			"stated":   gapWords(g),
			"expected": formatPercent(got, g.Rate.Value.Decimals()),
			"ref":      g.Ref,
			"given":    g.RefRate.Value.String() + "%",
		})
	}
}

// gapSiblings compares the gaps of one paragraph set against one name
// whose rate is not printed: the rates they imply must meet. All meeting,
// each is decided; one alone apart from two or more that meet, of one
// subject, is reported; any other disagreement may be two quantities
// compared with two wholes of one name, and is skipped.
func gapSiblings(c *Context) {
	type key struct {
		block any
		ref   string
	}
	groups := map[key][]*claims.Gap{}
	var order []key
	for _, g := range c.Claims.Gaps {
		if g.RefRate != nil {
			continue
		}
		if !g.Signed {
			c.Skip(g, "gap: the rate compared or its sign is not read")
			continue
		}
		k := key{g.Block, g.Ref}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], g)
	}
	for _, k := range order {
		gs := groups[k]
		if len(gs) < 2 {
			c.Skip(gs[0], "gap: the rate compared with is not stated")
			continue
		}
		if _, ok := commonRef(gs, nil); ok {
			for _, g := range gs {
				decideGap(c, g)
			}
			continue
		}
		var odd *claims.Gap
		for _, g := range gs {
			if _, ok := commonRef(gs, g); ok && len(gs) >= 3 {
				if odd != nil {
					odd = nil
					break
				}
				odd = g
			}
		}
		if odd == nil || !oneSubject(gs) {
			for _, g := range gs {
				c.Skip(g, "gap: the statements against one name disagree among themselves")
			}
			continue
		}
		for _, g := range gs {
			if g != odd {
				decideGap(c, g)
			}
		}
		common, _ := commonRef(gs, odd)
		c.Decided(odd)
		c.ReportClaim(odd, Vars{
			"stated":   gapWords(odd),
			"expected": formatPercent(impliedRef(odd), odd.Rate.Value.Decimals()),
			"ref":      odd.Ref,
			"given":    formatPercent(common, odd.Rate.Value.Decimals()),
		})
	}
}

// decideGap counts a gap checked, and the change whose rate it checked.
func decideGap(c *Context, g *claims.Gap) {
	c.Decided(g)
	if g.Change != nil {
		c.Decided(g.Change)
	}
}

// commonRef is the other's rate the gaps but skip all imply, the points
// their readings share; ok is false when they share none.
func commonRef(gs []*claims.Gap, skip *claims.Gap) (common num.Interval, ok bool) {
	first := true
	for _, g := range gs {
		if g == skip {
			continue
		}
		iv := impliedRef(g)
		if first {
			common, first = iv, false
			continue
		}
		if !common.Meets(iv) {
			return common, false
		}
		common = common.Intersect(iv)
	}
	return common, true
}

// oneSubject: the gaps' rates are of one quantity in several places — their
// subjects end alike (乌恰县农林牧渔业总产值, 阿合奇县农林牧渔业总产值).
func oneSubject(gs []*claims.Gap) bool {
	for _, g := range gs {
		if g.Change == nil {
			return false
		}
	}
	tail := []rune(gs[0].Change.Subject)
	for _, g := range gs[1:] {
		s := []rune(g.Change.Subject)
		n := 0
		for n < len(tail) && n < len(s) && tail[len(tail)-1-n] == s[len(s)-1-n] {
			n++
		}
		tail = tail[len(tail)-n:]
	}
	return len(tail) >= 3 && !strings.ContainsAny(string(tail), "，,")
}
