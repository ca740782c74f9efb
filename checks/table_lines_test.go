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
	sthj := fixtureText(t, "sthj-2025-final-tables.txt") + fixtureText(t, "sthj-2025-final-narrative.txt")
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

// The same words in another scope are another line (pitfall 11): 基本支出
// in the 财政拨款 overview is not the 支出决算表's, and is left alone.
func TestTableLinesScope(t *testing.T) {
	sthj := fixtureText(t, "sthj-2025-final-tables.txt") + fixtureText(t, "sthj-2025-final-narrative.txt")
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
