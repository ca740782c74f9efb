package claims_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// The excerpts below are copied from real reports in the shared corpus
// (/work/shared/corpus/docs) and testdata/; the file each comes from is named
// in the case.

func extract(t *testing.T, text string) *claims.Set {
	t.Helper()
	set, err := rules.Default()
	require.NoError(t, err)
	d, err := parser.Parse("t.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	return claims.Extract(d, claims.Vocabulary(set.Vocabulary))
}

// fig finds the figure whose analysis text is s (the n-th such, 0-based).
func fig(t *testing.T, cs *claims.Set, s string, n int) *claims.Figure {
	t.Helper()
	for _, f := range cs.Figures {
		if norm(f.Text) == norm(s) {
			if n == 0 {
				return f
			}
			n--
		}
	}
	require.Failf(t, "no figure", "no figure %q in %v", s, texts(cs.Figures))
	return nil
}

func texts(fs []*claims.Figure) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, norm(f.Text))
	}
	return out
}

func normAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = norm(s)
	}
	return out
}

// amounts lists the money figures of a set as "value unit".
func amounts(cs *claims.Set) []string {
	var out []string
	for _, f := range cs.Figures {
		if f.Unit.IsAmount() {
			out = append(out, f.Value.String()+f.Unit.Name())
		}
	}
	return out
}

// text is a figure's analysis text; the analysis drops the stray spaces
// between figures and CJK text that reports carry (4733.14 万元).
func text(f *claims.Figure) string {
	if f == nil {
		return "<none>"
	}
	return norm(f.Text)
}

func norm(s string) string { return strings.ReplaceAll(s, " ", "") }

func TestFigures(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		lit      string // the figure's analysis text, unit included
		raw      string // the characters as written, when they differ
		value    string
		decimals int
		unit     claims.Unit
	}{
		{"万元 with two decimals (seed line 33)", "2024年度收、支总计均为157.60万元。", "157.60万元", "", "157.60", 2, claims.UnitWanYuan},
		{"a stray space before the unit (sthj)", "收入支出总计 4733.14 万元。", "4733.14 万元", "", "4733.14", 2, claims.UnitWanYuan},
		{"one decimal (baiqing)", "一般预算收入88.5万元，比上年增收8.70万元。", "88.5万元", "", "88.5", 1, claims.UnitWanYuan},
		{"an integer (fj-pingtan-jtjs)", "社会发展性项目支出21500万元。", "21500万元", "", "21500", 0, claims.UnitWanYuan},
		{"亿元", "城市基础设施配套费收入完成6.6亿元。", "6.6亿元", "", "6.6", 1, claims.UnitYiYuan},
		{"万亿元", "全国一般公共预算收入21.97万亿元。", "21.97万亿元", "", "21.97", 2, claims.UnitWanYiYuan},
		{"元", "上级补助收入0元。", "0元", "", "0", 0, claims.UnitYuan},
		{"thousands separators (2026 budget)", "收入预算3,121.42万元，比2025年预算增加107.62万元。", "3,121.42万元", "", "3121.42", 2, claims.UnitWanYuan},
		{"full-width digits", "本年收入合计１５７．６０万元。", "157.60万元", "１５７．６０万元", "157.60", 2, claims.UnitWanYuan},
		{"full-width percent", "财政拨款收入１５４．２５万元，占９７．８７％。", "97.87%", "９７．８７％", "97.87", 2, claims.UnitPercent},
		{"20765.62 stays one amount", "一般公共服务支出20765.62万元。", "20765.62万元", "", "20765.62", 2, claims.UnitWanYuan},
		{"per mille is not a percent", "占 76.23‰；", "76.23‰", "", "76.23", 2, claims.UnitPermille},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			f := fig(t, cs, tc.lit, 0)
			assert.Equal(t, tc.unit, f.Unit)
			assert.Equal(t, tc.value, f.Value.String())
			assert.Equal(t, tc.decimals, f.Value.Decimals())
			raw := tc.raw
			if raw == "" {
				raw = tc.lit
			}
			assert.Equal(t, raw, f.Block.RawRange(f.Start, f.End), "the span covers the figure as written")
		})
	}
}

func TestUnitsScaleToYuan(t *testing.T) {
	cs := extract(t, "全市收入1.2万亿元，税收收入3,121.42亿元，非税收入957.50万元，其他收入12元。")
	require.Equal(t, []string{"1.2万亿元", "3121.42亿元", "957.50万元", "12元"}, amounts(cs))
	tests := []struct {
		lit    string
		lo, hi string // the interval in 元 the printed figure stands for
	}{
		{"1.2万亿元", "1150000000000", "1250000000000"},
		{"3,121.42亿元", "312141500000", "312142500000"},
		{"957.50万元", "9574950", "9575050"},
		{"12元", "23/2", "25/2"},
	}
	for _, tc := range tests {
		t.Run(tc.lit, func(t *testing.T) {
			iv := fig(t, cs, tc.lit, 0).Yuan()
			assert.Equal(t, tc.lo, iv.Lo.RatString())
			assert.Equal(t, tc.hi, iv.Hi.RatString())
		})
	}
}

