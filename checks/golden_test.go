package checks

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// go test ./checks -run Golden -update rewrites the golden file.
var updateGolden = flag.Bool("update", false, "rewrite testdata/seed/*.golden.json from the current findings")

const (
	seedReport = "sc-panzhihua-xiqu-bianban-2024-final"
	seedPath   = "../testdata/seed/" + seedReport + ".txt"
	goldenPath = "../testdata/seed/" + seedReport + ".findings.golden.json"
)

// goldenFinding is what the golden file pins of each finding.
type goldenFinding struct {
	Rule      string         `json:"rule"`
	Severity  rules.Severity `json:"severity"`
	Line      int            `json:"line"`
	Column    int            `json:"column"`
	EndLine   int            `json:"end_line"`
	EndColumn int            `json:"end_column"`
	Claim     string         `json:"claim"`
	Stated    string         `json:"stated,omitempty"`
	Expected  string         `json:"expected,omitempty"`
}

func seedFindings(t *testing.T) []Finding {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	d, err := parser.Parse(seedPath, doc.FormatText, data)
	require.NoError(t, err)
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := New(set)
	require.NoError(t, err)
	fs, cov := eng.Run(d)
	require.Greater(t, cov.Checked, 0)
	return fs
}

func TestGoldenSeedFindings(t *testing.T) {
	fs := seedFindings(t)
	got := make([]goldenFinding, 0, len(fs))
	for _, f := range fs {
		got = append(got, goldenFinding{f.Rule, f.Severity, f.Line, f.Column, f.EndLine, f.EndColumn, f.Claim, f.Stated, f.Expected})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(got))
	if *updateGolden {
		require.NoError(t, os.WriteFile(goldenPath, buf.Bytes(), 0o644))
		t.Logf("wrote %s (%d findings)", goldenPath, len(got))
	}
	want, err := os.ReadFile(goldenPath)
	require.NoError(t, err, "run `go test ./checks -run Golden -update` to create it")
	assert.Equal(t, string(want), buf.String(), "findings on the seed changed; if on purpose, rerun with -update and review the diff")
}

// seedLabel is a contradiction a reviewer found in the seed: copied from
// /work/shared/corpus/labels/sc-panzhihua-xiqu-bianban-2024-final.json.
type seedLabel struct {
	kind   string
	lines  []int
	quotes []string // the quote, then alt quotes
}

// the 12 required labels
var seedRequired = []seedLabel{
	{"cause-direction", []int{33}, []string{"减少37.98万元，减少19.42%。主要变动原因是人员经费增加"}},
	{"cause-direction", []int{43}, []string{"减少37.98万元，减少19.42%。主要变动原因是人员经费增加"}},
	{"share", []int{47}, []string{"154.25万元，占本年支出合计的99.35%"}},
	{"cause-direction", []int{47}, []string{"减少40.06万元，减少20.62%。主要变动原因是人员经费增加引起"}},
	{"placeholder", []int{70}, []string{"增加/减少0万元，增长/下降0%"}},
	{"placeholder", []int{74}, []string{"增加/减少0万元，增长/下降0%"}},
	{"placeholder", []int{75}, []string{"增加/减少0万元，增长/下降0%"}},
	{"placeholder", []int{80}, []string{"增加/减少0万元，增长/下降0%"}},
	{"structure", []int{87}, []string{"国有资本经营预算支出决算情况说明"}},
	{"structure", []int{89}, []string{"其他重要事项的情况说明"}},
	{"structure", []int{101, 121}, []string{"第四部分", "名词解释"}},
	{"structure", []int{164}, []string{"（四）绩效结果应用情况"}},
}

