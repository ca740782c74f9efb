package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// amount prints a recomputed value in the unit and precision of the figure
// it is compared with, whatever that unit's scale.
func TestAmountPrintsInTheFiguresUnit(t *testing.T) {
	for _, tc := range []struct {
		name string
		yuan string // the recomputed value, in 元
		like string // the stated figure's digits
		unit claims.Unit
		want string
	}{
		{"万亿元 total", "22000000000000", "21.85", claims.UnitWanYiYuan, "22.00万亿元"},
		{"亿元", "13510000000", "135.1", claims.UnitYiYuan, "135.1亿元"},
		{"万元", "1576000", "157.60", claims.UnitWanYuan, "157.60万元"},
		{"万 without 元", "1576000", "157.6", claims.UnitWan, "157.6万元"},
		{"千元", "2940050", "2940.05", claims.UnitQianYuan, "2940.05千元"},
		{"元", "328661", "328661", claims.UnitYuan, "328661元"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			like := &claims.Figure{Value: num.MustDecimal(tc.like), Unit: tc.unit}
			assert.Equal(t, tc.want, amount(num.MustDecimal(tc.yuan).Exact(), like))
		})
	}
	vehicles := &claims.Figure{Value: num.MustDecimal("9"), Unit: claims.UnitCount, Count: "辆"}
	assert.Equal(t, "11辆", amount(num.Int(11), vehicles), "a count prints with its counted word")
}

// The sum check names the parts' total in the head's unit: a 万亿元 total
// is not printed in 元 with the 万亿元 name after it.
func TestSumPartsInWanYiYuan(t *testing.T) {
	fs := lint(t, "全国一般公共预算收入21.85万亿元，其中：税收收入17.50万亿元，非税收入4.50万亿元。", "sum-parts")
	if assert.Len(t, fs, 1) {
		assert.Contains(t, fs[0].Message, "22.00万亿元")
		assert.NotContains(t, fs[0].Message, "000000")
	}
}