// Years, dates, codes, counts and item numbers are numbers but not
// amounts: no money figure may come from them.
func TestNotAmounts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the amounts that are there
	}{
		{"a year before a budget", "2025年度年初预算为4628.17万元，支出决算为4733.14万元。", []string{"4628.17万元", "4733.14万元"}},
		{"a date (seed)", "截至2023年12月31日，共有车辆0辆。", nil},
		{"a function code in a table row (nx-wuzhong)", "2010601 行政运行 1095", nil},
		{"a function code glued to a name", "2013901款行政运行支出。", nil},
		{"counts and a score", "共有车辆3辆，在职5人，开展检查2次，评价得分97分，接待21批次。", nil},
		{"a count of people next to an amount (lancheng)", "全年因公出国（境）累计1人次，因公出国（境）费0.38万元。", []string{"0.38万元"}},
		{"item numbers (dongxiang)", "具体情况如下：\n1. 财政拨款收入675.26万元，其中政府性基金 35万元。\n2. 事业收入0万元。", []string{"675.26万元", "35万元", "0万元"}},
		{"percentage points and area", "占比提高 2.07 个百分点，办公用房占地 76.23 平方米。", nil},
		{"a document number", "（岚财金〔2015〕127 号）", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			var got []string
			for _, f := range cs.Figures {
				if f.Unit.IsAmount() {
					got = append(got, f.Text)
				}
				for _, y := range []string{"2023", "2025", "2015", "2010601", "2013901"} {
					if f.Value.String() == y {
						assert.False(t, f.Unit.IsAmount(), "%s is not an amount", y)
					}
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// Item numbers (1. 2.) are not figures at all.
func TestItemNumberIsNotAFigure(t *testing.T) {
	cs := extract(t, "具体情况如下：\n1. 财政拨款收入675.26万元。\n2. 事业收入0万元。\n")
	for _, f := range cs.Figures {
		assert.NotEqual(t, "1", f.Value.String(), "item number 1 read as figure %q", f.Text)
		assert.NotEqual(t, "2", f.Value.String(), "item number 2 read as figure %q", f.Text)
	}
	assert.Equal(t, []string{"675.26万元", "0万元"}, amounts(cs))
}

// 占地, 占用, 个百分点 and ‰ are not shares; 占 76.23 without %
// is a share written without its sign.
func TestShareLookalikes(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		shares int
		noSign bool
	}{
		{"land area", "办公用房占地 76.23 平方米；", 0, false},
		{"occupied funds", "占用资金 76.23 万元；", 0, false},
		{"percentage points", "占比提高 2.07 个百分点；", 0, false},
		{"per mille", "占 76.23‰；", 0, false},
		{"bare share (yichuan line 31)", "城乡社区支出(类)15411.43 万元，占 76.23;住房保障支出(类)1076.78 万元，占 5.33%。", 2, true},
		{"a share", "城乡社区支出(类)15411.43 万元，占 76.23%；", 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Shares, tc.shares)
			if tc.shares > 0 {
				assert.Equal(t, tc.noSign, cs.Shares[0].NoSign)
				assert.Equal(t, norm("15411.43 万元"), text(cs.Shares[0].Part))
			}
		})
	}
}

func TestSubjectsAndKeys(t *testing.T) {
	tests := []struct {
		name string
		text string
		lit  string
		n    int
		key  string
		qual claims.Qual
		year int
	}{
		{"收、支总计 (seed line 33)", "2024年度收、支总计均为157.60万元。", "157.60万元", 0, "收支总计", claims.QualNone, 2024},
		{"支出决算 inherits the sentence's 三公 subject", "“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算为 16.95 万元，完成预算的 80.71%。", "16.95 万元", 0, "三公经费财政拨款支出", claims.QualFinal, 0},
		{"年初预算 of the same subject", "“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算为 16.95 万元，完成预算的 80.71%。", "21.00 万元", 0, "三公经费财政拨款支出", claims.QualBudget, 0},
		{"a sub-item keeps its own key after 其中", "“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算为 16.95 万元，其中：公务用车购置及运行维护费支出决算为 16.95 万元。", "16.95 万元", 1, "公务用车购置及运行维护费", claims.QualFinal, 0},
		{"预算执行数 (wanli 2024)", "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元。", "348.52万元", 0, "", claims.QualExec, 2023},
		{"预算安排 (wanli 2024)", "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元。", "352.67万元", 0, "", claims.QualBudget, 2024},
		{"调整预算 (exec report)", "一般公共预算收入调整预算119.8亿元，实际完成135.1亿元。", "119.8亿元", 0, "一般公共预算收入", claims.QualAdjusted, 0},
		{"a fund name is not a qualifier", "一般公共预算财政拨款支出154.25万元。", "154.25万元", 0, "一般公共预算财政拨款支出", claims.QualNone, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := fig(t, extract(t, tc.text), tc.lit, tc.n)
			if tc.key != "" {
				assert.Equal(t, tc.key, f.Key)
			}
			assert.Equal(t, tc.qual, f.Qual, "qualifier %s", f.Qual)
			assert.Equal(t, tc.year, f.Year)
			assert.Equal(t, claims.RoleLevel, f.Role)
		})
	}
}

// sangong is the 三公 passage of sh-putuo-yichuan-street-2025-final-pages.txt:
// a total and its sub-items in one sentence, their changes in the next.
const sangong = "“三公”经费财政拨款支出年初预算为 31.47 万元，支出决算为 19.86 万元，其中：公务用车购置及运行维护费支出决算为 19.56 万元；公务接待费支出决算为 0.3 万元。\n" +
	"2025 年度“三公”经费财政拨款支出决算数比 2024 年度减少 3.59 万元，下降 15.31%，其中：公务用车购置及运行维护费支出决算减少 3.59 万元，下降 15.31%；公务接待费支出决算增加 0.3 万元，增长 100%。"

// sthjPage is page 20 of sh-putuo-sthj-2025-final-pages.txt: sentences and
// figures wrap at the page width.
const sthjPage = `第三部分 上海市普陀区生态环境局 2025 年度部门决算情况说
明
一、收入支出决算总体情况说明
上海市普陀区生态环境局 2025 年度收入支出总计 4733.14
万元。与 2024 年度相比，收入支出总计增加 90.09 万元，增长
1.94%。主要原因：基本支出增加。
二、收入决算情况说明
本年收入合计 4733.14 万元，其中：财政拨款收入 4733.14
万元，占 100.00%。
三、支出决算情况说明
本年支出合计 4733.14 万元，其中：基本支出 3365.38 万元，
占 71.10%；项目支出 1367.76 万元，占 28.90%。
四、财政拨款收入支出决算总体情况说明
上海市普陀区生态环境局 2025 年度财政拨款收入支出总计
4733.14 万元。与 2024 年度相比，财政拨款收入支出总计增加
90.09 万元，增长 1.94%。主要原因：基本支出增加。
`

