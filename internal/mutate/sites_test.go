package mutate

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

func excerptView(t *testing.T) *View {
	t.Helper()
	d, err := parser.Open(filepath.Join("testdata", "exec-report.txt"), parser.DefaultLimits)
	require.NoError(t, err)
	return NewView(d)
}

// site is what a test expects of one planted error: the operator, the
// text replaced and the verdict.
type site struct {
	op, old   string
	checkable bool
	why       string
}

func TestSitesOnAnExecutionReport(t *testing.T) {
	v := excerptView(t)
	require.Equal(t, "execution", v.Kind)
	got := map[site]bool{}
	for op, ss := range Sites(v, rand.New(rand.NewPCG(7, 7))) {
		for _, s := range ss {
			require.Equal(t, s.Old, s.Para.Raw[s.At:s.At+len(s.Old)], "a site's old text is the paragraph's")
			require.Len(t, s.New, len(s.Old), "a planted change keeps the characters count")
			got[site{op, string(s.Old), s.Checkable, s.Why}] = true
		}
	}
	for _, want := range []site{
		{"share", "73.50", true, "sentence: whole before the part"},
		{"share", "26.50", true, "sentence: whole before the part"},
		// with this seed the total moves down and the parts up: they exceed it
		{"total", "150.20", true, "sentence: the parts (adding up to the total) now exceed it"},
		{"part", "110.40", true, "sentence: the parts (adding up to the total) now exceed it"},
		// 非税收入 moves down: 税收收入 + 非税收入 is the whole, so the sum falls short
		{"part", "39.80", true, "sentence: the parts of a complete decomposition now fall short of the total"},
		// 其他支出 moves down: a 其中 list may leave parts out
		{"part", "19.00", false, "the parts now fall short of the total: a 其中 list may leave parts out"},
		{"growth-rate", "3.99", true, "sentence: level and change amount"},
		{"direction-amount", "增支", true, "sentence: change stated as amount and rate"},
		{"direction-rate", "增长", true, "sentence: change stated as amount and rate"},
		{"completion-rate", "90.50", true, "sentence: budget and actual amounts"},
		// last year's fund revenue is printed nowhere
		{"growth-rate", "5.1", false, "prior-year figure not stated"},
		{"direction-rate", "下降", false, "prior-year figure not stated"},
		{"comparison-word", "小于", true, "sentence: both amounts"},
		// a whole and its parts, each with its rate: last year's parts add up
		{"growth-rate", "10.0", true, "list: the whole and its parts print amounts and growth rates"},
		{"growth-rate", "5.0", true, "list: the whole and its parts print amounts and growth rates"},
		{"direction-rate", "下降", true, "list: the whole and its parts print amounts and growth rates"},
	} {
		require.True(t, got[want], "missing %+v in %+v", want, got)
	}
	for s := range got {
		require.NotEqual(t, "7,623", s.old, "占地 is an area, not a share")
		require.NotEqual(t, "2.07", s.old, "个百分点 is a difference of rates")
	}
}

func TestWholeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"一般公共预算支出的", "一般公共预算支出"},
		{"全市一般公共预算支出的比重保持在", "全市一般公共预算支出"},
		{"比达", ""},
		{"", ""},
		{"区域面积", "区域面积"},
	} {
		require.Equal(t, tc.want, wholeName(tc.in), tc.in)
	}
}

func TestKindOf(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"2025年某市国民经济和社会发展统计公报", "bulletin"},
		{"关于2025年预算执行情况和2026年预算草案的报告", "execution"},
		{"2024年全省财政决算报告", "final"},
		{"2025年地方政府债务限额及余额情况", "debt"},
		{"2026年市级预算公开说明", "budget"},
		{"政府工作报告", "other"},
		// the title comes first: later words do not change the kind
		{"关于2025年预算执行情况的报告\n全市国民经济和社会发展稳中有进", "execution"},
	} {
		d := parserText(t, tc.title+"\n")
		require.Equal(t, tc.want, NewView(d).Kind, tc.title)
	}
}

func parserText(t *testing.T, s string) *doc.Document {
	t.Helper()
	d, err := parser.Parse("x.txt", doc.FormatText, []byte(s))
	require.NoError(t, err)
	return d
}

