package output

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

// externalRef finds anything the browser would fetch: src/href/url() to
// another host, or a protocol-relative reference.
var externalRef = regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?(https?:|//)|@import`)

func TestHTMLSelfContained(t *testing.T) {
	run := testRun(t)
	// A hostile claim must not inject markup or references.
	run.Files[1].Findings[0].Claim = `<img src="https://evil.example/x.png">占99.35%`
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, run))
	page := buf.String()

	assert.Empty(t, externalRef.FindAllString(page, -1))
	assert.NotContains(t, page, "<img")
	assert.Contains(t, page, "&lt;img")
	for _, want := range []string{
		"<svg", "Findings per rule", "Findings per file", // charts
		`<table id="files">`, `data-type="num"`, "<script>", // sortable summary
		"share stated 99.35%, figures give 97.87%", "97.87%", // finding + expected figure
		"page 3, line 5", "比上年增加/减少", // PDF place and claim
		"cannot read: not a zip archive", // unreadable file
		"3 findings", "a/clean.txt", `title="share does not match its figures"`,
	} {
		assert.Contains(t, page, want)
	}
	assert.Equal(t, 1, strings.Count(page, "<html"), "one page")
}

func TestHTMLChartOrdersAndCaps(t *testing.T) {
	var items []kv
	for i := 0; i < chartMaxBars+5; i++ {
		items = append(items, kv{string(rune('a'+i%26)) + strings.Repeat("x", i), i + 1})
	}
	c := chart("t", items)
	require.Len(t, c.Bars, chartMaxBars)
	assert.Equal(t, 5, c.More)
	assert.Equal(t, chartMaxBars+5, c.Bars[0].Count, "largest first")
	assert.Equal(t, chartBarMaxW, c.Bars[0].W)
	assert.Less(t, c.Bars[1].W, c.Bars[0].W)
}

func TestHTMLEmptyRun(t *testing.T) {
	var buf bytes.Buffer
	set, _ := rules.Default()
	require.NoError(t, HTML(&buf, &Run{Rules: set, Files: []FileResult{{Path: "x.txt", Format: "text", Findings: []checks.Finding{}}}}))
	assert.Contains(t, buf.String(), "No findings.")
	assert.Contains(t, buf.String(), "headline clean")
}