func TestChanges(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		n       int // which change of the set
		changes int
		dir     claims.Dir
		amount  string
		rate    string
		current string
		base    string
		ref     string
	}{
		{"amount and rate, current by subject (seed line 33)", "2024年度收、支总计均为157.60万元。与2023年度相比，收、支总计各减少37.98万元，减少19.42%。", 0, 1,
			claims.DirDown, "37.98万元", "19.42%", "157.60万元", "<none>", "与2023年度相比"},
		{"figures wrapped across lines (sthj page 20)", sthjPage, 0, 0,
			claims.DirUp, "90.09 万元", "1.94%", "", "<none>", "与2024年度相比"},
		{"the 三公 total's change has the total as current", sangong, 0, 3,
			claims.DirDown, "3.59 万元", "15.31%", "19.86 万元", "<none>", "比2024年度"},
		{"a sub-item's change has its own current, found across sentences", sangong, 1, 3,
			claims.DirDown, "3.59 万元", "15.31%", "19.56 万元", "<none>", ""},
		{"the last sub-item", sangong, 2, 3,
			claims.DirUp, "0.3 万元", "100%", "0.3 万元", "<none>", ""},
		{"base from 比2022年预算执行数 (wanli 2023)", "2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。", 0, 1,
			claims.DirUp, "<none>", "314.82%", "45.41万元", "11.67万元", "比2022年预算执行数"},
		{"比上年决算数 with only this year's 决算数 stated: no base (fj-2024)", "增值税决算数为 9752757 万元，比上年决算数减少 421383 万元，下降 4.1%。", 0, 1,
			claims.DirDown, "421383 万元", "4.1%", "9752757 万元", "<none>", "比上年决算数"},
		{"an earlier figure stated in the text (lancheng)", "2015本年收入110477.73万元，比2014年决算数12855.38万元增加97622.35万元，增长759.39％。", 0, 1,
			claims.DirUp, "97622.35万元", "759.39%", "110477.73万元", "12855.38万元", "比2014年决算数12855.38万元"},
		{"增收 (baiqing)", "一般预算收入88.5万元，比上年增收8.70万元，增长9.97％。", 0, 1,
			claims.DirUp, "8.70万元", "9.97%", "88.5万元", "<none>", "比上年"},
		{"no current value stated", "比上年增加5.00万元，增长10.00%。", 0, 1,
			claims.DirUp, "5.00万元", "10.00%", "<none>", "<none>", "比上年"},
		{"a completion's budget is not what grew", "全市一般公共预算收入完成515444万元，为年初预算498000万元的103.50%，同比增加7818万元，增长1.54%。", 0, 1,
			claims.DirUp, "7818万元", "1.54%", "515444万元", "<none>", "同比"},
		{"nor an adjusted budget inside 为调整预算…的", "全州一般公共预算支出3,722,984万元，为年初预算3,959,300万元的94%，为调整预算3,801,500万元的97.9%，较上年决算数下降4.6%。", 0, 1,
			claims.DirDown, "<none>", "4.6%", "3,722,984万元", "<none>", "较上年决算数"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			if tc.changes > 0 {
				require.Len(t, cs.Changes, tc.changes)
			}
			require.Greater(t, len(cs.Changes), tc.n)
			c := cs.Changes[tc.n]
			assert.Equal(t, tc.dir, c.Dir, "direction %v", c.Dir)
			assert.Equal(t, norm(tc.amount), text(c.Amount), "amount")
			assert.Equal(t, norm(tc.rate), text(c.Rate), "rate")
			if tc.current != "" {
				assert.Equal(t, norm(tc.current), text(c.Current), "current")
			}
			assert.Equal(t, norm(tc.base), text(c.Base), "base")
			if tc.ref != "" {
				assert.Equal(t, tc.ref, strings.ReplaceAll(c.Ref, " ", ""))
			}
		})
	}
}

func TestChangeToAndFlat(t *testing.T) {
	tests := []struct {
		name string
		text string
		dir  claims.Dir
		to   string
		flat bool
	}{
		{"减少为 and 持平 of one figure (wenlv)", "公务接待费支出决算减少为 0.00 万元，与 2024 年持平。", claims.DirDown, "0.00 万元", true},
		{"持平 alone", "机关运行经费与上年持平。", claims.DirFlat, "<none>", false},
		{"template alternatives are no change (seed line 70)", "较上年度增加/减少0万元，增长/下降0%。", claims.DirNone, "", false},
		{"保持平衡 is no 持平", "总支出15.47亿元。收支相抵，保持平衡。", claims.DirNone, "", false},
		{"支持平安建设 is no 持平", "全市公共安全支出31.3亿元，支持平安建设。", claims.DirNone, "", false},
		{"保持持平 is", "机关运行经费与上年保持持平。", claims.DirFlat, "<none>", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			if tc.dir == claims.DirNone {
				assert.Empty(t, cs.Changes, "增加/减少 offers both directions and states none")
				return
			}
			require.Len(t, cs.Changes, 1)
			c := cs.Changes[0]
			assert.Equal(t, tc.dir, c.Dir)
			assert.Equal(t, norm(tc.to), text(c.ChangeTo))
			assert.Equal(t, tc.flat, c.Flat)
		})
	}
}

func TestShares(t *testing.T) {
	const seedShares = "本年支出合计157.60万元，其中：基本支出154.25万元，占97.87%；项目支出3.35万元，占2.13%。\n" +
		"一般公共预算财政拨款支出154.25万元，占本年支出合计的99.35%。"
	tests := []struct {
		name      string
		text      string
		n         int
		shares    int
		pct       string
		part      string
		whole     string
		wholeName string
	}{
		{"list head is the whole (seed line 39)", seedShares, 0, 3, "97.87%", "154.25万元", "157.60万元", ""},
		{"second part of the list", seedShares, 1, 3, "2.13%", "3.35万元", "157.60万元", ""},
		{"whole by name, stated in another paragraph (seed line 47)", seedShares, 2, 3, "99.35%", "154.25万元", "157.60万元", "本年支出合计"},
		{"no whole stated: none guessed", "一般公共预算财政拨款收入154.25万元，占99.35%。", 0, 1, "99.35%", "154.25万元", "<none>", ""},
		{"a head that is itself a share has no clear whole", "人员经费和公用经费安排48亿元，占比67.7%。其中，人员经费45.7亿元，占比64.5%。", 1, 2, "64.5%", "45.7亿元", "<none>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Shares, tc.shares)
			s := cs.Shares[tc.n]
			assert.Equal(t, norm(tc.pct), text(s.Pct))
			assert.Equal(t, norm(tc.part), text(s.Part))
			assert.Equal(t, norm(tc.whole), text(s.Whole))
			assert.Equal(t, tc.wholeName, s.WholeName)
			assert.False(t, s.NoSign)
		})
	}
}

