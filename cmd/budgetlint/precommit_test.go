package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// hookDef is the part of a .pre-commit-hooks.yaml entry the emulation uses.
type hookDef struct {
	ID            string `yaml:"id"`
	Language      string `yaml:"language"`
	Entry         string `yaml:"entry"`
	Files         string `yaml:"files"`
	Exclude       string `yaml:"exclude"`
	PassFilenames *bool  `yaml:"pass_filenames"`
}

// precommitFixtures are reports with a contradiction and their fix. The
// first one the built binary flags is used, so the test exercises the hook
// whichever checks have landed: the share check, the placeholder check, or
// at least the suppression meta rules.
var precommitFixtures = []struct{ name, bad, good string }{
	{"report.txt",
		"本年支出合计157.60万元，其中：基本支出154.25万元，占本年支出合计的99.35%。\n",
		"本年支出合计157.60万元，其中：基本支出154.25万元，占本年支出合计的97.87%。\n"},
	{"report.txt",
		"一般公共预算财政拨款支出154.25万元，比上年增加/减少3.35万元。\n",
		"一般公共预算财政拨款支出154.25万元，比上年增加3.35万元。\n"},
	{"report.md",
		"# 部门决算说明\n\n<!-- budgetlint-disable-next-line share -->\n基本支出154.25万元。\n",
		"# 部门决算说明\n\n基本支出154.25万元。\n"},
}

// TestPreCommitHook installs the hook defined in this repository's
// .pre-commit-hooks.yaml into a fresh git repository and commits a report
// with a contradiction (refused), then its fix (accepted). PyPI is out of
// reach here, so pre-commit itself is emulated the way its golang language
// works: `go install ./...` of this repository into a private GOBIN, then
// the hook's entry run with the staged files that match `files:`.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and a git repository")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	hook := readHook(t, filepath.Join(root, ".pre-commit-hooks.yaml"), "budgetlint")
	require.Equal(t, "golang", hook.Language)

	gobin := t.TempDir()
	runCmd(t, root, []string{"GOBIN=" + gobin}, "go", "install", "./...")
	bin := filepath.Join(gobin, strings.Fields(hook.Entry)[0])
	require.FileExists(t, bin, "go install ./... must install the entry's binary")

	fx := pickFixture(t, bin)
	repo := t.TempDir()
	runCmd(t, repo, nil, "git", "init", "-q")
	runCmd(t, repo, nil, "git", "config", "user.email", "t@example.invalid")
	runCmd(t, repo, nil, "git", "config", "user.name", "t")
	writeHookScript(t, repo, gobin, hook)

	report := filepath.Join(repo, fx.name)
	require.NoError(t, os.WriteFile(report, []byte(fx.bad), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(repo, "notes.csv"), []byte("not a report\n"), 0o644))
	runCmd(t, repo, nil, "git", "add", ".")
	out, err := gitCommit(repo, "add report")
	require.Error(t, err, "the commit with a contradiction must be refused:\n%s", out)
	require.Contains(t, out, fx.name)

	require.NoError(t, os.WriteFile(report, []byte(fx.good), 0o644))
	// the repository's README is Markdown, not a report: the hook leaves it
	// alone even when it quotes a contradiction
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "docs"), 0o755))
	for _, name := range []string{"README.md", "docs/readme.md", "CHANGELOG.md"} {
		require.NoError(t, os.WriteFile(filepath.Join(repo, name), []byte(precommitFixtures[0].bad+precommitFixtures[1].bad), 0o644))
	}
	runCmd(t, repo, nil, "git", "add", ".")
	out, err = gitCommit(repo, "add fixed report")
	require.NoError(t, err, "the fixed report must be accepted, README.md not linted:\n%s", out)
}

