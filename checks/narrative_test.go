package checks

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// lint checks text with the default pack, keeping only the findings of rule id.
func lint(t *testing.T, text, id string) []Finding {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	require.NotNil(t, set.Lookup(id), "rule %s", id)
	for _, r := range set.Rules {
		require.NoError(t, set.SetEnabled(r.ID, r.ID == id))
	}
	eng, err := New(set)
	require.NoError(t, err)
	d, err := parser.Parse("t.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	fs, _ := eng.Run(d)
	return fs
}

func excerpt(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "excerpts", name))
	require.NoError(t, err)
	return string(b)
}

// The seed's two numbering gaps, at their lines.
func TestNumberingSeed(t *testing.T) {
	seed := excerpt(t, "../seed/sc-panzhihua-xiqu-bianban-2024-final.txt")
	fs := lint(t, seed, "numbering-gap")
	require.Len(t, fs, 2)
	assert.Equal(t, 121, fs[0].Line, "第四部分 after 第二部分")
	assert.Equal(t, 164, fs[1].Line, "（四） after （二）")
	fs = lint(t, seed, "numbering-unnumbered")
	require.Len(t, fs, 2)
	assert.Contains(t, fs[0].Claim+fs[1].Claim, "国有资本经营预算支出决算情况说明")
}

// The excerpts are real page texts; every finding on them is one a reviewer
// confirmed (see the corpus labels), and nothing else is reported.
func TestRealExcerpts(t *testing.T) {
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := New(set)
	require.NoError(t, err)
	for _, tc := range []struct {
		file string
		want []string // rule@line, warnings and errors
		info []string // rule@line, notes the reviewer sees too
	}{
		{"sthj-2025-final-narrative.txt", []string{"change-direction@147", "change-rate@190"}, nil},
		{"yichuan-2025-final-narrative.txt", []string{"change-rate@21", "share-percent-sign@31", "change-rate@202"}, []string{"zero-base-rate@203"}},
		{"baiqing-2014-exec-report.txt", []string{"change-rate@1", "change-rate@1"}, nil},
		{"dongxiang-2014-final.txt", []string{"placeholder-name@1", "placeholder-blank-amount@1", "placeholder-blank-amount@1"}, nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			d, err := parser.Parse(tc.file, doc.FormatText, []byte(excerpt(t, tc.file)))
			require.NoError(t, err)
			fs, cov := eng.Run(d)
			var got, notes []string
			for _, f := range fs {
				at := f.Rule + "@" + strconv.Itoa(f.Line)
				switch {
				case f.Severity != rules.Info:
					got = append(got, at)
				case slices.Contains(tc.info, at):
					notes = append(notes, at)
				}
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.info, notes)
			assert.Greater(t, cov.Checked, 0)
		})
	}
}
