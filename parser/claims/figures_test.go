package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/parser/claims"
)

// Figures as reports print them: every form reads as the figure a reader
// sees, with its unit, and the claim keeps the characters as written.
func TestFiguresAsPrinted(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lit   string // the figure's analysis text, unit included
		raw   string // as written
		value string
		unit  claims.Unit
		count string
	}{
		{"full-width comma as a thousands separator", "比上年增加26，305万元，增长5.1%。", "26,305万元", "26，305万元", "26305", claims.UnitWanYuan, ""},
		{"full-width decimal point", "本年收入合计417．62万元。", "417.62万元", "417．62万元", "417.62", claims.UnitWanYuan, ""},
		{"full-width point and percent", "一般公共预算支出占79．4％。", "79.4%", "79．4％", "79.4", claims.UnitPercent, ""},
		{"a stray space after a separator", "支出合计2, 847,319元。", "2,847,319元", "2, 847,319元", "2847319", claims.UnitYuan, ""},
		{"a full-width minus", "国有资本经营收入增长－3.2％。", "-3.2%", "－3.2％", "-3.2", claims.UnitPercent, ""},
		{"万 before a counted word is not money", "全年牛羊猪出栏112.78万头（只），增长4.8%。", "112.78", "112.78", "112.78", claims.UnitCount, "万头"},
		{"亿 before 美元 is not 亿元", "全年货物进出口总额28.02亿美元，比上年增长19.3%。", "28.02", "28.02", "28.02", claims.UnitCount, "亿美元"},
		{"a count's unit runs on past its counted word", "全年接待游客8236.45万人次，比上年增长9.6%。", "8236.45", "8236.45", "8236.45", claims.UnitCount, "万人次"},
		{"a measure of two words after 亿", "全年全社会用电量112.36亿千瓦时，增长6.1%。", "112.36", "112.36", "112.36", claims.UnitCount, "亿千瓦时"},
		{"freight turnover", "货物周转量315.20亿吨公里，增长3.4%。", "315.20", "315.20", "315.20", claims.UnitCount, "亿吨公里"},
		{"a count word that runs on, unscaled", "全年开展巡查1250人次。", "1250", "1250", "1250", claims.UnitCount, "人次"},
		{"a count word that does not run on", "年末生猪存栏45.6万头，下降2.1%。", "45.6", "45.6", "45.6", claims.UnitCount, "万头"},
		{"万 alone is 万元", "全年收入3.5万，增长2%。", "3.5万", "3.5万", "3.5", claims.UnitWan, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			f := fig(t, cs, tc.lit, 0)
			assert.Equal(t, tc.unit, f.Unit)
			assert.Equal(t, tc.value, f.Value.String())
			assert.Equal(t, tc.count, f.Count)
			assert.Equal(t, tc.raw, f.Block.RawRange(f.Start, f.End))
		})
	}
}

// A list's full-width comma between two figures stays a list: 26 and 305.
func TestFullWidthCommaInAList(t *testing.T) {
	cs := extract(t, "两项指标分别为26，305，均达到年度目标。")
	assert.Equal(t, []string{"26", "305"}, texts(cs.Figures))
}

// Items numbered 1.2025年… and 1.20101-… are items: the year and the code
// are read after the item's number, never a decimal 1.2025.
func TestItemNumberBeforeAYearOrCode(t *testing.T) {
	cs := extract(t, "1.2025年全市一般公共预算收入执行情况表\n2.20101-人大事务科目9914万元，较上年减少1445万元。\n")
	for _, f := range cs.Figures {
		assert.NotEqual(t, "1.2025", f.Value.String())
		assert.NotEqual(t, "2.20101", f.Value.String())
	}
	assert.Equal(t, []string{"9914万元", "1445万元"}, amounts(cs))
}
