package main

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every check flag appears in --help on a line of its own with its
// description, so a new flag without a usage string fails here.
func TestCheckHelpListsEveryFlag(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"check", "--help"}, &out, &errb))
	assert.Empty(t, errb.String(), "help that was asked for goes to stdout")
	lines := map[string]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(f[0], "--") {
			lines[f[0]] = l
		}
	}
	var o checkOptions
	n := 0
	checkFlags(&o).VisitAll(func(f *flag.Flag) {
		n++
		l, ok := lines["--"+f.Name]
		if assert.True(t, ok, "--%s missing from --help:\n%s", f.Name, out.String()) {
			_, desc := flag.UnquoteUsage(f)
			assert.Contains(t, l, desc, "description on the flag's own line")
		}
	})
	assert.Len(t, lines, n)
	assert.GreaterOrEqual(t, n, 13)
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		stderr    string
		stderrNot string
	}{
		{"no arguments", nil, exitTrouble, "", "usage: budgetlint <command>", ""},
		{"help", []string{"--help"}, exitOK, "usage: budgetlint <command>", "", ""},
		{"unknown command", []string{"lint"}, exitTrouble, "", `unknown command "lint"`, ""},
		{"unknown flag", []string{"check", "--colour", "x.md"}, exitTrouble, "", "budgetlint check: unknown flag --colour\nRun `budgetlint check --help`", "--baseline"},
		{"single-dash unknown flag", []string{"check", "-v", "x.md"}, exitTrouble, "", "unknown flag --v", ""},
		{"flag without its value", []string{"check", "x.md", "--format"}, exitTrouble, "", "flag --format needs a value", ""},
		{"bad number", []string{"check", "--jobs", "many", "x.md"}, exitTrouble, "", `invalid value "many" for flag --jobs`, ""},
		{"no paths", []string{"check", "--quiet"}, exitTrouble, "", "no files or folders given", ""},
		{"unknown flag on rules", []string{"rules", "--all"}, exitTrouble, "", "budgetlint rules: unknown flag --all", ""},
		{"stray argument on rules", []string{"rules", "share-mismatch"}, exitTrouble, "", `unexpected argument "share-mismatch"`, ""},
		{"explain help", []string{"explain", "-h"}, exitOK, "--no-config", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, tt.code, run(tt.args, &out, &errb), errb.String())
			assert.Contains(t, out.String(), tt.stdout)
			assert.Contains(t, errb.String(), tt.stderr)
			if tt.stderrNot != "" {
				assert.NotContains(t, errb.String(), tt.stderrNot, "a mistake is one line, not the whole flag list")
			}
		})
	}
}

// Flags may follow the paths (as pre-commit and people type them); after
// `--` a path that looks like a flag is a path.
func TestCheckFlagsAfterPaths(t *testing.T) {
	dir := tree(t)
	one := filepath.Join(dir, "a/one.md")
	code, files, stderr := checkJSON(t, one, "--disable", "bad-suppression")
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, []string{filepath.ToSlash(one)}, files)

	code, _, stderr = checkJSON(t, "--", "--disable")
	assert.Equal(t, exitTrouble, code)
	assert.Empty(t, stderr, "--disable after -- is a missing file, reported in the results, not a flag error")
}