func FuzzSites(f *testing.F) {
	f.Add("全市一般公共预算收入150.20亿元，其中：税收收入110.40亿元，占73.50%；比上年增收1,799万元，增长8.6%。")
	f.Add("决算数2.10亿元小于预算数2.50亿元，完成年初预算3亿元的70%。")
	f.Add("占\n比 １２．３％ 增长")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parser.Parse("x.txt", doc.FormatText, []byte(s))
		if err != nil {
			return
		}
		for _, ss := range Sites(NewView(d), rand.New(rand.NewPCG(1, 1))) {
			for _, st := range ss {
				require.Equal(t, string(st.Old), string(st.Para.Raw[st.At:st.At+len(st.Old)]))
				require.Len(t, st.New, len(st.Old))
				require.NotEqual(t, string(st.Old), string(st.New))
			}
		}
	})
}

func TestDirectionEvidence(t *testing.T) {
	for _, tc := range []struct {
		name, text, word string
		checkable        bool
		why              string
	}{
		{"amount then rate", "全年粮食总产量36.05万吨，比上年增加1.83万吨，增长5.3%。", "增加", true, "sentence: change stated as amount and rate"},
		{"rate then amount", "全市一般公共预算收入120.00亿元，增长5.0%，增加5.71亿元。", "增加", true, "sentence: change stated as amount and rate"},
		{"a level alone", "全市一般公共预算收入120.00亿元，增长5.0%。", "增长", false, "prior-year figure not stated"},
		// the rate belongs to the subject before the cause, the next rate to the next subject
		{"across a cause", "农林水支出执行78.67亿元，下降10.94%，主要是结转资金较上年减少9.1亿元导致支出下降；交通运输支出执行23.12亿元，下降16.7%。", "减少", false, "prior-year figure not stated"},
		{"the one cause", "一般公共预算支出80.00亿元，比上年下降3.1%，主要原因是债务还本支出减少2.50亿元。", "减少", true, "sentence: the one cause of a change stated before it"},
		{"one of several causes", "一般公共预算支出80.00亿元，比上年下降3.1%，主要原因是债务还本支出减少2.50亿元、教育支出增加0.40亿元。", "减少", false, "prior-year figure not stated"},
		{"last year's amount", "一般公共预算收入120.00亿元，上年完成110.00亿元，增长9.1%。", "增长", true, "sentence: prior-year amount"},
		// a balance carried over from last year is not last year's revenue
		{"a balance carried over", "政府性基金预算收入完成30.63亿元，同比下降3.3%，加上级补助收入24.66亿元、上年结余7.75亿元。", "下降", false, "prior-year figure not stated"},
		{"comparable basis", "一般公共预算收入38.9亿元，同口径增长7.3%。", "增长", false, "rate on a comparable basis (可比/同口径/不变价/剔除 in its paragraph): its base is not printed"},
		// a template's zero change: no word can be wrong about it
		{"a change of zero", "公务接待费支出决算比2023年度增加0万元，增长0%。", "增加", false, "a change of zero has no direction"},
		// the rate after the second change amount is that change's, not the first's
		{"another change's rate", "“三公”经费支出为4.2亿元，较预算数减少0.81亿元，较上年减少0.17亿元、下降3.9%。", "减少", false, "prior-year figure not stated"},
		// rates given 分别 are the rates of the subjects named with them
		{"other subjects' rates", "城乡居民基础养老金最低标准每月提高15元，企业和机关事业单位退休人员养老金分别增长2.8%、2.1%。", "提高", false, "prior-year figure not stated"},
		{"a rate on a comparable basis", "“三公”经费预算2650万元，比上年预算减少310万元，同口径下降8.45%。", "减少", false, "rate on a comparable basis (可比/同口径/不变价/剔除 in its paragraph): its base is not printed"},
		{"its own rate after another change", "“三公”经费支出为4.2亿元，较预算数减少0.81亿元、下降16.2%，较上年增加0.17亿元。", "增加", false, "prior-year figure not stated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(parserText(t, tc.text+"\n"))
			got := sitesOf(v, tc.word, "direction-amount", "direction-rate")
			require.NotEmpty(t, got, "no site for %s", tc.word)
			require.Equal(t, tc.checkable, got[0].Checkable, got[0].Why)
			require.Equal(t, tc.why, got[0].Why)
		})
	}
}

