package main

import (
	"os"
	"path/filepath"
	"strings"
)

// Folder-level configuration: a bureau keeps one folder per district, and a
// district's .budgetlint.yaml refines the run's configuration for the files
// below it (conventions.md, "Configuration and suppression"). The run's
// configuration is the one found from the working folder upward or given
// with --config; folder files are those in folders below the working folder
// (for a path outside it, from that path down). Nearest wins: each folder's
// file is laid over its parent folder's effective configuration.

// dirConf is the effective configuration of one folder.
type dirConf struct {
	chain    []*config    // the files that make it up, parent first, each once
	cfg      *config      // chain folded
	excludes []scopedGlob // folder files' exclude patterns, each tied to its folder
}

// scopedGlob is an exclude pattern written in a folder-level file; it is
// matched against paths relative to that file's folder, so a district can
// write `drafts/**` and mean its own drafts.
type scopedGlob struct {
	dir, pattern string
}

// dirConfigs finds and caches the effective configuration per folder.
type dirConfigs struct {
	root *dirConf
	wd   string // absolute working folder
	off  bool   // --no-config: folder files are ignored too
	memo map[string]*dirConf
}

func newDirConfigs(root *config, rootChain []*config, noConfig bool) *dirConfigs {
	wd, _ := os.Getwd()
	wd, _ = filepath.Abs(wd)
	return &dirConfigs{
		root: &dirConf{chain: rootChain, cfg: root},
		wd:   wd,
		off:  noConfig,
		memo: map[string]*dirConf{},
	}
}

// topFor is the highest folder whose file may refine the run's
// configuration for paths under arg: below the working folder for paths
// inside it, else arg itself (its folder, for a file).
func (d *dirConfigs) topFor(arg string, isDir bool) string {
	abs, _ := filepath.Abs(arg)
	if within(d.wd, abs) {
		return d.wd
	}
	if !isDir {
		abs = filepath.Dir(abs)
	}
	return filepath.Dir(abs) // so arg's own folder counts
}

// at returns the effective configuration of folder dir (any form) for a
// walk whose folder files start below top.
func (d *dirConfigs) at(dir, top string) (*dirConf, error) {
	abs, err := filepath.Abs(dir)
	if err != nil || d.off {
		return d.root, err
	}
	key := top + "\x00" + abs
	if c, ok := d.memo[key]; ok {
		return c, nil
	}
	c := d.root
	if abs != top && within(top, abs) {
		if c, err = d.at(filepath.Dir(abs), top); err != nil {
			return nil, err
		}
		if f := configIn(abs); f != "" {
			if c, err = c.refinedBy(f); err != nil {
				return nil, err
			}
		}
	}
	d.memo[key] = c
	return c, nil
}

// refinedBy lays file (and what it extends) over c. Files already in c's
// chain are skipped: a district file saying `extends: ../.budgetlint.yaml`
// refines the root once, not twice.
func (c *dirConf) refinedBy(file string) (*dirConf, error) {
	chain, err := loadChain(file)
	if err != nil {
		return nil, err
	}
	out := &dirConf{
		chain:    append([]*config(nil), c.chain...),
		excludes: append([]scopedGlob(nil), c.excludes...),
	}
	for _, f := range chain {
		if c.has(f.file) {
			continue
		}
		out.chain = append(out.chain, f)
		for _, p := range f.Exclude {
			out.excludes = append(out.excludes, scopedGlob{dir: filepath.Dir(absPath(f.file)), pattern: p})
		}
	}
	out.cfg = foldConfigs(out.chain)
	// Excludes of folder files are scoped above; fail_level and lang stay
	// the run's, since one exit code and one report cannot follow several.
	out.cfg.Exclude, out.cfg.FailLevel, out.cfg.Lang = c.cfg.Exclude, c.cfg.FailLevel, c.cfg.Lang
	return out, nil
}

func (c *dirConf) has(file string) bool {
	for _, x := range c.chain {
		if absPath(x.file) == absPath(file) {
			return true
		}
	}
	return false
}

// excluded reports whether path (any form) matches a folder file's exclude
// pattern, relative to that file's folder.
func (c *dirConf) excluded(path string) bool {
	abs := absPath(path)
	for _, g := range c.excludes {
		if rel, err := filepath.Rel(g.dir, abs); err == nil && within(g.dir, abs) {
			if matchAny([]string{g.pattern}, rel) {
				return true
			}
		}
	}
	return false
}

// engineKey names what decides the rule engine: rule files and rule
// settings, in order. Districts with the same settings share one engine.
func (c *dirConf) engineKey() string {
	var b strings.Builder
	for _, f := range c.cfg.RuleFiles {
		b.WriteString("file " + absPath(f) + "\n")
	}
	for _, s := range c.cfg.settings {
		b.WriteString("rule " + s.ID + "=" + s.Value + "\n")
	}
	return b.String()
}

// configIn returns the config file in folder dir itself, or "".
func configIn(dir string) string {
	for _, n := range configNames {
		p := filepath.Join(dir, n)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	return ""
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// within reports whether p is dir or below it (both absolute).
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
