package main

import (
	"testing"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testSet(t *testing.T) *rules.Set {
	t.Helper()
	set, err := loadRules([]string{writeFile(t, t.TempDir()+"/r.yaml", testRuleFile)}, nil, nil)
	require.NoError(t, err)
	return set
}

// The source is scanned as the reader decoded it; line numbers are those
// of the file, as findings use them.
const suppressSource = `<html><body>
<!-- budgetlint-disable-next-line t-share -- 表内数据四舍五入 -->

<p>基本支出154.25万元，占99.35%</p>
<!-- budgetlint-disable-next-line t-leftover, t-share -- 模板说明 -->
<p>比上年增加/减少</p>
<!-- budgetlint-disable-next-line t-share -->
<p>占98%</p>
<!-- budgetlint-disable-next-line no-such -- x -->
<p>x</p>
</body></html>
`

func TestApplySuppressions(t *testing.T) {
	d := &doc.Document{Path: "r.html", Format: doc.FormatHTML, Source: doc.NewSource(suppressSource, false)}
	fs := []checks.Finding{
		finding("t-share", "占99.35%", 4),  // quieted: the blank line 3 is skipped
		finding("t-leftover", "增加/减少", 6), // quieted; t-share there is unused
		finding("t-share", "占98%", 8),     // kept: its suppression has no reason
		finding("t-share", "占1%", 10),     // kept
	}
	set := testSet(t)
	got := applySuppressions(d, set, fs)
	type row struct {
		Rule string
		Line int
	}
	var rows []row
	for _, f := range got {
		rows = append(rows, row{f.Rule, f.Line})
	}
	assert.Equal(t, []row{
		{"unused-suppression", 5},
		{"bad-suppression", 7},
		{"t-share", 8},
		{"bad-suppression", 9},
		{"t-share", 10},
	}, rows)
	assert.Contains(t, got[0].Message, "t-share")
	assert.Contains(t, got[1].Message, "no reason")
	assert.Contains(t, got[3].Message, `unknown rule "no-such"`)
	assert.Equal(t, 1, got[0].Column)
}

func TestSuppressionsOnlyInHTMLAndMarkdown(t *testing.T) {
	set := testSet(t)
	tests := []struct {
		path   string
		format doc.Format
		quiet  bool
	}{
		{"r.html", doc.FormatHTML, true},
		{"r.md", doc.FormatText, true},
		{"r.txt", doc.FormatText, false},
	}
	for _, tt := range tests {
		d := &doc.Document{Path: tt.path, Format: tt.format, Source: doc.NewSource(suppressSource, false)}
		got := applySuppressions(d, set, []checks.Finding{finding("t-share", "占99.35%", 4)})
		quieted := true
		for _, f := range got {
			if f.Rule == "t-share" {
				quieted = false
			}
		}
		assert.Equal(t, tt.quiet, quieted, tt.path)
	}
}

func TestUnusedSuppressionOffWhenRuleOff(t *testing.T) {
	set := testSet(t)
	require.NoError(t, set.SetEnabled("unused-suppression", false))
	require.NoError(t, set.SetEnabled("bad-suppression", false))
	d := &doc.Document{Path: "r.html", Format: doc.FormatHTML, Source: doc.NewSource(suppressSource, false)}
	assert.Empty(t, applySuppressions(d, set, nil))
}
