// Package num holds figures as they are written — exact decimals with the
// precision they were printed at — and the interval arithmetic that decides
// whether two figures can be roundings of consistent exact values.
//
// A figure v printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].
// Sums, differences and ratios of figures are intervals too; a claim is
// contradicted only when the stated interval cannot meet the recomputed one.
// Intervals that merely touch are consistent. There is no epsilon anywhere.
package num

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Decimal is a coefficient × 10^exp, exactly as printed: "157.60" is
// 15760 × 10^-2. A large report holds hundreds of thousands of figures and
// table values, so the coefficient is held inline when it fits an int64
// (nearly always) and in a big.Int only when it does not. The zero Decimal
// is no figure at all, distinct from a printed 0. A Decimal never changes:
// its methods return new values.
type Decimal struct {
	coef int64    // the coefficient, when big is nil
	big  *big.Int // the coefficient when it does not fit an int64; never written after parsing
	exp  int32
	set  bool // a figure was parsed: false only in the zero Decimal
}

// ParseDecimal reads a decimal as reports print it: "-1,234.50", "0.3",
// "12", full-width forms (１５７．６０, －3.2), a full-width comma as a
// thousands separator (26，305) and a stray space after a separator
// (2, 847,319). Separators must group the integer part in threes; anything
// else (1,23, 12a, a year range) is not a decimal and reports false.
func ParseDecimal(s string) (Decimal, bool) {
	s, ok := canonical(s)
	if !ok {
		return Decimal{}, false
	}
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return Decimal{}, false
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" || (hasDot && frac == "") {
		return Decimal{}, false
	}
	if strings.Contains(intPart, ",") {
		if !grouped(intPart) {
			return Decimal{}, false
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return Decimal{}, false
		}
	}
	digits := intPart + frac
	if neg {
		digits = "-" + digits
	}
	d := Decimal{exp: int32(-len(frac)), set: true}
	if c, err := strconv.ParseInt(digits, 10, 64); err == nil {
		d.coef = c
		return d, true
	}
	c, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return Decimal{}, false
	}
	d.big = c
	return d, true
}

// canonical writes a figure in ASCII: full-width digits, point, comma and
// signs folded, the minus sign (U+2212) read as one, spaces dropped only
// where they follow a thousands separator. It reports false for spaces
// anywhere else inside the figure.
func canonical(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var b strings.Builder
	afterSep := false
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == '．':
			r = '.'
		case r == '，':
			r = ','
		case r == '－', r == '−', r == '﹣':
			r = '-'
		case r == '＋':
			r = '+'
		}
		if r == ' ' || r == '\u3000' || r == '\u00a0' {
			if !afterSep {
				return "", false
			}
			continue
		}
		afterSep = r == ','
		b.WriteRune(r)
	}
	return b.String(), true
}

// grouped reports an integer part whose commas separate thousands:
// one to three digits, then groups of exactly three.
func grouped(s string) bool {
	parts := strings.Split(s, ",")
	if len(parts[0]) < 1 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// MustDecimal is ParseDecimal for literals in code and tests.
func MustDecimal(s string) Decimal {
	d, ok := ParseDecimal(s)
	if !ok {
		panic("num: bad decimal " + s)
	}
	return d
}

// Decimals is the number of decimals the figure was printed with.
func (d Decimal) Decimals() int {
	if d.exp >= 0 {
		return 0
	}
	return -int(d.exp)
}

// Exp is the power of ten of the last printed digit: -2 for 157.60.
func (d Decimal) Exp() int { return int(d.exp) }

// Rat is the exact value.
func (d Decimal) Rat() *big.Rat {
	r := d.coefficient(new(big.Rat))
	return r.Mul(r, pow10(int(d.exp)))
}

// coefficient sets r to the coefficient and returns it.
func (d Decimal) coefficient(r *big.Rat) *big.Rat {
	if d.big != nil {
		return r.SetInt(d.big)
	}
	return r.SetInt64(d.coef)
}

// Scale multiplies by 10^k without changing the printed precision's meaning:
// 1.53 万元 scaled by 4 is 15300 元 with a half-unit of 50 元.
func (d Decimal) Scale(k int) Decimal {
	d.exp += int32(k)
	return d
}

// IsZero reports whether the printed value is zero.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.big != nil:
		return d.big.Sign()
	case d.coef < 0:
		return -1
	case d.coef > 0:
		return 1
	}
	return 0
}

// String prints the figure with its printed precision.
func (d Decimal) String() string {
	if !d.set {
		return "0"
	}
	return FormatRat(d.Rat(), d.Decimals())
}

// Interval is the set of exact values a printed figure may stand for:
// (coefficient ± ½) × 10^exp.
func (d Decimal) Interval() Interval {
	lo := d.coefficient(new(big.Rat))
	hi := new(big.Rat).Add(lo, half)
	lo.Sub(lo, half)
	unit := pow10(int(d.exp))
	return Interval{Lo: lo.Mul(lo, unit), Hi: hi.Mul(hi, unit)}
}

// Exact is the degenerate interval of the printed value itself, for figures
// that are exact by nature (a count, a constant such as 100%).
func (d Decimal) Exact() Interval {
	v := d.Rat()
	return Interval{Lo: v, Hi: new(big.Rat).Set(v)}
}

// Interval is a closed interval of exact rationals.
type Interval struct {
	Lo, Hi *big.Rat
}

