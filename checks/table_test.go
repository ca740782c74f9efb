package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// runTables runs the table rules of the default pack over a text report.
func runTables(t *testing.T, name string, text string) ([]Finding, Coverage) {
	t.Helper()
	// the parser builds the blocks the narrative check reads and detects
	// the tables in the page text, as for a checked file
	d, err := parser.Parse(name, doc.FormatText, []byte(text))
	require.NoError(t, err)
	return tableEngine(t).Run(d)
}

// tableEngine is the default pack's table rules alone.
func tableEngine(t *testing.T) *Engine {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	only := &rules.Set{Vocabulary: set.Vocabulary, Tables: set.Tables}
	for _, r := range set.Rules {
		if strings.HasPrefix(r.Kind, "table-") {
			only.Rules = append(only.Rules, r)
		}
	}
	require.NotEmpty(t, only.Rules)
	e, err := New(only)
	require.NoError(t, err)
	return e
}

func fixtureText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "tables", name))
	require.NoError(t, err)
	return string(b)
}

// TestTablesCorpusReport prints every table finding on the Putuo page texts
// (go test -run CorpusReport -v ./checks/) so each can be read and judged.
func TestTablesCorpusReport(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "docs")
	files, _ := filepath.Glob(filepath.Join(dir, "sh-putuo-*-pages.txt"))
	if len(files) == 0 {
		t.Skip("shared corpus absent")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		fs, cov := runTables(t, filepath.Base(f), string(b))
		t.Logf("%s: %d findings, checked %d, skipped %d %v", filepath.Base(f), len(fs), cov.Checked, cov.Skipped, cov.Reasons)
		for _, x := range fs {
			t.Logf("  %d:%d [%s] %s\n      %s", x.Line, x.Column, x.Rule, x.Message, x.Claim)
		}
	}
}

