package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/parser/claims"
)

// A change whose two levels are printed reads them as its base and its
// current value: 由/从 A <word>到 B, or a base named by what it is (较调整时
// B 增加 C) with the level before 较 as what changed.
func TestFromToChanges(t *testing.T) {
	cases := []struct {
		name, text    string
		base, current string // "" when the change has none
		subject       string
		last          bool // the last change of the sentence, not the first
	}{
		{"由 A 提高到 B, a qualifier between", "将城乡居民医保财政补助标准由每人每年640元提高到670元。", "640元", "670元", "将城乡居民医保财政补助标准", false},
		{"从 A 提高至 B, a year's qualifier", "推动基本公共卫生服务补助标准从2024年的人均每年89元提高到94元。", "89元", "94元", "推动基本公共卫生服务补助标准", false},
		{"percentages", "财政自给率从18.2%增长至20.4%。", "18.2%", "20.4%", "财政自给率", false},
		{"the second of two from-to changes after 、", "用人单位费率由7%降低为5.5%、灵活就业人员费率由9%降低为7.5%。", "9%", "7.5%", "灵活就业人员费率", true},
		{"counts of one thing", "风险提示地区由7个减少为5个。", "7", "5", "风险提示地区", false},
		{"a base named by what it is", "外债实际提款数41250万元较专项预算调整时实际提款数8640万元增加32610万元。", "8640万元", "41250万元", "", false},
		{"a base named, the level before 较 across brackets", "政府债务限额5128300万元（一般债务限额1604200万元），较调整时5131300万元减少3000万元。", "5131300万元", "5128300万元", "", false},
		{"a target has no start", "力争将预算到位率提高到90%。", "", "", "", false},
		{"由于 is no from", "主要是由于缴费标准提高为420元。", "", "", "", false},
		{"lists on both sides pair in order", "孤儿养育标准分别由每人每月1000元、1500元提高到1200元、1600元。", "1000元", "1200元", "孤儿养育标准分别", false},
		{"lists of two lengths", "补助分别由每人每月600元、1000元提高到1000元。", "", "", "", false},
		{"levels in two measures", "参保人数由120万人提高到150万元。", "", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := extract(t, c.text)
			var got *claims.Change // the first change with a base (the last for 、), else any
			for _, ch := range cs.Changes {
				if got == nil || ch.Base != nil && (got.Base == nil || c.last) {
					got = ch
				}
			}
			if c.base == "" {
				if got != nil {
					assert.Nil(t, got.Base, "base")
				}
				return
			}
			if !assert.NotNil(t, got) || !assert.NotNil(t, got.Base) || !assert.NotNil(t, got.Current) {
				return
			}
			assert.Equal(t, c.base, norm(got.Base.Text))
			assert.Equal(t, c.current, norm(got.Current.Text))
			if c.subject != "" {
				assert.Equal(t, c.subject, got.Subject)
			}
		})
	}
}
