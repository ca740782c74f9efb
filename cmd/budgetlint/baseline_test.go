package main

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/rules"
)

func finding(rule, claim string, line int) checks.Finding {
	return checks.Finding{Rule: rule, Severity: rules.Error, Message: rule + " is wrong", Line: line, Column: 1, Claim: claim}
}

func TestBaselineRoundTrip(t *testing.T) {
	today := []output.FileResult{
		{Path: "a/report.pdf", Format: "pdf", Findings: []checks.Finding{finding("share", "占99.35%", 3), finding("share", "占99.35%", 9)}},
		{Path: "b.html", Format: "html", Findings: []checks.Finding{finding("placeholder", "增加/减少", 4)}},
	}
	file := filepath.Join(t.TempDir(), "baseline.json")
	require.NoError(t, newBaseline(file, today).write(file))
	b, err := readBaseline(file)
	require.NoError(t, err)
	require.Len(t, b.Findings, 2)
	assert.Equal(t, 2, b.Findings[0].Count, "the same wrong claim twice is counted")

	tests := []struct {
		name     string
		files    []output.FileResult
		wantLeft []string
	}{
		{"lines moved, claim re-wrapped: nothing new", []output.FileResult{
			{Path: "./a/report.pdf", Findings: []checks.Finding{finding("share", "占 99.35%", 30), finding("share", "占99.35%", 40)}},
			{Path: "b.html", Findings: []checks.Finding{finding("placeholder", "增加/减少", 80)}},
		}, nil},
		{"a third copy of a baselined claim is new", []output.FileResult{
			{Path: "a/report.pdf", Findings: []checks.Finding{finding("share", "占99.35%", 3), finding("share", "占99.35%", 9), finding("share", "占99.35%", 12)}},
		}, []string{"share@12"}},
		{"a new claim is reported", []output.FileResult{
			{Path: "b.html", Findings: []checks.Finding{finding("placeholder", "增加/减少", 4), finding("placeholder", "同比增长X%", 5)}},
		}, []string{"placeholder@5"}},
		{"same claim in another file is new", []output.FileResult{
			{Path: "c.html", Findings: []checks.Finding{finding("placeholder", "增加/减少", 4)}},
		}, []string{"placeholder@4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.filter(tt.files)
			var left []string
			for _, f := range tt.files {
				for _, x := range f.Findings {
					left = append(left, x.Rule+"@"+strconv.Itoa(x.Line))
				}
			}
			assert.Equal(t, tt.wantLeft, left)
		})
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := readBaseline(filepath.Join(dir, "missing.json"))
	assert.ErrorContains(t, err, "no such file")
	_, err = readBaseline(writeFile(t, filepath.Join(dir, "bad.json"), "not json"))
	assert.ErrorContains(t, err, "not a budgetlint baseline")
	_, err = readBaseline(writeFile(t, filepath.Join(dir, "v9.json"), `{"version":9}`))
	assert.ErrorContains(t, err, "version 9")
}
