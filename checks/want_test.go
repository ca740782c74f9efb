package checks_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/checks/expect"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/rules"
)

func defaultEngine(t *testing.T) (*rules.Set, *checks.Engine) {
	t.Helper()
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	return set, eng
}

// The excerpts under testdata/want carry the findings they should produce;
// each is linted with the whole default pack, so a false alarm from any
// rule fails as an unexpected finding.
func TestWantFiles(t *testing.T) {
	_, eng := defaultEngine(t)
	fails, n, err := expect.Dir(eng, filepath.Join("testdata", "want"))
	require.NoError(t, err)
	require.NotZero(t, n, "no excerpts under testdata/want")
	for _, f := range fails {
		t.Error(f)
	}
}

// Every rule of the default pack has an excerpt where it fires and one
// where it stays silent, among the want files.
func TestEveryRuleHasPositiveAndNegativeCases(t *testing.T) {
	set, _ := defaultEngine(t)
	wanted := map[string]bool{}
	clean := map[string]bool{} // rules named in a "// silent RULE" line
	err := filepath.WalkDir(filepath.Join("testdata", "want"), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, wants, err := expect.Parse(string(data))
		if err != nil {
			return err
		}
		for _, w := range wants {
			wanted[w.Rule] = true
		}
		for _, id := range expect.Silent(string(data)) {
			clean[id] = true
		}
		return nil
	})
	require.NoError(t, err)
	var missing []string
	for _, r := range set.Rules {
		if k := checks.KindOf(r.Kind); k.ByEngine || k.OnNoText {
			continue // written by the engine; or judging PDFs without text (TestNoTextLayerOnlyFinding)
		}
		if !wanted[r.ID] {
			missing = append(missing, r.ID+" (no positive case)")
		}
		if !clean[r.ID] {
			missing = append(missing, r.ID+" (no negative case)")
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "rules without want cases:\n%s", strings.Join(missing, "\n"))
}

// Every rule's example, the text `budgetlint explain` prints, makes that
// rule fire when linted with the whole pack.
func TestEveryExampleFires(t *testing.T) {
	set, eng := defaultEngine(t)
	for _, r := range set.Rules {
		if k := checks.KindOf(r.Kind); k.ByEngine || k.OnNoText {
			continue // no text to run; see TestNoTextLayerOnlyFinding
		}
		t.Run(r.ID, func(t *testing.T) {
			require.NotEmpty(t, r.Example, "rule has no example")
			name := "example.txt"
			if strings.Contains(r.Example, "<!--") || strings.Contains(r.Example, "<p>") {
				name = "example.html"
			}
			d, err := parser.Parse(name, parser.FormatOf(name), []byte(r.Example))
			require.NoError(t, err)
			fs, _ := eng.Run(d)
			var got []string
			for _, f := range fs {
				if f.Rule == r.ID {
					return
				}
				got = append(got, f.Rule)
			}
			t.Errorf("example does not make %s fire (found: %v)\n%s", r.ID, got, r.Example)
		})
	}
}
