package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleLine returns the `budgetlint rules` line of rule id, split in fields.
func ruleLine(out, id string) []string {
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == id {
			return f
		}
	}
	return nil
}

func TestRulesAndExplainHonourConfig(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, ".budgetlint.yaml"), "rules:\n  share-mismatch: warning\n  unused-suppression: off\n")
	other := writeFile(t, filepath.Join(root, "other.yaml"), "rules: {share-mismatch: info}\n")
	writeFile(t, filepath.Join(root, "pack.yaml"), "rules:\n  - id: district-term\n    kind: placeholder\n    severity: warning\n    summary: old district name\n    params:\n      patterns: ['(旧区名)']\n")
	t.Chdir(root)

	tests := []struct {
		name     string
		args     []string
		id, want string // the severity column of id in `rules`
	}{
		{"config found in the working folder", []string{"rules"}, "share-mismatch", "warning"},
		{"a rule turned off shows off", []string{"rules"}, "unused-suppression", "off"},
		{"--config replaces it", []string{"rules", "--config", other}, "share-mismatch", "info"},
		{"--no-config shows the pack", []string{"rules", "--no-config"}, "share-mismatch", "error"},
		{"--rules adds a pack", []string{"rules", "--rules", "pack.yaml"}, "district-term", "warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, exitOK, run(tt.args, &out, &errb), errb.String())
			f := ruleLine(out.String(), tt.id)
			if assert.NotNil(t, f, out.String()) {
				assert.Equal(t, tt.want, f[1])
			}
		})
	}

	explain := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"severity as configured, and where", []string{"explain", "share-mismatch"}, exitOK,
			[]string{"share-mismatch (share, warning)", "Set to warning in " + filepath.Join(root, ".budgetlint.yaml") + ":2."}},
		{"off as configured", []string{"explain", "unused-suppression"}, exitOK,
			[]string{"unused-suppression (suppression, off)", "Turn on with --enable unused-suppression."}},
		{"flags after the rule id", []string{"explain", "share-mismatch", "--no-config"}, exitOK,
			[]string{"share-mismatch (share, error)", "Turn off with --disable share-mismatch."}},
		{"--config", []string{"explain", "--config", other, "share-mismatch"}, exitOK,
			[]string{"share-mismatch (share, info)"}},
		{"unknown flag", []string{"explain", "--colour", "share-mismatch"}, exitTrouble, nil},
	}
	for _, tt := range explain {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, tt.code, run(append(tt.args, "--lang", "en"), &out, &errb), errb.String())
			for _, w := range tt.want {
				assert.Contains(t, out.String(), w)
			}
		})
	}
}

func TestRulesCommandBadConfig(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, ".budgetlint.yaml"), "rules: {no-such-rule: off}\n")
	t.Chdir(root)
	var out, errb bytes.Buffer
	assert.Equal(t, exitTrouble, run([]string{"rules"}, &out, &errb))
	assert.Contains(t, errb.String(), `.budgetlint.yaml:1: rules: unknown rule "no-such-rule"`)
	assert.Equal(t, exitOK, run([]string{"rules", "--no-config"}, &out, &errb), "--no-config skips the broken file")
}

// explain shows the message template and the parameters a rule runs with,
// and the default of each parameter a rule file changed.
func TestExplainShowsMessageAndParameters(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, filepath.Join(dir, "r.yaml"), "rules:\n  - id: table-completeness\n    params: {min_found: 5}\n")
	var out, errb bytes.Buffer
	code := run([]string{"explain", "--no-config", "--lang", "en", "--rules", file, "table-completeness", "share-mismatch"}, &out, &errb)
	require.Equal(t, exitOK, code, errb.String())
	s := out.String()
	assert.Contains(t, s, "Message:\n    {table} is missing: {where}")
	assert.Contains(t, s, `min_found: 5 (default 3)`)
	assert.Contains(t, s, "test: value (one of complete, siblings, sign, value, zero-whole)")
}
