package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A rate set against another's in points is read with the name it is set
// against, the points, the other's rate when bracketed, and the rate's sign.
func TestGaps(t *testing.T) {
	cases := []struct {
		name, text  string
		rates, pts  []string // nil when no gap is read
		ref, refPct string
		below, neg  bool
		signed      bool
	}{
		{"against a whole", "乙县规模以上工业增加值同比增长8.0%，增速高于全州1.9个百分点。", []string{"8.0"}, []string{"1.9"}, "全州", "", false, false, true},
		{"the other's rate in brackets", "全州进出口总额同比增长29.4%，增速高于全国（4.1%）25.3个百分点。", []string{"29.4"}, []string{"25.3"}, "全国", "4.1", false, false, true},
		{"inside the rate's brackets", "甲市164.3亿元，较上年增加7.6亿元，增长4.9%（低于市县平均水平1.8个百分点）。", []string{"4.9"}, []string{"1.8"}, "市县平均水平", "", true, false, true},
		{"a list after 分别", "高技术制造业、装备制造业增加值分别增长15.2%、11.8%，分别高于全市平均水平8.1、4.7个百分点。", []string{"15.2", "11.8"}, []string{"8.1", "4.7"}, "全市平均水平", "", false, false, true},
		{"a fall by its speed", "丙县规模以上工业增加值同比下降4.5%，增速低于全州10.6个百分点。", []string{"4.5"}, []string{"10.6"}, "全州", "", true, true, true},
		{"a fall by its size", "全州商品房销售面积下降6.2%，低于全省1.8个百分点。", []string{"6.2"}, []string{"1.8"}, "全省", "", true, true, false},
		{"a share's change is no gap", "税收收入占比68.3%，比上年提高1.2个百分点。", nil, nil, "", "", false, false, false},
		{"a share above another share", "全市民生支出占比81.2%，高于全省平均水平3.1个百分点。", nil, nil, "", "", false, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := extract(t, c.text)
			if c.rates == nil {
				assert.Empty(t, cs.Gaps)
				return
			}
			if !assert.Len(t, cs.Gaps, len(c.rates)) {
				return
			}
			for k, g := range cs.Gaps {
				assert.Equal(t, c.rates[k], g.Rate.Value.String())
				assert.Equal(t, c.pts[k], g.Points.Value.String())
				assert.Equal(t, c.ref, g.Ref)
				assert.Equal(t, c.below, g.Below)
				assert.Equal(t, c.neg, g.RateNeg)
				assert.Equal(t, c.signed, g.Signed)
				if c.refPct == "" {
					assert.Nil(t, g.RefRate)
				} else if assert.NotNil(t, g.RefRate) {
					assert.Equal(t, c.refPct, g.RefRate.Value.String())
				}
			}
		})
	}
}
