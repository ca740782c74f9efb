package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
)

// share checks 占 X% claims: the stated share against part / whole, a share
// written without its % sign, and a share of a zero total.
func init() {
	RegisterTests("share", map[string]Test{
		"value":      shareValue,
		"sign":       shareSign,
		"zero-whole": shareZeroWhole,
	}, Options{})
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

func shareValueOf(c *Context, sh *claims.Share) {
	switch {
	case sh.Part == nil:
		c.Skip(sh, "share: part not stated")
		return
	case sh.Whole == nil:
		c.Skip(sh, "share: no whole stated")
		return
	case sh.Whole.Yuan().ContainsZero():
		c.Skip(sh, "share: whole is zero")
		return
	}
	got, _ := sh.Part.Yuan().Div(sh.Whole.Yuan())
	stated := sh.Pct.Fraction()
	if got.Lo.Cmp(big.NewRat(1, 1)) > 0 && stated.Hi.Cmp(big.NewRat(1, 1)) <= 0 {
		// a part larger than its whole: the whole found is another total of
		// the same name (市本级 vs 全市), not this one
		c.Skip(sh, "share: whole doubtful (part exceeds it)")
		return
	}
	c.Decided(sh)
	if got.Meets(stated) {
		return
	}
	name := sh.WholeName
	if name == "" {
		name = sh.Whole.Subject
	}
	c.ReportClaim(sh, Vars{
		"stated":     sh.Pct.Value.String() + "%",
		"expected":   pct(got, sh.Pct.Value.Decimals()),
		"part":       sh.Part.Value.String(),
		"whole":      sh.Whole.Value.String(),
		"whole_name": name,
	}, relatedFigure(c, sh.Whole, name, sh.Where())...)
}
