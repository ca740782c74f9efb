package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
)

// runTablesHTML runs the table rules of the default pack over an HTML page
// parsed as a checked .html file is: the reader's grids, untitled, with
// their titles and units in the paragraphs before them.
func runTablesHTML(t *testing.T, page string) (*doc.Document, []Finding, Coverage) {
	t.Helper()
	d, err := parser.Parse("putuo.html", doc.FormatHTML, []byte(page))
	require.NoError(t, err)
	fs, cov := tableEngine(t).Run(d)
	return d, fs, cov
}

// TestTablesHTML: the sthj report's 收入支出决算总表 and 一般公共预算财政拨款
// 支出决算表 as HTML tables (multi-row headers with rowspan/colspan, codes
// in their own cell, an empty 收入 half) are recognised and checked like
// the same tables in page text. Each case changes one cell and lists every
// table finding it must raise, as rule@line.
func TestTablesHTML(t *testing.T) {
	orig := fixtureText(t, "putuo-final-tables.html")

	d, fs, cov := runTablesHTML(t, orig)
	require.Empty(t, fs, "the published tables add up")
	require.Greater(t, cov.Checked, 60)
	var got []string
	for _, tb := range d.Tables {
		got = append(got, tb.Standard+" "+tb.Kind+" "+tb.Unit)
	}
	require.Equal(t, []string{"收入支出决算总表 final 万元", "一般公共预算财政拨款支出决算表 final 万元"}, got)

	const (
		summary = `<td>十、节能环保支出</td><td align="right">3,742.47</td>`
		class   = `<td colspan="3">211</td><td>节能环保支出</td><td align="right">3,742.47</td>`
		total   = `<td colspan="4" align="center">合计</td><td align="right">4,733.14</td>`
	)
	cases := []struct {
		name     string
		old, new string
		want     []string
	}{
		// 收入支出决算总表 line 26: 本年支出合计 (line 41) ≠ Σ 一…二十四
		{"类 row of the summary", summary, strings.Replace(summary, "3,742.47", "3,752.47", 1), []string{"table-columns@41"}},
		{"合计 cell of the summary", `<td>本年支出合计</td><td align="right">4,733.14</td>`, `<td>本年支出合计</td><td align="right">4,743.14</td>`, []string{"table-columns@41"}},
		// a 类 row of the 支出决算表 is in three sums: its row, its 款, 合计
		{"类 row of the expenditure table", class, strings.Replace(class, "3,742.47", "3,752.47", 1), []string{"table-columns@68", "table-hierarchy@68", "table-hierarchy@86"}},
		{"合计 cell of the expenditure table", total, strings.Replace(total, "4,733.14", "4,743.14", 1), []string{"table-columns@86", "table-hierarchy@86"}},
		// a blank cell is read as nothing, not as a misplaced figure
		{"blank 收入 cell", `<tr><td>&nbsp;</td><td align="right">&nbsp;</td><td>九、卫生健康支出</td>`, `<tr><td></td><td align="right"></td><td>九、卫生健康支出</td>`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, orig, tc.old)
			_, fs, _ := runTablesHTML(t, strings.Replace(orig, tc.old, tc.new, 1))
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s@%d", f.Rule, f.Line))
			}
			require.ElementsMatch(t, tc.want, got)
		})
	}
}
