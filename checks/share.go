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
	}, Options{Vars: []string{"stated", "expected", "part", "whole", "whole_name", "claim"}})
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