// The readings of a share: every whole of its name stated before it, for
// its period and scope, in any stage, and the head of the list it sits in.
func TestShareReadings(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		wholes []string
	}{
		{"every stage of the named whole",
			"一、2024年预算执行情况\n全市一般公共预算支出调整预算为560.00亿元。\n全市一般公共预算支出执行512.40亿元。民生支出418.60亿元，占一般公共预算支出的81.7%。",
			[]string{"512.40亿元", "560.00亿元"}},
		{"another level's whole is not a reading",
			"全市一般公共预算支出完成486.30亿元。市本级一般公共预算支出完成215.20亿元。\n市本级教育支出34.70亿元，占一般公共预算支出的16.1%。",
			[]string{"215.20亿元"}},
		{"another year's whole is not a reading",
			"2025年全市一般公共预算收入215.1亿元。\n2026年全市一般公共预算收入预期221.6亿元。其中：税收收入139.84亿元，占一般公共预算收入比重为63.1%。",
			[]string{"221.6亿元"}},
		{"a whole stated after the share is not a reading",
			"全市民生支出3264926万元，占一般公共预算支出的比重达到72.3%。\n二、2026年预算草案\n全市一般公共预算支出3795317万元。",
			nil},
		{"a total over several years is not a year's whole",
			"“十四五”时期全市一般公共预算支出达到5934.1亿元。全市民生支出968.7亿元，占一般公共预算支出的比重77.6%。",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Shares, 1)
			assert.ElementsMatch(t, normAll(tc.wholes), texts(cs.Shares[0].Wholes))
		})
	}
}

// Not shares: 占用, and a bound (80%以上).
func TestNotShares(t *testing.T) {
	for _, s := range []string{"耕地占用税625,308 577,644 92.4% 97.6%", "民生领域支出236.3亿元，占一般公共预算支出的比重保持在80%以上。"} {
		assert.Empty(t, extract(t, s).Shares, s)
	}
}

func TestCompletions(t *testing.T) {
	const sangongFinal = "“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算为 16.95 万元，完成预算的 80.71%，其中：因公出国（境）费决算为 0.00 万元，完成预算的 0.00%；公务用车购置及运行维护费支出决算为 16.95 万元，完成预算的 82.68%。"
	tests := []struct {
		name   string
		text   string
		n      int
		count  int
		rate   string
		budget string
		final  string
		base   string
	}{
		{"budget and final of one clause group", sangongFinal, 0, 3, "80.71%", "21.00 万元", "16.95 万元", ""},
		{"a sub-item after 其中 does not take the total's budget", sangongFinal, 1, 3, "0.00%", "<none>", "0.00 万元", ""},
		{"nor after ；", sangongFinal, 2, 3, "82.68%", "<none>", "16.95 万元", ""},
		{"完成年初预算 (shiquan)", "年初预算为 274.82 万元，支出决算为 245.53 万元，完成年初预算的 93.57%。", 0, 1, "93.57%", "274.82 万元", "245.53 万元", "年初"},
		{"调整预算 is another base", "一般公共预算收入预算119.8亿元，实际完成135.1亿元，为调整预算的100.1%。", 0, 1, "100.1%", "<none>", "135.1亿元", "调整"},
		{"调整预算 pairs with an adjusted budget", "一般公共预算收入调整预算119.8亿元，实际完成135.1亿元，为调整预算的112.8%。", 0, 1, "112.8%", "119.8亿元", "135.1亿元", "调整"},
		{"the budget the congress approved, its 预算 only the fund's name", "市十三届人大二次会议批准的2025年市本级社会保险基金预算收入864520万元，实际完成852377万元，为预算的98.6%。", 0, 1, "98.6%", "864520万元", "852377万元", ""},
		{"approved, then adjusted: not the adjusted budget's", "市人大批准的2025年政府性基金预算收入64.8亿元，实际完成70.3亿元，为调整预算的102.6%。", 0, 1, "102.6%", "<none>", "70.3亿元", "调整"},
		{"approved in the year (经…批准调整为) is no approved budget", "全市一般公共预算收入年初预算合计235.73亿元，执行中经各级人代会批准调整为236.69亿元，实际完成226.62亿元，为调整预算的95.7%。", 0, 1, "95.7%", "236.69亿元", "226.62亿元", "调整"},
		{"占调整及变动预算的: a completion, not a share", "全市一般公共预算支出变动预算为231.20亿元，实际完成194.40亿元，占调整及变动预算的84.1%。", 0, 1, "84.1%", "231.20亿元", "194.40亿元", "变动"},
		{"完成变动预算数的", "全市政府性基金预算支出变动预算数为52.10亿元，完成47.30亿元，完成变动预算数的90.8%。", 0, 1, "90.8%", "52.10亿元", "47.30亿元", "变动"},
		{"为年度预算的: the year's budget, unspecified", "全区一般公共预算收入年初预算为153.70亿元，完成164.90亿元，为年度预算的107.3%。", 0, 1, "107.3%", "153.70亿元", "164.90亿元", "全年"},
		{"完成预算收入的", "基本医疗保险基金收入预算为52.10亿元，实际完成54.83亿元，完成预算收入的105.2%。", 0, 1, "105.2%", "52.10亿元", "54.83亿元", ""},
		{"a note after the basis", "支出预算调整为4116177万元，实际完成4048120万元，为调整预算（以下简称预算）的98.3%。", 0, 1, "98.3%", "4116177万元", "4048120万元", "调整"},
		{"汇总预算", "全省国有资本经营预算收入预算为251.06亿元，收入251.31亿元，完成汇总预算的100.1%。", 0, 1, "100.1%", "251.06亿元", "251.31亿元", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Completions, tc.count)
			c := cs.Completions[tc.n]
			assert.Equal(t, norm(tc.rate), text(c.Rate))
			assert.Equal(t, norm(tc.budget), text(c.Budget), "budget")
			assert.Equal(t, norm(tc.final), text(c.Final), "final")
			assert.Equal(t, tc.base, c.Base)
		})
	}
}

// TestNotCompletions: 占预算支出的 in a budget is a share of the budget's
// spending, not a completion.
func TestNotCompletions(t *testing.T) {
	cs := extract(t, "2026年教育支出预算安排28.50亿元，占预算支出的18.2%。")
	assert.Empty(t, cs.Completions)
}

func TestComparisons(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		rel    int
		budget string
		final  string
	}{
		{"大于 (sthj)", "年初预算为 60.65 万元，支出决算为 58.16 万元。决算数大于预算数的主要原因：年中人员退休。", 1, "60.65 万元", "58.16 万元"},
		{"持平", "年初预算为 1.27 万元，支出决算为 1.27 万元，决算数与预算数持平。", 0, "1.27 万元", "1.27 万元"},
		{"小于", "年初预算为 50.00 万元，支出决算为 40.00 万元，决算数小于预算数。", -1, "50.00 万元", "40.00 万元"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Comparisons, 1)
			c := cs.Comparisons[0]
			assert.Equal(t, tc.rel, c.Rel)
			assert.Equal(t, norm(tc.budget), text(c.Budget))
			assert.Equal(t, norm(tc.final), text(c.Final))
		})
	}
}