func TestSumEvidence(t *testing.T) {
	v := NewView(parserText(t, "全市一般公共预算收入150.20亿元，其中：税收收入110.40亿元，非税收入39.80亿元。全市支出63.00亿元，其中：城乡社区支出44.00亿元，其他支出19.00亿元。\n"))
	require.Len(t, v.lists, 2)
	far := NewView(parserText(t, "市级预算单位对55个新增项目开展事前绩效评估；对所有项目编制绩效目标，其中重点项目120个、一般项目300个。\n"))
	require.Empty(t, far.lists, "其中 after a ； belongs to that clause's subject, not to an amount before")
	sides := NewView(parserText(t, "2020年全市社会保险基金预算收入204.6亿元，其中财政补助收入52.3亿元；全市社会保险基金预算支出183.9亿元，预计当年结余20.7亿元。\n"))
	require.Len(t, sides.lists, 1)
	require.Len(t, sides.lists[0].parts, 1, "the spending after a revenue's 其中 is not one of its parts")
	complete, partial := v.lists[0], v.lists[1]
	require.Equal(t, 2, complete.exhaustive)
	require.True(t, complete.complete())
	require.False(t, partial.complete())
	iv := func(s string) num.Interval { return num.MustDecimal(s).Interval() }
	for _, tc := range []struct {
		l         *list
		sum, tot  string
		checkable bool
	}{
		{complete, "150.21", "150.20", false}, // within rounding
		{complete, "160.20", "150.20", true},  // exceeds
		{complete, "140.20", "150.20", true},  // falls short of a complete decomposition
		{partial, "53.00", "63.00", false},    // falls short: another part may be left out
		{partial, "73.00", "63.00", true},
	} {
		ok, why := tc.l.sumEvidence(iv(tc.sum), iv(tc.tot))
		require.Equal(t, tc.checkable, ok, "%s vs %s: %s", tc.sum, tc.tot, why)
	}
}

// A share in a run of items naming no whole is checkable against the lead
// paragraph's total even when the lead ends with a full stop, not a colon;
// a run of two is not a list whose lead can be trusted.
func TestShareEvidenceUnnamedRun(t *testing.T) {
	run := "市本级财力共需筹集182亿元安排各类支出。\n——教育方面23.6亿元，占13%。\n——文化体育方面5.2亿元，占2.9%。\n——医疗卫生方面14.1亿元，占7.7%。\n"
	short := "市本级财力共需筹集182亿元安排各类支出。\n——教育方面23.6亿元，占13%。\n——医疗卫生方面14.1亿元，占7.7%。\n"
	for _, tc := range []struct {
		name, text string
		checkable  bool
		why        string
	}{
		{"three items", run, true, "list lead: whole before a run of shares naming none"},
		{"two items", short, false, "whole not stated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(parserText(t, tc.text))
			sites := sitesOf(v, "7.7", "share")
			require.NotEmpty(t, sites)
			got := sites[len(sites)-1]
			require.Equal(t, tc.checkable, got.Checkable, got.Why)
			require.Equal(t, tc.why, got.Why)
		})
	}
}

// Value added grows at constant prices: the whole's rate is a weighted
// mean of its parts', so a planted rate is checkable only when it moves the
// whole's rate out of the parts' range.
func TestMixEvidenceOfValueAdded(t *testing.T) {
	const head = "2025年某市国民经济和社会发展统计公报\n"
	gdp := head + "全年全市地区生产总值2816.42亿元，比上年增长5.6%。其中，第一产业增加值301.27亿元，增长3.8%；第二产业增加值1012.60亿元，增长5.1%；第三产业增加值1502.55亿元，增长6.3%。\n"
	// farm output grows at comparable prices though the text does not say so
	farm := head + "全年全市农林牧渔业总产值158.40亿元，比上年增长4.7%。其中，农业产值80.12亿元，增长4.1%；林业产值0.96亿元，增长9.8%；牧业产值60.05亿元，增长5.4%；渔业产值9.27亿元，增长3.2%；农林牧渔专业及辅助性活动产值8.00亿元，增长6.0%。\n"
	dec := func(s string) num.Decimal {
		d, ok := num.ParseDecimal(s)
		require.True(t, ok)
		return d
	}
	for _, tc := range []struct {
		name      string
		text      string
		rate      string
		planted   string
		flip      bool
		checkable bool
	}{
		{"the whole's rate moved within its parts'", gdp, "5.6", "5.0", false, false},
		{"the whole's rate moved above its parts'", gdp, "5.6", "6.9", false, true},
		{"the largest part's rate moved below the whole's", gdp, "6.3", "5.2", false, true},
		{"a part's rate flipped widens the range", gdp, "3.8", "3.8", true, false},
		{"farm output: a branch's rate moved within the range", farm, "5.4", "2.4", false, false},
		{"farm output: the whole's rate moved above every branch's", farm, "4.7", "10.7", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(parserText(t, tc.text))
			rates := map[string]*Figure{}
			for _, p := range v.Paras {
				for _, s := range p.Sentences {
					for _, g := range s.Groups {
						for _, r := range g.Rates {
							rates[r.Value.String()] = r
						}
					}
				}
			}
			r := rates[tc.rate]
			require.NotNil(t, r, tc.rate)
			ok, why, found := v.mixEvidence(r, dec(tc.planted), tc.flip)
			require.True(t, found)
			require.Equal(t, tc.checkable, ok, why)
		})
	}
}

