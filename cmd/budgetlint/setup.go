package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/rules"
)

// checkSetup is everything a check run needs before it reads a file:
// config, rules, engine, fail level, path filter and baseline. All of it is
// validated up front, so a typo in a config fails in a second, not after an
// hour-long batch.
type checkSetup struct {
	cfg      *config
	set      *rules.Set
	eng      *checks.Engine
	fail     rules.Severity
	min      rules.Severity // --min-severity; "" prints every finding
	lang     string
	chain    []*config // the run's configuration files, parent first
	filter   *pathFilter
	baseline *baseline
	dirs     *dirConfigs

	opts    checkOptions
	engines map[string]*checks.Engine // by dirConf.engineKey
}

func setUp(o checkOptions) (*checkSetup, error) {
	s := &checkSetup{opts: o, engines: map[string]*checks.Engine{}}
	chain, err := configFor(o)
	if err != nil {
		return nil, err
	}
	s.cfg = foldConfigs(chain)
	s.chain = chain
	s.dirs = newDirConfigs(s.cfg, chain, o.noConfig)
	if s.lang, err = langFor(s.cfg, o); err != nil {
		return nil, err
	}
	s.opts.lang = s.lang
	if s.set, err = ruleSetFor(s.cfg, o); err != nil {
		return nil, err
	}
	if s.eng, err = checks.New(s.set); err != nil {
		return nil, err
	}
	s.engines[s.dirs.root.engineKey()] = s.eng
	level := o.failLevel
	if !o.failLevelExplicit && s.cfg.FailLevel != "" {
		level = s.cfg.FailLevel
	}
	if s.fail, err = rules.ParseSeverity(level); err != nil {
		return nil, fmt.Errorf("--fail-level: %v", err)
	}
	if o.minLevel != "" {
		if s.min, err = rules.ParseSeverity(o.minLevel); err != nil {
			return nil, fmt.Errorf("--min-severity: %v", err)
		}
	}
	switch o.color {
	case "", "auto", "always", "never":
	default:
		return nil, fmt.Errorf("--color %q: want auto, always or never", o.color)
	}
	if s.filter, err = newPathFilter(o.include, append(append([]string(nil), s.cfg.Exclude...), o.exclude...)); err != nil {
		return nil, err
	}
	if o.baseline != "" {
		if s.baseline, err = readBaseline(o.baseline); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// configFor finds the run's config: --config, else the nearest
// .budgetlint.yaml from the working folder upward, else none. It returns
// the file and those it extends, parent first.
func configFor(o checkOptions) ([]*config, error) {
	file := o.config
	if file == "" && !o.noConfig {
		if wd, err := os.Getwd(); err == nil {
			file = findConfig(wd)
		}
	}
	if file == "" {
		return nil, nil
	}
	return loadChain(file)
}

// jobsFor gives each file the engine of its folder's configuration. An
// engine is built once per distinct set of rule files and settings, so a
// thousand districts sharing three configurations build three engines; a
// bad rule id in a district file fails here, before any file is read.
func (s *checkSetup) jobsFor(files []found) ([]job, error) {
	jobs := make([]job, len(files))
	for i, f := range files {
		key := f.conf.engineKey()
		eng := s.engines[key]
		if eng == nil {
			set, err := ruleSetFor(f.conf.cfg, s.opts)
			if err != nil {
				return nil, err
			}
			if eng, err = checks.New(set); err != nil {
				return nil, err
			}
			s.engines[key] = eng
		}
		jobs[i] = job{path: f.path, eng: eng}
	}
	return jobs, nil
}

// ruleSetFor builds the rule set: default pack, the config's rule files,
// --rules files, the config's settings, then --disable/--enable, so flags
// have the last word.
func ruleSetFor(c *config, o checkOptions) (*rules.Set, error) {
	files := append(append([]string(nil), c.RuleFiles...), o.ruleFiles...)
	lang, err := langFor(c, o)
	if err != nil {
		return nil, err
	}
	set, err := loadRules(lang, files, nil, nil)
	if err != nil {
		return nil, err
	}
	if err := c.apply(set); err != nil {
		return nil, err
	}
	if err := toggle(set, "--disable", o.disable, false); err != nil {
		return nil, err
	}
	return set, toggle(set, "--enable", o.enable, true)
}

// langFor is the run's language: --lang, else the config's lang, else
// the default (Chinese).
func langFor(c *config, o checkOptions) (string, error) {
	l := o.lang
	if l == "" && c != nil {
		l = c.Lang
	}
	if l == "" {
		return rules.DefaultLang, nil
	}
	lang, err := rules.ParseLang(l)
	if err != nil {
		return "", fmt.Errorf("--lang: %v", err)
	}
	return lang, nil
}

// stdinJob reads standard input for the path "-", under --stdin-filename
// (whose extension picks the reader), with the run's configuration.
func (s *checkSetup) stdinJob(o checkOptions) (*job, error) {
	name := o.stdinName
	if name == "" {
		name = "stdin.txt"
	}
	if parser.FormatOf(name) == "" {
		return nil, fmt.Errorf("--stdin-filename %q: %s", name, notReadReason(name))
	}
	if o.stdin == nil {
		return nil, fmt.Errorf("no standard input to read")
	}
	data, err := io.ReadAll(io.LimitReader(o.stdin, parser.DefaultLimits.MaxPDFBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading standard input: %v", err)
	}
	if int64(len(data)) > parser.DefaultLimits.MaxPDFBytes {
		return nil, fmt.Errorf("standard input is larger than %d MB", parser.DefaultLimits.MaxPDFBytes>>20)
	}
	c, err := s.dirs.at(filepath.Dir(name), s.dirs.topFor(name, false))
	if err != nil {
		return nil, err
	}
	jobs, err := s.jobsFor([]found{{path: name, conf: c}})
	if err != nil {
		return nil, err
	}
	if data == nil {
		data = []byte{}
	}
	jobs[0].data = data
	return &jobs[0], nil
}

// record is what an archived report says about this run.
func (s *checkSetup) record(o checkOptions) output.Record {
	rec := output.Record{Date: time.Now().Format(time.RFC3339), Version: versionString(), Command: o.args}
	for _, c := range s.chain {
		rec.Config = append(rec.Config, c.file)
	}
	rec.Rules = append(append(rec.Rules, s.cfg.RuleFiles...), o.ruleFiles...)
	return rec
}

// applyBaseline writes today's findings as the baseline when asked (and
// then reports nothing of them), and drops baselined findings.
func (s *checkSetup) applyBaseline(o checkOptions, results []output.FileResult, stderr io.Writer) error {
	if o.writeBaseline != "" {
		b := newBaseline(o.writeBaseline, results)
		if err := b.write(o.writeBaseline); err != nil {
			return fmt.Errorf("--write-baseline: %v", err)
		}
		n := b.filter(results)
		if !o.quiet {
			fmt.Fprintln(stderr, "budgetlint: "+say(s.lang, "recorded %d findings in %s", "已在 %[2]s 中记录%[1]d个问题", n, o.writeBaseline))
		}
	}
	if s.baseline != nil {
		n := s.baseline.filter(results)
		if n > 0 && !o.quiet {
			fmt.Fprintln(stderr, "budgetlint: "+say(s.lang, "%d findings recorded in %s not shown", "%[2]s 中已记录的%[1]d个问题未列出", n, o.baseline))
		}
		if n == 0 && len(s.baseline.Findings) > 0 && s.baseline.covers(results) {
			// every old finding is back: said even with --quiet, since a
			// baseline that quietly matches nothing hides nothing
			fmt.Fprintln(stderr, "budgetlint: "+say(s.lang,
				"warning: none of the %d findings recorded in %s matched this run: were the files moved or renamed? (paths are kept relative to the baseline's folder; write it again with --write-baseline)",
				"警告：%[2]s 中记录的%[1]d个问题本次一个也没有对上：文件是否移动或改名了？（路径按基线文件所在文件夹记录；可用 --write-baseline 重新生成）",
				len(s.baseline.Findings), o.baseline))
		}
	}
	return nil
}
