package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWhereUnderTitle: an unnumbered title standing as paragraphs of its
// own (关于…的说明) gives the year and level of the section under it, until
// the next numbered heading; a title over two years gives neither. The
// items under a paragraph that opens with its year are that year's.
func TestWhereUnderTitle(t *testing.T) {
	for _, c := range []struct {
		name, text, figure string
		year               int
		scope              string
	}{
		{"a title after another year's heading",
			"二、2026年全省政府性基金预算草案\n\n关于2025年省级政府性基金预算\n收支执行情况的说明\n\n——交通运输支出。完成10.83亿元，占预算的124.4%。",
			"10.83亿元", 2025, "省本级"},
		{"a title over two years names neither",
			"三、2026年省级一般公共预算支出情况\n\n2025年一般公共预算执行情况\n和2026年一般公共预算草案\n\n1.增值税1987.02亿元，增长5.9%。",
			"1987.02亿元", 0, "省本级"},
		{"the next heading ends what the title said",
			"关于2025年省级政府性基金预算收支执行情况的说明\n\n一、2026年全省一般公共预算\n\n教育支出预算1200亿元，增长2%。",
			"1200亿元", 2026, "全省"},
		{"a sentence is no title, but its opening year is its items'",
			"二、2026年全省政府性基金预算草案\n\n2025年，省级政府性基金预算收入完成93.66亿元。现将部分收支科目说明如下：\n\n——交通运输支出。完成10.83亿元。",
			"10.83亿元", 2025, "省本级"},
		{"a paragraph that is no item keeps the heading's",
			"二、2026年全省政府性基金预算草案\n\n2025年，省级政府性基金预算收入完成93.66亿元。\n\n交通运输支出预算11.2亿元。",
			"11.2亿元", 2026, "全省"},
		{"a paragraph naming another year further in leaves its items' unknown",
			"一、预算执行情况和预算草案\n\n2025年，全区地方一般公共预算收入完成444.5亿元。\n\n经汇总区本级和市县上报数据，预计2026年全区地方一般公共预算收入可完成458亿元。分收入项目预计情况是：\n\n1.增值税预计完成140.5亿元，增长5.1%。",
			"140.5亿元", 0, ""},
		{"items under a paragraph opening with its year",
			"三、2026年全省社会保险基金预算草案\n\n2025年，全省社会保险基金收入7812.93亿元，完成预算的101.5%。\n\n一、企业职工基本养老保险。基金收入3214.44亿元，完成预算的101.9%。",
			"3214.44亿元", 2025, "全省"},
	} {
		cs := extract(t, c.text)
		year, scope := cs.Where(fig(t, cs, c.figure, 0))
		assert.Equal(t, c.year, year, c.name)
		assert.Equal(t, c.scope, scope, c.name)
	}
}
