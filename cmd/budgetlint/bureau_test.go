package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedText is the seed report: real findings to print.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "sc-panzhihua-xiqu-bianban-2024-final.txt"))
	require.NoError(t, err)
	return string(b)
}

// district lays out a bureau's folder: a report with findings, and files
// budgetlint does not read (a legacy .doc, a spreadsheet, a file without
// extension that is a PDF, one that is nothing known).
func district(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "西区", "seed.txt"), seedText(t))
	writeFile(t, filepath.Join(dir, "西区", "附表.doc"), "\xd0\xcf\x11\xe0 legacy")
	writeFile(t, filepath.Join(dir, "东区", "附表.xls"), "\xd0\xcf\x11\xe0 legacy")
	writeFile(t, filepath.Join(dir, "东区", "download"), "%PDF-1.4 cut")
	writeFile(t, filepath.Join(dir, "东区", "README"), "notes")
	writeFile(t, filepath.Join(dir, ".budgetlint.yaml"), "fail_level: error\n")
	return dir
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// Every output lists each file that was not checked, with the reason.
func TestNotCheckedFilesInEveryOutput(t *testing.T) {
	dir := district(t)
	doc := filepath.Join(dir, "西区", "附表.doc")
	noExt := filepath.Join(dir, "东区", "download")
	out := t.TempDir()
	f := func(name string) string { return filepath.Join(out, name) }
	code, text, stderr := runCLI(t, "check", "--no-config", "--lang", "en", "-f", "text", "-f", "json="+f("r.json"), "-f", "sarif="+f("r.sarif"),
		"-f", "csv="+f("r.csv"), "-f", "csv-files="+f("files.csv"), "-f", "html="+f("r.html"), "-f", "github="+f("gh.txt"), dir)
	assert.Equal(t, exitFindings, code, stderr)

	reason := "legacy .doc is not read: save it as .docx"
	assert.Contains(t, text, doc+": not checked: "+reason)
	assert.Contains(t, text, noExt+": not checked: no file extension: the file looks like a PDF (.pdf): name it with its extension")
	assert.Contains(t, text, "(4 not checked)")

	var js struct {
		Files []struct {
			Path       string `json:"path"`
			NotChecked string `json:"not_checked"`
			Findings   []any  `json:"findings"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal(readFile(t, f("r.json")), &js))
	byPath := map[string]string{}
	for _, x := range js.Files {
		byPath[x.Path] = x.NotChecked
		assert.NotNil(t, x.Findings, "findings is a list, empty for files not checked")
	}
	assert.Equal(t, reason, byPath[doc])
	assert.Len(t, byPath, 5, "the report and the four files not read")

	assert.Contains(t, string(readFile(t, f("r.sarif"))), doc+": not checked: "+reason)
	assert.Contains(t, string(readFile(t, f("r.csv"))), "not checked: "+reason)
	assert.Contains(t, string(readFile(t, f("gh.txt"))), "::warning file="+escapeForGH(doc)+",title=not checked::not checked: "+reason)
	dom, err := goquery.NewDocumentFromReader(bytes.NewReader(readFile(t, f("r.html"))))
	require.NoError(t, err)
	assert.Equal(t, 4, dom.Find("table#files tr.st-not-checked").Length())
	assert.Contains(t, dom.Find("table#files tr.st-not-checked").Text(), reason)

	rows := readCSV(t, f("files.csv"))
	require.Len(t, rows, 1+5, "a header and one row per file, checked or not")
	assert.Equal(t, []string{"path", "format", "status", "reason", "errors", "warnings", "infos", "findings", "figures", "claims", "decided", "skipped", "tables_checked", "tables_skipped"}, rows[0])
}

func escapeForGH(p string) string {
	return strings.NewReplacer("%", "%25", ":", "%3A", ",", "%2C").Replace(p)
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return b
}

func readCSV(t *testing.T, p string) [][]string {
	t.Helper()
	b := readFile(t, p)
	require.True(t, bytes.HasPrefix(b, []byte("\ufeff")), "BOM, so Excel reads UTF-8")
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	require.NoError(t, err)
	return rows
}

// The per-file summary in Chinese, read back with Python's csv module the
// way a bureau's script (or Excel) reads it: utf-8-sig strips the BOM.
func TestCSVFilesOpensInPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: the CSV is read with Go's reader in TestNotCheckedFilesInEveryOutput")
	}
	dir := district(t)
	out := filepath.Join(t.TempDir(), "文件汇总.csv")
	code, _, stderr := runCLI(t, "check", "--no-config", "-q", "-f", "csv-files="+out, "-f", "json=/dev/null", dir)
	require.Equal(t, exitFindings, code, stderr)
	script := `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
print(json.dumps([{"文件": r["文件"], "状态": r["状态"], "原因": r["原因"], "错误": r["错误"], "问题合计": r["问题合计"]} for r in rows], ensure_ascii=False))`
	res, err := exec.Command(py, "-c", script, out).Output()
	require.NoError(t, err)
	var rows []map[string]string
	require.NoError(t, json.Unmarshal(res, &rows))
	require.Len(t, rows, 5)
	byFile := map[string]map[string]string{}
	for _, r := range rows {
		byFile[filepath.Base(r["文件"])] = r
	}
	assert.Equal(t, "未检查", byFile["附表.doc"]["状态"])
	assert.Equal(t, "旧版 .doc 文件不能读取：请另存为 .docx", byFile["附表.doc"]["原因"])
	assert.Equal(t, "已检查", byFile["seed.txt"]["状态"])
	assert.NotEqual(t, "0", byFile["seed.txt"]["错误"])
	assert.Equal(t, "0", byFile["附表.doc"]["问题合计"])
}

// A run that checks nothing says so and exits 2: an empty folder, a folder
// of files it does not read, a pattern that matches no file.
func TestNothingCheckedExits2(t *testing.T) {
	empty := t.TempDir()
	docs := t.TempDir()
	writeFile(t, filepath.Join(docs, "a.doc"), "x")
	for name, args := range map[string][]string{
		"empty folder":         {empty},
		"only unread types":    {docs},
		"a glob matching none": {filepath.Join(empty, "*.pdf")},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := runCLI(t, append([]string{"check", "--no-config", "--lang", "en"}, args...)...)
			assert.Equal(t, exitTrouble, code)
			assert.Contains(t, stderr, "nothing was checked")
			if name == "a glob matching none" {
				assert.Contains(t, out, "no file matches this pattern")
			}
			if name == "only unread types" {
				assert.Contains(t, stderr, "(1 files of other types, listed in the output)")
				assert.Contains(t, out, "a.doc: not checked: legacy .doc is not read")
			}
		})
	}
	// a glob that matches is expanded (Windows shells do not)
	dir := district(t)
	code, out, _ := runCLI(t, "check", "--no-config", "-q", "--lang", "en", filepath.Join(dir, "*", "*.txt"))
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, out, "seed.txt:47:")
}

// The seed's findings in Chinese, as a bureau reads them: pinned by a
// golden file (go test ./cmd/budgetlint -run TestSeedChineseGolden -update).
func TestSeedChineseGolden(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "sc-panzhihua-xiqu-bianban-2024-final.txt"), seedText(t))
	t.Chdir(dir)
	code, out, stderr := runCLI(t, "check", "--no-config", "sc-panzhihua-xiqu-bianban-2024-final.txt")
	require.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, out, "占比应为97.87%（154.25 / 157.60 本年支出合计），文中写作99.35% [share-mismatch]")
	assert.Regexp(t, `(?m)^共\d+个问题（错误\d+个(，警告\d+个)?(，提示\d+个)?），文件1个 · 数字\d+个，说法\d+项中已判定\d+项，跳过\d+项（[^a-zA-Z]+）$`, out)
	// the golden holds the findings; the coverage counts move with every
	// claim reading, the summary's shape is checked above
	_, out, _ = runCLI(t, "check", "--no-config", "-q", "sc-panzhihua-xiqu-bianban-2024-final.txt")
	golden := filepath.Join(wdAtStart, "testdata", "seed.zh.golden")
	if *updateGolden {
		require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
	}
	assert.Equal(t, string(readFile(t, golden)), out, "the seed's Chinese text output changed; if the change is meant, rewrite the golden: go test ./cmd/budgetlint -run TestSeedChineseGolden -update")
}

// Conventions: --min-severity filters what is printed (and counted),
// --exit-zero keeps findings from failing, --statistics counts by rule,
// --quiet prints findings only, colour follows --color and NO_COLOR.
func TestConventionFlags(t *testing.T) {
	dir := t.TempDir()
	seed := writeFile(t, filepath.Join(dir, "seed.txt"), seedText(t))
	_, all, _ := runCLI(t, "check", "--no-config", "--lang", "en", "--color", "never", seed)
	code, errs, _ := runCLI(t, "check", "--no-config", "--lang", "en", "--min-severity", "error", seed)
	assert.Equal(t, exitFindings, code)
	assert.NotContains(t, errs, ": warning: ")
	assert.NotContains(t, errs, ": info: ")
	assert.Contains(t, errs, ": error: ")
	assert.Less(t, len(errs), len(all))

	code, _, _ = runCLI(t, "check", "--no-config", "--min-severity", "info", "--fail-level", "error", "--exit-zero", seed)
	assert.Equal(t, exitOK, code, "--exit-zero")
	code, _, _ = runCLI(t, "check", "--no-config", "--exit-zero", filepath.Join(dir, "missing.txt"))
	assert.Equal(t, exitTrouble, code, "--exit-zero does not hide trouble")

	_, stats, _ := runCLI(t, "check", "--no-config", "--lang", "en", "--statistics", seed)
	assert.Regexp(t, `(?m)^\s+\d+  share-mismatch\s+error  a stated share does not match part / whole$`, stats)
	assert.NotContains(t, stats, "seed.txt:47", "statistics replace the list")

	_, quiet, _ := runCLI(t, "check", "--no-config", "-q", seed)
	assert.NotRegexp(t, `(?m)^共\d+个问题`, quiet, "--quiet: no summary line")
	assert.Contains(t, quiet, "seed.txt:47:")

	_, coloured, _ := runCLI(t, "check", "--no-config", "--color", "always", seed)
	assert.Contains(t, coloured, "\x1b[1;31merror\x1b[0m")
	assert.NotContains(t, all, "\x1b[")
	t.Setenv("NO_COLOR", "1")
	assert.False(t, useColor("auto", os.Stdout), "NO_COLOR")
	assert.True(t, useColor("always", os.Stdout))
}

// Standard input as "-", reported under --stdin-filename, whose extension
// picks the reader (an HTML draft with its suppression comments).
func TestStdin(t *testing.T) {
	var out, errb bytes.Buffer
	code := runCheckWith([]string{"--no-config", "--lang", "en", "-f", "json", "--stdin-filename", "drafts/西区.txt", "-"},
		strings.NewReader(seedText(t)), &out, &errb)
	assert.Equal(t, exitFindings, code, errb.String())
	var js struct {
		Files []struct {
			Path     string
			Findings []struct{ Rule string }
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &js))
	require.Len(t, js.Files, 1)
	assert.Equal(t, "drafts/西区.txt", js.Files[0].Path)
	assert.NotEmpty(t, js.Files[0].Findings)
}

// PDF locations are FILE:PAGE:LINE:COL, which editors and problem matchers
// read as they read FILE:LINE:COL.
func TestPDFLocationForEditors(t *testing.T) {
	pdfs, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "docs", "*-2024-final*.pdf"))
	if len(pdfs) == 0 {
		t.Skip("no ../shared/corpus/docs PDFs: the shared corpus is not next to this clone")
	}
	code, out, stderr := runCLI(t, "check", "--no-config", "-q", "--lang", "en", pdfs[0])
	require.NotEqual(t, exitTrouble, code, stderr)
	if strings.TrimSpace(out) == "" {
		t.Skip("the PDF has no findings to place")
	}
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(pdfs[0]) + `:\d+:\d+:\d+: (error|warning|info): `)
	assert.Regexp(t, re, strings.Split(out, "\n")[0])
}

func TestVersionAndRulesJSON(t *testing.T) {
	code, out, _ := runCLI(t, "--version")
	assert.Equal(t, exitOK, code)
	assert.Regexp(t, `^budgetlint \S+`, out)
	assert.Equal(t, "budgetlint "+versionString()+"\n", out)

	code, out, stderr := runCLI(t, "rules", "--no-config", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var rs struct {
		Rules []struct {
			ID, Kind, Severity, Summary, Message string
			Enabled                              bool
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rs))
	require.NotEmpty(t, rs.Rules)
	for _, r := range rs.Rules {
		if r.ID == "share-mismatch" {
			assert.Equal(t, "所述占比与“部分÷总数”不符", r.Summary, "Chinese by default")
			assert.Equal(t, "error", r.Severity)
			assert.True(t, r.Enabled)
		}
	}
	_, en, _ := runCLI(t, "rules", "--no-config", "--lang", "en")
	assert.Contains(t, en, "a stated share does not match part / whole")
}

// lang: in .budgetlint.yaml chooses the language; --lang beats it.
func TestLangFromConfig(t *testing.T) {
	dir := t.TempDir()
	seed := writeFile(t, filepath.Join(dir, "seed.txt"), seedText(t))
	cfg := writeFile(t, filepath.Join(dir, ".budgetlint.yaml"), "lang: en\n")
	_, out, _ := runCLI(t, "check", "-c", cfg, seed)
	assert.Contains(t, out, "share stated 99.35%, figures give 97.87%")
	_, out, _ = runCLI(t, "check", "-c", cfg, "--lang", "zh", seed)
	assert.Contains(t, out, "占比应为97.87%")
	bad := writeFile(t, filepath.Join(t.TempDir(), ".budgetlint.yaml"), "lang: zn\n")
	code, _, stderr := runCLI(t, "check", "-c", bad, seed)
	assert.Equal(t, exitTrouble, code)
	assert.Contains(t, stderr, `lang: unknown language "zn"`)
}

// A baseline matches however the paths are typed: absolute or relative,
// from the repository's root or a subfolder; one that matches none of its
// entries says so.
func TestBaselineIndependentOfHowPathsAreTyped(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "reports", "西区", "seed.txt"), seedText(t))
	base := filepath.Join(root, "baseline.json")
	t.Chdir(root)
	code, _, stderr := runCLI(t, "check", "--no-config", "-q", "--write-baseline", base, "reports")
	require.Equal(t, exitOK, code, stderr)
	for name, c := range map[string]struct{ wd, path string }{
		"relative from the root":    {root, "reports"},
		"absolute":                  {root, filepath.Join(root, "reports")},
		"from a subfolder":          {filepath.Join(root, "reports", "西区"), "seed.txt"},
		"dotted":                    {filepath.Join(root, "reports"), "./西区/../西区/seed.txt"},
		"baseline named relatively": {filepath.Join(root, "reports"), "."},
	} {
		t.Run(name, func(t *testing.T) {
			t.Chdir(c.wd)
			b := base
			if name == "baseline named relatively" {
				b = filepath.Join("..", "baseline.json")
			}
			code, out, stderr := runCLI(t, "check", "--no-config", "--lang", "en", "--baseline", b, c.path)
			assert.Equal(t, exitOK, code, "old findings came back:\n%s\n%s", out, stderr)
			assert.NotContains(t, stderr, "none of the")
		})
	}
	// the report moved: every old finding is back, and the run says why
	t.Chdir(root)
	require.NoError(t, os.Rename(filepath.Join(root, "reports"), filepath.Join(root, "moved")))
	code, _, stderr = runCLI(t, "check", "--no-config", "-q", "--lang", "en", "--baseline", base, "moved")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "none of the")
	assert.Contains(t, stderr, "matched this run: were the files moved or renamed?")
	_, _, stderr = runCLI(t, "check", "--no-config", "-q", "--baseline", base, "moved")
	assert.Contains(t, stderr, "一个也没有对上：文件是否移动或改名了？", "in Chinese by default")
}

// SARIF: one partialFingerprints value per result, and the tool version.
func TestSARIFFingerprintsUniqueAndVersion(t *testing.T) {
	dir := t.TempDir()
	// the same wrong sentence twice: two results, two fingerprints
	text := seedText(t)
	writeFile(t, filepath.Join(dir, "a.txt"), text+"\n"+text)
	code, out, stderr := runCLI(t, "check", "--no-config", "-f", "sarif", dir)
	require.Equal(t, exitFindings, code, stderr)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Name, Version string }
			}
			Results []struct {
				PartialFingerprints map[string]string
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	assert.Equal(t, versionString(), log.Runs[0].Tool.Driver.Version)
	seen := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		fp := r.PartialFingerprints["budgetlintFinding/v2"]
		require.NotEmpty(t, fp)
		assert.False(t, seen[fp], "fingerprint %s shared by two results", fp)
		seen[fp] = true
	}
	assert.Greater(t, len(seen), 10)
}

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the command's tests")

// wdAtStart is the package folder, where testdata is, before tests change
// the working folder.
var wdAtStart, _ = os.Getwd()
