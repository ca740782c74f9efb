package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
	"github.com/budgetlint/budgetlint/rules"
)

func init() {
	commands = append(commands, command{"check", "lint report files and folders (txt, html, pdf, docx, xlsx)", runCheck})
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

type checkOptions struct {
	formats   multiFlag
	ruleFiles multiFlag
	disable   multiFlag
	enable    multiFlag
	failLevel string
	minLevel  string
	jobs      int
	lang      string
	color     string

	include, exclude  multiFlag
	quiet             bool
	statistics        bool
	exitZero          bool
	stdinName         string
	config            string
	noConfig          bool
	baseline          string
	writeBaseline     string
	failLevelExplicit bool // --fail-level given: it beats the config's fail_level

	args  []string  // the command line, for the record
	stdin io.Reader // read for the path "-"
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	return runCheckWith(args, os.Stdin, stdout, stderr)
}

func runCheckWith(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o := checkOptions{args: append([]string{"budgetlint", "check"}, args...), stdin: stdin}
	fsf := checkFlags(&o)
	paths, code, ok := parseFlags(fsf, args, checkUsage, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "budgetlint check: no files or folders given (use - for standard input)\nRun `budgetlint check --help` for the flags.")
		return exitTrouble
	}
	fsf.Visit(func(f *flag.Flag) { o.failLevelExplicit = o.failLevelExplicit || f.Name == "fail-level" })
	s, err := setUp(o)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	var files []found
	var others []output.FileResult
	var stdinJob *job
	var rest []string
	for _, p := range paths {
		if p == "-" {
			if stdinJob == nil {
				stdinJob, err = s.stdinJob(o)
				if err != nil {
					fmt.Fprintln(stderr, "budgetlint:", err)
					return exitTrouble
				}
			}
			continue
		}
		rest = append(rest, p)
	}
	if len(rest) > 0 {
		files, others, err = collect(rest, s.filter, s.dirs)
	}
	var jobs []job
	if err == nil {
		jobs, err = s.jobsFor(files)
	}
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	if stdinJob != nil {
		jobs = append(jobs, *stdinJob)
	}
	outs, err := openOutputs(o.formats, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint check:", err)
		return exitTrouble
	}
	prog := newProgress(stderr, len(jobs), o.quiet)
	results := checkAll(jobs, o.jobs, prog, needsViews(o.formats))
	prog.close()
	results = append(results, others...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	if err := s.applyBaseline(o, results, stderr); err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	if s.min != "" {
		filterSeverity(results, s.min)
	}

	r := &output.Run{Files: results, Rules: s.set, Lang: s.set.Lang, Record: s.record(o), Quiet: o.quiet,
		Statistics: o.statistics, Color: useColor(o.color, stdout)}
	code = exitCode(results, s.fail)
	if o.exitZero && code == exitFindings {
		code = exitOK
	}
	for _, out := range outs {
		if out.dir != nil {
			if err := out.dir(out.path, r, stderr); err != nil {
				fmt.Fprintln(stderr, "budgetlint: writing output:", err)
				code = exitTrouble
			}
			continue
		}
		run := r
		if out.w != stdout {
			// colour is for the terminal, not for files
			cp := *r
			cp.Color = false
			run = &cp
		}
		if err := out.print(out.w, run); err != nil {
			fmt.Fprintln(stderr, "budgetlint: writing output:", err)
			code = exitTrouble
		}
		if out.close != nil {
			if err := out.close(); err != nil {
				// a full disk shows here, not in the writes before it
				fmt.Fprintln(stderr, "budgetlint: writing output:", err)
				code = exitTrouble
			}
		}
	}
	if len(jobs) == 0 {
		// a run that checks nothing must not pass as a clean one
		fmt.Fprintln(stderr, "budgetlint: "+say(s.lang,
			"nothing was checked: no report files (.txt, .md, .html, .pdf, .docx, .xlsx) in %s%s",
			"未检查任何文件：%s 中没有报告文件（.txt、.md、.html、.pdf、.docx、.xlsx）%s",
			strings.Join(paths, " "), notCheckedNote(s.lang, results)))
		return exitTrouble
	}
	return code
}

// notCheckedNote counts the files found but not read, for the message of
// a run that checked nothing.
func notCheckedNote(lang string, results []output.FileResult) string {
	n := 0
	for _, r := range results {
		if r.NotChecked != "" {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return say(lang, " (%d files of other types, listed in the output)", "（另有%d个其他类型的文件，已在输出中列出）", n)
}

// filterSeverity drops findings below level: what --min-severity does not
// print does not count toward the exit code either.
func filterSeverity(results []output.FileResult, level rules.Severity) {
	for i := range results {
		keep := results[i].Findings[:0]
		for _, x := range results[i].Findings {
			if x.Severity.AtLeast(level) {
				keep = append(keep, x)
			}
		}
		results[i].Findings = keep
	}
}

// useColor: --color always or never, else colour on a terminal unless
// NO_COLOR is set (no-color.org).
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	return isTerminal(w)
}

const checkUsage = `budgetlint check [flags] PATH...

Lint report files, and folders recursively (- reads standard input; name it
with --stdin-filename). Reads .txt .md .html .pdf .docx .xlsx. Locations
are FILE:LINE:COL, and FILE:PAGE:LINE:COL for PDFs (the line counted on its
page) and workbooks (PAGE the sheet tab, LINE its row). Exit 0: nothing at
or above the fail level; 1: findings at or above it; 2: usage,
configuration, unreadable input, or nothing checked.`

// shortFlags are the one-letter forms of the common flags, as
// golangci-lint and ruff users type them.
var shortFlags = map[string]string{"format": "f", "config": "c", "jobs": "j", "quiet": "q"}

func checkFlags(o *checkOptions) *flag.FlagSet {
	fsf := flag.NewFlagSet("check", flag.ContinueOnError)
	fsf.Var(&o.formats, "format", "output format `NAME` or NAME=PATH ("+strings.Join(output.Names(), ", ")+"; repeatable)")
	fsf.Var(&o.ruleFiles, "rules", "extra rule `FILE` (repeatable)")
	fsf.Var(&o.disable, "disable", "turn rule `ID` off (repeatable, comma-separated allowed)")
	fsf.Var(&o.enable, "enable", "turn rule `ID` on (repeatable)")
	fsf.StringVar(&o.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above `LEVEL` (error, warning, info)")
	fsf.StringVar(&o.minLevel, "min-severity", "", "print only findings at or above `LEVEL` (error, warning, info); the others do not count toward the exit code")
	fsf.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "check `N` files in parallel (default: all cores)")
	fsf.StringVar(&o.lang, "lang", "", "language of messages and reports: `LANG` zh or en (default zh, or the config's lang)")
	fsf.StringVar(&o.color, "color", "auto", "colour the text output: `WHEN` auto (on a terminal, unless NO_COLOR is set), always, never")
	fsf.Var(&o.include, "include", "in folders, check only files matching `GLOB` (** for any folders; repeatable)")
	fsf.Var(&o.exclude, "exclude", "skip files and folders matching `GLOB` (repeatable)")
	fsf.BoolVar(&o.quiet, "quiet", false, "print findings only: no progress line, no notes on stderr, no summary line")
	fsf.BoolVar(&o.statistics, "statistics", false, "count findings by rule instead of listing them (text format)")
	fsf.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when findings reach the fail level (2 still means trouble)")
	fsf.StringVar(&o.stdinName, "stdin-filename", "", "the `NAME` standard input (-) is reported under; its extension picks the reader (default stdin.txt)")
	fsf.StringVar(&o.config, "config", "", "config `FILE` (default: .budgetlint.yaml from the working folder upward; folder-level files still refine it)")
	fsf.BoolVar(&o.noConfig, "no-config", false, "ignore .budgetlint.yaml files, folder-level ones too")
	fsf.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in baseline `FILE`")
	fsf.StringVar(&o.writeBaseline, "write-baseline", "", "record today's findings in baseline `FILE`")
	addShortFlags(fsf)
	return fsf
}

// addShortFlags registers each short form as an alias of its long flag.
func addShortFlags(fsf *flag.FlagSet) {
	for long, short := range shortFlags {
		if f := fsf.Lookup(long); f != nil {
			fsf.Var(f.Value, short, f.Usage)
		}
	}
}

// exitCode is 2 when a file could not be read (after all were checked), 1
// when a finding reaches the fail level, else 0.
func exitCode(results []output.FileResult, fail rules.Severity) int {
	code := exitOK
	for _, f := range results {
		if f.Error != "" {
			return exitTrouble
		}
		for _, x := range f.Findings {
			if x.Severity.AtLeast(fail) {
				code = exitFindings
			}
		}
	}
	return code
}

func loadRules(lang string, files, disable, enable []string) (*rules.Set, error) {
	set, err := rules.DefaultIn(lang)
	if err != nil {
		return nil, fmt.Errorf("default rules: %v", err)
	}
	for _, f := range files {
		if err := set.AddFile(f); err != nil {
			return nil, err
		}
	}
	if err := toggle(set, "--disable", disable, false); err != nil {
		return nil, err
	}
	return set, toggle(set, "--enable", enable, true)
}

// toggle turns the rules named in lists (comma-separated allowed) on or off.
func toggle(set *rules.Set, flagName string, lists []string, on bool) error {
	for _, list := range lists {
		for _, id := range strings.Split(list, ",") {
			if id = strings.TrimSpace(id); id != "" {
				if err := set.SetEnabled(id, on); err != nil {
					return fmt.Errorf("%s: %v", flagName, err)
				}
			}
		}
	}
	return nil
}

type outputSpec struct {
	print output.Printer
	w     io.Writer
	close func() error
	// formats that write into a folder (annotated=DIR)
	dir  output.DirPrinter
	path string
}

// openOutputs parses --format NAME or NAME=PATH; text to stdout by default.
func openOutputs(specs []string, stdout io.Writer) ([]outputSpec, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []outputSpec
	for _, s := range specs {
		name, path, hasPath := strings.Cut(s, "=")
		if d, ok := output.LookupDir(name); ok {
			if !hasPath || path == "" || path == "-" {
				return nil, fmt.Errorf("format %q writes files into a folder: give it as %s=DIR", name, name)
			}
			outs = append(outs, outputSpec{dir: d, path: path})
			continue
		}
		p, ok := output.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("unknown format %q (known: %s)", name, strings.Join(output.Names(), ", "))
		}
		o := outputSpec{print: p, w: stdout}
		if hasPath && path != "-" {
			f, err := os.Create(path)
			if err != nil {
				return nil, err
			}
			o.w = f
			o.close = f.Close
		}
		outs = append(outs, o)
	}
	return outs, nil
}

// checkAll checks files with a pool of workers; each document is dropped as
// soon as its findings are out, so memory stays flat in the number of files.
// Results land in a slice indexed like paths, so the order is the same
// whatever the scheduling.
func checkAll(files []job, jobs int, prog *progress, views bool) []output.FileResult {
	if jobs < 1 {
		jobs = 1
	}
	results := make([]output.FileResult, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				prog.started(files[i].path)
				results[i] = checkFile(files[i], views)
				prog.finished()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// needsViews: a format draws findings on their pages, so checking keeps
// the pages with findings (output.Capture).
func needsViews(formats []string) bool {
	for _, f := range formats {
		name, _, _ := strings.Cut(f, "=")
		if output.NeedsView(name) {
			return true
		}
	}
	return false
}

func checkFile(j job, views bool) (res output.FileResult) {
	eng, path := j.eng, j.path
	res = output.FileResult{Path: path, Format: string(parser.FormatOf(path))}
	defer func() {
		if r := recover(); r != nil {
			res.Error = fmt.Sprintf("internal error: %v", r)
			res.Findings = nil
		}
	}()
	var d *doc.Document
	var err error
	cat := tables.Of(eng.Set) // a user's rule file may add table templates
	if j.data != nil {
		d, err = parser.ParseWith(path, parser.FormatOf(path), j.data, cat)
	} else {
		d, err = parser.OpenWith(path, parser.DefaultLimits, cat)
	}
	if err != nil {
		res.Error = describe(err)
		return res
	}
	fs, cov := eng.Run(d)
	res.Findings = fs
	res.Coverage = &cov
	if views {
		res.View = output.Capture(d, fs)
	}
	return res
}
