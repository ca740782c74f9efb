package checks_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/rules"
)

// labelFile is the shape of ../shared/corpus/labels/*.json.
type labelFile struct {
	Doc      string  `json:"doc"`
	Complete *bool   `json:"complete"`
	Labels   []label `json:"labels"`
}

type label struct {
	Kind      string   `json:"kind"`
	Line      int      `json:"line"`
	Lines     []int    `json:"lines"`
	Page      int      `json:"page"`
	Pages     []int    `json:"pages"`
	Quote     string   `json:"quote"`
	AltQuotes []string `json:"alt_quotes"`
	Required  *bool    `json:"required"`
}

var labelNumRe = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)

func labelNumbers(s string) map[string]bool {
	out := map[string]bool{}
	for _, n := range labelNumRe.FindAllString(output.NormaliseClaim(s), -1) {
		n = strings.ReplaceAll(n, ",", "")
		if len(n) >= 3 || strings.Contains(n, ".") {
			out[n] = true
		}
	}
	return out
}

func overlaps(claim, quote string) bool {
	c, q := output.NormaliseClaim(claim), output.NormaliseClaim(quote)
	if c == "" || q == "" {
		return false
	}
	if (len([]rune(c)) >= 4 && strings.Contains(q, c)) || strings.Contains(c, q) {
		return true
	}
	qn := labelNumbers(q)
	for n := range labelNumbers(c) {
		if qn[n] {
			return true
		}
	}
	return false
}

// matches applies the scorecard's rule: same line or page (±1) and a claim
// that overlaps the quote.
func (l label) matches(f checks.Finding) bool {
	lines := l.Lines
	if l.Line > 0 {
		lines = append(lines, l.Line)
	}
	pages := l.Pages
	if l.Page > 0 {
		pages = append(pages, l.Page)
	}
	if len(lines) > 0 {
		ok := false
		for _, ln := range lines {
			if f.Line-1 <= ln && ln <= f.EndLine+1 {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if len(pages) > 0 {
		ok := false
		for _, p := range pages {
			if f.Page != 0 && f.Page-p <= 1 && p-f.Page <= 1 {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	text := f.Claim + " " + f.Context
	if overlaps(text, l.Quote) {
		return true
	}
	for _, q := range l.AltQuotes {
		if overlaps(text, q) {
			return true
		}
	}
	return false
}

// TestCorpusLabels runs the default rules over every labelled corpus
// document: each required contradiction is found, and in documents whose
// labels are complete no other warning or error is reported.
func TestCorpusLabels(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	files, _ := filepath.Glob(filepath.Join(root, "labels", "*.json"))
	if len(files) == 0 {
		t.Skip("no ../shared/corpus/labels: the shared corpus is not next to this clone")
	}
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	for _, lf := range files {
		var spec labelFile
		data, err := os.ReadFile(lf)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &spec))
		t.Run(filepath.Base(spec.Doc), func(t *testing.T) {
			d, err := parser.Open(filepath.Join(root, spec.Doc), parser.DefaultLimits)
			require.NoError(t, err)
			fs, _ := eng.Run(d)
			for _, l := range spec.Labels {
				if l.Required != nil && !*l.Required {
					continue
				}
				found := false
				for _, f := range fs {
					found = found || l.matches(f)
				}
				assert.True(t, found, "missed %s at %v%v: %s", l.Kind, l.Line, l.Lines, l.Quote)
			}
			if spec.Complete != nil && !*spec.Complete {
				return
			}
			for _, f := range fs {
				if f.Severity == rules.Info {
					continue
				}
				matched := false
				for _, l := range spec.Labels {
					matched = matched || l.matches(f)
				}
				assert.True(t, matched, "false alarm %s at line %d: %s", f.Rule, f.Line, f.Claim)
			}
		})
	}
}