// A list of levels of government binds its rates when they fit; the
// linter says nothing when they do not, so no planted rate there counts.
func TestMixEvidenceOfLevels(t *testing.T) {
	text := "2024年，全区政府性基金收入完成96.4亿元，为预算的98.2%，增长8.6%。其中:区本级政府性基金收入完成25亿元，下降4%;市县级政府性基金收入71.4亿元，为预算的92.3%，增长13.9%。\n"
	v := NewView(parserText(t, text))
	var rate *Figure
	for _, p := range v.Paras {
		for _, s := range p.Sentences {
			for _, g := range s.Groups {
				for _, r := range g.Rates {
					if r.Value.String() == "13.9" {
						rate = r
					}
				}
			}
		}
	}
	require.NotNil(t, rate)
	planted, ok := num.ParseDecimal("3.9")
	require.True(t, ok)
	checkable, why, found := v.mixEvidence(rate, planted, false)
	require.True(t, found)
	require.False(t, checkable, why)
	require.Contains(t, why, "levels of government")
}

// A list naming every member of a complete decomposition leaves nothing
// out: the four incomes are all of a disposable income per head.
func TestCompleteLists(t *testing.T) {
	v := NewView(parserText(t, "2025年某市国民经济和社会发展统计公报\n"+
		"全年城镇居民人均可支配收入48597元，比上年增长5.4%。其中，工资性收入30182元，增长5.9%；经营净收入5320元，增长3.3%；财产净收入3989元，下降1.5%；转移净收入9106元，增长8.4%。\n"+
		"全年城镇居民人均消费支出30150元，其中食品烟酒支出9020元，居住支出7110元。\n"))
	require.Len(t, v.lists, 1, "two kinds of spending per head among eight are no parts of the average")
	require.True(t, v.lists[0].complete(), "the four incomes")
}

// Lists a reader does not add up: averages of groups, a bulletin's counts
// of institutions; a 其中 in brackets lists its bracket's figure only; a
// set's members beside another part are not all of the total.
func TestListsThatDoNotAddUp(t *testing.T) {
	bulletin := NewView(parserText(t, "2025年某市国民经济和社会发展统计公报\n"+
		"全年全体居民人均可支配收入72418元，比上年增长4.6%，其中城镇居民人均可支配收入83975元，增长4.3%；农村居民人均可支配收入41652元，增长6.1%。\n"+
		"年末有检验检测机构67家，其中国家产品质量监督检验中心1家，法定计量检定机构5家，特种设备生产单位67家。\n"))
	require.Empty(t, bulletin.lists)
	v := NewView(parserText(t, "专项债务还本支出84.6亿元（其中拟通过再融资债券安排78.6亿元、政府性基金预算安排6亿元），利息支出112.7亿元。"+
		"全省共举借政府债务5824.37亿元，其中：新增债券4906.52亿元，再融资债券915.6亿元，政府外债2.25亿元。\n"))
	require.Len(t, v.lists, 2)
	for _, l := range v.lists {
		for _, f := range l.parts {
			require.NotEqual(t, "112.7", f.Value.String(), "the interest after the bracket is no part")
		}
	}
	require.Equal(t, 3, v.lists[1].exhaustive)
	require.False(t, v.lists[1].complete(), "新增债券 and 再融资债券 beside 政府外债")
}

