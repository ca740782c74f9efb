package xlsxfile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

// corpus reads a workbook of the shared corpus, skipping when the corpus
// is not beside the repository.
func corpus(t *testing.T, name string) []byte {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "corpus", "docs", name)
	data, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: the shared corpus is not beside the repository", p)
	}
	require.NoError(t, err)
	return data
}

// TestCorpusLijiang: a city's 48 attachment tables, one per sheet, behind a
// cover and a contents sheet. Every table sheet yields one table titled by
// its title row (a table printed twice side by side, 全市 | 市本级, too),
// with the rows the sheet shows: the 1,153 rows its filter hides (items
// with nothing in them) and the helper columns outside the print area
// (科目编码, 打印 是/否) are left out. The published tables hold no
// contradiction: nothing is reported above info.
func TestCorpusLijiang(t *testing.T) {
	data := corpus(t, "yn-lijiang-2025-budget-attachment-tables.xlsx")
	fs, cov, std := check(t, data)
	require.Equal(t, 14, strings.Count(std, "execution"), "the 2025 execution tables are recognised: %s", std)
	require.Greater(t, cov.Tables.Checked, 1900)
	var bad []string
	for _, f := range fs {
		if f.Severity != rules.Info {
			bad = append(bad, strings.Join(brief([]checks.Finding{f}), ""))
		}
	}
	require.Empty(t, bad)

	raw := read(t, data)
	require.Equal(t, 54+1, strings.Count(raw.Source, "\f")+1, "54 sheets, each ending with a form feed")
	require.Len(t, raw.Tables, 52)
	pages := map[int]bool{}
	for _, tb := range raw.Tables {
		require.False(t, pages[tb.Page], "one table a sheet")
		pages[tb.Page] = true
		require.Contains(t, tb.Title, "表", "page %d is titled by its title row", tb.Page)
		require.Equal(t, strings.Contains(tb.Title, "债务限额分地区"), tb.Unit == "亿元", tb.Title)
	}
	require.False(t, pages[1] || pages[2], "the cover and the contents are text")
	// sheet 02, the city's 一般公共预算支出执行情况表: of its 1,335 rows
	// 1,153 are hidden; it shows 2 title rows, 2 header rows and 177 items
	tb := raw.Tables[2]
	require.Equal(t, "2025年丽江市一般公共预算支出执行情况表", tb.Title)
	require.Len(t, tb.Rows, 2+177)
	require.NotContains(t, raw.Source, "是\t类", "the 打印 and 类-款-项 columns are outside the print area")

	// 人大事务's 执行数 (sheet 02, the fifth tab, E6) typed 5,913 for 5,903:
	// its two rates no longer agree, on its row (its 项 rows are hidden; the
	// sum of the 27 款 under 一、 may be off by 13.5 from printing each to
	// the 万元, so 10 more does not contradict it)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("02", "E6", 5913))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	fs, _, _ = check(t, buf.Bytes())
	require.Equal(t, []string{
		"table-columns@5:6:4 一般公共预算支出表: 人大事务: 为预算% = 执行数 / 预算数: stated 190.0%, figures give 190.3 (5,913 / 3,107)",
		"table-columns@5:6:4 一般公共预算支出表: 人大事务: 比上年增长% = 执行数 / 上年执行数 − 1: stated 92.7%, figures give 93.0 (5,913 / 3,063)",
	}, brief(fs))
}
