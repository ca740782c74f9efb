package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// suppressedPage is a department report page with two wrong shares and a
// template leftover, and suppressions above them: one used, one naming a
// rule with nothing to quiet on its line, one without a reason, one naming
// no rule that exists.
const suppressedPage = `<html><body>
<p>本年支出合计157.60万元。</p>
<!-- budgetlint-disable-next-line share-mismatch -- 表内数据四舍五入 -->

<p>基本支出154.25万元，占本年支出合计的99.35%。</p>
<!-- budgetlint-disable-next-line placeholder-alternatives, share-mismatch -- 模板说明 -->
<p>比上年增加/减少。</p>
<!-- budgetlint-disable-next-line share-mismatch -->
<p>项目支出3.35万元，占本年支出合计的3.13%。</p>
<!-- budgetlint-disable-next-line no-such-rule -- x -->
<p>说明。</p>
</body></html>
`

type ruleLine struct {
	Rule string
	Line int
}

func ruleLines(fs []Finding) []ruleLine {
	var out []ruleLine
	for _, f := range fs {
		out = append(out, ruleLine{f.Rule, f.Line})
	}
	return out
}

func defaultEngine(t *testing.T) *Engine {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := New(set)
	require.NoError(t, err)
	return eng
}

func TestRunAppliesInlineSuppressions(t *testing.T) {
	d, err := parser.Parse("page.html", doc.FormatHTML, []byte(suppressedPage))
	require.NoError(t, err)
	fs, _ := defaultEngine(t).Run(d)
	assert.Equal(t, []ruleLine{
		{"unused-suppression", 6}, // share-mismatch has nothing to quiet on line 7
		{"bad-suppression", 8},    // no reason: the share below stays
		{"share-mismatch", 9},     // 3.35 / 157.60 = 2.13%
		{"bad-suppression", 10},   // unknown rule
	}, ruleLines(fs))
	assert.Contains(t, fs[0].Message, "share-mismatch")
	assert.Contains(t, fs[1].Message, "no reason")
	assert.Contains(t, fs[3].Message, `"no-such-rule"`)
}

// A plain text report cannot carry comments: the same markers are text.
func TestSuppressionsOnlyInHTMLAndMarkdown(t *testing.T) {
	const page = "本年支出合计157.60万元。\n<!-- budgetlint-disable-next-line share-mismatch -- 四舍五入 -->\n基本支出154.25万元，占本年支出合计的99.35%。\n"
	eng := defaultEngine(t)
	for _, tt := range []struct {
		path  string
		quiet bool
	}{{"r.md", true}, {"r.txt", false}} {
		d, err := parser.Parse(tt.path, doc.FormatText, []byte(page))
		require.NoError(t, err)
		fs, _ := eng.Run(d)
		shares := 0
		for _, f := range fs {
			if f.Rule == "share-mismatch" {
				shares++
			}
		}
		assert.Equal(t, tt.quiet, shares == 0, tt.path)
	}
}

func TestSuppressionRulesOff(t *testing.T) {
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	require.NoError(t, set.SetEnabled("unused-suppression", false))
	require.NoError(t, set.SetEnabled("bad-suppression", false))
	eng, err := New(set)
	require.NoError(t, err)
	d, err := parser.Parse("page.html", doc.FormatHTML, []byte(suppressedPage))
	require.NoError(t, err)
	fs, _ := eng.Run(d)
	assert.Equal(t, []ruleLine{{"share-mismatch", 9}}, ruleLines(fs))
}
