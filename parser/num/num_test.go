package num

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in       string
		ok       bool
		str      string
		decimals int
	}{
		{"157.60", true, "157.60", 2},
		{"2,940.05", true, "2940.05", 2},
		{"-1,234.5", true, "-1234.5", 1},
		{"0", true, "0", 0},
		{"20765.62", true, "20765.62", 2},
		{"1.", false, "", 0},
		{".5", false, "", 0},
		{"12a", false, "", 0},
		{"", false, "", 0},
		// full-width forms and separators as reports print them
		{"１５７．６０", true, "157.60", 2},
		{"417．62", true, "417.62", 2},
		{"26，305", true, "26305", 0},
		{"2, 847,319", true, "2847319", 0},
		{"2,847, 319.5", true, "2847319.5", 1},
		{"－3.2", true, "-3.2", 1},
		{"−1,234", true, "-1234", 0},
		{" 12.5 ", true, "12.5", 1},
		// separators that do not group thousands are not a figure
		{"1,23", false, "", 0},
		{"1234,567", false, "", 0},
		{"12,3456", false, "", 0},
		{",123", false, "", 0},
		{"12 345", false, "", 0},
		{"2021—2025", false, "", 0},
	} {
		d, ok := ParseDecimal(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		if ok {
			assert.Equal(t, tc.str, d.String(), tc.in)
			assert.Equal(t, tc.decimals, d.Decimals(), tc.in)
		}
	}
}

// ratio of two printed figures, as a percentage interval
func ratio(t *testing.T, a, b string) Interval {
	q, ok := MustDecimal(a).Interval().Div(MustDecimal(b).Interval())
	require.True(t, ok)
	return q.Scale(big.NewRat(100, 1))
}

func TestIntervalRatioAgainstStatedRate(t *testing.T) {
	for _, tc := range []struct {
		name       string
		now, prev  string
		statedRate string // percent, the change rate as printed
		consistent bool
	}{
		// 0.62/0.50 − 1 spans 0.615/0.505 … 0.625/0.495, which holds 22.22%
		{"rounding allows it", "0.62", "0.50", "22.22", true},
		{"outside rounding", "91.97", "77.99", "17.66", false},
		{"exact", "150.00", "100.00", "50.00", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			growth := ratio(t, tc.now, tc.prev).Sub(Int(100))
			assert.Equal(t, tc.consistent, growth.Meets(MustDecimal(tc.statedRate).Interval()))
		})
	}
}

func TestTouchingIntervalsAreConsistent(t *testing.T) {
	// 269.85 and 269.86 both round from 269.855
	assert.True(t, MustDecimal("269.85").Interval().Meets(MustDecimal("269.86").Interval()))
	assert.False(t, MustDecimal("269.85").Interval().Meets(MustDecimal("269.87").Interval()))
}

// The points two readings share: 5.65–5.75 and 5.7–5.8 leave 5.7–5.75,
// and the operands are left as they were.
func TestIntersectKeepsTheSharedPoints(t *testing.T) {
	a := Interval{Lo: MustDecimal("5.65").Rat(), Hi: MustDecimal("5.75").Rat()}
	b := Interval{Lo: MustDecimal("5.7").Rat(), Hi: MustDecimal("5.8").Rat()}
	got := a.Intersect(b)
	assert.Equal(t, "5.70", FormatRat(got.Lo, 2))
	assert.Equal(t, "5.75", FormatRat(got.Hi, 2))
	assert.Equal(t, "5.65", FormatRat(a.Lo, 2))
	assert.Equal(t, "5.80", FormatRat(b.Hi, 2))
}

func TestSumOfPartsWithinRounding(t *testing.T) {
	// parts adding to 2940.06 under a printed total of 2940.05 are consistent
	parts := MustDecimal("1470.03").Interval().Add(MustDecimal("1470.03").Interval())
	assert.True(t, parts.Meets(MustDecimal("2940.05").Interval()))
	// a cent short with one decimal fewer is still within rounding
	assert.True(t, MustDecimal("6.4").Interval().Add(MustDecimal("632.96").Interval()).Meets(MustDecimal("639.35").Interval()))
	assert.False(t, MustDecimal("0").Interval().Add(MustDecimal("37.35").Interval()).Add(MustDecimal("1.53").Interval()).Meets(MustDecimal("37.35").Interval()))
}

