package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTableLines: narrative amounts for the tables' main lines, on real
// excerpts. Each case changes one figure (in the text or in a table) and
// expects exactly the findings listed; the original excerpts are silent
// except for shiquan's real error.
func TestTableLines(t *testing.T) {
	sthj := fixtureText(t, "sthj-2025-final-tables.txt") + excerpt(t, "sthj-2025-final-narrative.txt")
	shiquan := fixtureText(t, "shiquan-2025-sangong.txt")
	cases := []struct {
		name     string
		text     string
		old, new string // replaced once; "" keeps the excerpt as published
		want     []string
	}{
		{name: "sthj as published", text: sthj},
		{name: "本年收入合计 in the text", text: sthj, old: "本年收入合计 4733.14", new: "本年收入合计 4737.14", want: []string{"4737.14 万元"}},
		{name: "基本支出 of all money", text: sthj, old: "基本支出 3365.38 万元，\n占 71.10%", new: "基本支出 3365.88 万元，\n占 71.10%", want: []string{"3365.88 万元"}},
		{name: "公用经费 in the text", text: sthj, old: "公用经费 416.36 万元", new: "公用经费 416.46 万元", want: []string{"416.46 万元"}},
		{name: "人员经费合计 in the table", text: sthj, old: "人员经费合计 2,949.02", new: "人员经费合计 2,949.22", want: []string{"2949.02 万元"}},
		{name: "rounding is no finding", text: sthj, old: "公用经费 416.36 万元", new: "公用经费 416.4 万元"},
		{name: "shiquan as published: 公务接待费 决算 is the table's 预算", text: shiquan, want: []string{"1.53 万元"}},
		{name: "shiquan corrected", text: shiquan, old: "决算为 1.53 万元", new: "决算为 0 万元"},
		{name: "三公 预算 kept apart from 决算", text: shiquan, old: "年初预算为 53.93 万元", new: "年初预算为 37.35 万元", want: []string{"37.35 万元", "1.53 万元"}},
		{name: "公务用车购置 in the text", text: shiquan, old: "公务用车购置支出为 25 万元", new: "公务用车购置支出为 26 万元", want: []string{"26 万元", "1.53 万元"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			if tc.old != "" {
				require.Contains(t, text, tc.old)
				text = strings.Replace(text, tc.old, tc.new, 1)
			}
			fs, cov := runTables(t, "r.txt", text)
			require.Positive(t, cov.Checked)
			var got []string
			for _, f := range rulesOf(fs, "table-lines") {
				got = append(got, f.Claim)
			}
			require.ElementsMatch(t, tc.want, got)
		})
	}
}

// The same words in another scope are another line: 基本支出
// in the 财政拨款 overview is not the 支出决算表's, and is left alone.
func TestTableLinesScope(t *testing.T) {
	sthj := fixtureText(t, "sthj-2025-final-tables.txt") + excerpt(t, "sthj-2025-final-narrative.txt")
	i := strings.Index(sthj, "五、一般公共预算财政拨款支出决算情况说明")
	require.Positive(t, i)
	text := sthj[:i] + "其中：基本支出 1000.00 万元，项目支出 5.00 万元。\n" + sthj[i:]
	fs, _ := runTables(t, "r.txt", text)
	require.Empty(t, rulesOf(fs, "table-lines"))

	// the same sentence inside 三、支出决算情况说明 is about the 支出决算表
	i = strings.Index(sthj, "四、财政拨款收入支出决算总体情况说明")
	require.Positive(t, i)
	text = sthj[:i] + "其中：基本支出 1000.00 万元，项目支出 5.00 万元。\n" + sthj[i:]
	fs, _ = runTables(t, "r.txt", text)
	require.Len(t, rulesOf(fs, "table-lines"), 2)
}

