package num

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unit is what a figure measures: an amount of money in one of the
// currency units reports print, a rate, or a count.
type Unit uint8

const (
	UnitNone      Unit = iota // a bare number: unit unknown
	UnitYuan                  // 元
	UnitQianYuan              // 千元
	UnitWanYuan               // 万元
	UnitYiYuan                // 亿元
	UnitWanYiYuan             // 万亿元
	UnitWan                   // 万 written without 元
	UnitPercent               // %
	UnitPermille              // ‰
	UnitPoints                // 个百分点
	UnitCount                 // 辆, 人, 次, 个, 分 … and years, dates, codes: not amounts
)

// unitDef is one row of the unit table.
type unitDef struct {
	unit  Unit
	name  string // as a reader writes it, and as findings print it
	exp   int    // power of ten to 元 (money only)
	money bool
}

// units is the one table of units: every reader, claim, check and printer
// takes names, scales and kinds from here.
var units = []unitDef{
	{UnitYuan, "元", 0, true},
	{UnitQianYuan, "千元", 3, true},
	{UnitWanYuan, "万元", 4, true},
	{UnitYiYuan, "亿元", 8, true},
	{UnitWanYiYuan, "万亿元", 12, true},
	{UnitWan, "万元", 4, true}, // 万 alone after an amount means 万元
	{UnitPercent, "%", 0, false},
	{UnitPermille, "‰", 0, false},
	{UnitPoints, "个百分点", 0, false},
}

func (u Unit) def() unitDef {
	for _, d := range units {
		if d.unit == u {
			return d
		}
	}
	return unitDef{unit: u}
}

// IsAmount reports whether the unit is money.
func (u Unit) IsAmount() bool { return u.def().money }

// Exp10 is the power of ten that turns a figure in the unit into 元 (0 for
// 元 and for units that are not money).
func (u Unit) Exp10() int { return u.def().exp }

// ToYuan is 10^Exp10 as an exact rational: 10000 for 万元.
func (u Unit) ToYuan() *big.Rat { return Pow10(u.Exp10()) }

// Name is the unit as a reader writes it (万元, %); "" for a bare number or
// a count, whose word is kept with the figure.
func (u Unit) Name() string { return u.def().name }

// moneyNames lists the money units by their written names, longest first, so
// a prefix match takes 万亿元 before 亿元 before 元.
var moneyNames = []Unit{UnitWanYiYuan, UnitQianYuan, UnitWanYuan, UnitYiYuan, UnitYuan}

// MoneyUnit reads a currency unit as written (万元, "亿元", "元"), full-width
// forms and spaces allowed (万 元); false for anything else.
func MoneyUnit(s string) (Unit, bool) {
	s = strings.Join(strings.Fields(s), "")
	for _, u := range moneyNames {
		if s == u.Name() {
			return u, true
		}
	}
	return UnitNone, false
}

// MoneyPrefix finds the currency unit text starts with (after spaces) and
// how many bytes it takes, spaces included: "万元，比上年" gives 万元. The
// short forms 万亿, 亿 and 万 (an amount's unit with 元 left off) are read
// too, unless a word follows them: 万头, 亿美元, 万人次 count other things.
func MoneyPrefix(text string) (Unit, int) {
	rest := strings.TrimLeft(text, " ")
	lead := len(text) - len(rest)
	for _, u := range moneyNames {
		if strings.HasPrefix(rest, u.Name()) {
			return u, lead + len(u.Name())
		}
	}
	for _, short := range []struct {
		s string
		u Unit
	}{{"万亿", UnitWanYiYuan}, {"亿", UnitYiYuan}, {"万", UnitWan}} {
		if strings.HasPrefix(rest, short.s) {
			if next, _ := utf8.DecodeRuneInString(rest[len(short.s):]); unicode.Is(unicode.Han, next) {
				return UnitNone, 0
			}
			return short.u, lead + len(short.s)
		}
	}
	return UnitNone, 0
}

// MoneyUnitPattern is the alternation of the money units' names for
// regular expressions (万亿元|千元|万元|亿元|元), longest first.
func MoneyUnitPattern() string {
	names := make([]string, len(moneyNames))
	for i, u := range moneyNames {
		names[i] = u.Name()
	}
	return strings.Join(names, "|")
}

// FormatIn prints an interval of 元 in unit u with d decimals: the midpoint,
// which is what "figures give" means for a recomputed value.
func FormatIn(yuan Interval, u Unit, d int) string {
	m := yuan.Mid()
	m.Quo(m, u.ToYuan())
	return FormatRat(m, d) + u.Name()
}
