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

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/rules"
)

func init() {
	commands = append(commands, command{"check", "lint report files and folders (txt, html, pdf, docx)", runCheck})
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
	jobs      int

	include, exclude  multiFlag
	quiet             bool
	config            string
	noConfig          bool
	baseline          string
	writeBaseline     string
	failLevelExplicit bool // --fail-level given: it beats the config's fail_level
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var o checkOptions
	fsf := checkFlags(&o)
	paths, code, ok := parseFlags(fsf, args, checkUsage, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "budgetlint check: no files or folders given\nRun `budgetlint check --help` for the flags.")
		return exitTrouble
	}
	fsf.Visit(func(f *flag.Flag) { o.failLevelExplicit = o.failLevelExplicit || f.Name == "fail-level" })
	s, err := setUp(o)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	files, walkErrs, skipped, err := collectCounting(paths, s.filter, s.dirs)
	if len(skipped) > 0 && !o.quiet {
		fmt.Fprintln(stderr, "budgetlint: not checked, types it does not read:", skippedSummary(skipped))
	}
	var jobs []job
	if err == nil {
		jobs, err = s.jobsFor(files)
	}
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	outs, err := openOutputs(o.formats, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint check:", err)
		return exitTrouble
	}
	prog := newProgress(stderr, len(jobs), o.quiet)
	results := checkAll(jobs, o.jobs, prog, needsViews(o.formats))
	prog.close()
	results = append(results, walkErrs...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	if err := s.applyBaseline(o, results, stderr); err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}

	r := &output.Run{Files: results, Rules: s.set}
	code = exitCode(results, s.fail)
	for _, out := range outs {
		if out.dir != nil {
			if err := out.dir(out.path, r, stderr); err != nil {
				fmt.Fprintln(stderr, "budgetlint: writing output:", err)
				code = exitTrouble
			}
			continue
		}
		if err := out.print(out.w, r); err != nil {
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
	return code
}

const checkUsage = "budgetlint check [flags] PATH...\n\nLint report files, and folders recursively. Exit 0: nothing at or above\nthe fail level; 1: findings at or above it; 2: usage, configuration or\nunreadable input."

func checkFlags(o *checkOptions) *flag.FlagSet {
	fsf := flag.NewFlagSet("check", flag.ContinueOnError)
	fsf.Var(&o.formats, "format", "output format `NAME` or NAME=PATH ("+strings.Join(output.Names(), ", ")+"; repeatable)")
	fsf.Var(&o.ruleFiles, "rules", "extra rule `FILE` (repeatable)")
	fsf.Var(&o.disable, "disable", "turn rule `ID` off (repeatable, comma-separated allowed)")
	fsf.Var(&o.enable, "enable", "turn rule `ID` on (repeatable)")
	fsf.StringVar(&o.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above `LEVEL` (error, warning, info)")
	fsf.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "check `N` files in parallel (default: all cores)")
	fsf.Var(&o.include, "include", "in folders, check only files matching `GLOB` (** for any folders; repeatable)")
	fsf.Var(&o.exclude, "exclude", "skip files and folders matching `GLOB` (repeatable)")
	fsf.BoolVar(&o.quiet, "quiet", false, "no progress line on stderr")
	fsf.StringVar(&o.config, "config", "", "config `FILE` (default: .budgetlint.yaml from the working folder upward; folder-level files still refine it)")
	fsf.BoolVar(&o.noConfig, "no-config", false, "ignore .budgetlint.yaml files, folder-level ones too")
	fsf.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in baseline `FILE`")
	fsf.StringVar(&o.writeBaseline, "write-baseline", "", "record today's findings in baseline `FILE`")
	return fsf
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

func loadRules(files, disable, enable []string) (*rules.Set, error) {
	set, err := rules.Default()
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
				results[i] = checkFile(files[i].eng, files[i].path, views)
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

func checkFile(eng *checks.Engine, path string, views bool) (res output.FileResult) {
	res = output.FileResult{Path: path, Format: string(parser.FormatOf(path))}
	defer func() {
		if r := recover(); r != nil {
			res.Error = fmt.Sprintf("internal error: %v", r)
			res.Findings = nil
		}
	}()
	d, err := parser.Open(path, parser.DefaultLimits)
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

// skippedSummary lists skipped file types: ".doc 1, .xlsx 1".
func skippedSummary(m map[string]int) string {
	exts := make([]string, 0, len(m))
	for e := range m {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	parts := make([]string, len(exts))
	for i, e := range exts {
		parts[i] = fmt.Sprintf("%s %d", e, m[e])
	}
	return strings.Join(parts, ", ")
}