func TestDivByIntervalHoldingZero(t *testing.T) {
	_, ok := Int(1).Div(MustDecimal("0.00").Interval())
	assert.False(t, ok, "a base printed 0.00 may be zero: no quotient")
}

func TestScaleKeepsPrecision(t *testing.T) {
	// 1.53 万元 is 15300 元 ± 50 元
	iv := MustDecimal("1.53").Scale(4).Interval()
	assert.Equal(t, 0, iv.Lo.Cmp(big.NewRat(15250, 1)))
	assert.Equal(t, 0, iv.Hi.Cmp(big.NewRat(15350, 1)))
}

func TestCoefficientPastInt64(t *testing.T) {
	// a coefficient that fits an int64 is held inline, a longer one in a
	// big.Int: both must read, print and bound alike
	for _, tc := range []struct{ in, lo, hi string }{
		{"9223372036854775807", "18446744073709551613/2", "18446744073709551615/2"},
		{"-9,223,372,036,854,775,808", "-18446744073709551617/2", "-18446744073709551615/2"},
		{"92233720368547758.080", "184467440737095516159/2000", "184467440737095516161/2000"},
		{"1234567890123456789012.5", "24691357802469135780249/20", "24691357802469135780251/20"},
	} {
		d := MustDecimal(tc.in)
		iv := d.Interval()
		assert.Equal(t, tc.lo, iv.Lo.RatString(), tc.in)
		assert.Equal(t, tc.hi, iv.Hi.RatString(), tc.in)
		again := MustDecimal(d.String())
		assert.Equal(t, 0, d.Rat().Cmp(again.Rat()), tc.in)
		assert.Equal(t, d.Decimals(), again.Decimals(), tc.in)
		assert.Equal(t, d.Rat().Sign(), d.Sign(), tc.in)
	}
}

func TestZeroDecimalIsNoFigure(t *testing.T) {
	var none Decimal
	printed := MustDecimal("0.00")
	assert.NotEqual(t, none, printed, "a printed 0.00 is a figure, the zero Decimal is none")
	assert.Equal(t, "0", none.String())
	assert.Equal(t, "0.00", printed.String())
	assert.True(t, none.IsZero())
	assert.True(t, printed.IsZero())
	assert.Equal(t, "-1/200", printed.Interval().Lo.RatString())
}

func TestSharedPowersStayUnchanged(t *testing.T) {
	p := Pow10(-2)
	p.Mul(p, big.NewRat(7, 1)) // the caller's own copy
	assert.Equal(t, "1/100", Pow10(-2).RatString())
	iv := MustDecimal("1.53").Interval()
	iv.Lo.Add(iv.Lo, big.NewRat(1, 1))
	assert.Equal(t, "61/40", MustDecimal("1.53").Interval().Lo.RatString(), "an interval's ends are its own")
	assert.Equal(t, "153/100", MustDecimal("1.53").Rat().RatString())
}

func TestAbsAndFormat(t *testing.T) {
	iv := Interval{Lo: big.NewRat(-3, 1), Hi: big.NewRat(2, 1)}
	a := iv.Abs()
	assert.Equal(t, "0", a.Lo.RatString())
	assert.Equal(t, "3", a.Hi.RatString())
	assert.Equal(t, "97.87", FormatRat(new(big.Rat).Mul(big.NewRat(15425, 15760), big.NewRat(100, 1)), 2))
	assert.Equal(t, "0.13", FormatRat(big.NewRat(125, 1000), 2), "halves round away from zero")
}

// FuzzParseDecimal: any input either fails or yields a decimal that prints
// back to a figure ParseDecimal reads as the same value.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"157.60", "2,940.05", "１５７．６０", "26，305", "2, 847,319", "－3.2", "1,23", "-", "0.", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDecimal(s)
		if !ok {
			return
		}
		again, ok := ParseDecimal(d.String())
		require.True(t, ok, "%q printed as %q", s, d.String())
		assert.Equal(t, 0, d.Rat().Cmp(again.Rat()), "%q", s)
		assert.Equal(t, d.Decimals(), again.Decimals(), "%q", s)
	})
}