// A table row checks a direction word only when it prints what the change
// was worked out from: last year's figure (the level ∓ the printed amount,
// or a growth of the printed rate, on the printed side) or the change
// itself. A row holding the level beside its parts or its budget does not.
func TestRowConfirms(t *testing.T) {
	amount := "一般公共预算拨款支出预算41,286.35万元，比2024年预算增加26,317.92万元。\n"
	rate := "一般公共预算支出完成193.3亿元，占预算的89.2%，增长3.1%。\n"
	for _, tc := range []struct {
		name, text, word string
		row              []string
		checkable        bool
	}{
		{"the level beside its parts, in 元", amount, "增加", []string{"412863482", "21574382", "391289100"}, false},
		{"last year's figure", amount, "增加", []string{"41286.35", "14968.43", "0"}, true},
		{"the change printed", amount, "增加", []string{"41286.35", "26317.92", "100"}, true},
		{"a figure on the other side", amount, "增加", []string{"41286.35", "67604.27", "0"}, false},
		{"last year's figure giving the rate", rate, "增长", []string{"193.3", "216.7", "187.5"}, true},
		{"the budget only", rate, "增长", []string{"193.3", "216.7", "150.0"}, false},
		{"the rate printed", rate, "增长", []string{"216.7", "193.3", "3.1%"}, true},
		{"a fall printed signed, no level in the sentence", "其中，公务用车运行维护费减少 949 万元。\n", "减少", []string{"23820", "22871", "-949"}, true},
		{"a fall of another size", "其中，公务用车运行维护费减少 949 万元。\n", "减少", []string{"23820", "22871", "-1105"}, false},
		{"a rise printed unsigned proves nothing", "其中，公务用车购置费增加 677 万元。\n", "增加", []string{"1401", "2508", "677"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := viewWithRow(t, tc.text, tc.row)
			sites := sitesOf(v, tc.word, "direction-amount", "direction-rate")
			require.NotEmpty(t, sites)
			got := sites[len(sites)-1]
			require.Equal(t, tc.checkable, got.Checkable, got.Why)
		})
	}
}

// A completion rate against the adjusted budget is not recomputed from the
// initial one printed beside it (nor the reverse): the two differ when the
// budget was adjusted in the year.
func TestCompletionBasis(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		checkable  bool
		why        string
	}{
		{"another basis", "全市一般公共预算支出年初预算699088万元，完成812433万元，为调整预算的116.2%。\n", false, "budget not stated"},
		{"the same basis", "全市一般公共预算支出调整预算699088万元，完成812433万元，为调整预算的116.2%。\n", true, "sentence: budget and actual amounts"},
		{"no basis named", "全市一般公共预算支出预算699088万元，完成812433万元，为预算的116.2%。\n", true, "sentence: budget and actual amounts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(parserText(t, tc.text))
			sites := operators["completion-rate"].find(v, rand.New(rand.NewPCG(1, 1)))
			require.Len(t, sites, 1)
			require.Equal(t, tc.checkable, sites[0].Checkable, sites[0].Why)
			require.Equal(t, tc.why, sites[0].Why)
		})
	}
}

// A list's total or part standing in a table row counts as checkable
// without a recomputation only when it is precise enough not to meet a
// cell of another row by chance, and not a bound.
func TestTableRowEvidence(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		row        []string
		checkable  bool
		why        string
	}{
		{"a precise total", "支出预算17,192万元，其中：财政拨款支出预算15,000万元，比2024年预算减少990万元。\n",
			[]string{"171920000", "150000000", "21920000"}, true, "table: the total stands in a table row"},
		{"a count of three digits", "共支持131个县，其中纳入整合范围的46个县。\n",
			[]string{"126", "131", "131"}, false, "list not exhaustive, and no share, change or table row for the total"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := viewWithRow(t, tc.text, tc.row)
			sites := operators["total"].find(v, rand.New(rand.NewPCG(1, 1)))
			require.Len(t, sites, 1)
			require.Equal(t, tc.checkable, sites[0].Checkable, sites[0].Why)
			require.Equal(t, tc.why, sites[0].Why)
		})
	}
	// bounds are no list's total nor part
	v := NewView(parserText(t, "全年争取上级资金超520亿元，其中新增地方政府债券272.2亿元。专用设备818台/套（其中：单价100万元以上专用设备0台/套）。\n"))
	for _, l := range v.lists {
		require.NotEqual(t, "520", l.total.Value.String())
		for _, f := range l.parts {
			require.NotEqual(t, "100", f.Value.String())
		}
	}
}

// A part's share must be its own: a 占 in an earlier clause, with no figure
// (占比近七成), does not make the next clause's rate a share.
func TestPartShareInItsOwnClause(t *testing.T) {
	v := NewView(parserText(t, "一般公共预算支出512.46亿元，增长3.86%。其中，民生类支出352.8亿元，占比近七成，科技支出增约18.47%，教育支出增约6.12%。\n"))
	sites := operators["part"].find(v, rand.New(rand.NewPCG(1, 1)))
	require.Len(t, sites, 1)
	require.NotEqual(t, "sentence: the part's share is printed", sites[0].Why)
	require.False(t, sites[0].Checkable, sites[0].Why)
}

