package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Markdown report whose only finding comes from the meta rules, which
// exist whatever else has landed: a suppression without a reason.
const flaggedMD = "# 说明\n\n<!-- budgetlint-disable-next-line unused-suppression -->\n基本支出154.25万元。\n"

// tree lays out a batch: reports in folders, a draft, an archive, a file of
// another type.
func tree(t *testing.T) string {
	dir := t.TempDir()
	for _, p := range []string{"b/two.md", "a/one.md", "a/three-draft.md", "archive/old.md"} {
		writeFile(t, filepath.Join(dir, p), flaggedMD)
	}
	writeFile(t, filepath.Join(dir, "a/clean.txt"), "本年收入合计100万元。\n")
	writeFile(t, filepath.Join(dir, "notes.csv"), "x\n")
	return dir
}

func checkJSON(t *testing.T, args ...string) (int, []string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"check", "--no-config", "--format", "json"}, args...), &out, &errb)
	var res struct {
		Files []struct {
			Path     string
			Error    string
			Findings []struct{ Rule string }
		}
	}
	if out.Len() > 0 {
		require.NoError(t, json.Unmarshal(out.Bytes(), &res), out.String())
	}
	var files []string
	for _, f := range res.Files {
		files = append(files, filepath.ToSlash(f.Path))
	}
	return code, files, errb.String()
}

func TestCheckIncludeExcludeAndOrder(t *testing.T) {
	dir := tree(t)
	rel := func(ps ...string) []string {
		var out []string
		for _, p := range ps {
			out = append(out, filepath.ToSlash(filepath.Join(dir, p)))
		}
		return out
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		// notes.csv is listed, not checked: every file of the folder is accounted for
		{"all report files, sorted", nil, rel("a/clean.txt", "a/one.md", "a/three-draft.md", "archive/old.md", "b/two.md", "notes.csv")},
		{"include by base name", []string{"--include", "*.txt"}, rel("a/clean.txt")},
		{"exclude folder and glob", []string{"--exclude", "archive", "--exclude", "**/*-draft.*"}, rel("a/clean.txt", "a/one.md", "b/two.md", "notes.csv")},
		{"one job gives the same order", []string{"--jobs", "1"}, rel("a/clean.txt", "a/one.md", "a/three-draft.md", "archive/old.md", "b/two.md", "notes.csv")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, files, _ := checkJSON(t, append(tt.args, dir)...)
			assert.Equal(t, tt.want, files)
		})
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := tree(t)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"clean file", []string{filepath.Join(dir, "a/clean.txt")}, exitOK},
		{"finding at fail level", []string{filepath.Join(dir, "a/one.md")}, exitFindings},
		{"finding below fail level", []string{"--disable", "bad-suppression", filepath.Join(dir, "a/one.md")}, exitOK},
		{"missing file still checks the rest", []string{filepath.Join(dir, "nope.txt"), filepath.Join(dir, "a/clean.txt")}, exitTrouble},
		{"bad glob", []string{"--exclude", "[", dir}, exitTrouble},
		{"unknown format", []string{"--format", "xml", dir}, exitTrouble},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := checkJSON(t, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
		})
	}
}

func TestCheckConfigFile(t *testing.T) {
	dir := tree(t)
	cfg := writeFile(t, filepath.Join(dir, "cfg.yaml"), "rules:\n  bad-suppression: info\nexclude: [archive]\nfail_level: warning\n")
	var out, errb bytes.Buffer
	code := run([]string{"check", "--config", cfg, "--format", "json", dir}, &out, &errb)
	assert.Equal(t, exitOK, code, "bad-suppression lowered to info, below the fail level: %s", errb.String())
	assert.NotContains(t, out.String(), "archive/old.md")
	assert.Contains(t, out.String(), `"severity": "info"`)

	// --fail-level beats the config's fail_level
	code = run([]string{"check", "--config", cfg, "--fail-level", "info", "--format", "json", dir}, &out, &errb)
	assert.Equal(t, exitFindings, code)

	bad := writeFile(t, filepath.Join(dir, "bad.yaml"), "rules: {}\nexlude: [x]\n")
	errb.Reset()
	code = run([]string{"check", "--config", bad, dir}, &out, &errb)
	assert.Equal(t, exitTrouble, code)
	assert.Contains(t, errb.String(), "bad.yaml:2: unknown key exlude")
}

func TestCheckBaseline(t *testing.T) {
	dir := tree(t)
	base := filepath.Join(dir, "baseline.json")
	var out, errb bytes.Buffer
	code := run([]string{"check", "--no-config", "--write-baseline", base, dir}, &out, &errb)
	assert.Equal(t, exitOK, code, "everything is recorded, so nothing is reported: %s", out.String())
	require.FileExists(t, base)

	// Lines move (text inserted above): still nothing new.
	one := filepath.Join(dir, "a/one.md")
	writeFile(t, one, "前言\n\n另一段\n\n"+flaggedMD)
	code, _, stderr := checkJSON(t, "--baseline", base, dir)
	assert.Equal(t, exitOK, code, stderr)

	// A new finding in a file is reported.
	writeFile(t, one, flaggedMD+"\n<!-- budgetlint-disable-next-line no-such-rule -- x -->\n文字\n")
	out.Reset()
	code = run([]string{"check", "--no-config", "--baseline", base, "--format", "json", dir}, &out, &errb)
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, 1, strings.Count(out.String(), `"rule": "bad-suppression"`), out.String())
}

func TestCheckWritesSeveralFormats(t *testing.T) {
	dir := tree(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--no-config",
		"--format", "sarif=" + filepath.Join(out, "r.sarif"), "--format", "csv=" + filepath.Join(out, "r.csv"),
		"--format", "html=" + filepath.Join(out, "r.html"), "--format", "github", dir}, &stdout, &stderr)
	assert.Equal(t, exitFindings, code, stderr.String())
	for _, f := range []string{"r.sarif", "r.csv", "r.html"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		require.NoError(t, err)
		assert.Contains(t, string(data), "bad-suppression", f)
	}
	assert.Contains(t, stdout.String(), "::error file=")
}

// An output file that cannot be written fully (a full disk) is a failure of
// the run, not a silent truncation.
func TestOutputFileWriteFailure(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	dir := tree(t)
	var out, errb bytes.Buffer
	code := run([]string{"check", "--no-config", "--quiet", "--format", "json=/dev/full", dir}, &out, &errb)
	assert.Equal(t, exitTrouble, code)
	assert.Contains(t, errb.String(), "writing output")
}
