package checks

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// lint checks text with the default pack, keeping only the findings of rule id.
func lint(t *testing.T, text, id string) []Finding {
	t.Helper()
	set, err := rules.Default()
	require.NoError(t, err)
	require.NotNil(t, set.Lookup(id), "rule %s", id)
	for _, r := range set.Rules {
		require.NoError(t, set.SetEnabled(r.ID, r.ID == id))
	}
	eng, err := New(set)
	require.NoError(t, err)
	d, err := parser.Parse("t.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	fs, _ := eng.Run(d)
	return fs
}

func excerpt(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "excerpts", name))
	require.NoError(t, err)
	return string(b)
}

// a department-report preamble so that year rules know the report's year and kind
const final2024 = "第一部分 2024年度部门决算情况说明\n"

type narrativeCase struct {
	name  string
	text  string
	want  int    // findings of the rule
	claim string // a finding's claim must contain this, when set
}

func runCases(t *testing.T, id string, cases []narrativeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := lint(t, tc.text, id)
			assert.Len(t, fs, tc.want, "%v", fs)
			if tc.claim != "" && len(fs) > 0 {
				assert.Contains(t, fs[0].Claim, tc.claim)
			}
		})
	}
}

func TestShareMismatch(t *testing.T) {
	seed := final2024 + "2024年度本年支出合计157.60万元，其中：基本支出154.25万元，占97.87%；项目支出3.35万元，占2.13%。\n" +
		"（一）一般公共预算财政拨款支出决算总体情况\n"
	runCases(t, "share-mismatch", []narrativeCase{
		{"named whole stated elsewhere", seed + "2024年度一般公共预算财政拨款支出154.25万元，占本年支出合计的99.35%。", 1, "154.25万元，占本年支出合计的99.35%"},
		{"named whole, right share", seed + "2024年度一般公共预算财政拨款支出154.25万元，占本年支出合计的97.87%。", 0, ""},
		{"list head as whole", "本年收入合计157.60万元，其中：财政拨款收入154.25万元，占97.86%。", 1, "97.86%"},
		{"rounding edge: intervals meet", "本年收入合计157.60万元，其中：财政拨款收入154.25万元，占97.88%。", 0, ""},
		{"one decimal share", "本年收入合计157.60万元，其中：财政拨款收入154.25万元，占97.9%。", 0, ""},
		{"no whole stated: skipped, not guessed", "一般公共预算财政拨款收入154.25万元，占99.35%。", 0, ""},
		{"zero whole: skipped", "政府采购支出总额0万元，其中：授予中小企业合同金额0万元，占政府采购支出总额的0%。", 0, ""},
	})
}

func TestSharePercentSign(t *testing.T) {
	runCases(t, "share-mismatch", []narrativeCase{
		{"the sentence names its whole (…决算中，)", final2024 + "（二）“三公”经费财政拨款支出决算具体情况说明\n“三公”经费财政拨款支出年初预算为 31.47 万元，支出决算为 19.86 万元。\n“三公”经费财政拨款支出决算中，公务用车购置及运行维护费支出决算 19.56 万元，占 96.49%；公务接待费支出决算 0.3 万元，占 1.51%。", 1, "96.49%"},
	})
	runCases(t, "share-percent-sign", []narrativeCase{
		{"bare share", "城乡社区支出(类)15411.43 万元，占 76.23;住房保障支出(类)1076.78 万元，占 5.33%。", 1, "76.23"},
		{"with percent", "城乡社区支出(类)15411.43 万元，占 76.23%；", 0, ""},
		{"land area", "办公用房占地 76.23 平方米；", 0, ""},
		{"occupied funds", "占用资金 76.23 万元；", 0, ""},
		{"percentage points", "占比提高 2.07 个百分点；", 0, ""},
		{"per mille", "占 76.23‰；", 0, ""},
	})
}

