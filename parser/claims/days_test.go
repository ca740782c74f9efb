package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A count of days and its share are read together, the share's whole the
// year's days (占全年总天数的) or the days monitored (a rate of the days);
// the share is then no share of a printed whole.
func TestDayShares(t *testing.T) {
	cases := []struct {
		name, text string
		days, pct  string // "" when no day share is read
		wholeYear  bool
		year       int
	}{
		{"the year's days", "2025年，全市空气质量优良天数为287天，占全年总天数的78.6%。", "287", "78.6", true, 2025},
		{"总天数", "其中市区空气质量优良天数共341天，占总天数的93.4%。", "341", "93.4", true, 0},
		{"a rate, another count between", "全年优良天数326天，重污染天数为0，优良率91.8%。", "326", "91.8", false, 0},
		{"the days' rate named in full", "全年空气质量优良天数309天，空气质量好于II级的优良天数占比84.7%。", "309", "84.7", false, 0},
		{"占比 after the count's change", "重污染天数4天，比上年减少2天，占比1.1%。", "4", "1.1", false, 0},
		{"a rate of water", "全年优良天数300天，地表水水质优良比例62.5%。", "", "", false, 0},
		{"the rate of another area", "市区空气质量优良天数352天，全市优良天数比例90.1%。", "", "", false, 0},
		{"no count of days", "全年空气质量优良天数比例87.3%。", "", "", false, 0},
		{"days of something else", "女职工产假延长至158天，占比100%。", "", "", false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := extract(t, c.text)
			if c.days == "" {
				assert.Empty(t, cs.DayShares)
				return
			}
			if !assert.Len(t, cs.DayShares, 1) {
				return
			}
			ds := cs.DayShares[0]
			assert.Equal(t, c.days, ds.Days.Value.String())
			assert.Equal(t, c.pct, ds.Pct.Value.String())
			assert.Equal(t, c.wholeYear, ds.WholeYear)
			assert.Equal(t, c.year, ds.Year)
			for _, sh := range cs.Shares {
				assert.NotSame(t, ds.Pct, sh.Pct, "read twice")
			}
		})
	}
}