func TestTotals(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		head  string
		parts []string // nil: no total
	}{
		{"parts split by ； (seed line 39)", "本年支出合计157.60万元，其中：基本支出154.25万元，占97.87%；项目支出3.35万元，占2.13%。",
			"157.60万元", []string{"154.25万元", "3.35万元"}},
		{"a list split by 、 ends at the first ；", "市本级政府债务限额为101亿元，其中：一般债务36.5亿元、专项债务64.5亿元；县市区政府债务限额299.2亿元。",
			"101亿元", []string{"36.5亿元", "64.5亿元"}},
		{"a list split by ，ends at ；: expenditure is not a part of income", "基金收入139836 万元，其中，保险费收入 47922万元，财政补助收入 86104 万元；基金支出 132366 万元。",
			"139836 万元", []string{"47922万元", "86104 万元"}},
		{"a nested 其中 is not added twice", "本年支出合计674.35万元，其中：基本支出436.48万元，项目支出237.87万元，其中：专项业务费100.00万元，发展项目137.87万元。",
			"674.35万元", []string{"436.48万元", "237.87万元"}},
		{"a breakdown of a part is not a part: one part left", "新增债券额度461616万元，其中：新增债券331446万元，市本级留用90000万元，转贷县（市、区）241446万元。",
			"461616万元", []string{"331446万元"}},
		// the one part after 其中 in brackets is its figure's, and none outside
		{"brackets hold their own list", "发行额37.84亿元（其中：中央转贷0亿元），2025年地方政府一般债券发行额37.84亿元，还本额37.60亿元。",
			"37.84亿元", []string{"0亿元"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			if tc.parts == nil {
				assert.Empty(t, cs.Totals)
				return
			}
			require.Len(t, cs.Totals, 1)
			assert.Equal(t, norm(tc.head), text(cs.Totals[0].Head))
			assert.Equal(t, normAll(tc.parts), texts(cs.Totals[0].Parts))
		})
	}
}

// The readings of a list: every figure it may break down, and how many of
// its parts belong to it on every reading.
func TestTotalReadings(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		heads []string // Head first
		parts []string
		sure  int
	}{
		{"a completion's budget is another reading of the total, not the head",
			"全县一般公共预算收入完成86420万元，为年初预算85000万元的101.7%，其中：税收收入52130万元；非税收入34290万元。",
			[]string{"86420万元", "85000万元"}, []string{"52130万元", "34290万元"}, 2},
		{"a 决算 list is not the parts of the 预算 beside it",
			"“三公”经费财政拨款支出年初预算为 53.93 万元，支出决算为 37.35 万元，其中：因公出国（境）费决算为 0 万元；公务用车购置及运行维护费支出决算为 37.35 万元；公务接待费支出决算为 1.53 万元。",
			[]string{"37.35 万元"}, []string{"0 万元", "37.35 万元", "1.53 万元"}, 3},
		{"after ；the next segment may be another quantity",
			"年末人民币各项存款余额3120.50亿元，其中境内住户存款余额2410.36亿元，增长9.1%；人民币各项贷款余额2288.74亿元。",
			[]string{"3120.50亿元"}, []string{"2410.36亿元", "2288.74亿元"}, 1},
		{"each ；-segment names a kind of the first part's thing: all are parts",
			"全年农林牧渔业总产值186.52亿元，比上年增长3.6%。其中，种植业产值98.40亿元，增长3.1%；林业产值7.86亿元，增长5.2%；畜牧业产值61.35亿元，增长2.9%；渔业产值12.04亿元，增长4.4%；农林牧渔服务业产值6.87亿元，增长6.0%。",
			[]string{"186.52亿元"}, []string{"98.40亿元", "7.86亿元", "61.35亿元", "12.04亿元", "6.87亿元"}, 5},
		{"segments ending like the total that sums all of their kind are parts",
			"年末金融机构各项贷款余额1526.30亿元，比上年末增长8.4%。其中，住户贷款余额602.18亿元，增长3.2%；企（事）业单位贷款余额924.12亿元，增长12.1%。",
			[]string{"1526.30亿元"}, []string{"602.18亿元", "924.12亿元"}, 2},
		{"a segment naming another fund is the total's sibling",
			"全市一般公共预算收入152.40亿元，其中税收收入98.60亿元；政府性基金收入86.20亿元。",
			[]string{"152.40亿元"}, []string{"98.60亿元", "86.20亿元"}, 1},
		{"spending by purpose (民生支出) gathers the kinds before it: the run stops there",
			"全市一般公共预算支出总额612.30亿元，其中，教育支出120.40亿元；社会保障和就业支出88.10亿元；民生支出460.20亿元。",
			[]string{"612.30亿元"}, []string{"120.40亿元", "88.10亿元", "460.20亿元"}, 2},
		{"enterprises by ownership overlap",
			"规模以上工业企业实现利润总额35.92亿元，其中国有控股企业利润24.36亿元；股份制企业利润34.38亿元。",
			[]string{"35.92亿元"}, []string{"24.36亿元", "34.38亿元"}, 1},
		{"a bracket breaks down the figure before it",
			"公务用车购置及运行维护费2883万元（其中公务用车购置100万元，公务用车运行2783万元），比上年减少3万元。",
			[]string{"2883万元"}, []string{"100万元", "2783万元"}, 2},
		{"a bracket breaks down a count",
			"获得科技奖励12项（其中：一等奖3项、二等奖4项、三等奖5项）。",
			[]string{"12"}, []string{"3", "4", "5"}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Totals, 1)
			tot := cs.Totals[0]
			assert.Equal(t, normAll(tc.heads), texts(tot.Heads))
			assert.Equal(t, norm(tc.heads[0]), text(tot.Head))
			assert.Equal(t, normAll(tc.parts), texts(tot.Parts))
			assert.Equal(t, tc.sure, tot.Sure)
		})
	}
}