// TestTableLinesBudget: a budget's 编制说明, "三公" and 机关运行经费
// sections against its tables, on the published wanli 2025 budget. Each
// case changes one figure of the text or of a table and expects exactly the
// findings listed; the budget as published is silent.
func TestTableLinesBudget(t *testing.T) {
	wanli := fixtureText(t, "wanli-2025-budget-lines.txt")
	cases := []struct {
		name     string
		old, new string
		want     []string
	}{
		{name: "as published"},
		{name: "收入预算 total", old: "收入预算18,976.76万元", new: "收入预算18,976.86万元", want: []string{"18,976.86万元"}},
		{name: "财政拨款收入", old: "财政拨款收入18,976.76万元", new: "财政拨款收入18,966.76万元", want: []string{"18,966.76万元"}},
		{name: "事业收入 where the table has none", old: "事业收入0.00万元", new: "事业收入1.00万元", want: []string{"1.00万元"}},
		{name: "其他收入 (subject cut to 他收入 by the claims)", old: "其他收入0.00万元", new: "其他收入2.00万元", want: []string{"2.00万元"}},
		{name: "支出预算 total", old: "支出预算18,976.76万元，其中", new: "支出预算18,976.96万元，其中", want: []string{"18,976.96万元"}},
		{name: "财政拨款支出预算", old: "财政拨款支出预算18,976.76万元，比", new: "财政拨款支出预算18,976.56万元，比", want: []string{"18,976.56万元"}},
		{name: "a fund whose table is empty", old: "政府性基金拨款支出预算0.00万元", new: "政府性基金拨款支出预算1.00万元", want: []string{"1.00万元"}},
		{name: "income table's 合计 changed", old: "合计 189,767,551 189,767,551 0 0 0", new: "合计 189,777,551 189,777,551 0 0 0", want: []string{"18,976.76万元"}},
		{name: "三公 total", old: "经费预算数为37.91万元", new: "经费预算数为37.81万元", want: []string{"37.81万元"}},
		{name: "公务接待费", old: "公务接待费1.35万元", new: "公务接待费1.45万元", want: []string{"1.45万元"}},
		{name: "公务用车购置费", old: "公务用车购置费15万元", new: "公务用车购置费17万元", want: []string{"17万元"}},
		{name: "机关运行经费 in the 三公 table's last column", old: "经费预算为464.64万元", new: "经费预算为464.54万元", want: []string{"464.54万元"}},
		{name: "last year's change is no line", old: "比2024年预算增加\n3,355.65万元", new: "比2024年预算增加\n3,356.65万元"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := wanli
			if tc.old != "" {
				require.Contains(t, text, tc.old)
				text = strings.Replace(text, tc.old, tc.new, 1)
			}
			fs, cov := runTables(t, "wanli-budget.txt", text)
			require.Positive(t, cov.Checked)
			var got []string
			for _, f := range rulesOf(fs, "table-lines") {
				got = append(got, f.Claim)
			}
			require.ElementsMatch(t, tc.want, got)
		})
	}
}

// TestTableTextBudget: a budget's "财政拨款支出主要内容" items, "X（类）Y（款）
// Z（项）”科目 N 万元", against the 一般公共预算支出功能分类预算表 (元).
func TestTableTextBudget(t *testing.T) {
	wanli := fixtureText(t, "wanli-2025-budget-lines.txt")
	const item = "专项普查活动（项）”科目43.83万元"
	cases := []struct {
		name     string
		old, new string
		want     []string
	}{
		{name: "as published"},
		{name: "item figure changed", old: item, new: "专项普查活动（项）”科目44.83万元", want: []string{"44.83万元"}},
		// 438,390 元 is 43.839 万元: cut off, not rounded, it is 43.83
		{name: "figure cut off to 万元", old: "201 05 07 专项普查活动 438,300", new: "201 05 07 专项普查活动 438,390"},
		{name: "more than a cut-off apart", old: "201 05 07 专项普查活动 438,300", new: "201 05 07 专项普查活动 438,500", want: []string{"43.83万元"}},
		// the list printed twice (a PDF page repeating it) is one finding
		{name: "list repeated", old: item, new: "专项普查活动（项）”科目44.83万元。\n1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目44.83万元", want: []string{"44.83万元"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := wanli
			if tc.old != "" {
				require.Contains(t, text, tc.old)
				// every table that shows the row (收入, 支出 and 一般公共预算)
				text = strings.ReplaceAll(text, tc.old, tc.new)
			}
			fs, _ := runTables(t, "wanli.txt", text)
			var got []string
			for _, f := range rulesOf(fs, "table-text") {
				got = append(got, f.Claim)
			}
			require.ElementsMatch(t, tc.want, got)
		})
	}
}