func TestSumParts(t *testing.T) {
	runCases(t, "sum-parts", []narrativeCase{
		{"parts exceed the total (shiquan 三公)",
			"“三公”经费财政拨款支出年初预算为 53.93 万元，支出决算为 37.35 万元，完成预算的 69.26%，其中：因公出国（境）费决算为 0 万元，完成预算的 0%；公务用车购置及运行维护费支出决算为 37.35 万元，完成预算的 71.28%；公务接待费支出决算为 1.53 万元，完成预算的 0%。", 1, "37.35"},
		{"parts add up", "“三公”经费财政拨款支出年初预算为 31.47 万元，支出决算为 19.86 万元，完成预算的 63.11%，其中：因公出国（境）费决算为 0.00 万元；公务用车购置及运行维护费支出决算为 19.56 万元，完成预算的 63.76%；公务接待费支出决算为 0.3 万元，完成预算的 37.5%。", 0, ""},
		{"rounding: one decimal part", "2014年公共财政拨款支出639.35万元具体情况如下：（一）一般公共服务支出298.10万元。", 0, ""},
		{"a partial list is not a sum", "本年一般预算支出865.62万元，比上年增支333.05万元，增支62.54％，其中：①行政管理费323.07万元，比上年增支0.57万元，增支0.18%。②财政事务支出29.83万元。", 0, ""},
		{"complete list falls short", "本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出39.00万元，占40.00%。", 1, ""},
		{"a breakdown of a part is not added twice", "新增债券额度461616万元，其中：新增债券331446万元，市本级留用90000万元，转贷县（市、区）241446万元。", 0, ""},
		{"a list ends at its first ；", "市本级政府债务限额为101亿元，其中：一般债务36.5亿元、专项债务64.5亿元；县市区政府债务限额299.2亿元。", 0, ""},
		{"brackets hold their own list", "发行额41.35亿元（其中：中央转贷0亿元），2025年地方政府一般债券发行额41.35亿元，还本额41.32亿元。", 0, ""},
		{"a comma list ends where its parts already make the total", "2024年，合作区政府债务余额73.65亿元，其中一般债务2.28亿元，专项债务71.37亿元，严格控制在政府债务限额74.04亿元以内。", 0, ""},
		{"parts on the lines after 其中：", "2024年度一般公共预算财政拨款基本支出154.25万元，其中：\n人员经费151.84万元，主要包括：基本工资、津贴补贴等。\n公用经费12.41万元，主要包括：办公费、差旅费等。\n", 1, "154.25"},
		{"parts on the lines after 其中：, right", "2024年度一般公共预算财政拨款基本支出154.25万元，其中：\n人员经费141.84万元，主要包括：基本工资、津贴补贴等。\n公用经费12.41万元，主要包括：办公费、差旅费等。\n", 0, ""},
		{"numbered items after 其中： take their 决算, not their 预算", "2024年度一般公共预算支出决算数为154.25万元，完成预算100%。其中：\n1.一般公共服务（类）行政运行（项）：年初预算为120.00万元，支出决算为114.49万元。\n2.社会保障和就业（类）机关事业单位基本养老保险缴费支出（项）：年初预算为50.00万元，支出决算为39.76万元。\n", 0, ""},
		{"a sub-item is not a part again", "主要项目完成情况如下：\n一、税收收入79.64亿元，下降0.3%。\n（一）增值税19.79亿元，下降0.8%。\n（二）企业所得税22.55亿元。\n二、非税收入12.87亿元。\n", 0, ""},
		{"a complete decomposition short of its total (货物+工程+服务)", "2025年度政府采购金额为 382.34 万元，其中：货物采购金额 8.57 万元、工程采购金额 0.00 万元、服务采购金额 363.77 万元。", 1, "382.34"},
		{"a partial list short of its total is not reported", "2025年度政府采购金额为 382.34 万元，其中：货物采购金额 8.57 万元、服务采购金额 363.77 万元。", 0, ""},
		{"counted things add up too (vehicles)", "截至2025年12月31日，共有车辆8辆，其中：主要领导干部用车0辆、应急保障用车1辆、其他用车8辆。", 1, "8辆"},
		{"counted things, a year is not a count", "截至2025年12月31日，共有车辆9辆，其中：主要领导干部用车0辆、应急保障用车1辆、其他用车8辆。", 0, ""},
		{"income total, expenditure is not a part", "基金收入139836 万元，其中，保险费收入 47922万元，财政补助收入 86104 万元；基金支出 132366 万元。", 0, ""},
	})
}