// Point is the interval holding one exact value.
func Point(r *big.Rat) Interval { return Interval{Lo: new(big.Rat).Set(r), Hi: new(big.Rat).Set(r)} }

// Int is the exact interval of an integer.
func Int(n int64) Interval { return Point(new(big.Rat).SetInt64(n)) }

// Add is the interval sum.
func (a Interval) Add(b Interval) Interval {
	return Interval{Lo: new(big.Rat).Add(a.Lo, b.Lo), Hi: new(big.Rat).Add(a.Hi, b.Hi)}
}

// Sub is the interval difference a − b.
func (a Interval) Sub(b Interval) Interval {
	return Interval{Lo: new(big.Rat).Sub(a.Lo, b.Hi), Hi: new(big.Rat).Sub(a.Hi, b.Lo)}
}

// Neg is −a.
func (a Interval) Neg() Interval {
	return Interval{Lo: new(big.Rat).Neg(a.Hi), Hi: new(big.Rat).Neg(a.Lo)}
}

// Mul is the interval product.
func (a Interval) Mul(b Interval) Interval {
	ps := []*big.Rat{
		new(big.Rat).Mul(a.Lo, b.Lo), new(big.Rat).Mul(a.Lo, b.Hi),
		new(big.Rat).Mul(a.Hi, b.Lo), new(big.Rat).Mul(a.Hi, b.Hi),
	}
	lo, hi := ps[0], ps[0]
	for _, p := range ps[1:] {
		if p.Cmp(lo) < 0 {
			lo = p
		}
		if p.Cmp(hi) > 0 {
			hi = p
		}
	}
	return Interval{Lo: new(big.Rat).Set(lo), Hi: new(big.Rat).Set(hi)}
}

// Div is the interval quotient a / b. It reports false when b contains zero,
// where the quotient is unbounded.
func (a Interval) Div(b Interval) (Interval, bool) {
	if b.ContainsZero() {
		return Interval{}, false
	}
	inv := Interval{Lo: new(big.Rat).Inv(b.Hi), Hi: new(big.Rat).Inv(b.Lo)}
	return a.Mul(inv), true
}

// Scale multiplies both ends by an exact rational.
func (a Interval) Scale(k *big.Rat) Interval {
	return a.Mul(Point(k))
}

// ContainsZero reports whether zero lies in the interval.
func (a Interval) ContainsZero() bool { return a.Lo.Sign() <= 0 && a.Hi.Sign() >= 0 }

// Meets reports whether two intervals share at least one point (touching counts).
func (a Interval) Meets(b Interval) bool {
	return a.Lo.Cmp(b.Hi) <= 0 && b.Lo.Cmp(a.Hi) <= 0
}

// Intersect is the points a and b share; meaningful when they meet.
func (a Interval) Intersect(b Interval) Interval {
	out := a
	if b.Lo.Cmp(out.Lo) > 0 {
		out.Lo = b.Lo
	}
	if b.Hi.Cmp(out.Hi) < 0 {
		out.Hi = b.Hi
	}
	return out
}

// Below reports whether every point of a is below every point of b.
func (a Interval) Below(b Interval) bool { return a.Hi.Cmp(b.Lo) < 0 }

// Mid is the midpoint, the best single value to print as "figures give".
func (a Interval) Mid() *big.Rat {
	m := new(big.Rat).Add(a.Lo, a.Hi)
	return m.Mul(m, big.NewRat(1, 2))
}

// Abs is the interval of |x| for x in a.
func (a Interval) Abs() Interval {
	switch {
	case a.Lo.Sign() >= 0:
		return a
	case a.Hi.Sign() <= 0:
		return a.Neg()
	}
	hi := new(big.Rat).Neg(a.Lo)
	if a.Hi.Cmp(hi) > 0 {
		hi = new(big.Rat).Set(a.Hi)
	}
	return Interval{Lo: new(big.Rat), Hi: hi}
}

func (a Interval) String() string {
	return fmt.Sprintf("[%s, %s]", a.Lo.FloatString(6), a.Hi.FloatString(6))
}

// FormatRat prints r rounded half away from zero to d decimals.
func FormatRat(r *big.Rat, d int) string {
	if d < 0 {
		d = 0
	}
	return new(big.Rat).Set(r).FloatString(d)
}

// pow10 is 10^e, shared for the exponents figures are printed and scaled
// with: the caller must not change it.
func pow10(e int) *big.Rat {
	if -maxPow10 <= e && e <= maxPow10 {
		return pow10s[e+maxPow10]
	}
	return newPow10(e)
}

func newPow10(e int) *big.Rat {
	if e >= 0 {
		return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
}

// maxPow10: 10^±maxPow10 is shared; a 万亿元 figure printed to four
// decimals scales by 10^12 and 10^-4.
const maxPow10 = 24

var pow10s = func() (ps [2*maxPow10 + 1]*big.Rat) {
	for e := -maxPow10; e <= maxPow10; e++ {
		ps[e+maxPow10] = newPow10(e)
	}
	return ps
}()

// half is ½, shared: never changed.
var half = big.NewRat(1, 2)

// Pow10 is 10^e as an exact rational, the caller's own.
func Pow10(e int) *big.Rat { return new(big.Rat).Set(pow10(e)) }

// Hundred is 100, for percentages.
var Hundred = big.NewRat(100, 1)
