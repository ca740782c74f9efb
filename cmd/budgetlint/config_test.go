package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/rules"
)

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// testRuleFile defines two rules so config tests do not depend on what the
// default pack holds today.
const testRuleFile = `rules:
  - id: t-share
    kind: share
    severity: error
    summary: test share rule
    params: {test: value}
  - id: t-leftover
    kind: placeholder
    summary: test leftover rule
    params: {patterns: ["增加/减少"]}
`

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "rules: {}\nfail_levle: error\n", ".budgetlint.yaml:2: unknown key fail_levle"},
		{"bad severity", "rules:\n  t-share: fatal\n", ".budgetlint.yaml:2: rules: t-share: want off, error, warning or info"},
		{"bad fail level", "fail_level: loud\n", "fail_level: unknown severity"},
		{"bad glob", "exclude: ['[x']\n", "exclude \"[x\""},
		{"unknown rule", "rule_files: [r.yaml]\nrules:\n  t-share: error\n  no-such-rule: off\n", ".budgetlint.yaml:4: rules: unknown rule \"no-such-rule\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "r.yaml"), testRuleFile)
			file := writeFile(t, filepath.Join(dir, ".budgetlint.yaml"), tt.yaml)
			c, err := loadConfig(file)
			if err == nil {
				_, err = ruleSetFor(c, checkOptions{})
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestConfigFoundUpwardAndRefined(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "rules", "r.yaml"), testRuleFile)
	writeFile(t, filepath.Join(root, ".budgetlint.yaml"), "rule_files: [rules/r.yaml]\nrules: {t-share: warning}\nexclude: [archive]\nfail_level: error\n")
	writeFile(t, filepath.Join(root, "city", "district", ".budgetlint.yaml"), "extends: ../../.budgetlint.yaml\nrules: {t-leftover: off}\nexclude: ['*-draft.*']\n")
	deep := filepath.Join(root, "city", "district", "town")
	require.NoError(t, os.MkdirAll(deep, 0o755))

	file := findConfig(deep)
	assert.Equal(t, filepath.Join(root, "city", "district", ".budgetlint.yaml"), file)
	c, err := loadConfig(file)
	require.NoError(t, err)
	assert.Equal(t, "error", c.FailLevel, "inherited")
	assert.Equal(t, []string{"archive", "*-draft.*"}, c.Exclude)

	set, err := ruleSetFor(c, checkOptions{})
	require.NoError(t, err)
	assert.Equal(t, rules.Warning, set.Lookup("t-share").Severity)
	assert.False(t, set.Lookup("t-leftover").On())

	// flags override the config
	set, err = ruleSetFor(c, checkOptions{enable: multiFlag{"t-leftover"}, disable: multiFlag{"t-share"}})
	require.NoError(t, err)
	assert.True(t, set.Lookup("t-leftover").On())
	assert.False(t, set.Lookup("t-share").On())

	assert.Equal(t, "", findConfig(string(filepath.Separator)+"nonexistent-budgetlint-dir"))
}
