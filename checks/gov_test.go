package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// lintCov checks text with only rule id on and returns its findings and coverage.
func lintCov(t *testing.T, text, id string) ([]Finding, Coverage) {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	require.NotNil(t, set.Lookup(id), "rule %s", id)
	for _, r := range set.Rules {
		require.NoError(t, set.SetEnabled(r.ID, r.ID == id))
	}
	eng, err := New(set)
	require.NoError(t, err)
	d, err := parser.Parse("t.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	return eng.Run(d)
}

// decidedCase is an excerpt and how many of its claims a rule decides.
type decidedCase struct {
	name, text string
	decided    int
}

// silentlyDecides asserts that rule id decides each case's claims as many
// times as the case says and reports none of them.
func silentlyDecides(t *testing.T, id string, cases []decidedCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			if !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			fs, cov := lintCov(t, text, id)
			assert.Empty(t, fs)
			assert.Equal(t, tc.decided, cov.Decided, "%+v", cov)
		})
	}
}

// A government report: last year's execution first, then this year's draft.
const execPart = "关于某市2025年预算执行情况与2026年预算草案的报告\n" +
	"一、2025年全市和市本级预算执行情况\n" +
	"(一)全市一般公共预算\n" +
	"全市一般公共预算收入完成152.40亿元，为调整预算的100.6%，增长3.1%。\n" +
	"(二)市本级一般公共预算\n" +
	"市本级一般公共预算收入完成40.20亿元，增长1.8%。其中：税收收入完成28.64亿元，下降2.2%。\n" +
	"二、2026年全市和市本级预算草案\n"

func TestChangeRateAgainstThePeriodBefore(t *testing.T) {
	cases := []struct {
		name    string
		draft   string
		want    int // change-rate findings
		checked int // claims decided
		base    string
	}{
		{"the draft's rate fits last year's execution (157.00 / 152.40 = 3.02%)",
			"2026年全市一般公共预算收入安排157.00亿元，较2025年完成数增长3.0%。", 0, 1, ""},
		{"a rate against a named base that does not fit is reported",
			"2026年全市一般公共预算收入安排157.00亿元，较2025年完成数增长5.0%。", 1, 1, "152.4"},
		{"a named base is looked for in the same scope: 市本级, not 全市",
			"2026年市本级一般公共预算收入41.50亿元，较2025年完成数增长5.0%。", 1, 1, "40.2"},
		{"an unnamed base that does not fit is skipped: the base may be another",
			"2026年全市一般公共预算收入安排157.00亿元，增长5.0%。", 0, 0, ""},
		{"the scope decides the base: 市本级 against 市本级 (41.50 / 40.20 = 3.23%)",
			"2026年市本级一般公共预算收入41.50亿元，较2025年完成数增长3.2%。", 0, 1, ""},
		{"a part keeps the scope of its paragraph (29.50 / 28.64 = 3.00%)",
			"2026年市本级一般公共预算收入41.50亿元。其中：税收收入29.50亿元，增长3.0%。", 0, 1, ""},
		{"a comparable-basis rate whose base is not stated is not judged",
			"2026年全市一般公共预算收入安排157.00亿元，剔除一次性因素后较2025年完成数增长5.0%。", 0, 0, ""},
		{"a decline against a base below the current value does not fit",
			"2026年全市一般公共预算收入安排157.00亿元，下降3.0%。", 0, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs, cov := lintCov(t, execPart+tc.draft+"\n", "change-rate")
			assert.Len(t, fs, tc.want, "%v", fs)
			assert.Equal(t, tc.checked, cov.Decided, "%+v", cov)
			if tc.want > 0 {
				assert.Contains(t, fs[0].Message, tc.base)
			}
		})
	}
}

func TestRatesCutRatherThanRounded(t *testing.T) {
	cases := []struct {
		name, text, id string
		want           int
	}{
		{"119.19% printed 119.1 (cut) is consistent",
			"市级支出预算566668万元，实际完成675419万元，为预算的119.1%。", "completion-rate", 0},
		{"119.19% printed 119.2 (rounded) is consistent",
			"市级支出预算566668万元，实际完成675419万元，为预算的119.2%。", "completion-rate", 0},
		{"119.19% printed 119.0 is neither",
			"市级支出预算566668万元，实际完成675419万元，为预算的119.0%。", "completion-rate", 1},
		{"119.19% printed 119.3 is neither",
			"市级支出预算566668万元，实际完成675419万元，为预算的119.3%。", "completion-rate", 1},
		{"a change rate cut: 4.68 / 180.73 = 2.589% printed 2.58",
			"机关运行经费支出185.41万元，比上年增加4.68万元，增长2.58%。", "change-rate", 0},
		{"a change rate two units off is reported",
			"机关运行经费支出185.41万元，比上年增加4.68万元，增长2.56%。", "change-rate", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := lintCov(t, tc.text+"\n", tc.id)
			assert.Len(t, fs, tc.want, "%v", fs)
		})
	}
}