// labels a finding may fairly match without being required
var seedOptional = []seedLabel{
	{"placeholder", []int{188}, []string{"专项预算项目绩效评价报告范本"}},
	{"placeholder", []int{202, 204}, []string{"项目绩效自评所抽样点位情况", "用来收集相关材料和开展具体评价的方法"}},
	{"zero-base-rate", []int{70, 74, 75, 80}, []string{"完成预算0%"}},
	{"year", []int{86}, []string{"本部门在2023年度部门决算中"}},
	{"year", []int{100, 125}, []string{"形成《2024年西区区委编办部门整体绩效评价报告》"}},
	{"zero-base-rate", []int{73, 94}, []string{"占0%"}},
	{"structure", []int{4}, []string{"（一）主要职能"}},
	{"typo", []int{158}, []string{"全区西区"}},
}

var (
	goldenNumRe = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)
	goldenSpace = regexp.MustCompile(`\s+`)
)

// goldenNorm folds full-width forms and drops white space, as the scorecard does.
func goldenNorm(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFF01 + 0x21
		}
		return r
	}, s)
	return goldenSpace.ReplaceAllString(s, "")
}

func goldenNumbers(s string) map[string]bool {
	out := map[string]bool{}
	for _, n := range goldenNumRe.FindAllString(goldenNorm(s), -1) {
		n = strings.ReplaceAll(n, ",", "")
		if len(n) >= 3 || strings.Contains(n, ".") {
			out[n] = true
		}
	}
	return out
}

// matches follows the scorecard: on the label's line (±1 of the finding's
// span) and a claim that overlaps the quote (same text, or a shared number).
func (l seedLabel) matches(f Finding) bool {
	onLine := false
	for _, ln := range l.lines {
		if f.Line-1 <= ln && ln <= f.EndLine+1 {
			onLine = true
		}
	}
	if !onLine {
		return false
	}
	c := goldenNorm(f.Claim + " " + f.Context)
	for _, q := range l.quotes {
		q = goldenNorm(q)
		if (len([]rune(c)) >= 4 && strings.Contains(q, c)) || strings.Contains(c, q) {
			return true
		}
		for n := range goldenNumbers(c) {
			if goldenNumbers(q)[n] {
				return true
			}
		}
	}
	return false
}

// The 12 required contradictions are found, whatever the golden file says,
// and every warning or error matches a label (precision 1.0).
func TestSeedRequiredContradictionsFound(t *testing.T) {
	fs := seedFindings(t)
	for _, l := range seedRequired {
		t.Run(fmt.Sprintf("%s@%v", l.kind, l.lines), func(t *testing.T) {
			found := false
			for _, f := range fs {
				found = found || l.matches(f)
			}
			assert.True(t, found, "no finding on line %v overlaps %q", l.lines, l.quotes[0])
		})
	}
	for _, f := range fs {
		if f.Severity == rules.Info {
			continue
		}
		ok := false
		for _, l := range append(append([]seedLabel{}, seedRequired...), seedOptional...) {
			ok = ok || l.matches(f)
		}
		assert.True(t, ok, "finding matches no label: %s %d:%d %q", f.Rule, f.Line, f.Column, f.Claim)
	}
}

// The copied labels are still the shared label file's required ones.
func TestSeedLabelsMatchSharedCorpus(t *testing.T) {
	p := filepath.Join("..", "..", "shared", "corpus", "labels", seedReport+".json")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("shared corpus not available (%s): %v", p, err)
	}
	var spec struct {
		Labels []struct {
			Kind      string   `json:"kind"`
			Line      int      `json:"line"`
			Lines     []int    `json:"lines"`
			Quote     string   `json:"quote"`
			AltQuotes []string `json:"alt_quotes"`
			Required  *bool    `json:"required"`
		} `json:"labels"`
	}
	require.NoError(t, json.Unmarshal(data, &spec))
	var req []seedLabel
	for _, l := range spec.Labels {
		if l.Required != nil && !*l.Required {
			continue
		}
		lines := l.Lines
		if len(lines) == 0 {
			lines = []int{l.Line}
		}
		req = append(req, seedLabel{l.Kind, lines, append([]string{l.Quote}, l.AltQuotes...)})
	}
	assert.Len(t, req, 12)
	assert.Equal(t, seedRequired, req)
}