func TestChangeRate(t *testing.T) {
	runCases(t, "change-rate", []narrativeCase{
		{"base = current − amount (sthj)", "机关运行经费支出185.41万元，比2024年度增加4.68 万元，增长 2.60%。", 1, "增加4.68 万元，增长 2.60%"},
		{"consistent", "收入支出总计4733.14万元。与2024年度相比，收入支出总计增加90.09万元，增长1.94%。", 0, ""},
		{"decrease: base = current + amount", "2024年度收、支总计均为157.60万元。与2023年度相比，收、支总计各减少37.98万元，减少19.42%。", 0, ""},
		{"one-decimal base (baiqing)", "一般预算收入88.5万元，比上年增收8.70万元，增长9.97％。", 1, "9.97"},
		{"stated earlier figure as base", "2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。", 1, "314.82%"},
		{"stated earlier figure, right rate", "2022年当年预算执行数为60.51万元，2023年预算安排65.69万元，比2022年预算执行数增加8.56%。", 0, ""},
		{"上年决算数 is last year's, not this figure", "增值税决算数为 9752757 万元，比上年决算数减少 421383 万元，下降 4.1%。", 0, ""},
		{"pitfall 9: a sub-item's own current value", "“三公”经费财政拨款支出年初预算为 31.47 万元，支出决算为 19.86 万元，其中：公务用车购置及运行维护费支出决算为 19.56 万元；公务接待费支出决算为 0.3 万元。\n" +
			"2025 年度“三公”经费财政拨款支出决算数比 2024 年度减少 3.59 万元，下降 15.31%，其中：公务用车购置及运行维护费支出决算减少 3.59 万元，下降 15.31%；公务接待费支出决算增加 0.3 万元，增长 100%。", 1, "公务用车购置及运行维护费支出决算减少"},
		{"no current value: skipped", "比上年增加5.00万元，增长10.00%。", 0, ""},
		{"a bracketed breakdown is not the current value", "公务用车购置及运行维护费2883万元(其中公务用车购置100万元，公务用车运行2783万元)，比上年预算减少419万元，下降12.7%。", 0, ""},
		{"integer percent rounds widely", "支出20218.21万元，比上年减少929.49万元，下降4%。", 0, ""},
	})
}

func TestChangeDirectionAndZeroBase(t *testing.T) {
	runCases(t, "change-direction", []narrativeCase{
		{"减少为 and 持平 of one figure", "公务接待费支出决算减少为 0.00 万元，与 2024 年持平。", 1, "减少为"},
		{"持平 of another item after 其中", "“三公”经费财政拨款支出决算数比 2024 年度增加 5.07 万元，增长 42.68%，其中：因公出国（境）费支出决算为 0.00 万元，与 2024 年持平。", 0, ""},
		{"template alternatives are not directions", "较上年度增加/减少0万元，增长/下降0%。较上年无变化。", 0, ""},
	})
	runCases(t, "zero-base-rate", []narrativeCase{
		{"100% from zero (wenlv)", "公务接待费支出决算为 0.40 万元。公务接待费支出决算增加 0.40 万元，增长 100%。", 1, "增长 100%"},
		{"a small base rounds to zero with a real rate", "城市基础设施配套费收入完成6.6亿元，增加6.6亿元，增长14789.7%。", 0, ""},
		{"a real base", "公务接待费支出决算为 0.80 万元。公务接待费支出决算增加 0.40 万元，增长 100%。", 0, ""},
	})
}

func TestCause(t *testing.T) {
	runCases(t, "cause-direction", []narrativeCase{
		{"increase given for a decrease (seed)", "2024年度收、支总计均为157.60万元。与2023年度相比，收、支总计各减少37.98万元，减少19.42%。主要变动原因是人员经费增加。", 1, "减少37.98万元，减少19.42%。主要变动原因是人员经费增加"},
		{"agreeing cause", "收入支出总计增加90.09万元，增长1.94%。主要原因：基本支出增加。", 0, ""},
		{"cause word inside a name", "国有土地收益支出2.2亿元，减少3亿元，下降45.8%。主要原因是新增建设用地有偿使用费收入减少。", 0, ""},
		{"several causes are not judged", "参保人数下降0.2%，参保人数下降的主要原因：一是由于缴费标准提高为420元；二是转为参加职工医保。", 0, ""},
		{"negated increase", "公务用车购置及运行维护费支出减少的主要原因是2025年未新增公务用车。", 0, ""},
		{"a reduction after 持平", "机关运行经费与上年持平，主要原因是办公经费压减。", 1, ""},
		{"决算数大于预算数 explained by a cut", "年初预算为 50.00 万元，支出决算为 60.50 万元，决算数大于预算数的主要原因：费用节省。", 1, ""},
	})
	runCases(t, "cause-empty", []narrativeCase{
		{"nothing after 主要原因是", "比上年增加5.00万元，增长10.00%。主要原因是。", 1, ""},
		{"a cause", "比上年增加5.00万元，增长10.00%。主要原因是人员增加。", 0, ""},
	})
}