// Lists that are not sums: no total is read from them.
func TestNotTotals(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"per-capita incomes", "全体居民人均可支配收入35210元，增长5.8%，其中城镇居民人均可支配收入46380元；农村居民人均可支配收入22870元。"},
		{"其中 inside a clause", "财政部门对其中95个项目开展重点评价，对18个项目开展绩效评价。"},
		{"counts of overlapping categories in a statistical bulletin", "2025年某市国民经济和社会发展统计公报\n全市共有各类创新平台144家，其中省重点实验室6家、省技术创新中心32家、市技术创新中心19家。"},
		{"a change of a count is not the count", "新批境外投资项目31个，较上年减少4个，其中“一带一路”沿线项目14个，较上年减少5个。"},
		{"a loss among profits", "实现利润12.40亿元，其中国有控股企业亏损1.20亿元，私营企业实现利润9.60亿元，外商投资企业实现利润4.10亿元。"},
		{"a computed aggregate ends the list", "其中：市本级收入预算为205000万元，一般公共预算收入加预计转移性收入168000万元、调入资金21000万元。"},
		{"a list item whose line was cut is not an item", "社会保险基金收入合计1200.5亿元，利息收入70.1亿元。具体如下：\n保险基金50.3亿元，长期护理保险基金65.1亿元。\n居民基本医疗保险基金110.8亿元，机关事业单位基本养老\n1,735.4亿元，城乡居民基本养老保险基金82.2亿元。\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Empty(t, extract(t, tc.text).Totals)
		})
	}
}

// A part with its own 其中 inside the list: its sub-parts never join the
// outer total's parts.
func TestTotalsNestedSubPartsNotCounted(t *testing.T) {
	cs := extract(t, "本年支出合计674.35万元，其中：基本支出436.48万元，其中人员支出223.73万元，公用支出212.75万元；项目支出237.87万元。")
	for _, tot := range cs.Totals {
		if text(tot.Head) == "674.35万元" {
			assert.NotContains(t, texts(tot.Parts), "223.73万元")
			assert.NotContains(t, texts(tot.Parts), "212.75万元")
		}
	}
}

func TestCauses(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		dir    claims.Dir
		refDir claims.Dir
		empty  bool
	}{
		{"increase given for a decrease (seed line 33)", "2024年度收、支总计均为157.60万元。与2023年度相比，收、支总计各减少37.98万元，减少19.42%。主要变动原因是人员经费增加。", claims.DirUp, claims.DirDown, false},
		{"引起 after the predicate (seed line 47)", "一般公共预算财政拨款支出减少40.06万元，减少20.62%。主要变动原因是人员经费增加引起。", claims.DirUp, claims.DirDown, false},
		{"新增 inside a name is not the direction", "国有土地收益支出2.2亿元，减少3亿元，下降45.8%。主要原因是新增建设用地有偿使用费收入减少。", claims.DirDown, claims.DirDown, false},
		{"negated 新增 (yichuan)", "公务用车购置及运行维护费支出减少3.59万元，主要原因是2025年未新增公务用车。", claims.DirDown, claims.DirDown, false},
		{"a reduction after 持平", "机关运行经费与上年持平，主要原因是办公经费压减。", claims.DirDown, claims.DirFlat, false},
		{"several causes: no single direction", "参保人数下降0.2%，参保人数下降的主要原因：一是由于缴费标准提高为420元；二是转为参加职工医保。", claims.DirNone, claims.DirDown, false},
		{"an empty cause", "比上年增加5.00万元，增长10.00%。主要原因是。", claims.DirNone, claims.DirUp, true},
		{"决算数大于预算数 explained", "年初预算为 50.00 万元，支出决算为 60.50 万元，决算数大于预算数的主要原因：费用节省。", claims.DirDown, claims.DirUp, false},
		{"a shift from one thing to another goes both ways", "支出9.10亿元，增长104.3%，主要原因是减少安排对区级清算资金，相应增加市本级支出。", claims.DirNone, claims.DirUp, false},
		{"an unresolved alternative explains no direction", "支出增加（减少）12.30万元，增加（减少）的主要原因是业务量增加。", claims.DirUp, claims.DirNone, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			require.Len(t, cs.Causes, 1)
			c := cs.Causes[0]
			assert.Equal(t, tc.dir, c.Dir, "cause direction %v (%s)", c.Dir, c.DirWord)
			assert.Equal(t, tc.refDir, c.RefDir, "explained direction %v", c.RefDir)
			assert.Equal(t, tc.empty, c.Empty)
			assert.False(t, c.Cut)
		})
	}
}

// A cause at the end of a block that stops mid-sentence lost its text.
func TestCauseCut(t *testing.T) {
	cs := extract(t, "支出9.10亿元，增长104.3%，主要原因是减少安\n\n排部分对区级清算资金")
	require.NotEmpty(t, cs.Causes)
	assert.True(t, cs.Causes[0].Cut)
}

func TestItems(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		heading string
		current string // "" when no item
	}{
		{"heading vs 支出决算为 (shiquan)", "第一部分 2024年度部门决算情况说明\n“社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）”257.14 万元，主要用于：缴纳机关事业单位在职干部职业年金。年初预算为 274.82 万元，支出决算为 245.53 万元，完成年初预算的 93.57%。",
			"257.14 万元", "245.53 万元"},
		{"numbered item (yichuan line 15、)", "第一部分 2024年度部门决算情况说明\n15、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）269.85 万元，主要用于:机关事业单位职业年金缴费支出。年初预算为 285.33 万元，支出决算为 269.86 万元。",
			"269.85 万元", "269.86 万元"},
		{"budget report: heading vs 预算安排 (wanli 2024)", "2024年部门预算\n3. “社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”350.35万元，主要用于缴费。2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。",
			"350.35万元", "352.67万元"},
		{"an amount after the heading's clause is not a heading amount", "第一部分 2024年度部门决算情况说明\n1.行政单位离退休（项），年初预算为 60.65 万元，支出决算为 58.16 万元。", "", ""},
		{"an allocation is not the spending that follows", "第一部分 2024年度部门决算情况说明\n1.省级留用资金下达5200万元，实际支出2318.46万元，支出率为44.59%。", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			if tc.current == "" {
				assert.Empty(t, cs.Items)
				return
			}
			require.Len(t, cs.Items, 1)
			assert.Equal(t, norm(tc.heading), text(cs.Items[0].Heading))
			assert.Equal(t, norm(tc.current), text(cs.Items[0].Current))
		})
	}
}

