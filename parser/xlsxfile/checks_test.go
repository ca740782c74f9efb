package xlsxfile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
	"github.com/budgetlint/budgetlint/rules"
)

// check opens a workbook as `budgetlint check` does and runs every rule
// of the default pack.
func check(t *testing.T, data []byte) ([]checks.Finding, checks.Coverage, string) {
	t.Helper()
	d, err := parser.Parse("决算.xlsx", xlsxfile.Format, data)
	require.NoError(t, err)
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	e, err := checks.New(set)
	require.NoError(t, err)
	fs, cov := e.Run(d)
	var std []string
	for _, tb := range d.Tables {
		std = append(std, tb.Standard+" "+tb.Kind)
	}
	return fs, cov, strings.Join(std, ";")
}

func brief(fs []checks.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%d:%d:%d %s", f.Rule, f.Page, f.Line, f.Column, f.Message))
	}
	return out
}

// TestChecked: the sheet is recognised as the template it is and its
// identities are checked; a wrong cell is reported once on its own row
// (its row no longer adds up) and once on the 款 row whose column sum it
// breaks, each at page 1 (the sheet), line = the sheet's row.
func TestChecked(t *testing.T) {
	fs, cov, std := check(t, fixture(t, nil))
	require.Equal(t, "一般公共预算财政拨款支出决算表 final", std)
	require.Empty(t, brief(fs), "the published table adds up")
	require.Greater(t, cov.Tables.Checked, 20)

	// 2080502 事业单位离退休: 基本支出 61.16 typed as 61.61
	const row = firstData + 4
	fs, _, _ = check(t, fixture(t, func(f *excelize.File, sheet string) {
		require.NoError(t, f.SetCellValue(sheet, fmt.Sprintf("D%d", row), 61.61))
	}))
	require.Equal(t, []string{
		"table-hierarchy@1:8:1 一般公共预算财政拨款支出决算表: 20805 (基本支出) stated 460.67, rows give 461.12 (51.98 + 61.61 + 347.53)",
		"table-columns@1:10:1 一般公共预算财政拨款支出决算表: 2080502: 合计 = Σ 其余各列: stated 61.16, figures give 61.61 (61.61 + 0.00)",
	}, brief(fs))
}
