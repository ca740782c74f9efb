package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// statedRate is the interval of fractions a printed rate may stand for.
// Most reports round (119.2 is 119.15…119.25), but some cut the digits off
// as a spreadsheet's ROUNDDOWN does (119.19 printed 119.1): either reading
// is consistent, so the interval runs from half a unit below to a whole
// unit above the printed value.
func statedRate(f *claims.Figure) num.Interval {
	iv := f.Fraction()
	unit := new(big.Rat).Mul(num.Pow10(-f.Value.Decimals()), big.NewRat(1, 100))
	v := new(big.Rat).Mul(f.Value.Rat(), big.NewRat(1, 100))
	if f.Value.Sign() < 0 {
		iv.Lo = v.Sub(v, unit) // cut toward zero
	} else {
		iv.Hi = v.Add(v, unit)
	}
	return iv
}

// How a rate the figures give fits the printed one. A report that rounds
// prints 99.87% for 99.868%; one that cuts the digits off prints 99.86%.
// Each reading is charitable alone, but a report shows which it follows:
// a figure printed above the true rate (99.87% for 99.868%) can only be
// rounded, so a report with several of those and a rate that fits only when
// cut has slipped on that one.
type rateFit int

const (
	fitNone        rateFit = iota // outside both readings
	fitEither                     // rounded or cut, the figures cannot tell
	fitRoundedOnly                // above the true rate: only rounding prints it
	fitCutOnly                    // only cutting the digits off prints it
)

// fitOf says how got, a rate computed from figures, fits printed rate f.
// Magnitudes are compared, since a negative rate is cut toward zero.
func fitOf(f *claims.Figure, got num.Interval) rateFit {
	if !got.Meets(statedRate(f)) {
		return fitNone
	}
	if got.ContainsZero() {
		return fitEither
	}
	g := got.Abs()
	v := new(big.Rat).Abs(f.Value.Rat())
	v.Mul(v, big.NewRat(1, 100))
	half := new(big.Rat).Mul(num.Pow10(-f.Value.Decimals()), big.NewRat(1, 200))
	switch {
	case g.Hi.Cmp(v) < 0:
		return fitRoundedOnly
	case g.Lo.Cmp(new(big.Rat).Add(v, half)) > 0:
		return fitCutOnly
	}
	return fitEither
}

// cutRate is a rate found consistent only with its digits cut off, kept
// until every rule has run and the report's own practice is known.
type cutRate struct {
	claim claims.Claim
	rate  *claims.Figure
	vars  Vars // stated, expected (rounded) and how, for the message
}

// noteRate records how a rate found consistent fits: evidence of the
// report's rounding, or a rate that only fits cut off. how says which
// figures gave got ("9746.50 / 9759.38").
func (c *Context) noteRate(cl claims.Claim, f *claims.Figure, got num.Interval, how string) {
	switch fitOf(f, got) {
	case fitRoundedOnly:
		c.run.rounded++
	case fitCutOnly:
		c.run.cut = append(c.run.cut, cutRate{claim: cl, rate: f, vars: Vars{
			"stated":   f.Value.String() + "%",
			"expected": oneUp(f) + "%",
			"how":      how,
		}})
	}
}

// oneUp is printed rate f one unit of its last digit further from zero:
// what rounding prints for a rate that only fits cut off.
func oneUp(f *claims.Figure) string {
	d := f.Value.Decimals()
	v := new(big.Rat).Abs(f.Value.Rat())
	v.Add(v, num.Pow10(-d))
	if f.Value.Sign() < 0 {
		v.Neg(v)
	}
	return num.FormatRat(v, d)
}