func TestFacts(t *testing.T) {
	tests := []struct {
		name string
		text string
		year int
		kind claims.Kind
		unit string
	}{
		{"final report (seed)", "四川省攀枝花市西区区委编办\n2024年度部门决算\n第一部分 部门概况\n", 2024, claims.KindFinal, "部门"},
		{"budget report (jtjs)", "平潭综合实验区交通与建设局 2015年度部门预算\n一、2015年度收支预算\n", 2015, claims.KindBudget, "部门"},
		{"unit budget", "上海市普陀区社会福利院2024年单位预算\n一、主要职能\n", 2024, claims.KindBudget, "单位"},
		{"a name between year and kind (lancheng)", "2015年度平潭综合实验区岚城片区开发管理局决算说明\n一、主要职责\n", 2015, claims.KindFinal, ""},
		{"government execution report (baiqing)", "关于白青乡2014年预算执行情况和2015年预算草案的报告\n一般预算收入88.5万元。\n", 2014, claims.KindExec, ""},
		{"unknown stays unknown", "关于印发工作要点的通知\n一、总体要求\n本年收入合计100.00万元。\n", 0, claims.KindUnknown, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := extract(t, tc.text).Facts
			assert.Equal(t, tc.year, f.Year)
			assert.Equal(t, tc.kind, f.Kind)
			assert.Equal(t, tc.unit, f.Unit)
		})
	}
}

// Every excerpt in testdata yields figures and claims, and the seed report's
// facts are read from its title.
func TestExcerptFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "excerpts", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	files = append(files, filepath.Join("..", "..", "testdata", "seed", "sc-panzhihua-xiqu-bianban-2024-final.txt"))
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			cs := extract(t, string(data))
			assert.Greater(t, cs.FigureCount(), 0)
			assert.Greater(t, cs.ClaimCount(), 0)
			for _, f := range cs.Figures {
				if f.Unit.IsAmount() && f.Value.Decimals() == 0 && len(f.Value.String()) == 4 && strings.HasPrefix(f.Value.String(), "20") {
					assert.NotContains(t, f.Text, "年", "a year read as an amount: %q", f.Text)
				}
			}
		})
	}
	cs := extract(t, mustRead(t, files[len(files)-1]))
	assert.Equal(t, claims.Facts{Year: 2024, Kind: claims.KindFinal, Unit: "部门"}, cs.Facts)
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}

// A numbered item's figures leave the item number out of their subject
// (1.财政拨款收入 → key "财政拨款收入"), so a later sentence about the same
// subject finds its current value. (Regression: the change was skipped.)
func TestNumberedItemSubjectExcludesNumber(t *testing.T) {
	cs := extract(t, "具体情况如下：\n1.财政拨款收入675.26万元。财政拨款收入比上年增加10.00万元，增长1.50%。\n")
	assert.Equal(t, "财政拨款收入", fig(t, cs, "675.26万元", 0).Key)
	require.Len(t, cs.Changes, 1)
	assert.Equal(t, norm("675.26万元"), text(cs.Changes[0].Current))
}

// In "X减少的主要原因是…" the direction word belongs to the explained change,
// not to the cause. (Regression: the cause pattern swallowed it, and the
// contradiction went unreported.)
func TestCauseAfterDirectionWordBeforeDe(t *testing.T) {
	cs := extract(t, "公务用车购置及运行维护费支出减少的主要原因是公务用车运行费用增加。")
	require.Len(t, cs.Causes, 1)
	assert.Equal(t, claims.DirUp, cs.Causes[0].Dir)
	assert.Equal(t, claims.DirDown, cs.Causes[0].RefDir)
}

// A total named after the organisation (上海市普陀区生态环境局2025年度收入支出总计)
// is the current value of "收入支出总计增加90.09万元" in the next sentence.
// (Regression: it was not found, and the change's rate went unchecked.)
func TestChangeCurrentBehindOrganisationName(t *testing.T) {
	cs := extract(t, sthjPage)
	require.NotEmpty(t, cs.Changes)
	assert.Equal(t, "4733.14万元", text(cs.Changes[0].Current))
}

// TestInYearBudgetComparison: 较预算数 and 比年初预算 compare with this
// year's budget, so last year's budget stated elsewhere is no base of
// theirs; 比上年预算数 names last year's.
func TestInYearBudgetComparison(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		bases int
	}{
		{"较预算数", "2023年全市一般公共预算收入年初预算150.00亿元。\n2024年全市一般公共预算收入完成148.00亿元，较预算数减少2.00亿元。", 0},
		{"比年初预算", "2023年全市一般公共预算收入年初预算150.00亿元。\n2024年全市一般公共预算收入完成148.00亿元，比年初预算减少2.00亿元。", 0},
		{"比上年预算数", "2023年全市一般公共预算收入年初预算150.00亿元。\n2024年全市一般公共预算收入完成148.00亿元，比上年预算数减少2.00亿元。", 1},
	} {
		cs := extract(t, tc.text)
		require.Len(t, cs.Changes, 1, tc.name)
		assert.Len(t, cs.Changes[0].Bases, tc.bases, tc.name)
	}
}

func TestChangeSums(t *testing.T) {
	for _, tc := range []struct {
		name   string
		text   string
		parts  int
		closed bool
	}{
		{"the four parts of the “三公” funds", "与2023年决算相比，省本级“三公”经费减少2761万元，其中，因公出国（境）费减少167万元，公务用车购置费减少1105万元，公务用车运行维护费减少949万元，公务接待费减少540万元。", 4, true},
		{"the list in the next sentence", "与2019年决算相比，省本级“三公”经费支出减少9923万元。其中：因公出国（境）支出减少2317万元；公务用车购置费支出减少1107万元；公务用车运行维护支出减少3716万元；公务接待费支出减少2782万元。", 4, true},
		{"three of the four “三公” parts: 公务用车购置 left out", "“三公”经费38320万元，比上年预算数减少10万元。其中，因公出国（境）费预算安排6497万元、减少2万元，公务用车购置费预算安排3851万元，公务用车运行维护费预算安排17279万元、减少3万元，公务接待费预算安排10693万元、减少5万元。", 3, false},
		{"main parts only", "全市一般公共预算支出比上年增加15.20亿元，其中：教育支出增加6.10亿元，卫生健康支出增加4.30亿元。", 2, false},
		{"a part changed by a rate alone", "一般公共预算收入增收5.2亿元，增长8.6%，其中：税收收入增长9.4%，非税收入增长7.5%。", 0, false},
		{"the list ends with its sentence", "“三公”经费减少3974万元，下降31.7%。其中：因公出国（境）费减少1320万元，下降57%。公务接待费减少20万元。", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := extract(t, tc.text)
			if tc.parts == 0 {
				assert.Empty(t, cs.Sums)
				return
			}
			require.Len(t, cs.Sums, 1)
			assert.Len(t, cs.Sums[0].Parts, tc.parts)
			assert.Equal(t, tc.closed, cs.Sums[0].Closed)
		})
	}
}

