package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// districtMD has one finding of each kind the folder tests follow: a
// suppression without reason (bad-suppression, error), one that quiets
// nothing (unused-suppression, warning) and a term only district B's rule
// file knows.
const districtMD = "# 说明\n\n<!-- budgetlint-disable-next-line unused-suppression -->\n基本支出154.25万元。\n\n" +
	"<!-- budgetlint-disable-next-line share-mismatch -- 四舍五入 -->\n文字\n\n旧区名财政局\n"

// districtTree is a bureau's batch: a root config, district A turning a
// rule off (and extending the root explicitly), district A2 with the same
// settings written without extends, district B raising a warning to error
// and adding a rule file, and a report at the top.
func districtTree(t *testing.T) string {
	root := t.TempDir()
	files := map[string]string{
		".budgetlint.yaml":   "rules: {bad-suppression: warning}\nexclude: [archive]\nfail_level: error\n",
		"top.md":             districtMD,
		"archive/old.md":     districtMD,
		"a/.budgetlint.yaml": "extends: ../.budgetlint.yaml\nrules: {unused-suppression: off}\nexclude: ['drafts/**']\nfail_level: info\n",
		"a/r.md":             districtMD,
		"a/drafts/d.md":      districtMD,
		"a/sub/drafts/k.md":  districtMD, // drafts/** is relative to a/, so a/sub/drafts is kept
		"a2/.budgetlint.yml": "rules: {unused-suppression: off}\n",
		"a2/r.md":            districtMD,
		"b/.budgetlint.yaml": "rule_files: [terms.yaml]\nrules: {unused-suppression: error}\n",
		"b/terms.yaml":       "rules:\n  - id: district-term\n    kind: placeholder\n    severity: warning\n    summary: old district name\n    message: \"old name: {stated}\"\n    params:\n      patterns: ['(旧区名)']\n",
		"b/r.md":             districtMD,
		"b/sub/r.md":         districtMD,
	}
	for p, c := range files {
		writeFile(t, filepath.Join(root, p), c)
	}
	return root
}

// checkFindings runs check and returns, per file, "rule:severity" sorted.
func checkFindings(t *testing.T, args ...string) (int, map[string][]string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"check", "--format", "json"}, args...), &out, &errb)
	var res struct {
		Files []struct {
			Path     string
			Findings []struct{ Rule, Severity string }
		}
	}
	if out.Len() > 0 {
		require.NoError(t, json.Unmarshal(out.Bytes(), &res), out.String())
	}
	got := map[string][]string{}
	var order []string
	for _, f := range res.Files {
		p := filepath.ToSlash(f.Path)
		order = append(order, p)
		got[p] = []string{}
		for _, x := range f.Findings {
			got[p] = append(got[p], x.Rule+":"+x.Severity)
		}
		sort.Strings(got[p])
	}
	assert.True(t, sort.StringsAreSorted(order), "output sorted by path: %v", order)
	return code, got, errb.String()
}

func TestFolderConfigRefinesPerDistrict(t *testing.T) {
	root := districtTree(t)
	t.Chdir(root)
	rootOnly := []string{"bad-suppression:warning", "unused-suppression:warning"}
	districtA := []string{"bad-suppression:warning"}
	districtB := []string{"bad-suppression:warning", "district-term:warning", "unused-suppression:error"}

	tests := []struct {
		name string
		args []string
		code int
		want map[string][]string
	}{
		{"whole tree", []string{"."}, exitFindings, map[string][]string{
			"top.md": rootOnly, "a/r.md": districtA, "a/sub/drafts/k.md": districtA,
			"a2/r.md": districtA, "b/r.md": districtB, "b/sub/r.md": districtB,
		}},
		// a's fail_level: info is ignored: the run's fail_level (error) decides.
		{"district A alone", []string{"a"}, exitOK, map[string][]string{
			"a/r.md": districtA, "a/sub/drafts/k.md": districtA,
		}},
		{"named files get their folder's config", []string{"b/sub/r.md", "a/drafts/d.md", "top.md"}, exitFindings, map[string][]string{
			"b/sub/r.md": districtB, "top.md": rootOnly,
		}},
		{"--no-config ignores folder files too", []string{"--no-config", "a/r.md"}, exitFindings, map[string][]string{
			"a/r.md": {"bad-suppression:error", "unused-suppression:warning"},
		}},
		// a's file is now the run's: its fail_level (info) counts.
		{"--config replaces the root, districts still refine", []string{"--config", "a/.budgetlint.yaml", "top.md", "b/r.md"}, exitFindings, map[string][]string{
			"top.md": {"bad-suppression:warning"},
			"b/r.md": {"bad-suppression:warning", "district-term:warning", "unused-suppression:error"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, got, stderr := checkFindings(t, tt.args...)
			assert.Equal(t, tt.want, got, stderr)
			assert.Equal(t, tt.code, code, stderr)
		})
	}
}

// Engines are built once per distinct configuration: A and A2 say the same
// thing in different words and share one; B and its subfolder share another.
func TestFolderConfigEnginesCached(t *testing.T) {
	root := districtTree(t)
	t.Chdir(root)
	s, err := setUp(checkOptions{})
	require.NoError(t, err)
	files, errs, err := collect([]string{"."}, s.filter, s.dirs)
	require.NoError(t, err)
	require.Empty(t, errs)
	jobs, err := s.jobsFor(files)
	require.NoError(t, err)
	eng := map[string]any{}
	for _, j := range jobs {
		eng[filepath.ToSlash(j.path)] = j.eng
	}
	assert.Same(t, eng["a/r.md"], eng["a2/r.md"])
	assert.Same(t, eng["b/r.md"], eng["b/sub/r.md"])
	assert.Same(t, s.eng, eng["top.md"])
	assert.NotSame(t, eng["a/r.md"], eng["b/r.md"])
	assert.NotSame(t, eng["a/r.md"], eng["top.md"])
	assert.Len(t, s.engines, 3)
}

func TestFolderConfigErrors(t *testing.T) {
	tests := []struct {
		name, file, yaml, want string
	}{
		{"unknown key in a district", "b/.budgetlint.yaml", "rules: {}\nexlude: [x]\n", ".budgetlint.yaml:2: unknown key exlude"},
		{"unknown rule in a district", "a/.budgetlint.yaml", "rules:\n  no-such-rule: off\n", ".budgetlint.yaml:2: rules: unknown rule \"no-such-rule\""},
		{"broken extends", "a/.budgetlint.yaml", "extends: nope.yaml\n", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := districtTree(t)
			writeFile(t, filepath.Join(root, tt.file), tt.yaml)
			t.Chdir(root)
			out := filepath.Join(t.TempDir(), "out.json")
			var stdout, stderr bytes.Buffer
			code := run([]string{"check", "--format", "json=" + out, "."}, &stdout, &stderr)
			assert.Equal(t, exitTrouble, code)
			assert.Contains(t, stderr.String(), tt.want)
			assert.NoFileExists(t, out, "a bad district file stops the run before anything is written")
		})
	}
}
