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
	m := iv.Mid()
	exp := 0
	switch like.Unit {
	case claims.UnitWanYuan, claims.UnitWan:
		exp = 4
	case claims.UnitYiYuan:
		exp = 8
	case claims.UnitQianYuan:
		exp = 3
	}
	m.Mul(m, num.Pow10(-exp))
	return num.FormatRat(m, like.Value.Decimals()) + unitName(like)
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
