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
		f := strings.Fields(l)
		if len(f) > 1 && len(f[0]) == 3 && f[0][0] == '-' && f[0][2] == ',' && strings.HasPrefix(f[1], "--") {
			// "-f, --format": the short form shares the long one's line
			lines["--"+f[0][1:2]] = l
			f = f[1:]
		}
		if len(f) > 0 && strings.HasPrefix(f[0], "--") {
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
		{"unknown flag", []string{"check", "--colour", "x.md"}, exitTrouble, "", "budgetlint check: unknown flag --colour (did you mean --color?)\nRun `budgetlint check --help`", "--baseline"},
		{"misspelt flag", []string{"check", "--min-severty", "error", "x.md"}, exitTrouble, "", "unknown flag --min-severty (did you mean --min-severity?)", ""},
		{"misspelt command", []string{"chekc", "x.md"}, exitTrouble, "", `unknown command "chekc" (did you mean check?)`, ""},
		{"a path where the command belongs", []string{"reports/a.pdf"}, exitTrouble, "", "budgetlint check reports/a.pdf", ""},
		{"misspelt rule id", []string{"explain", "--no-config", "share-mismach"}, exitTrouble, "", `unknown rule "share-mismach" (did you mean share-mismatch?)`, ""},
		{"misspelt rule id in --disable", []string{"check", "--disable", "year-mentoin", "x.md"}, exitTrouble, "", `--disable: unknown rule "year-mentoin" (did you mean year-mention?)`, ""},
		{"bad --min-severity", []string{"check", "--min-severity", "fatal", "x.md"}, exitTrouble, "", `--min-severity: unknown severity "fatal"`, ""},
		{"bad --lang", []string{"check", "--lang", "fr", "x.md"}, exitTrouble, "", `--lang: unknown language "fr"`, ""},
		{"bad --color", []string{"check", "--color", "yes", "x.md"}, exitTrouble, "", `--color "yes": want auto, always or never`, ""},
		{"stdin with a type not read", []string{"check", "--stdin-filename", "a.doc", "-"}, exitTrouble, "", "legacy .doc is not read: save it as .docx", ""},
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

	code, _, stderr = checkJSON(t, "--lang", "en", "--", "--disable")
	assert.Equal(t, exitTrouble, code)
	assert.NotContains(t, stderr, "flag", "--disable after -- is a missing file, reported in the results, not a flag error")
	assert.Contains(t, stderr, "nothing was checked")
}
