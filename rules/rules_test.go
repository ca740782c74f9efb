package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// userFile writes a user rule file into a temp dir and returns its path.
func userFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "my-rules.yaml")
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func defaults(t *testing.T) *Set {
	t.Helper()
	s, err := Default()
	require.NoError(t, err)
	return s
}

func TestDefaultPackLoadsAndExplainsEveryRule(t *testing.T) {
	s := defaults(t)
	require.NotEmpty(t, s.Rules)
	ids := map[string]bool{}
	for _, r := range s.Rules {
		t.Run(r.ID, func(t *testing.T) {
			assert.False(t, ids[r.ID], "id defined twice")
			ids[r.ID] = true
			assert.NotEmpty(t, r.Kind)
			assert.NotZero(t, r.Severity.Rank(), "severity %q", r.Severity)
			assert.NotEmpty(t, strings.TrimSpace(r.Summary), "summary: `budgetlint rules` shows it")
			assert.NotEmpty(t, strings.TrimSpace(r.Explain), "explain: `budgetlint explain` shows it")
			assert.NotEmpty(t, strings.TrimSpace(r.Example), "example: `budgetlint explain` shows it")
			assert.NotEmpty(t, strings.TrimSpace(r.Message), "message template")
			assert.True(t, strings.HasPrefix(r.File, "rules/"), "file %q", r.File)
			assert.Greater(t, r.Line, 0)
			assert.Same(t, r, s.Lookup(r.ID))
		})
	}
	// the rules the issue requires
	for _, id := range []string{"share-mismatch", "sum-parts", "change-rate", "change-direction", "zero-base-rate",
		"cause-direction", "cause-empty", "completion-rate", "budget-comparison", "restated-figure",
		"placeholder-alternatives", "year-comparison", "year-date", "numbering-gap", "numbering-unnumbered",
		"punct-doubled", "punct-unbalanced"} {
		assert.NotNil(t, s.Lookup(id), "default pack lacks %s", id)
	}
	for _, v := range []string{"increase", "decrease", "flat", "cause_increase", "cause_decrease", "alternatives"} {
		assert.NotEmpty(t, s.Vocab(v), "vocabulary %s", v)
	}
}

// The line of share-mismatch's definition is where `- id: share-mismatch` stands.
func TestDefaultRuleLines(t *testing.T) {
	s := defaults(t)
	r := s.Lookup("share-mismatch")
	require.NotNil(t, r)
	src := string(DefaultSources()["default.yaml"])
	lines := strings.Split(src, "\n")
	require.Greater(t, len(lines), r.Line)
	assert.Contains(t, lines[r.Line-1], "id: share-mismatch")
}

func TestStrictDecoding(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // after the file name
	}{
		{"unknown top-level key", "pack: mine\nfoo: 1\n", ":2: unknown key foo"},
		{"unknown key in a rule", "rules:\n  - id: my-rule\n    kind: share\n    sevrity: error\n", ":4: unknown key sevrity"},
		{"unknown key in a repeated rule", "rules:\n  - id: share-mismatch\n    severty: info\n", ":3: unknown key severty"},
		{"a misspelt list", "rules: []\ndisabel: [year-mention]\n", ":2: unknown key disabel"},
		{"a rule without an id", "rules:\n  - kind: share\n", ":2: rule without id"},
		{"a new rule without a kind", "rules:\n  - id: my-rule\n    severity: error\n", ":2: rule my-rule has no kind"},
		{"an unknown severity", "rules:\n  - id: my-rule\n    kind: share\n    severity: fatal\n", ":2: rule my-rule: unknown severity \"fatal\""},
		{"an unknown rule in disable", "disable: [no-such-rule]\n", ": disable: unknown rule \"no-such-rule\""},
		{"not YAML", "rules: [\n", ""},
		{"a severity typed in capitals", "rules:\n  - id: my-rule\n    kind: share\n    severity: Error\n", ":2: rule my-rule: unknown severity \"Error\""},
		{"a misspelt severity", "rules:\n  - id: share-mismatch\n    severity: eror\n", ":2: rule share-mismatch: unknown severity \"eror\""},
		{"an unknown vocabulary list", "vocabulary:\n  increse: [增幅]\n", ":2: vocabulary: unknown list increse (did you mean increase?)"},
		{"a key written twice in a rule", "rules:\n  - id: share-mismatch\n    severity: error\n    severity: info\n", ":4: duplicate key severity (first written at line 3)"},
		{"a key written twice in params", "rules:\n  - id: share-mismatch\n    params:\n      test: value\n      test: sign\n", ":5: duplicate key test"},
		{"a vocabulary list written twice", "vocabulary:\n  increase: [增幅]\n  increase: [提升]\n", ":3: duplicate key increase"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := defaults(t)
			p := userFile(t, tc.yaml)
			err := s.AddFile(p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), p, "the error names the file")
			if tc.want != "" {
				assert.Contains(t, err.Error(), p+tc.want)
			}
		})
	}
}

// An unknown key is reported at its line in the user's file. (Regression:
// the line in a re-encoded copy, which had lost blank lines and comments.)
func TestStrictDecodingLineWithBlankLines(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"# comment\npack: mine\n\nrules:\n  - id: a-rule\n    kind: share\n\n\n    sevrity: error\n", ":9: unknown key sevrity"},
		{"pack: x\n\n\nfoo: 1\n", ":4: unknown key foo"},
	} {
		s := defaults(t)
		p := userFile(t, tc.yaml)
		err := s.AddFile(p)
		require.Error(t, err)
		assert.Contains(t, err.Error(), p+tc.want)
	}
}

