package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bureau adds a rule and tests it with its own excerpts.
func TestTestCommandRunsAUserPack(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "rules.yaml"), `rules:
  - id: county-placeholder
    kind: placeholder
    severity: error
    summary: a county name left as a template
    message: "template county name: {stated}"
    params: {patterns: ["某某县"]}
`)
	writeFile(t, filepath.Join(dir, "cases.txt"), "A template county.\n"+
		"-- left --\n某某县2025年一般公共预算收入完成情况。 // want county-placeholder `某某县`\n"+
		"-- filled --\n永平县2025年一般公共预算收入完成情况。 // silent county-placeholder -- a real name\n")
	var out, errb bytes.Buffer
	code := run([]string{"test", "--no-config", dir}, &out, &errb)
	assert.Equal(t, exitOK, code, out.String()+errb.String())
	assert.Contains(t, out.String(), "1 excerpt files, 0 failures")

	// an expectation the rule does not meet fails, at its line
	writeFile(t, filepath.Join(dir, "more.txt"), "永平县2025年收入。 // want county-placeholder `x`\n")
	out.Reset()
	code = run([]string{"test", "--no-config", dir}, &out, &errb)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, out.String(), "more.txt:1: missing county-placeholder")

	// a broken rule file is a usage error
	writeFile(t, filepath.Join(dir, "rules.yaml"), "rules:\n  - id: x\n    kind: placeholder\n    params: {patterns: []}\n")
	code = run([]string{"test", "--no-config", dir}, &out, &errb)
	assert.Equal(t, exitTrouble, code)
	require.Contains(t, errb.String(), "at least one pattern")
}
