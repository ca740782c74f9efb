package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// A rate computed from printed figures fits the printed rate rounded, cut
// off, or either; negatives are cut toward zero. Only a rate printed above
// its exact magnitude proves rounding, only one more than half a unit below
// it proves cutting.
func TestRateFit(t *testing.T) {
	for _, tc := range []struct {
		name, part, whole, stated string
		want                      rateFit
		up                        string
	}{
		{"printed above: only rounding", "4531.29", "4863.72", "93.17", fitRoundedOnly, "93.18"},
		{"printed below by less than half: either", "332.43", "4863.72", "6.83", fitEither, "6.84"},
		{"printed below by more than half: only cut", "9746.50", "9759.38", "99.86", fitCutOnly, "99.87"},
		{"neither", "9746.50", "9759.38", "98.50", fitNone, "98.51"},
		{"one decimal, cut", "4512625", "4833223", "93.3", fitCutOnly, "93.4"},
		{"negative, cut toward zero", "-9746.50", "9759.38", "-99.86", fitCutOnly, "-99.87"},
		{"negative, printed further from zero: only rounding", "-4531.29", "4863.72", "-93.17", fitRoundedOnly, "-93.18"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := num.MustDecimal(tc.part).Interval().Div(num.MustDecimal(tc.whole).Interval())
			assert.True(t, ok)
			f := &claims.Figure{Value: num.MustDecimal(tc.stated)}
			assert.Equal(t, tc.want, fitOf(f, got))
			assert.Equal(t, tc.up, oneUp(f))
		})
	}
}
