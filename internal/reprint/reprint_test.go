package reprint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// reading is what a printing gives: its findings (rule and message; their
// places differ between printings) and how many claims were decided.
type reading struct {
	findings []string
	claims   int
	decided  int
}

func read(t *testing.T, eng *checks.Engine, text string) reading {
	t.Helper()
	d, err := parser.Parse("r.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	fs, cov := eng.Run(d)
	var r reading
	for _, f := range fs {
		if f.Severity != rules.Info {
			r.findings = append(r.findings, f.Rule+": "+f.Message)
		}
	}
	sort.Strings(r.findings)
	r.claims, r.decided = cov.Claims, cov.Decided
	return r
}

func engine(t *testing.T) *checks.Engine {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	return eng
}

// An execution report written for this test, three errors planted (a
// share, a rate, a sum), reads the same in every printing: the same
// findings, the same claims decided.
func TestPrintingsReadAlike(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "exec-report.txt"))
	require.NoError(t, err)
	paras := strings.Split(strings.TrimSpace(string(data)), "\n")
	eng := engine(t)
	want := read(t, eng, Plain(paras))
	require.Len(t, want.findings, 3, "the planted share, rate and sum")
	for _, p := range Printings {
		t.Run(p.Name, func(t *testing.T) {
			got := read(t, eng, p.Print(paras))
			assert.Equal(t, want.findings, got.findings)
			assert.Equal(t, [2]int{want.claims, want.decided}, [2]int{got.claims, got.decided}, "claims found and decided")
		})
	}
}

// The printings themselves: a wrap never breaks a figure, the running head
// and page number frame each page, figures change form only.
func TestPrintingForms(t *testing.T) {
	p := "全市一般公共预算收入完成386.52亿元，比上年执行数2665184万元增长4.6%。"
	for _, l := range wrap(strings.Repeat(p, 3)) {
		assert.LessOrEqual(t, doc.DisplayWidth(l), 72)
	}
	assert.Equal(t, "全市一般公共预算收入完成３８６．５２亿元，比上年执行数２６６５１８４万元增长４．６％。", fullWidth(p))
	assert.Equal(t, "全市一般公共预算收入完成386.52亿元，比上年执行数2,665,184万元增长4.6%。", separators(p))
	assert.Contains(t, paginated([]string{p}), "关于预算执行情况的报告\n　　全市")
	assert.True(t, strings.HasSuffix(paginated([]string{p}), "- 1 -\n\f"))
}

// TestCorpusPrintings reads every HTML report of the shared corpus in each
// printing of its paragraphs and lists what differs from the plain one.
// It takes a minute, so it runs only when BUDGETLINT_REPRINT is set
// (.ci/reprint runs it); REPRINT_CORPUS names other folders.
func TestCorpusPrintings(t *testing.T) {
	if os.Getenv("BUDGETLINT_REPRINT") == "" {
		t.Skip("reprint benchmark: set BUDGETLINT_REPRINT=1 to run it (.ci/reprint does)")
	}
	dirs := strings.Fields(os.Getenv("REPRINT_CORPUS"))
	if len(dirs) == 0 {
		for _, d := range []string{"docs", "bulk"} {
			dirs = append(dirs, filepath.Join("..", "..", "..", "shared", "corpus", d))
		}
	}
	eng := engine(t)
	docs, differ := 0, map[string]int{}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		for _, f := range files {
			d, err := parser.Open(f, parser.DefaultLimits)
			if err != nil {
				continue
			}
			paras := Paragraphs(d)
			if len(paras) == 0 {
				continue
			}
			docs++
			want := read(t, eng, Plain(paras))
			for _, p := range Printings {
				got := read(t, eng, p.Print(paras))
				if fmt.Sprint(got) != fmt.Sprint(want) {
					differ[p.Name]++
					t.Logf("%s, %s: %d findings (%d of %d decided), plain %d (%d of %d)", filepath.Base(f), p.Name,
						len(got.findings), got.decided, got.claims, len(want.findings), want.decided, want.claims)
				}
			}
		}
	}
	require.NotZero(t, docs, "no HTML reports in %v", dirs)
	for _, p := range Printings {
		t.Logf("%-40s %3d of %d reports read differently", p.Name, differ[p.Name], docs)
	}
}