func TestAverageAnnualGrowthIsNotASimpleRate(t *testing.T) {
	text := "“十四五”时期，全市一般公共预算支出累计1062.89亿元，比“十三五”时期增加293.89亿元，年均增长3.36%。\n"
	fs, cov := lintCov(t, text, "change-rate")
	assert.Empty(t, fs)
	assert.Equal(t, 1, cov.Reasons["change rate: average annual growth over several years"], "%+v", cov)

	// the same figures with a simple rate are judged: 293.89 / 769.00 = 38.22%
	fs, _ = lintCov(t, strings.Replace(text, "年均增长3.36%", "增长3.36%", 1), "change-rate")
	assert.Len(t, fs, 1)
}

func TestChainTotal(t *testing.T) {
	cases := []struct {
		name, text string
		want       int // chain-total findings
		decided    int
	}{
		{"revenue chain adds up: 212.40 + 150.36 + 9.80 + 31.05 + 6.40 = 410.01",
			"2026年全市一般公共预算收入安排212.40亿元，增长2.5%。加上级转移支付收入150.36亿元，一般债券转贷收入9.80亿元，上年结转资金31.05亿元，动用预算稳定调节基金6.40亿元，收入总计410.01亿元。", 0, 1},
		{"a term off: the total is reported",
			"2026年全市一般公共预算收入安排212.40亿元，增长2.5%。加上级转移支付收入150.36亿元，一般债券转贷收入9.80亿元，上年结转资金31.05亿元，动用预算稳定调节基金6.40亿元，收入总计420.01亿元。", 1, 1},
		{"rounded terms a cent apart are consistent: 30.34 + 12.22 + 4.45 = 47.01 stated 47.00",
			"市本级政府性基金预算支出30.34亿元，加上调出资金12.22亿元，结转下年支出4.45亿元，支出总计47.00亿元。", 0, 1},
		{"a 其中 breakdown inside the chain is not counted twice",
			"一般公共预算支出586.20万元，加上上解支出45.10万元，其中：专项上解20.00万元；结转下年支出12.70万元，支出合计644.00万元，当年收支平衡。", 0, 1},
		{"a figure in brackets is a remark: 11.93 (of which 8.96) counts once",
			"市本级一般公共预算收入56.20亿元，加一般债券转贷收入11.93亿元（其中市本级留用8.96亿元），上年结转3.99亿元，收入总计72.12亿元。", 0, 1},
		{"the head opens the paragraph, its items sit in between",
			"2026年市本级政府性基金预算收入8.52亿元，增长206.07%。主要收入项目为：国有土地使用权出让收入7.48亿元，污水处理费收入0.20亿元。加上级转移支付收入、专项债券转贷收入、上年结转收入28.63亿元，收入总计37.15亿元。", 0, 1},
		{"units mixed: 1.2亿元 + 3500万元 = 1.55亿元",
			"国有资本经营预算收入1.2亿元，加上上年结转收入3500万元，收入总计1.55亿元。", 0, 1},
		{"a chain that subtracts is not modelled",
			"政府性基金预算支出总计69.26亿元，加上调出资金1.00亿元，扣除债务还本支出1.33亿元后，支出合计67.63亿元。", 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs, cov := lintCov(t, tc.text+"\n", "chain-total")
			assert.Len(t, fs, tc.want, "%v", fs)
			assert.Equal(t, tc.decided, cov.Decided, "%+v", cov)
		})
	}
}

func TestChangeMixDecidesItsChanges(t *testing.T) {
	silentlyDecides(t, "change-mix", []decidedCase{
		{"tax and non-tax revenue with the total",
			"全市一般公共预算收入完成278.26亿元，下降16.25%。税收收入完成201.46亿元，下降14.31%。非税收入完成76.81亿元，下降20.94%。", 3},
		{"exports and imports with the trade total",
			"全年货物进出口总额127.19亿元，增长5.2%。其中，出口额88.31亿元，增长9.0%；进口额38.88亿元，下降2.6%。", 3},
		{"income per head and its four sources with their values, each per head",
			"2025年某市国民经济和社会发展统计公报\n全年城镇居民人均可支配收入58254元，比上年增长4.3%。其中，人均工资性收入33632元，增长5.1%；人均经营净收入7420元，增长3.2%；人均财产净收入5977元，下降1.2%；人均转移净收入11225元，增长6.0%。", 5},
		{"parts of another scope",
			"全市一般公共预算收入完成278.26亿元，下降16.25%。\n市本级税收收入完成37.97亿元，下降17.98%。市本级非税收入完成16.68亿元，下降45.67%。", 0},
		{"one part missing",
			"全市一般公共预算收入完成278.26亿元，下降16.25%。税收收入完成201.46亿元，下降14.31%。", 0},
		{"parts that do not make the whole are another reading",
			"全市一般公共预算收入完成278.26亿元，下降16.25%。税收收入完成101.46亿元，下降14.31%。非税收入完成76.81亿元，下降20.94%。", 0},
	})
}

