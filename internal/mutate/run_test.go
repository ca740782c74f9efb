package mutate

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

func engine(t *testing.T) *checks.Engine {
	t.Helper()
	set, err := rules.Default()
	require.NoError(t, err)
	e, err := checks.New(set)
	require.NoError(t, err)
	return e
}

func TestRunFileOnAnExecutionReport(t *testing.T) {
	ms, err := RunFile(filepath.Join("testdata", "exec-report.txt"), Config{Seed: 3, PerDoc: 100, Engine: engine(t)})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	byOld := map[string]Mutant{}
	for _, m := range ms {
		require.Empty(t, m.Err, "%+v", m)
		require.Equal(t, "exec-report.txt", m.Doc)
		require.False(t, m.Flagged, "the excerpt is consistent: nothing flagged before planting")
		byOld[m.Op+" "+m.Old] = m
	}
	// a moved share in a sentence that states part and whole is caught on its line
	share := byOld["share 73.50"]
	require.Equal(t, 5, share.Line)
	require.True(t, share.Caught, "%+v", share)
	require.Contains(t, share.Rules, "share-mismatch")
	require.Contains(t, share.Context, "[73.50→")
	// a swapped direction word beside its amount and rate is caught
	dir := byOld["direction-amount 增支"]
	require.True(t, dir.Caught, "%+v", dir)
	// a fund revenue decline whose base is printed nowhere cannot be caught
	decline := byOld["direction-rate 下降"]
	require.False(t, decline.Checkable)
	require.False(t, decline.Caught, "%+v", decline)
}

func TestRunFileSameSeedSameMutants(t *testing.T) {
	e := engine(t)
	cfg := Config{Seed: 11, PerDoc: 4, Engine: e}
	a, err := RunFile(filepath.Join("testdata", "exec-report.txt"), cfg)
	require.NoError(t, err)
	b, err := RunFile(filepath.Join("testdata", "exec-report.txt"), cfg)
	require.NoError(t, err)
	require.Equal(t, a, b)
	require.Len(t, a, 4)
	ops := map[string]bool{}
	for _, m := range a {
		ops[m.Op] = true
	}
	require.Len(t, ops, 4, "round-robin: four operators, one mutant each")
}

func TestPatchRawKeepsTheOriginal(t *testing.T) {
	raw := &doc.Raw{Format: doc.FormatPDF, Source: "收入150.20亿元\f增长3.99%", PageLines: true,
		Lines: []doc.Line{
			{Text: "收入150.20亿元", Pos: doc.OffsetsOf([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), Page: 1,
				Geo: &doc.LineGeo{Segments: []doc.Segment{{Text: "收入", Start: 0}, {Text: "150.20亿元", Start: 2}}}},
			{Text: "增长3.99%", Pos: doc.OffsetsOf([]int{11, 12, 13, 14, 15, 16, 17}), Page: 2},
		}}
	cp := patchRaw(raw, []edit{{off: 2, r: '2'}, {off: 11, r: '下'}, {off: 12, r: '降'}})
	require.Equal(t, "收入250.20亿元\f下降3.99%", cp.Source)
	require.Equal(t, "收入250.20亿元", cp.Lines[0].Text)
	require.Equal(t, "250.20亿元", cp.Lines[0].Geo.Segments[1].Text)
	require.Equal(t, "下降3.99%", cp.Lines[1].Text)
	// the reader's result is reused for every copy: it must not change
	require.Equal(t, "收入150.20亿元\f增长3.99%", raw.Source)
	require.Equal(t, "收入150.20亿元", raw.Lines[0].Text)
	require.Equal(t, "150.20亿元", raw.Lines[0].Geo.Segments[1].Text)
}

func TestOffsetCountsLinesAsTheSourceDoes(t *testing.T) {
	text := "第一行\n第二行\f第三页一\n第三页二"
	for _, tc := range []struct {
		pages           bool
		page, line, col int
		want            string
	}{
		{false, 0, 2, 2, "二"},
		{true, 2, 1, 1, "第"},
		{true, 2, 2, 3, "页"},
		{true, 1, 2, 1, "第"},
	} {
		s := &source{text: []rune(text), pages: tc.pages}
		off := s.offset(tc.page, tc.line, tc.col)
		require.Equal(t, tc.want, string(s.text[off]), "%+v", tc)
	}
}

// A finding over a page break names its start page only; its end line,
// smaller than its start line, is on the next page, and the finding still
// covers a change made there.
func TestSpanOverAPageBreak(t *testing.T) {
	text := []rune("第一行\n第二行\f第三页一\n第三页二")
	s := &source{text: text, pages: true, lineOf: make([]int32, len(text)+1)}
	line := int32(0)
	for i, r := range text {
		s.lineOf[i] = line
		if r == '\n' || r == '\f' {
			line++
		}
	}
	s.lineOf[len(text)] = line
	f := checks.Finding{Page: 1, Line: 2, Column: 1, EndLine: 1, EndColumn: 3}
	require.Equal(t, [2]int{1, 2}, s.span(f))
	require.True(t, near(s.span(f), 2, 2), "a change on the next page's first line is within the finding")
	one := checks.Finding{Page: 2, Line: 1, Column: 1, EndLine: 2, EndColumn: 2}
	require.Equal(t, [2]int{2, 3}, s.span(one))
}

func TestWriteTableAndTSV(t *testing.T) {
	ms := []Mutant{
		{Doc: "a.pdf", Kind: "execution", Op: "share", Checkable: true, Why: "sentence: whole before the part", Caught: true, Rules: []string{"share-mismatch"}},
		{Doc: "a.pdf", Kind: "execution", Op: "share", Checkable: true, Why: "document: the named whole is stated"},
		{Doc: "b.html", Kind: "bulletin", Op: "growth-rate", Why: "prior-year figure not stated"},
		{Doc: "b.html", Kind: "bulletin", Op: "growth-rate", Err: "the source writes 'x' otherwise"},
	}
	var tbl bytes.Buffer
	require.NoError(t, WriteTable(&tbl, ms, 5, map[string]error{"c.pdf": errors.New("malformed PDF")}))
	out := tbl.String()
	require.Contains(t, out, "3 mutants in 2 documents (seed 5; 1 copies could not be built)")
	require.Contains(t, out, "1/3 = 33.3% of all; 1/2 = 50.0% of the checkable")
	require.Contains(t, out, "not mutated: c.pdf: malformed PDF")
	require.Contains(t, out, "bulletins left out): 1/2 = 50.0% of all; 1/2 = 50.0% of the checkable, in 1 documents")
	require.Regexp(t, `share\s+2\s+1\s+50.0%\s+2\s+1\s+50.0%\s+0`, out)
	require.Contains(t, out, "1  growth-rate: prior-year figure not stated")
	require.Contains(t, out, "1  share: document: the named whole is stated")

	var tsv bytes.Buffer
	require.NoError(t, WriteTSV(&tsv, ms, MissedCheckable))
	lines := strings.Split(strings.TrimSpace(tsv.String()), "\n")
	require.Len(t, lines, 2, "header and the one missed checkable mutant")
	require.Equal(t, TSVHeader, lines[0])
	require.True(t, strings.HasPrefix(lines[1], "a.pdf\texecution\tshare\t"))
}