// The hook's patterns: reports in, a repository's own documents out.
func TestPreCommitHookPatterns(t *testing.T) {
	h := readHook(t, filepath.Join("..", "..", ".pre-commit-hooks.yaml"), "budgetlint")
	files, exclude := regexp.MustCompile(h.Files), regexp.MustCompile(h.Exclude)
	for path, linted := range map[string]bool{
		"README.md": false, "docs/README.md": false, "readme.txt": false, "CHANGELOG.md": false, "LICENSE.txt": false, "CONTRIBUTING.md": false,
		"报告/西区/2024年部门决算.pdf": true, "drafts/说明.md": true, "a/report.HTML": true, "b/决算.docx": true, "附表/2025年预算附表.xlsx": true, "notes/readme-2024决算.md": true,
		"data.csv": false, "scan.jpg": false, "old.xls": false,
	} {
		assert.Equal(t, linted, files.MatchString(path) && !exclude.MatchString(path), path)
	}
	all := readHook(t, filepath.Join("..", "..", ".pre-commit-hooks.yaml"), "budgetlint-all")
	assert.Contains(t, all.Entry, "--exclude README*", "the whole-tree run leaves README out too")
}

func readHook(t *testing.T, file, id string) hookDef {
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var hooks []hookDef
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	for _, h := range hooks {
		if h.ID == id {
			return h
		}
	}
	t.Fatalf("no hook %q in %s", id, file)
	return hookDef{}
}

// pickFixture returns the first fixture whose bad version the binary flags
// and whose good version it passes.
func pickFixture(t *testing.T, bin string) struct{ name, bad, good string } {
	for _, fx := range precommitFixtures {
		dir := t.TempDir()
		p := filepath.Join(dir, fx.name)
		require.NoError(t, os.WriteFile(p, []byte(fx.bad), 0o644))
		badErr := exec.Command(bin, "check", "--quiet", "--no-config", p).Run()
		require.NoError(t, os.WriteFile(p, []byte(fx.good), 0o644))
		goodErr := exec.Command(bin, "check", "--quiet", "--no-config", p).Run()
		if badErr != nil && goodErr == nil {
			t.Logf("using fixture %s: %q", fx.name, strings.TrimSpace(fx.bad))
			return fx
		}
	}
	t.Fatal("no fixture is flagged by the built binary")
	return precommitFixtures[0]
}

// writeHookScript writes .git/hooks/pre-commit doing what pre-commit does
// for this hook: select staged files by the `files:` regex (Python syntax;
// a leading (?i) becomes grep -i) and append them to the entry.
func writeHookScript(t *testing.T, repo, gobin string, h hookDef) {
	re, flags := h.Files, "-E"
	if rest, ok := strings.CutPrefix(re, "(?i)"); ok {
		re, flags = rest, "-iE"
	}
	_, err := regexp.Compile(h.Files) // the same regex must also be valid Go/RE2
	require.NoError(t, err)
	ex, exFlags := h.Exclude, "-E"
	if rest, ok := strings.CutPrefix(ex, "(?i)"); ok {
		ex, exFlags = rest, "-iE"
	}
	if ex == "" {
		ex = "^$"
	}
	pass := h.PassFilenames == nil || *h.PassFilenames
	script := "#!/bin/sh\nset -e\nexport PATH=" + shQuote(gobin) + ":\"$PATH\"\n"
	if pass {
		script += "files=$(git diff --cached --name-only --diff-filter=ACMR | grep " + flags + " " + shQuote(re) + " | grep -v " + exFlags + " " + shQuote(ex) + " || true)\n" +
			"[ -z \"$files\" ] && exit 0\n" +
			"exec " + h.Entry + " $files\n"
	} else {
		script += "exec " + h.Entry + "\n"
	}
	p := filepath.Join(repo, ".git", "hooks", "pre-commit")
	require.NoError(t, os.WriteFile(p, []byte(script), 0o755))
}

func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func runCmd(t *testing.T, dir string, env []string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %v:\n%s", name, args, out)
}

func gitCommit(repo, msg string) (string, error) {
	cmd := exec.Command("git", "commit", "-q", "-m", msg)
	cmd.Dir = repo
	out, err := cmd.CombinedOutput()
	return string(out), err
}
