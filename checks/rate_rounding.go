package checks

import (
	"math/big"
	"slices"
	"strconv"

	"github.com/budgetlint/budgetlint/parser/claims"
)

// rounding: a rate printed with its digits cut off (99.86% for 99.868%) in
// a report that rounds its other rates. Cutting is a practice some reports
// follow, so the rate checks accept it; a report that several times prints
// a rate above its true value (99.87% for 99.866%) can only be rounding,
// and a lone cut figure there is a slip.

// Rounding's parameters: how many rates must show rounding, how many
// times more of them than cut ones, and how many cut ones at most, before
// a cut one is reported. A report that cuts twice may cut as a practice in
// some of its tables (a system that truncates its shares): a slip is rare.
type roundingParams struct {
	MinRounded int `yaml:"min_rounded"`
	Ratio      int `yaml:"ratio"`
	MaxCut     int `yaml:"max_cut"`
}

func init() {
	Register("rounding", roundingParams{MinRounded: 3, Ratio: 2, MaxCut: 1}, map[string]func(roundingParams) Test{
		"cut-rate": func(p roundingParams) Test { return func(c *Context) { cutRates(c, p) } },
	}, Options{AfterChecks: true, Vars: []string{"stated", "expected", "how", "rounded"}})
}

func cutRates(c *Context, p roundingParams) {
	r := c.run
	if r.rounded < max(p.MinRounded, 1) || r.rounded < p.Ratio*len(r.cut) || (p.MaxCut > 0 && len(r.cut) > p.MaxCut) {
		return // the report may cut its rates, or the evidence is thin
	}
	for _, x := range r.cut {
		if sh, ok := x.claim.(*claims.Share); ok && (adjustedToWhole(c, sh) || listReported(c, sh)) {
			continue
		}
		v := Vars{"rounded": strconv.Itoa(r.rounded)}
		for k, s := range x.vars {
			v[k] = s
		}
		c.ReportClaim(x.claim, v)
	}
}

// listReported: another share of sh's complete list is reported — the
// list's printing is already in question, and moving the wrong share back
// may be what makes this one's rounding fit (one defect, one finding).
func listReported(c *Context, sh *claims.Share) bool {
	if sh.Siblings == nil || !sh.Siblings.Complete {
		return false
	}
	for _, o := range sh.Siblings.Shares {
		if o != sh && len(c.run.reported[o]) > 0 {
			return true
		}
	}
	return false
}

// adjustedToWhole reports whether sh stands in a run of consecutive shares
// that add up to exactly 100%: one of them may have been moved off its
// rounding so that the list totals 100 (the largest-remainder convention),
// and cutting it is then one reading of that adjustment. The run is taken
// in the order the shares are printed, whatever wholes they were read
// against: a list's last share may name none.
func adjustedToWhole(c *Context, sh *claims.Share) bool {
	const longest = 40 // items of a breakdown by class
	ss := c.Claims.Shares
	k := slices.Index(ss, sh)
	if k < 0 {
		return false
	}
	hundred := big.NewRat(100, 1)
	for i := max(0, k-longest+1); i <= k; i++ {
		sum := new(big.Rat)
		for j := i; j < len(ss) && j-i < longest; j++ {
			if ss[j].Pct != nil {
				sum.Add(sum, ss[j].Pct.Value.Rat())
			}
			if j >= k && j > i && sum.Cmp(hundred) == 0 {
				return true
			}
		}
	}
	return false
}
