package checks

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// engineWith loads the default pack plus one user rule file and builds the engine.
func engineWith(t *testing.T, userYAML string) (string, *Engine, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "user.yaml")
	require.NoError(t, os.WriteFile(p, []byte(userYAML), 0o644))
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	require.NoError(t, set.AddFile(p), "the file itself decodes; params are each kind's business")
	eng, err := New(set)
	return p, eng, err
}

// Params are decoded by each check kind when the engine is built: an
// unknown key or value there is an error naming the file and the line.
func TestParamsDecodedStrictlyByEachKind(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // after the file name
	}{
		{"unknown key in a new rule's params (flow style)", "rules:\n  - id: my-share\n    kind: share\n    params: {test: value, tolerance: 1}\n", ":4: rule my-share: params: "},
		{"unknown key in a repeated rule's params", "rules:\n  - id: change-rate\n    params: {test: rate, epsilon: 0.01}\n", ":3: rule change-rate: params: "},
		{"unknown test of a kind", "rules:\n  - id: my-sum\n    kind: sum\n    params: {test: average}\n", ":2: rule my-sum: params.test \"average\""},
		{"unknown kind", "rules:\n  - id: my-rule\n    kind: no-such-kind\n", ":2: rule my-rule: unknown kind \"no-such-kind\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, eng, err := engineWith(t, tc.yaml)
			require.Error(t, err)
			assert.Nil(t, eng)
			assert.Contains(t, err.Error(), p+tc.want)
		})
	}
	// the unknown key is named
	_, _, err := engineWith(t, "rules:\n  - id: my-share\n    kind: share\n    params: {test: value, tolerance: 1}\n")
	assert.ErrorContains(t, err, "unknown key tolerance")
}

// In block-style params an unknown key is reported at its own line.
// (Regression: the params mapping's first line plus a line number relative
// to a re-encoded copy.)
func TestParamsUnknownKeyLineInBlockStyle(t *testing.T) {
	p, _, err := engineWith(t, "rules:\n  - id: share-mismatch\n    params:\n      test: value\n      tolerance: 1\n")
	require.Error(t, err)
	assert.Contains(t, err.Error(), p+":5:")
}

// A user file that changes a rule's severity, disables one and adds a
// word to a vocabulary changes what the engine reports.
func TestUserRulesChangeFindings(t *testing.T) {
	const text = "第一部分 2024年度部门决算情况说明\n" +
		"本年收入合计157.60万元，其中：财政拨款收入154.25万元，占97.85%。\n" +
		"公务接待费支出决算为 0.40 万元。公务接待费支出决算增加 0.40 万元，增长 100%。\n"
	d, err := parser.Parse("t.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	count := func(eng *Engine) map[string]rules.Severity {
		fs, _ := eng.Run(d)
		out := map[string]rules.Severity{}
		for _, f := range fs {
			out[f.Rule] = f.Severity
		}
		return out
	}
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	base, err := New(set)
	require.NoError(t, err)
	before := count(base)
	require.Contains(t, before, "share-mismatch")
	require.Contains(t, before, "zero-base-rate")
	require.NotEqual(t, rules.Error, before["zero-base-rate"])

	_, eng, err := engineWith(t, "rules:\n  - id: zero-base-rate\n    severity: error\ndisable: [share-mismatch]\n")
	require.NoError(t, err)
	after := count(eng)
	assert.NotContains(t, after, "share-mismatch", "disabled")
	assert.Equal(t, rules.Error, after["zero-base-rate"], "severity changed by the user file")
}
