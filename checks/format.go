package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// pct prints an interval of fractions as a percentage with d decimals (at least 2).
func pct(iv num.Interval, d int) string {
	if d < 2 {
		d = 2
	}
	m := iv.Mid()
	m.Mul(m, big.NewRat(100, 1))
	for m.Sign() != 0 && d < 6 && new(big.Rat).Abs(m).Cmp(new(big.Rat).Mul(big.NewRat(1, 2), num.Pow10(-d))) < 0 {
		d++ // a tiny value would print as 0.00%: show its first digits
	}
	return num.FormatRat(m, d) + "%"
}

// amount prints an interval of 元 in the unit of f, with f's decimals.
func amount(iv num.Interval, like *claims.Figure) string {
	if like.Unit == claims.UnitCount {
		return num.FormatIn(iv, num.UnitNone, like.Value.Decimals()) + like.Count
	}
	return num.FormatIn(iv, like.Unit, like.Value.Decimals())
}

// unitName is the unit as written: 万元, %, or the counted word (辆).
func unitName(f *claims.Figure) string {
	if f.Unit == claims.UnitCount {
		return f.Count
	}
	return f.Unit.Name()
}

// fig prints a figure as stated (digits and unit).
func fig(f *claims.Figure) string {
	if f == nil {
		return "?"
	}
	return f.Value.String() + unitName(f)
}
