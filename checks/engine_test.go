package checks

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

const wrongShare = "本年支出合计157.60万元。\n基本支出154.25万元，占本年支出合计的99.35%。\n"

// A rule that panics becomes one internal-error finding naming it; what it
// reported before failing is dropped, and every other rule's findings stay.
func TestPanickingRuleKeepsOtherFindings(t *testing.T) {
	eng := defaultEngine(t)
	boom := &rules.Rule{ID: "boom", Kind: "share", Severity: rules.Error, Message: "never kept"}
	eng.active = append(eng.active, active{rule: boom, kind: &Kind{}, test: func(c *Context) {
		c.Report(c.Doc.Blocks[0], 0, 1, Vars{})
		var tables []int
		_ = tables[3]
	}})
	d, err := parser.Parse("r.txt", doc.FormatText, []byte(wrongShare))
	require.NoError(t, err)
	fs, _ := eng.Run(d)
	assert.Equal(t, []ruleLine{{RuleInternalError, 1}, {"share-mismatch", 2}}, ruleLines(fs))
	assert.Contains(t, fs[0].Message, "rule boom failed")
	assert.Contains(t, fs[0].Message, "index out of range")
	assert.Equal(t, rules.Error, fs[0].Severity)
}

// Run keeps no state between documents: the same engine on many goroutines
// gives each document its own findings.
func TestRunConcurrently(t *testing.T) {
	eng := defaultEngine(t)
	d1, err := parser.Parse("a.txt", doc.FormatText, []byte(wrongShare))
	require.NoError(t, err)
	want, _ := eng.Run(d1)
	require.NotEmpty(t, want)
	var wg sync.WaitGroup
	got := make([][]Finding, 8)
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			d, _ := parser.Parse("a.txt", doc.FormatText, []byte(wrongShare))
			got[i], _ = eng.Run(d)
		}(i)
	}
	wg.Wait()
	for i := range got {
		assert.Equal(t, want, got[i])
	}
}

// Coverage counts each claim once: decided when a rule judged it, skipped
// under one reason otherwise.
func TestCoverageCountsClaimsOnce(t *testing.T) {
	const text = "本年支出合计157.60万元。\n基本支出154.25万元，占本年支出合计的97.87%。\n" +
		"项目支出3.35万元，占2.13%，比上年增加1.00万元。\n"
	d, err := parser.Parse("r.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	fs, cov := defaultEngine(t).Run(d)
	assert.Empty(t, fs)
	assert.Equal(t, cov.Claims, cov.Decided+cov.Skipped)
	assert.Equal(t, 1, cov.Decided, "the first share is checked against its named whole")
	total := 0
	for _, n := range cov.Reasons {
		total += n
	}
	assert.Equal(t, cov.Skipped, total, "one reason per skipped claim")
}

// A document without a usable text layer gets one no-text-layer finding and
// nothing else: the rules that would report missing sections are skipped.
// (Its input is a PDF, so its cases live here rather than in a want file.)
func TestNoTextLayerOnlyFinding(t *testing.T) {
	d, err := parser.Parse("scan.txt", doc.FormatText, []byte("目 录\n一、收入决算表\n"))
	require.NoError(t, err)
	d.NoText = "no usable text layer (the glyphs do not map to characters)"
	fs, _ := defaultEngine(t).Run(d)
	require.Len(t, fs, 1)
	assert.Equal(t, "no-text-layer", fs[0].Rule)
	assert.Contains(t, fs[0].Message, "the glyphs do not map")

	d.NoText = ""
	fs, _ = defaultEngine(t).Run(d)
	for _, f := range fs {
		assert.NotEqual(t, "no-text-layer", f.Rule)
	}
}

// A count changed by an amount alone (常住人口412.6万人，比上年末增加1.8万人)
// is skipped for want of last year's count, as an amount of money is: no
// rule is missing for it.
func TestCountChangeAloneLacksItsBase(t *testing.T) {
	const text = "2025年某市国民经济和社会发展统计公报\n年末常住人口412.6万人，比上年末增加1.8万人。\n"
	d, err := parser.Parse("r.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	fs, cov := defaultEngine(t).Run(d)
	assert.Empty(t, fs)
	assert.Equal(t, map[string]int{"change amount: base not stated": 1}, cov.Reasons)
}

// The engine lets a document's sheets go after the last rule that reads
// them, which it knows from the kinds' Sheets option: a kind that reads
// them without saying so would keep them to the end of the run, or build
// them twice. Each kind alone runs over documents with tables.
func TestSheetsLetGoAfterTheirLastReader(t *testing.T) {
	eng := defaultEngine(t)
	files, err := filepath.Glob("testdata/want/table-*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var docs []*doc.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := parser.Parse(f, doc.FormatText, data)
		require.NoError(t, err)
		docs = append(docs, d)
	}
	byKind := map[*Kind][]active{}
	for _, a := range eng.active {
		byKind[a.kind] = append(byKind[a.kind], a)
	}
	for k, as := range byKind {
		alone := *eng
		alone.active = as
		for i, d := range docs {
			r := alone.run(d)
			assert.Nil(t, r.sheets, "kind %s on %s: reads the sheets without Options.Sheets", k.Name, files[i])
		}
	}
}
