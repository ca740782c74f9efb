package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Two statements of one change or completion that agree decide both; the
// readings that might be two quantities decide nothing.
func TestRestatementsDecide(t *testing.T) {
	const head = "一、2025年预算执行情况\n（一）总体情况\n"
	cases := []struct {
		name, id, text string
		decided        int
	}{
		{"a growth stated twice alike", "restated-change",
			head + "2025年，全市一般公共预算收入65.42亿元，增长8.6%。\n（二）收入执行情况\n2025年，全市一般公共预算收入65.42亿元，增长8.6%，主要是税收收入增加。\n", 2},
		{"an amount and rate stated in two units", "restated-change",
			head + "2025年，全市一般公共预算收入654,233万元，比上年增收52,015万元，增长8.6%。\n（二）收入执行情况\n2025年，全市一般公共预算收入65.42亿元，同比增收5.2亿元，增长8.6%。\n", 2},
		{"the level unnamed once, printed alike: agreeing decides", "restated-change",
			head + "2025年，全市一般公共预算收入65.42亿元，增长8.6%。\n（二）收入执行情况\n2025年，一般公共预算收入65.42亿元，增长8.6%。\n", 2},
		{"the level unnamed once, printed otherwise: nothing", "restated-change",
			head + "2025年，全市一般公共预算收入65.42亿元，增长8.6%。\n（二）收入执行情况\n2025年，一般公共预算收入65.4亿元，增长8.6%。\n", 0},
		{"a completion rate stated twice alike", "restated-completion",
			head + "2025年，全市一般公共预算收入65.42亿元，完成预算的101.2%。\n（二）收入执行情况\n2025年，全市一般公共预算收入65.42亿元，完成预算的101.2%。\n", 2},
		{"completion rates against two budgets", "restated-completion",
			head + "2025年，全市一般公共预算收入65.42亿元，完成年初预算的101.2%。\n（二）收入执行情况\n2025年，全市一般公共预算收入65.42亿元，完成调整预算的101.2%。\n", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs, cov := lintCov(t, tc.text, tc.id)
			assert.Empty(t, fs)
			assert.Equal(t, tc.decided, cov.Decided, "%+v", cov)
		})
	}
}