// The identities of a bulletin's income and insurance paragraphs decide
// their rates without last year's figures; averages of other people and
// lists that leave a kind out decide nothing.
func TestChangeSpreadDecidesItsChanges(t *testing.T) {
	const head = "2025年某市国民经济和社会发展统计公报\n"
	silentlyDecides(t, "change-spread", []decidedCase{
		{"income per head and its four sources, each per head",
			head + "全年城镇居民人均可支配收入比上年增长4.3%。其中，人均工资性收入增长5.1%；人均经营净收入增长3.2%；人均财产净收入下降1.2%；人均转移净收入增长6.0%。", 5},
		{"income per head and its sources, no values",
			head + "全年全体居民人均可支配收入比上年增长4.6%。从收入来源看，工资性收入增长5.1%，经营净收入增长3.2%，财产净收入下降1.2%，转移净收入增长6.0%。", 5},
		{"town and country averages are no parts of the whole's",
			head + "全年全体居民人均可支配收入41320元，比上年增长6.1%。按常住地分，城镇居民人均可支配收入50210元，增长4.9%；农村居民人均可支配收入26450元，增长5.8%。", 0},
		{"the villagers' sources are no sources of everyone's income",
			head + "全年全体居民人均可支配收入比上年增长4.6%。农村居民人均工资性收入增长5.1%，人均经营净收入增长3.2%，人均财产净收入下降1.2%，人均转移净收入增长6.0%。", 0},
		{"premiums by kind of insurer",
			head + "全年保险公司原保险保费收入比上年增长5.2%。分险种看，财产险公司原保险保费收入增长2.8%；人身险公司原保险保费收入增长6.6%。", 3},
		{"premiums on a comparable basis",
			head + "全年保险业原保险保费收入按可比口径比上年增长5.2%。其中，财产险保费收入增长2.8%，人身险保费收入增长6.6%。", 0},
		{"life and health insurance without accident insurance",
			head + "全年保费收入比上年增长5.2%。其中，财产险保费收入增长2.8%，寿险保费收入增长6.6%，健康险保费收入增长10.4%。", 0},
		{"revenue so far (累计) and its parts",
			"全市一般公共预算收入累计完成48.37亿元，同比增收3.1亿元，增长6.8%，其中：税收收入增长7.9%，非税收入增长4.6%。", 3},
		{"a draft's expected revenue (预计) and its parts",
			"2026年全市一般公共预算收入预计同比增长3%，预期收入126.4亿元。其中：税收收入83.15亿元，同比增长5.2%；非税收入43.25亿元，同比下降1.8%。", 3},
		{"claims paid by kind of insurance",
			head + "全年原保险赔付支出比上年增长6.1%。其中，财产险赔付支出增长3.5%，人身险赔付支出增长9.1%。", 3},
	})
}

func TestDraftRateAgainstLastYearsBudget(t *testing.T) {
	text := "一、2025年预算执行情况\n全市一般公共预算支出年初预算为500.00亿元，执行中调整为530.00亿元。\n二、2026年预算草案\n2026年全市一般公共预算支出安排520.00亿元，增长%s。\n"
	// 520 / 500 = 4.0%: last year's budget is a plausible base of an unnamed rate
	_, cov := lintCov(t, fmt.Sprintf(text, "4.0%"), "change-rate")
	assert.Equal(t, 1, cov.Decided, "%+v", cov)
	// no stated value fits 7.5%: skipped, not reported, since the base is not named
	fs, cov := lintCov(t, fmt.Sprintf(text, "7.5%"), "change-rate")
	assert.Empty(t, fs)
	assert.Equal(t, 0, cov.Decided, "%+v", cov)
}

// A misfit of a list's rates is shown over the whole list: any member's
// rate may be the wrong one, and a reader finds the one planted on a later
// line only if the finding reaches it.
func TestChangeMixSpansTheList(t *testing.T) {
	text := "年末各项贷款余额1860.5亿元，增长6.1%，\n其中，住户贷款余额702.3亿元，\n增长4.0%；企业贷款余额1158.2亿元，\n增长4.0%。\n"
	fs, _ := lintCov(t, text, "change-mix")
	require.Len(t, fs, 1)
	assert.Equal(t, 1, fs[0].Line, "starts at the whole")
	assert.Equal(t, 4, fs[0].EndLine, "ends at the last part")
}