// A PDF font's private-use decimal point is read as the point it shows,
// and a full stop printed as a point after a sign or a word ends its
// sentence: the total is 1836.2, not 2, and the list ends at the point.
func TestPrivateUseDecimalPoint(t *testing.T) {
	v := NewView(parserText(t, "全市社会保险基金预算收入１８３６\U001001B0２亿元,完成预算９８\U001001B0１％,比上年增长１\U001001B0４％.其中,保险费收入１３０２\U001001B0４亿元、财政补贴３９８亿元、利息收入１５\U001001B0６亿元.全市社会保险基金预算支出１７９５\U001001B0８亿元.\n"))
	require.Len(t, v.lists, 1)
	l := v.lists[0]
	require.Equal(t, "1836.2", l.total.Value.String())
	require.Len(t, l.parts, 3)
	require.Equal(t, 0, l.exhaustive, "1302.4 + 398 + 15.6 falls short of 1836.2: a 其中 list may leave parts out")
	sites := operators["total"].find(v, rand.New(rand.NewPCG(1, 1)))
	require.Len(t, sites, 1)
	require.Equal(t, "１８３６\U001001B0２", string(sites[0].Old), "the planted number is the whole figure as written")
}

// A sentence holds one list per ；-clause that opens one with 其中; the
// first ends at the ； before the second's clause.
func TestListsPerClause(t *testing.T) {
	v := NewView(parserText(t, "全年偿还地方政府债券本金318亿元，其中一般债券140.5亿元，专项债券177.5亿元；支付债券利息96.4亿元，其中一般债券21.3亿元，专项债券75.1亿元。\n"))
	require.Len(t, v.lists, 2)
	require.Equal(t, "318", v.lists[0].total.Value.String())
	require.Len(t, v.lists[0].parts, 2)
	require.Equal(t, "96.4", v.lists[1].total.Value.String())
	require.Equal(t, 2, v.lists[1].exhaustive)
}

// A figure in brackets is a remark, not a list's total nor part.
func TestListsSkipBrackets(t *testing.T) {
	v := NewView(parserText(t, "县级政府债务余额184.62亿元（含经开区40.15亿元），其中：一般债务余额52.30亿元（含经开区6.12亿元），专项债务余额132.32亿元（含经开区34.03亿元）。\n"))
	require.Len(t, v.lists, 1)
	l := v.lists[0]
	require.Equal(t, "184.62", l.total.Value.String())
	require.Len(t, l.parts, 2)
	require.Equal(t, 2, l.exhaustive)
}

// A figure broken down in brackets: after 其中, or naming every member of
// a complete decomposition; other brackets list no parts.
func TestBracketLists(t *testing.T) {
	v := NewView(parserText(t, "转贷市县支出2615.40亿元（一般债券210.15亿元、专项债券2405.25亿元）。政府性基金预算收入154,600万元（其中：国有土地使用权出让收入128,300万元）。全市民生支出96.32亿元（2024年90.15亿元、2023年85.74亿元）。\n"))
	require.Len(t, v.lists, 2)
	require.Equal(t, "2615.40", v.lists[0].total.Value.String())
	require.Equal(t, 2, v.lists[0].exhaustive)
	require.True(t, v.lists[0].complete())
	require.Equal(t, "154600", strings.ReplaceAll(v.lists[1].total.Value.String(), ",", ""))
	require.Len(t, v.lists[1].parts, 1)
}

// viewWithRow is the view of text with one table row of the given cells, as
// if the report's tables held it.
func viewWithRow(t *testing.T, text string, cells []string) *View {
	v := NewView(parserText(t, text))
	row := make([]cellFigure, 0, len(cells))
	for _, c := range cells {
		pct := strings.HasSuffix(c, "%") // a rate printed in the row
		row = append(row, cellFigure{num.MustDecimal(strings.TrimSuffix(c, "%")), pct})
	}
	v.rows = [][]cellFigure{row}
	return v
}

// sitesOf are the sites the operators find in v whose old text is old, in
// the order found.
func sitesOf(v *View, old string, ops ...string) []*Site {
	var out []*Site
	for _, op := range ops {
		for _, s := range operators[op].find(v, rand.New(rand.NewPCG(1, 1))) {
			if string(s.Old) == old {
				out = append(out, s)
			}
		}
	}
	return out
}
