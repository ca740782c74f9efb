package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWhereUnderTitle: an unnumbered title standing as paragraphs of its
// own (关于…的说明) gives the year and level of the section under it, until
// the next numbered heading; a title over two years gives neither.
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
		{"a sentence is no title",
			"二、2026年全省政府性基金预算草案\n\n2025年省级政府性基金预算收入完成93.66亿元。\n\n——交通运输支出。完成10.83亿元。",
			"10.83亿元", 2026, "全省"},
	} {
		cs := extract(t, c.text)
		year, scope := cs.Where(fig(t, cs, c.figure, 0))
		assert.Equal(t, c.year, year, c.name)
		assert.Equal(t, c.scope, scope, c.name)
	}
}