func TestUserFileOverridesAndDisables(t *testing.T) {
	s := defaults(t)
	before := s.Lookup("zero-base-rate")
	require.NotNil(t, before)
	require.NotEqual(t, Error, before.Severity, "the test needs a rule that is not an error by default")
	kind, explain := before.Kind, before.Explain
	require.True(t, s.Lookup("year-mention").On())
	n := len(s.Rules)

	p := userFile(t, "vocabulary:\n  increase: [增幅]\nrules:\n  - id: zero-base-rate\n    severity: error\ndisable: [year-mention]\n")
	require.NoError(t, s.AddFile(p))

	r := s.Lookup("zero-base-rate")
	assert.Same(t, before, r, "a repeated id changes the rule, it does not add one")
	assert.Equal(t, n, len(s.Rules))
	assert.Equal(t, Error, r.Severity)
	assert.Equal(t, kind, r.Kind, "fields the user did not repeat stay")
	assert.Equal(t, explain, r.Explain)
	assert.True(t, r.On())
	assert.False(t, s.Lookup("year-mention").On(), "disable: turns a rule off")

	inc := s.Vocab("increase")
	assert.Contains(t, inc, "增幅", "the user's word is added")
	assert.Contains(t, inc, "增加", "the default words stay")
	assert.Contains(t, inc, "增长")
}

func TestUserFileAddsARuleAndVocabularyStaysUnique(t *testing.T) {
	s := defaults(t)
	n := len(s.Vocab("decrease"))
	p := userFile(t, "vocabulary:\n  decrease: [减少, 收窄]\nrules:\n  - id: my-share\n    kind: share\n    params: {test: value}\n")
	require.NoError(t, s.AddFile(p))
	r := s.Lookup("my-share")
	require.NotNil(t, r)
	assert.Equal(t, Warning, r.Severity, "a new rule without severity is a warning")
	assert.Equal(t, p, r.File)
	assert.Equal(t, 4, r.Line, "the line of `- id: my-share`")
	assert.Len(t, s.Vocab("decrease"), n+1, "减少 is already there; only 收窄 is new")
}

func TestEnableDisableAndSeverityByID(t *testing.T) {
	s := defaults(t)
	tests := []struct {
		name string
		do   func() error
		ok   bool
	}{
		{"disable a known rule", func() error { return s.SetEnabled("share-mismatch", false) }, true},
		{"enable it again", func() error { return s.SetEnabled("share-mismatch", true) }, true},
		{"unknown id", func() error { return s.SetEnabled("no-such-rule", false) }, false},
		{"severity of a known rule", func() error { return s.SetSeverity("share-mismatch", Info) }, true},
		{"severity of an unknown rule", func() error { return s.SetSeverity("no-such-rule", Info) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do()
			if tc.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, "no-such-rule")
			}
		})
	}
	assert.True(t, s.Lookup("share-mismatch").On())
	assert.Equal(t, Info, s.Lookup("share-mismatch").Severity)
}

func TestParseSeverity(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Severity
		ok   bool
	}{
		{"error", Error, true}, {" Warning ", Warning, true}, {"INFO", Info, true}, {"fatal", "", false}, {"", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseSeverity(tc.in)
			if !tc.ok {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	assert.True(t, Error.AtLeast(Warning))
	assert.False(t, Info.AtLeast(Warning))
}

// A severity is one of three words, in a new rule and in a redefinition
// alike: `eror` or `Error` must not quietly turn a failing check into a pass.
func TestSeverityValidatedEverywhere(t *testing.T) {
	for _, y := range []string{
		"rules:\n  - id: share-mismatch\n    severity: eror\n",
		"rules:\n  - id: share-mismatch\n    severity: Error\n",
		"rules:\n  - id: mine\n    kind: share\n    severity: critical\n",
	} {
		set, err := Default()
		require.NoError(t, err)
		err = set.AddBytes("user.yaml", []byte(y))
		require.Error(t, err, y)
		assert.Contains(t, err.Error(), "user.yaml:2: rule ")
		assert.Contains(t, err.Error(), "unknown severity")
	}
}

// `budgetlint rules` reads as one list: every summary is unique and in one
// style (a lower-case fragment without a full stop, short enough for a line).
// In every language.
func TestSummariesUniqueAndOneStyle(t *testing.T) {
	for _, lang := range Langs() {
		t.Run(lang, func(t *testing.T) { summariesOneStyle(t, lang) })
	}
}

func summariesOneStyle(t *testing.T, lang string) {
	set, err := DefaultIn(lang)
	require.NoError(t, err)
	seen := map[string]string{}
	for _, r := range set.Rules {
		s := r.Summary
		require.NotEmpty(t, s, r.ID)
		first := []rune(s)[0]
		assert.False(t, lang == English && first >= 'A' && first <= 'Z', "%s: summary starts with a capital: %q", r.ID, s)
		assert.False(t, strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。"), "%s: summary ends with a full stop", r.ID)
		assert.LessOrEqual(t, len([]rune(s)), 90, "%s: summary too long for one line", r.ID)
		if other, dup := seen[s]; dup {
			t.Errorf("%s and %s share the summary %q", r.ID, other, s)
		}
		seen[s] = r.ID
	}
}