func TestBudgetFinal(t *testing.T) {
	runCases(t, "completion-rate", []narrativeCase{
		{"wrong completion (shiquan)", "年初预算为 274.82 万元，支出决算为 245.53 万元，完成年初预算的 93.57%。", 1, "93.57%"},
		{"right completion", "一般公共预算财政拨款支出年初预算为 4628.17 万元，支出决算为 4733.14 万元，完成年初预算的 102.27%。", 0, ""},
		{"integer percent (yichuan)", "年初预算为 20707.11 万元，支出决算为 20218.21 万元，完成年初预算的 98%。", 0, ""},
		{"pitfall 9: a sub-item is not paired with the total's budget", "“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算为 16.95 万元，完成预算的 80.71%，其中：因公出国（境）费决算为 0.00 万元，完成预算的 0.00%；公务用车购置及运行维护费支出决算为 16.95 万元，完成预算的 82.68%。", 0, ""},
		{"pitfall 14: 调整预算 is another base", "一般公共预算收入预算119.8亿元，实际完成135.1亿元，为调整预算的100.1%。", 0, ""},
	})
	runCases(t, "budget-comparison", []narrativeCase{
		{"大于 with a smaller final", "2.事业单位离退休（项）。年初预算为 60.65 万元，支出决算为 58.16 万元。决算数大于预算数的主要原因：年中人员退休。", 1, "决算数大于预算数"},
		{"大于 right", "2.事业单位离退休（项）。年初预算为 60.65 万元，支出决算为 61.16 万元。决算数大于预算数的主要原因：年中人员退休。", 0, ""},
		{"持平", "年初预算为 1.27 万元，支出决算为 1.27 万元，决算数与预算数持平。", 0, ""},
		{"pitfall 8: summary budget is not the item's", "一般公共预算财政拨款支出年初预算为 4628.17 万元。其中：\n1.行政单位离退休（项）。支出决算为 51.98 万元。决算数大于预算数。", 0, ""},
	})
	runCases(t, "zero-budget-rate", []narrativeCase{
		{"rate against a zero budget", "年初预算为 0.00 万元，支出决算为 7.50 万元，完成预算的 0%。", 1, ""},
	})
}

func TestRestatedFigure(t *testing.T) {
	runCases(t, "restated-figure", []narrativeCase{
		{"heading and sentence differ (shiquan)", final2024 + "“社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）”257.14 万元，主要用于：缴纳机关事业单位在职干部职业年金。年初预算为 274.82 万元，支出决算为 245.53 万元，完成年初预算的 93.57%。", 1, "257.14"},
		{"touching intervals (yichuan 269.85/269.86)", final2024 + "15、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）269.85 万元，主要用于:机关事业单位职业年金缴费支出。年初预算为 285.33 万元，支出决算为 269.86 万元。", 0, ""},
		{"budget item (wanli 2024)", "2024年部门预算\n3. “社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”350.35万元，主要用于缴费。2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。", 1, "350.35"},
	})
}

func TestPlaceholders(t *testing.T) {
	runCases(t, "placeholder-alternatives", []narrativeCase{
		{"seed line 70", "2024年度“三公”经费财政拨款支出决算为0万元，完成预算0%，较上年度增加/减少0万元，增长/下降0%。", 2, "增加/减少"},
		{"full-width brackets", "比上年增加（减少）5万元。", 1, ""},
	})
	runCases(t, "placeholder-name", []narrativeCase{
		{"××部门", "（一）××部门2014 年部门决算总收入 万元。", 1, "××"},
		{"XX in English text", "Table XX shows FY 2025-26 appropriations.", 0, ""},
		{"a template's title in 《》", "印发《XX村(组)经济合作社财务管理制度(范本)》。", 0, ""},
	})
	runCases(t, "placeholder-blank-amount", []narrativeCase{
		{"blank amounts (dongxiang)", "××部门2014 年部门决算总收入 万元，其中本年收入 万元。", 2, "收入 万元"},
		{"unit header", "单位：万元。", 0, ""},
		{"a filled amount", "总收入 959.48 万元，其中本年收入 945.18 万元。", 0, ""},
	})
	runCases(t, "placeholder-template-title", []narrativeCase{
		{"范本 heading", "附件2\n专项预算项目绩效评价报告范本\n一、项目概况\n", 1, "范本"},
		{"a mention of a template", "附件：2.2014年部门决算公开范本（公开文本及附表均可从网络版系统下载）。", 0, ""},
	})
}

