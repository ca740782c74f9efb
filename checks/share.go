package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
)

// share checks 占 X% claims: the stated share against part / whole, a share
// written without its % sign, and a share of a zero total.
type share struct{ p params }

func init() {
	RegisterTests("share", []string{"value", "sign", "zero-whole"}, func(p params) Checker { return &share{p: p} })
}

func (s *share) Run(c *Context) {
	for _, sh := range c.Claims.Shares {
		switch s.p.Test {
		case "value":
			s.value(c, sh)
		case "sign":
			if sh.NoSign {
				c.span(claims.Span{Block: sh.Pct.Block, Start: sh.Pct.Start - 1, End: sh.Pct.End}, Vars{
					"stated": sh.Pct.Text, "claim": sh.Pct.Text,
				})
			}
		case "zero-whole":
			if sh.Whole != nil && sh.Whole.IsZero() && sh.Part != nil && sh.Part.IsZero() {
				c.span(sh.Span, Vars{"stated": fig(sh.Pct), "whole": fig(sh.Whole)})
			}
		}
	}
}

func (s *share) value(c *Context, sh *claims.Share) {
	switch {
	case sh.Part == nil:
		c.Cov.Skip("share: part not stated")
		return
	case sh.Whole == nil:
		c.Cov.Skip("share: no whole stated")
		return
	case sh.Whole.Yuan().ContainsZero():
		c.Cov.Skip("share: whole is zero")
		return
	}
	got, _ := sh.Part.Yuan().Div(sh.Whole.Yuan())
	stated := sh.Pct.Fraction()
	if got.Lo.Cmp(big.NewRat(1, 1)) > 0 && stated.Hi.Cmp(big.NewRat(1, 1)) <= 0 {
		// a part larger than its whole: the whole found is another total of
		// the same name (市本级 vs 全市), not this one
		c.Cov.Skip("share: whole doubtful (part exceeds it)")
		return
	}
	c.Cov.Check()
	if got.Meets(stated) {
		return
	}
	name := sh.WholeName
	if name == "" {
		name = sh.Whole.Subject
	}
	c.span(sh.Span, Vars{
		"stated":     sh.Pct.Value.String() + "%",
		"expected":   pct(got, sh.Pct.Value.Decimals()),
		"part":       sh.Part.Value.String(),
		"whole":      sh.Whole.Value.String(),
		"whole_name": name,
	})
}
