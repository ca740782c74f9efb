package num

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnitTable(t *testing.T) {
	for _, tc := range []struct {
		unit   Unit
		name   string
		exp    int
		amount bool
	}{
		{UnitYuan, "元", 0, true},
		{UnitQianYuan, "千元", 3, true},
		{UnitWanYuan, "万元", 4, true},
		{UnitWan, "万元", 4, true},
		{UnitYiYuan, "亿元", 8, true},
		{UnitWanYiYuan, "万亿元", 12, true},
		{UnitPercent, "%", 0, false},
		{UnitPoints, "个百分点", 0, false},
		{UnitCount, "", 0, false},
		{UnitNone, "", 0, false},
	} {
		assert.Equal(t, tc.name, tc.unit.Name(), "%d", tc.unit)
		assert.Equal(t, tc.exp, tc.unit.Exp10(), tc.name)
		assert.Equal(t, tc.amount, tc.unit.IsAmount(), tc.name)
	}
}

func TestMoneyUnitAndPrefix(t *testing.T) {
	for _, tc := range []struct {
		in   string
		unit Unit
		ok   bool
	}{
		{"万元", UnitWanYuan, true},
		{" 万 元 ", UnitWanYuan, true},
		{"万亿元", UnitWanYiYuan, true},
		{"元", UnitYuan, true},
		{"千元", UnitQianYuan, true},
		{"美元", UnitNone, false},
		{"", UnitNone, false},
	} {
		u, ok := MoneyUnit(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.unit, u, tc.in)
	}
	for _, tc := range []struct {
		in   string
		unit Unit
		n    int
	}{
		{"万亿元，增长", UnitWanYiYuan, len("万亿元")},
		{" 亿元", UnitYiYuan, 1 + len("亿元")},
		{"亿，增长", UnitYiYuan, len("亿")},
		{"万亿，", UnitWanYiYuan, len("万亿")},
		{"万", UnitWan, len("万")},
		{"元/人", UnitYuan, len("元")},
		{"人次", UnitNone, 0},
		{"万头（只）", UnitNone, 0},
		{"亿美元", UnitNone, 0},
		{"万亿，", UnitWanYiYuan, len("万亿")},
	} {
		u, n := MoneyPrefix(tc.in)
		assert.Equal(t, tc.unit, u, tc.in)
		assert.Equal(t, tc.n, n, tc.in)
	}
	assert.Equal(t, "万亿元|千元|万元|亿元|元", MoneyUnitPattern())
}

func TestFormatIn(t *testing.T) {
	assert.Equal(t, "22.00万亿元", FormatIn(MustDecimal("22000000000000").Exact(), UnitWanYiYuan, 2))
	assert.Equal(t, "32.87万元", FormatIn(MustDecimal("328661").Interval(), UnitWanYuan, 2), "a 元 figure printed in 万元 rounds half away from zero")
	assert.Equal(t, "7", FormatIn(Int(7), UnitNone, 0))
}
