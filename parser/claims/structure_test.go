package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A structure ratio is read as the shares of the collective's members, in
// order, each with the part the list before prints, or none.
func TestStructureRatios(t *testing.T) {
	gdp := "全年全县地区生产总值1250.00亿元，比上年增长5.1%。其中，第一产业增加值150.00亿元，增长3.2%；第二产业增加值500.00亿元，增长5.0%；第三产业增加值600.00亿元，增长5.6%。"
	cases := []struct {
		name, text string
		terms      []string // the shares' percentages, in order
		parts      []string // their parts, "" for none
	}{
		{"ASCII colons after the breakdown", gdp + "三次产业结构为12.0:40.0:48.0。",
			[]string{"12.0", "40.0", "48.0"}, []string{"150.00亿元", "500.00亿元", "600.00亿元"}},
		{"ratio signs and 比例", gdp + "三次产业结构比例为12.0∶40.0∶48.0。",
			[]string{"12.0", "40.0", "48.0"}, []string{"150.00亿元", "500.00亿元", "600.00亿元"}},
		{"presentation forms and 比重", gdp + "三次产业比重为12.0︰40.0︰48.0。",
			[]string{"12.0", "40.0", "48.0"}, []string{"150.00亿元", "500.00亿元", "600.00亿元"}},
		{"in the next paragraph", gdp + "\n\n三次产业比例为12.0：40.0：48.0，人均地区生产总值52310元。",
			[]string{"12.0", "40.0", "48.0"}, []string{"150.00亿元", "500.00亿元", "600.00亿元"}},
		{"another whole between: last year's, without parts", gdp + "2024年全县地区生产总值修订为1180.00亿元，三次产业结构为12.5:40.1:47.4。",
			[]string{"12.5", "40.1", "47.4"}, []string{"", "", ""}},
		{"investment's structure is not the value added's", gdp + "三次产业投资构成为1.2:76.3:22.5。",
			[]string{"1.2", "76.3", "22.5"}, []string{"", "", ""}},
		{"no breakdown before", "三次产业结构为2.4:28.6:69.0。",
			[]string{"2.4", "28.6", "69.0"}, []string{"", "", ""}},
		{"two terms for three members", "三次产业结构为2.4:97.6。", nil, nil},
		{"not percentages", "三次产业从业人员之比为1:2.5:3.1。三次产业结构为1:2.5:3.1。", nil, nil},
		{"no collective", "城乡居民收入比为2.05:1。男女比例为51.2:48.8。", nil, nil},
		{"a change of structure is not read", gdp + "三次产业结构由上年的12.5:40.1:47.4调整为12.0:40.0:48.0。", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := extract(t, c.text)
			var terms, parts []string
			for _, sh := range cs.Shares {
				if !sh.Ratio {
					continue
				}
				terms = append(terms, sh.Pct.Text)
				part := ""
				if sh.Part != nil {
					part = norm(sh.Part.Text)
				}
				parts = append(parts, part)
			}
			assert.Equal(t, c.terms, terms)
			assert.Equal(t, c.parts, parts)
		})
	}
}

// Shares given together under a collective name, or under the members'
// names joined by 、, take the breakdown's parts in order.
func TestTogetherShares(t *testing.T) {
	gdp := "全年地区生产总值1250.00亿元，比上年增长5.1%。其中，第一产业增加值150.00亿元，增长3.2%；第二产业增加值500.00亿元，增长5.0%；第三产业增加值600.00亿元，增长5.6%。"
	for _, lead := range []string{
		"三次产业增加值占地区生产总值比重分别为",
		"第一、二、三产业增加值占地区生产总值的比重分别为",
		"第一产业、第二产业、第三产业增加值占地区生产总值的比重分别为",
	} {
		t.Run(lead, func(t *testing.T) {
			cs := extract(t, gdp+lead+"12.0%、40.0%和48.0%。")
			var parts []string
			for _, sh := range cs.Shares {
				if sh.Part != nil {
					parts = append(parts, norm(sh.Part.Text))
				}
			}
			assert.Equal(t, []string{"150.00亿元", "500.00亿元", "600.00亿元"}, parts)
		})
	}
}

// A share that leaves 占 and the whole to the share before it is of that
// whole; one that follows no share of a named whole is none.
func TestEllipticShares(t *testing.T) {
	gdp := "全年地区生产总值1250.00亿元，比上年增长5.1%。其中，第一产业增加值150.00亿元，增长3.2%；第二产业增加值500.00亿元，增长5.0%；第三产业增加值600.00亿元，增长5.6%。"
	cs := extract(t, gdp+"第一产业增加值占地区生产总值比重为12.0%，第二产业增加值比重为40.0%，第三产业增加值比重为48.0%。")
	var parts []string
	for _, sh := range cs.Shares {
		if sh.Part != nil && len(sh.Wholes) > 0 {
			parts = append(parts, norm(sh.Part.Text)+"/"+norm(sh.Wholes[0].Text))
		}
	}
	assert.Equal(t, []string{"150.00亿元/1250.00亿元", "500.00亿元/1250.00亿元", "600.00亿元/1250.00亿元"}, parts)

	cs = extract(t, "全市达到或优于Ⅲ类标准的水质断面比重为100%，城市集中式饮用水水源地水质达标率100%。")
	assert.Empty(t, cs.Shares)
}
