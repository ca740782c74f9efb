package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/cmd/budgetlint/output"
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
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var o checkOptions
	fsf := flag.NewFlagSet("check", flag.ContinueOnError)
	fsf.SetOutput(stderr)
	fsf.Var(&o.formats, "format", "output format `NAME` or NAME=PATH (text, json; repeatable)")
	fsf.Var(&o.ruleFiles, "rules", "extra rule `FILE` (repeatable)")
	fsf.Var(&o.disable, "disable", "turn rule `ID` off (repeatable, comma-separated allowed)")
	fsf.Var(&o.enable, "enable", "turn rule `ID` on (repeatable)")
	fsf.StringVar(&o.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above `LEVEL` (error, warning, info)")
	fsf.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "files checked in parallel")
	fsf.Usage = func() {
		fmt.Fprintln(stderr, "usage: budgetlint check [flags] PATH...")
		fsf.PrintDefaults()
	}
	if err := fsf.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitTrouble
	}
	if fsf.NArg() == 0 {
		fmt.Fprintln(stderr, "budgetlint check: no files or folders given")
		fsf.Usage()
		return exitTrouble
	}
	fail, err := rules.ParseSeverity(o.failLevel)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint check: --fail-level:", err)
		return exitTrouble
	}
	set, err := loadRules(o.ruleFiles, o.disable, o.enable)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	eng, err := checks.New(set)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	outs, err := openOutputs(o.formats, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint check:", err)
		return exitTrouble
	}
	paths, walkErrs := collect(fsf.Args())
	results := checkAll(eng, paths, o.jobs)
	results = append(results, walkErrs...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })

	r := &output.Run{Files: results, Rules: set}
	code := exitOK
	for _, f := range results {
		if f.Error != "" {
			code = exitTrouble
		}
	}
	if code == exitOK {
		for _, f := range results {
			for _, x := range f.Findings {
				if x.Severity.AtLeast(fail) {
					code = exitFindings
				}
			}
		}
	}
	for _, out := range outs {
		if err := out.print(out.w, r); err != nil {
			fmt.Fprintln(stderr, "budgetlint: writing output:", err)
			code = exitTrouble
		}
		if out.close != nil {
			out.close()
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
	for _, list := range disable {
		for _, id := range strings.Split(list, ",") {
			if id = strings.TrimSpace(id); id != "" {
				if err := set.SetEnabled(id, false); err != nil {
					return nil, fmt.Errorf("--disable: %v", err)
				}
			}
		}
	}
	for _, list := range enable {
		for _, id := range strings.Split(list, ",") {
			if id = strings.TrimSpace(id); id != "" {
				if err := set.SetEnabled(id, true); err != nil {
					return nil, fmt.Errorf("--enable: %v", err)
				}
			}
		}
	}
	return set, nil
}

type outputSpec struct {
	print output.Printer
	w     io.Writer
	close func()
}

// openOutputs parses --format NAME or NAME=PATH; text to stdout by default.
func openOutputs(specs []string, stdout io.Writer) ([]outputSpec, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []outputSpec
	for _, s := range specs {
		name, path, hasPath := strings.Cut(s, "=")
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
			o.close = func() { f.Close() }
		}
		outs = append(outs, o)
	}
	return outs, nil
}

// collect expands folders recursively into report files. A path that does
// not exist is an error result; files of types budgetlint does not read are
// skipped inside folders and reported when named directly.
func collect(args []string) ([]string, []output.FileResult) {
	var paths []string
	var errs []output.FileResult
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			errs = append(errs, output.FileResult{Path: a, Error: describe(err)})
			continue
		}
		if !fi.IsDir() {
			add(a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, output.FileResult{Path: p, Error: describe(err)})
				return nil
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if parser.FormatOf(p) != "" {
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, output.FileResult{Path: a, Error: describe(err)})
		}
	}
	return paths, errs
}

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, fs.ErrNotExist) {
			return "no such file or folder"
		}
		if errors.Is(err, fs.ErrPermission) {
			return "permission denied"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// checkAll checks files with a pool of workers; each document is dropped as
// soon as its findings are out, so memory stays flat in the number of files.
func checkAll(eng *checks.Engine, paths []string, jobs int) []output.FileResult {
	if jobs < 1 {
		jobs = 1
	}
	results := make([]output.FileResult, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = checkFile(eng, paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func checkFile(eng *checks.Engine, path string) (res output.FileResult) {
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
	return res
}
