package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/rules"
)

// Every test a kind registers is run by some rule of the default pack, and
// every kind the engine runs has at least one test: a test nobody runs is
// dead code, a rule naming a test nobody registered fails to load.
func TestEveryRegisteredTestIsUsed(t *testing.T) {
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	used := map[string]map[string]bool{}
	for _, r := range set.Rules {
		k := KindOf(r.Kind)
		require.NotNil(t, k, "rule %s: kind %s", r.ID, r.Kind)
		if k.ByEngine {
			continue
		}
		test, err := r.DecodeParamsWithTest(k.Defaults())
		require.NoError(t, err)
		if test == "" && len(k.tests) == 1 {
			test = k.TestNames()[0]
		}
		if used[r.Kind] == nil {
			used[r.Kind] = map[string]bool{}
		}
		used[r.Kind][test] = true
	}
	for _, name := range Kinds() {
		k := KindOf(name)
		if k.ByEngine {
			assert.Empty(t, k.tests, name)
			continue
		}
		assert.NotEmpty(t, k.tests, "kind %s has no test", name)
		for _, tn := range k.TestNames() {
			assert.True(t, used[name][tn], "test %s of kind %s is run by no default rule", tn, name)
		}
	}
}

// Typed parameters start from their defaults and take what a rule file sets.
func TestTypedParamsDefaultsAndOverrides(t *testing.T) {
	tests := []struct {
		name, yaml string
		check      func(t *testing.T, p any)
	}{
		{"table-completeness set", "kind: table-completeness\nparams: {min_found: 5}", func(t *testing.T, p any) {
			assert.Equal(t, 5, p.(*tableCompleteness).MinFound)
		}},
		{"numbering keeps its default suffixes", "kind: numbering\nparams: {test: gap}", func(t *testing.T, p any) {
			assert.Equal(t, []string{"情况说明", "说明", "情况"}, p.(*numbering).Suffixes)
		}},
		{"numbering suffixes set", "kind: numbering\nparams: {test: unnumbered, heading_suffixes: [报告]}", func(t *testing.T, p any) {
			assert.Equal(t, []string{"报告"}, p.(*numbering).Suffixes)
		}},
		{"placeholder compiles its patterns", "kind: placeholder\nparams: {patterns: ['X+局']}", func(t *testing.T, p any) {
			require.Len(t, p.(*placeholder).res, 1)
			assert.True(t, p.(*placeholder).res[0].MatchString("XX局"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ruleFromYAML(t, "id: x\nseverity: error\n"+tt.yaml)
			k := KindOf(r.Kind)
			p := k.Defaults()
			_, err := r.DecodeParamsWithTest(p)
			require.NoError(t, err)
			if pr, ok := p.(preparer); ok {
				require.NoError(t, pr.prepare())
			}
			tt.check(t, p)
			_, err = k.build(r)
			require.NoError(t, err)
		})
	}
}

func TestBuildErrorsNameTheRule(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"kind: share", `params.test is needed: one of complete, siblings, sign, value, zero-whole`},
		{"kind: share\nparams: {test: average}", `params.test "average": want one of complete, siblings, sign, value, zero-whole`},
		{"kind: placeholder\nparams: {patterns: []}", "at least one pattern"},
		{"kind: placeholder\nparams: {patterns: ['(']}", "missing closing )"},
		{"kind: table-columns\nparams: {people: ['301']}", "unknown key people"},
	}
	for _, tt := range tests {
		r := ruleFromYAML(t, "id: x\n"+tt.yaml)
		_, err := KindOf(r.Kind).build(r)
		require.Error(t, err, tt.yaml)
		assert.Contains(t, err.Error(), "rule x: ")
		assert.Contains(t, err.Error(), tt.want)
	}
}

func ruleFromYAML(t *testing.T, y string) *rules.Rule {
	t.Helper()
	set := &rules.Set{}
	require.NoError(t, set.AddBytes("t.yaml", []byte("rules:\n  - "+indent(y))))
	require.Len(t, set.Rules, 1)
	return set.Rules[0]
}

func indent(s string) string {
	out := []rune{}
	for _, r := range s {
		out = append(out, r)
		if r == '\n' {
			out = append(out, []rune("    ")...)
		}
	}
	return string(out)
}
