package output

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

// testRun is a small run with a text finding, a PDF finding, a file that
// could not be read, and a clean file, over a rule set with two rules.
func testRun(t *testing.T) *Run {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "test-rules.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`rules:
  - id: share
    kind: share
    severity: error
    summary: share does not match its figures
    explain: A stated share must equal part / whole.
  - id: placeholder
    kind: placeholder
    summary: template leftover
`), 0o644))
	require.NoError(t, set.AddFile(file))
	return &Run{Rules: set, Files: []FileResult{
		{Path: "a/clean.txt", Format: "text", Coverage: &checks.Coverage{Figures: 3}},
		{Path: "a/panzhihua, 2024: final.txt", Format: "text", Findings: []checks.Finding{{
			Rule: "share", Severity: rules.Error, Message: "share stated 99.35%, figures give 97.87%",
			Line: 47, Column: 3, EndLine: 47, EndColumn: 30, Claim: "=基本支出154.25万元，\n占99.35%",
			Stated: "99.35%", Expected: "97.87%",
		}}},
		{Path: "b/report.pdf", Format: "pdf", Findings: []checks.Finding{{
			Rule: "placeholder", Severity: rules.Warning, Message: "template leftover 增加/减少",
			Line: 5, Column: 1, EndLine: 5, EndColumn: 6, Page: 3, Claim: "比上年增加/减少",
		}, {
			Rule: "share", Severity: rules.Info, Message: "rounding", Line: 9, Column: 2, EndLine: 9, EndColumn: 4, Page: 4, Claim: "占1%",
		}}},
		{Path: "c/broken.docx", Format: "docx", Error: "not a zip archive\ndetail"},
	}}
}
