package checks

import (
	"math/big"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// contribution checks how a whole's growth divides among the complete list
// of its parts: the parts' contributions (贡献率) add up to 100%, their
// pulls (拉动, percentage points) add up to the whole's growth rate, and a
// pull is its contribution times that rate. Every figure stands for what
// its printing allows, rounded or cut; one wrong figure is one finding —
// the pairs are judged only when both sums hold (a sum that fails already
// names the list).
func init() {
	lists := func(c *Context) []*claims.Contribution { return c.Claims.Contributions }
	RegisterTests("contribution", map[string]Test{
		"sum":   each(lists, contributionSum),
		"pulls": each(lists, pullSum),
		"pair":  each(lists, pullPair),
	}, Options{Vars: []string{"stated", "expected", "growth", "contribution"}})
}

func contributionSum(c *Context, ct *claims.Contribution) {
	if ct.Rates == nil {
		return
	}
	c.Decided(ct)
	sum := ratesSum(ct)
	if sum.Meets(num.Point(big.NewRat(1, 1))) {
		return
	}
	start, end := ct.Rates[0].Start, ct.Rates[len(ct.Rates)-1].End
	exact := new(big.Rat)
	for _, r := range ct.Rates {
		exact.Add(exact, r.Value.Rat())
	}
	c.ReportClaimOver(ct, start, end, Vars{
		"stated":   percents(ct.Rates),
		"expected": num.FormatRat(exact, maxFigDecimals(ct.Rates)) + "%",
	})
}

func pullSum(c *Context, ct *claims.Contribution) {
	if ct.Pulls == nil {
		return
	}
	if ct.Growth == nil {
		if ct.Rates == nil {
			c.Skip(ct, "contribution: the whole's growth rate not stated")
		}
		return
	}
	c.Decided(ct)
	if pullsSum(ct).Meets(signedRate(ct.Growth)) {
		return
	}
	exact := new(big.Rat)
	for k, p := range ct.Pulls {
		v := p.Value.Rat()
		if ct.PullNeg[k] {
			v.Neg(v)
		}
		exact.Add(exact, v)
	}
	c.ReportClaimOver(ct, ct.Pulls[0].Start, max(ct.Pulls[len(ct.Pulls)-1].End, ct.End), Vars{
		"stated":   points(ct),
		"expected": num.FormatRat(exact, maxFigDecimals(ct.Pulls)),
		"growth":   rateWords(ct.Growth),
	})
}

// pullPair judges each part's pull against its contribution times the
// whole's growth, when both sums hold: two figures swapped, or a pull
// and its contribution changed together.
func pullPair(c *Context, ct *claims.Contribution) {
	if ct.Rates == nil || ct.Pulls == nil || ct.Growth == nil {
		return
	}
	g := signedRate(ct.Growth)
	if !ratesSum(ct).Meets(num.Point(big.NewRat(1, 1))) || !pullsSum(ct).Meets(g) {
		return
	}
	c.Decided(ct)
	for k, p := range ct.Pulls {
		want := statedRate(ct.Rates[k]).Mul(g)
		if pullOf(ct, k).Meets(want) {
			continue
		}
		got := new(big.Rat).Mul(want.Mid(), big.NewRat(100, 1))
		c.ReportClaimOver(ct, p.Start, p.End, Vars{
			"stated":       signedPoints(ct, k),
			"expected":     num.FormatRat(got, p.Value.Decimals()),
			"contribution": ct.Rates[k].Value.String() + "%",
			"growth":       rateWords(ct.Growth),
		})
	}
}

// ratesSum is the contributions' sum as printed, rounded or cut.
func ratesSum(ct *claims.Contribution) num.Interval {
	sum := statedRate(ct.Rates[0])
	for _, r := range ct.Rates[1:] {
		sum = sum.Add(statedRate(r))
	}
	return sum
}

// pullOf is a pull as printed, rounded or cut, as a fraction (points /
// 100), negative when written 下拉.
func pullOf(ct *claims.Contribution, k int) num.Interval {
	iv := statedRate(ct.Pulls[k])
	if ct.PullNeg[k] {
		iv = iv.Neg()
	}
	return iv
}

// pullsSum is the pulls' sum.
func pullsSum(ct *claims.Contribution) num.Interval {
	sum := pullOf(ct, 0)
	for k := 1; k < len(ct.Pulls); k++ {
		sum = sum.Add(pullOf(ct, k))
	}
	return sum
}

// percents lists percentages as printed.
func percents(fs []*claims.Figure) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Value.String() + "%"
	}
	return strings.Join(out, ", ")
}

// points lists a list's pulls, signed.
func points(ct *claims.Contribution) string {
	out := make([]string, len(ct.Pulls))
	for k := range ct.Pulls {
		out[k] = signedPoints(ct, k)
	}
	return strings.Join(out, ", ")
}

// signedPoints is a pull as printed, with a minus when written 下拉.
func signedPoints(ct *claims.Contribution, k int) string {
	if ct.PullNeg[k] {
		return "-" + ct.Pulls[k].Value.String()
	}
	return ct.Pulls[k].Value.String()
}

// maxFigDecimals is the most decimals of the figures.
func maxFigDecimals(fs []*claims.Figure) int {
	d := 0
	for _, f := range fs {
		d = max(d, f.Value.Decimals())
	}
	return d
}