func rulesOf(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

func TestTableHierarchy(t *testing.T) {
	orig := fixtureText(t, "sthj-2025-final-tables.txt")
	fs, cov := runTables(t, "sthj.txt", orig)
	require.Empty(t, rulesOf(fs, "table-hierarchy"), "the published tables add up")
	require.Greater(t, cov.Checked, 100)

	// one 项 of 支出决算表 changed: its 款 no longer adds up
	changed := strings.Replace(orig, "2110301 大气 379.96 0.00 379.96 0.00 0.00 0.00", "2110301 大气 389.96 0.00 379.96 0.00 0.00 0.00", 1)
	require.NotEqual(t, orig, changed)
	fs, _ = runTables(t, "sthj.txt", changed)
	h := rulesOf(fs, "table-hierarchy")
	require.Len(t, h, 1)
	require.Equal(t, "623.06", h[0].Stated)
	require.Equal(t, "633.06", h[0].Expected)
	require.Contains(t, h[0].Message, "支出决算表: 21103 (本年支出合计)")
	require.Equal(t, "21103 污染防治 623.06 0.00 623.06 0.00 0.00 0.00", h[0].Claim)

	// rounding: a 0.01 gap the intervals allow is no finding (合计 1,367.76 vs 1,367.75)
	require.Contains(t, orig, "合计 4,733.14 3,365.38 1,367.76")
}

// The basic-expenditure table of Yichuan prints 30299 equal to the whole
// 302 class (1,844.57): the document's own double count.
func TestTableHierarchyYichuanDoubleCount(t *testing.T) {
	fs, _ := runTables(t, "yichuan.txt", fixtureText(t, "yichuan-2025-basic-sangong.txt"))
	h := rulesOf(fs, "table-hierarchy")
	require.Len(t, h, 1)
	require.Equal(t, "1,844.57", h[0].Stated)
	require.Contains(t, h[0].Claim, "302 商品和服务支出 1,844.57")
}

func TestTableColumns(t *testing.T) {
	orig := fixtureText(t, "sthj-2025-final-tables.txt")
	fs, _ := runTables(t, "sthj.txt", orig)
	require.Empty(t, rulesOf(fs, "table-columns"))

	cases := []struct{ from, to, stated, expected, claim string }{
		// 一般公共预算财政拨款支出决算表: 合计 = 基本支出 + 项目支出
		{"2110301 大气 379.96 0.00 379.96\n", "2110301 大气 379.96 0.00 369.96\n", "379.96", "369.96", "2110301 大气 379.96 0.00 369.96"},
		// 三公: 合计 决算数 = 因公出国 + 公务用车 + 公务接待
		{"21.00 16.95 0.00 0.00 20.50", "21.00 17.95 0.00 0.00 20.50", "17.95", "16.95", "21.00 17.95 0.00 0.00 20.50 16.95 0.00 0.00 20.50 16.95 0.50 0.00"},
		// 收入支出决算总表: 本年支出合计 = Σ 一…二十四
		{"十、节能环保支出 3,742.47\n", "十、节能环保支出 3,752.47\n", "4,733.14", "4,743.14", "本年支出合计 4,733.14"},
		// 基本支出表: 人员经费合计 = 301 + 303
		{"人员经费合计 2,949.02", "人员经费合计 2,940.02", "2,940.02", "2,949.02", "人员经费合计 2,940.02"},
	}
	for _, tc := range cases {
		changed := strings.Replace(orig, tc.from, tc.to, 1)
		require.NotEqual(t, orig, changed, tc.from)
		fs, _ := runTables(t, "sthj.txt", changed)
		col := rulesOf(fs, "table-columns")
		require.Len(t, col, 1, tc.from)
		require.Equal(t, tc.stated, col[0].Stated)
		require.Equal(t, tc.expected, col[0].Expected)
		require.Equal(t, tc.claim, col[0].Claim)
	}
}

func TestTableCross(t *testing.T) {
	orig := fixtureText(t, "sthj-2025-final-tables.txt")
	fs, _ := runTables(t, "sthj.txt", orig)
	require.Empty(t, rulesOf(fs, "table-cross"))

	// 财政拨款收入支出决算总表's 一般公共预算 column against the general-budget table
	changed := strings.Replace(orig, "十、节能环保支出 3,742.47 3,742.47 0.00 0.00", "十、节能环保支出 3,742.47 3,732.47 0.00 0.00", 1)
	require.NotEqual(t, orig, changed)
	fs, _ = runTables(t, "sthj.txt", changed)
	x := rulesOf(fs, "table-cross")
	require.Len(t, x, 1)
	require.Equal(t, "211 节能环保支出 3,742.47 2,385.48 1,356.98", x[0].Claim)
	require.Equal(t, "3,742.47", x[0].Stated)
	require.Equal(t, "3,732.47", x[0].Expected)

	// 基本支出 of the general-budget table against 人员经费 + 公用经费
	changed = strings.Replace(orig, "合计 4,733.14 3,365.38 1,367.75", "合计 4,733.14 3,375.38 1,357.75", 1)
	fs, _ = runTables(t, "sthj.txt", changed)
	x = rulesOf(fs, "table-cross")
	require.Len(t, x, 1)
	require.Equal(t, "3,375.38", x[0].Stated)
	require.Equal(t, "3,365.38", x[0].Expected)
}

// The three contradictions the reviewers found in Yichuan's basic-expenditure
// table against its 三公 table (corpus/labels), and none once they are fixed.
func TestTableCrossYichuanSanGong(t *testing.T) {
	orig := fixtureText(t, "yichuan-2025-basic-sangong.txt")
	fs, _ := runTables(t, "yichuan.txt", orig)
	x := rulesOf(fs, "table-cross")
	require.Len(t, x, 3)
	var stated []string
	for _, f := range x {
		stated = append(stated, f.Stated)
	}
	require.Equal(t, []string{"13.24", "8.31", "81.11"}, stated)
	require.Contains(t, x[1].Claim, "30217 公务接待费 8.31")

	fixed := strings.NewReplacer("30212 13.24", "30212 0.00", "30217 公务接待费 8.31", "30217 公务接待费 0.30", "30231 81.11", "30231 19.56").Replace(orig)
	fs, _ = runTables(t, "yichuan.txt", fixed)
	require.Empty(t, rulesOf(fs, "table-cross"))
}

// A budget's 三公 table puts 公务接待费 before 公务用车 and adds 机关运行经费;
// the basic-expenditure table is in 元, the 三公 table in 万元.
func TestTableBudgetSanGongOrderAndUnits(t *testing.T) {
	orig := fixtureText(t, "wanli-2025-budget-sangong.txt")
	fs, cov := runTables(t, "wanli.txt", orig)
	require.Empty(t, fs)
	require.Greater(t, cov.Checked, 3)

	// 公务接待费 in the basic table above the whole 三公 reception budget
	changed := strings.Replace(orig, "302 17 公务接待费 13,500 0 13,500", "302 17 公务接待费 23,500 0 23,500", 1)
	fs, _ = runTables(t, "wanli.txt", changed)
	x := rulesOf(fs, "table-cross")
	require.Len(t, x, 1)
	require.Equal(t, "23,500", x[0].Stated)
	require.Equal(t, "≤ 1.35", x[0].Expected)

	changed = strings.Replace(orig, "37.91 0 1.35 36.56 15 21.56", "37.91 0 1.35 36.56 15 22.56", 1)
	fs, _ = runTables(t, "wanli.txt", changed)
	require.Len(t, rulesOf(fs, "table-columns"), 1)
}

// The narrative's item sentence against the fund table (Yichuan, labelled
// text-vs-table): 135.00 in the text, 105.00 in the table.
func TestTableText(t *testing.T) {
	orig := fixtureText(t, "yichuan-2025-fund-text.txt")
	fs, _ := runTables(t, "yichuan.txt", orig)
	x := rulesOf(fs, "table-text")
	require.Len(t, x, 1)
	require.Equal(t, "135.00万元", x[0].Stated)
	require.Equal(t, "105.00 万元", x[0].Expected)
	require.Contains(t, x[0].Claim, "支出决算为 135.00 万元")

	fixed := strings.ReplaceAll(orig, "135.00", "105.00")
	fs, cov := runTables(t, "yichuan.txt", fixed)
	require.Empty(t, rulesOf(fs, "table-text"))
	require.Positive(t, cov.Checked)
}