func TestYears(t *testing.T) {
	runCases(t, "year-truncated", []narrativeCase{
		{"202 年度 in the contents", "目 录\n第三部分 上海市普陀区生态环境局 202 年度部门决算情况说明\n", 1, "202"},
		{"a count of 202", "共有 202 个项目。", 0, ""},
	})
	runCases(t, "year-comparison", []narrativeCase{
		{"a budget compared with its own year", "2026年部门预算\n收入预算3,121.42万元，比2026年预算增加107.62万元。", 1, "2026"},
		{"required wording", "2026年部门预算\n收入预算3,121.42万元，比2025年预算增加107.62万元。", 0, ""},
		{"pitfall 19: final report", final2024 + "与2023年度相比，收、支总计各减少37.98万元。", 0, ""},
	})
	runCases(t, "year-date", []narrativeCase{
		{"last year's date in a final report", final2024 + "截至2023年12月31日，共有车辆0辆。", 1, "截至2023年12月31日"},
		{"attachment of the earlier year", final2024 + "第三部分 附件\n附件1\n2023年部门整体支出绩效自评报告\n截至2023年12月31日，编制4名。", 0, ""},
		{"a budget may cite an earlier date", "2026年部门预算\n截至2025年8月31日，共有车辆3辆。", 0, ""},
	})
	runCases(t, "year-heading", []narrativeCase{
		{"another year's heading", "2024年度部门决算\n第二部分 2023年度部门决算情况说明\n一、收入支出决算总体情况说明\n2024年度收、支总计均为157.60万元。", 1, "2023"},
	})
}

func TestNumbering(t *testing.T) {
	seed := excerpt(t, "../seed/sc-panzhihua-xiqu-bianban-2024-final.txt")
	runCases(t, "numbering-gap", []narrativeCase{
		{"（二） then （四）", "（一）甲情况\n本年支出合计157.60万元，比上年减少。\n（二）乙情况\n本年支出合计157.60万元，比上年减少。\n（四）丁情况\n本年支出合计157.60万元，比上年减少。\n", 1, "（四）"},
		{"parts", "第一部分 概况\n负责全区工作。\n第二部分 决算表\n详见附表。\n第四部分 附件\n", 1, "第四部分"},
		{"table rows numbered with gaps", "一、一般公共服务支出 100.00\n二、外交支出 0.00\n四、公共安全支出\n六、教育支出\n", 0, ""},
		{"contents restart the count", "目 录\n第一部分 概况\n第二部分 决算表\n第一部分 概况\n一、主要职能\n第二部分 决算表\n", 0, ""},
		{"a deeper list restarts under each parent", "一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n", 0, ""},
		{"the seed", seed, 2, ""},
	})
	runCases(t, "numbering-unnumbered", []narrativeCase{
		{"the seed's 九、 and 十、", seed, 2, "国有资本经营预算支出决算情况说明"},
		{"a paragraph is not a heading", "八、政府性基金预算支出决算情况说明\n2024年度政府性基金预算财政拨款支出3.35万元。\n", 0, ""},
	})
	fs := lint(t, seed, "numbering-gap")
	require.Len(t, fs, 2)
	assert.Equal(t, 121, fs[0].Line, "第四部分 after 第二部分")
	assert.Equal(t, 164, fs[1].Line, "（四） after （二）")
}

func TestPunctuation(t *testing.T) {
	runCases(t, "punct-doubled", []narrativeCase{
		{"doubled full stop", "主要原因是人员变动。。", 1, "。。"},
		{"single", "主要原因是人员变动。", 0, ""},
	})
	runCases(t, "punct-unbalanced", []narrativeCase{
		{"open quote", "“三公经费财政拨款支出决算为0万元。", 1, ""},
		{"balanced", "“三公”经费财政拨款支出决算为0万元。", 0, ""},
	})
}

// The excerpts are real page texts; every finding on them is one a reviewer
// confirmed (see the corpus labels), and nothing else is reported.
func TestRealExcerpts(t *testing.T) {
	set, err := rules.Default()
	require.NoError(t, err)
	eng, err := New(set)
	require.NoError(t, err)
	for _, tc := range []struct {
		file string
		want []string // rule@line
	}{
		{"sthj-2025-final-narrative.txt", []string{"change-direction@147", "change-rate@190"}},
		{"yichuan-2025-final-narrative.txt", []string{"change-rate@21", "share-percent-sign@31", "change-rate@202", "zero-base-rate@203"}},
		{"baiqing-2014-exec-report.txt", []string{"change-rate@1", "change-rate@1"}},
		{"dongxiang-2014-final.txt", []string{"placeholder-name@1", "placeholder-blank-amount@1", "placeholder-blank-amount@1"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			d, err := parser.Parse(tc.file, doc.FormatText, []byte(excerpt(t, tc.file)))
			require.NoError(t, err)
			fs, cov := eng.Run(d)
			var got []string
			for _, f := range fs {
				if f.Severity != rules.Info {
					got = append(got, f.Rule+"@"+strconv.Itoa(f.Line))
				}
			}
			assert.Equal(t, tc.want, got)
			assert.Greater(t, cov.Checked, 0)
		})
	}
}