// TestCompletionNearAdjusted: a rate whose sentence states no budget takes
// the one budget of the sentence before of its side and basis (adjusted for
// 调整预算, not adjusted for 年初预算), of the same fund and level.
func TestCompletionNearAdjusted(t *testing.T) {
	for _, tc := range []struct{ name, text, near string }{
		{"the sentence before adjusts the spending", "当年收入加上级补助、调入资金等，全年支出预算调整为812.46亿元。实际支出768.33亿元，下降2.9%，完成调整预算的94.6%。", "812.46亿元"},
		{"调整后的支出预算", "执行中根据新增政府债券等情况进行了调整，调整后的支出预算为42.18亿元，比年初预算增加3.02亿元。实际完成38.77亿元，为调整预算的91.9%。", "42.18亿元"},
		{"the other side is not its budget", "全市一般公共预算收入调整为156.30亿元。一般公共预算支出实际完成301.25亿元，为调整预算的95.2%。", "<none>"},
		{"two adjusted budgets: neither", "一般公共预算收入调整为56.05亿元，支出调整为140.27亿元。实际完成55.65亿元，为调整预算的99.3%。", "<none>"},
		{"not against the adjusted budget", "全年支出预算调整为812.46亿元。实际支出768.33亿元，完成年初预算的101.2%。", "<none>"},
		{"both sides adjusted: the final's side picks", "经汇总，全市一般公共预算收入调整为118.42亿元，一般公共预算支出变动预算数为265.30亿元。全市一般公共预算收入完成116.87亿元，为调整预算的98.7%。", "118.42亿元"},
		{"both sides approved: 年初 takes the final's side", "各级人代会批准的全市国有资本经营收入预算为512万元，支出预算为486万元。实际完成支出431万元，为年初预算的88.7%。", "486万元"},
		{"年初 never takes an adjusted budget", "全市社会保险基金收入预算为96.4亿元，支出预算调整为90.2亿元。实际完成支出88.1亿元，为年初预算的97.7%。", "<none>"},
		{"an unnamed basis takes either kind", "全市政府性基金收入预算为52.6亿元，支出预算为71.3亿元。实际完成收入49.8亿元，为预算的94.7%。", "52.6亿元"},
		{"another level is not its budget", "市本级一般公共预算收入调整为41.20亿元。全市一般公共预算收入完成118.64亿元，为调整预算的100.4%。", "<none>"},
		{"the paragraph before closes on it", "经市人大常委会批准，市本级一般公共预算收入调整为46.30亿元，一般公共预算支出调整为118.64亿元。\n\n2025年市本级一般公共预算收入完成45.92亿元，为调整预算的99.18%，下降3.2%。", "46.30亿元"},
		{"only the paragraph's opening sentence looks back", "全市一般公共预算收入调整为46.30亿元。\n\n税收收入完成30.12亿元，增长1.5%。全市一般公共预算收入完成45.92亿元，为调整预算的99.18%。", "<none>"},
		{"another fund is not its budget", "政府性基金收入预算为36.5亿元。一般公共预算收入完成38.2亿元，为年初预算的104.7%。", "<none>"},
	} {
		cs := extract(t, tc.text)
		require.Len(t, cs.Completions, 1, tc.name)
		assert.Equal(t, norm(tc.near), text(cs.Completions[0].Near), tc.name)
	}
}

// TestBareSide: a bare 支出 (or 收入) after a fund's other side is that
// fund's, in its sentence or opening the next one of the paragraph.
func TestBareSide(t *testing.T) {
	for _, tc := range []struct{ name, text, lit, key string }{
		{"in the sentence", "失业保险基金收入完成1.12亿元，为预算的109.3%；支出完成1.05亿元，为预算的106.6%。", "1.05亿元", "失业保险基金支出"},
		{"the next sentence", "全市一般公共预算收入完成148.21亿元，同比下降6.08%。其中，税收收入完成102.56亿元，同比增长5.15%。非税收入完成45.65亿元，同比下降24.26%。支出完成300.55亿元，同比增长7.44%。", "300.55亿元", "全市一般公共预算支出"},
		{"a breakdown's part names no fund", "其中，税收收入完成102.56亿元，同比增长5.15%。支出完成300.55亿元，同比增长7.44%。", "300.55亿元", "!税收支出"},
	} {
		f := fig(t, extract(t, tc.text), tc.lit, 0)
		if k, ok := strings.CutPrefix(tc.key, "!"); ok {
			assert.NotEqual(t, k, f.Key, tc.name)
			continue
		}
		assert.Equal(t, tc.key, f.Key, tc.name)
	}
}

// TestSplitDigits: an amount right after a number and a space is the tail
// of one figure that text from a PDF broke apart (1673.7 5亿元), not an
// amount of its own.
func TestSplitDigits(t *testing.T) {
	cs := extract(t, "2025年省本级一般公共预算支出预算数为 1564.19 亿元，执行数为 1673.7 5亿元，完成预算数的 107%。")
	assert.Equal(t, []string{"1564.19亿元"}, amounts(cs))
	require.Len(t, cs.Completions, 1)
	assert.Nil(t, cs.Completions[0].Final, "no outturn is read from the broken figure")
}

// TestBlockStartsInsideBrackets: a block whose first bracket closes without
// opening began inside one (its opening lost to a break), so the figures
// before it are a remark, not the value the change that follows is of.
func TestBlockStartsInsideBrackets(t *testing.T) {
	cs := extract(t, "支出452.2亿元，占比33%；项目支出920亿元，占比67%），比上年减少31.7亿元，下降2.3%。其中：一般公共预算拨款790.7亿元。")
	assert.True(t, fig(t, cs, "920亿元", 0).Paren)
	assert.False(t, fig(t, cs, "790.7亿元", 0).Paren)
	require.NotEmpty(t, cs.Changes)
	assert.Nil(t, cs.Changes[0].Current, "the change's own value was in the part cut off")
}
