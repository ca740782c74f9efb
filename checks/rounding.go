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
