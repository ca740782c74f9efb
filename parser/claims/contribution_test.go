package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Contributions and pulls are read as one list per set of parts, with the
// whole's growth printed before them (not a figure per head).
func TestContributions(t *testing.T) {
	gdp := "全市地区生产总值2486.30亿元，比上年增长6.1%。人均地区生产总值64312元，增长6.6%。"
	cases := []struct {
		name, text          string
		rates, pulls, names []string
		growth              string
	}{
		{"given together, pulls after", gdp + "第一、二、三次产业对全市经济增长的贡献率分别为11.4%、35.7%、52.8%，分别拉动全市GDP增长0.7个、2.2个、3.2个百分点。",
			[]string{"11.4", "35.7", "52.8"}, []string{"0.7", "2.2", "3.2"}, []string{"第一产业", "第二产业", "第三产业"}, "6.1"},
		{"named by the clause before", gdp + "三次产业结构为12.9:35.4:51.7，对经济增长的贡献率分别为11.4%、35.7%和52.8%。",
			[]string{"11.4", "35.7", "52.8"}, nil, []string{"第一产业", "第二产业", "第三产业"}, "6.1"},
		{"pulls alone, names joined", gdp + "第一产业、第二产业、第三产业分别拉动GDP增速0.7、2.2、3.2个百分点。",
			nil, []string{"0.7", "2.2", "3.2"}, []string{"第一产业", "第二产业", "第三产业"}, "6.1"},
		{"part by part, a downward pull",
			"全年规模以上工业增加值比上年增长2.0%。采矿业下降5.0%，下拉规上工业增加值增速2.0个百分点，贡献率为-100.0%；制造业增长6.2%，拉动规上工业增加值增速3.1个百分点，贡献率为155.0%；电力热力燃气及水生产和供应业增长4.5%，拉动规上工业增加值增速0.9个百分点，贡献率为45.0%。",
			[]string{"-100.0", "155.0", "45.0"}, []string{"-2.0", "3.1", "0.9"}, []string{"采矿业", "制造业", "电力热力燃气及水生产和供应业"}, "2.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := extract(t, c.text)
			if !assert.Len(t, cs.Contributions, 1) {
				return
			}
			ct := cs.Contributions[0]
			var rates, pulls []string
			for _, f := range ct.Rates {
				rates = append(rates, f.Value.String())
			}
			for k, f := range ct.Pulls {
				v := f.Value.String()
				if ct.PullNeg[k] {
					v = "-" + v
				}
				pulls = append(pulls, v)
			}
			assert.Equal(t, c.rates, rates)
			assert.Equal(t, c.pulls, pulls)
			assert.Equal(t, c.names, ct.Names)
			if assert.NotNil(t, ct.Growth) {
				assert.Equal(t, c.growth, ct.Growth.Rate.Value.String())
			}
		})
	}
	for _, text := range []string{
		"工业对经济增长的贡献率为49.3%，制造业对经济增长的贡献率为38.5%。",
		"东川县地区生产总值58.40亿元，增长9.7%，拉动全州GDP增长1.9个百分点；西岭市地区生产总值121.36亿元，增长5.4%，拉动全州经济增长2.4个百分点。",
		"消费、投资、净出口对经济增长的贡献率分别为55.1%、30.2%和14.7%。",
	} {
		assert.Empty(t, extract(t, text).Contributions, text)
	}
}
