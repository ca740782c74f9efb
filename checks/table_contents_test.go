package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTableContents: the shiquan contents (entries wrapped over two lines
// included) against the first sections of its body. Each case changes one
// line and expects the findings' claims.
func TestTableContents(t *testing.T) {
	orig := fixtureText(t, "shiquan-2025-contents.txt")
	cases := []struct {
		name     string
		old, new string
		inBody   bool // replace the body's occurrence (the last) instead
		want     []string
	}{
		{name: "as published"},
		{name: "entry reworded", old: "二、收入决算情况说明", new: "二、收入预算情况说明", want: []string{"二、收入预算情况说明"}},
		{name: "entry renumbered", old: "三、支出决算情况说明", new: "四、支出决算情况说明", want: []string{"四、支出决算情况说明"}},
		{name: "wrapped part heading reworded in the body", old: "部门决算情况说明\n一、", new: "部门预算情况报告\n一、", inBody: true,
			want: []string{"第三部分 上海市普陀区人民政府石泉路街道办事处 2025 年度部门决算情况说明"}},
		{name: "full-width and spaces are no difference", old: "二、收入决算情况说明", new: "二、 收入决算情况说明　"},
		{name: "template filler is no difference", old: "三、支出决算情况说明", new: "三、支出决算的情况说明"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := orig
			if tc.old != "" {
				require.Contains(t, text, tc.old)
				if tc.inBody {
					i := strings.LastIndex(text, tc.old)
					text = text[:i] + tc.new + text[i+len(tc.old):]
				} else {
					text = strings.Replace(text, tc.old, tc.new, 1) // the contents come first
				}
			}
			fs, _ := runTables(t, "r.txt", text)
			var got []string
			for _, f := range rulesOf(fs, "table-contents") {
				got = append(got, f.Claim)
			}
			require.ElementsMatch(t, tc.want, got)
		})
	}
}
