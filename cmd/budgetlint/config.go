package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/budgetlint/budgetlint/rules"
)

// configNames are looked for from the working folder upward, as
// golangci-lint and Vale look for theirs.
var configNames = []string{".budgetlint.yaml", ".budgetlint.yml"}

// config is a .budgetlint.yaml:
//
//	extends: ../.budgetlint.yaml     # refine a parent folder's settings
//	rules: {share: error, placeholder: off}
//	rule_files: [district-rules.yaml] # relative to this file
//	exclude: ["drafts/**"]
//	fail_level: error
//	lang: zh                          # or en: messages and reports
type config struct {
	Extends   string    `yaml:"extends"`
	Rules     yaml.Node `yaml:"rules"`
	RuleFiles []string  `yaml:"rule_files"`
	Exclude   []string  `yaml:"exclude"`
	FailLevel string    `yaml:"fail_level"`
	Lang      string    `yaml:"lang"`

	file     string        // where it was read from
	settings []ruleSetting // Rules, in file order, with lines
}

// ruleSetting is one `rules:` entry; the line lets an unknown rule id be
// reported where it is written.
type ruleSetting struct {
	ID, Value, File string
	Line            int
}

// findConfig returns the nearest config file from dir upward, or "".
func findConfig(dir string) string {
	for {
		for _, n := range configNames {
			p := filepath.Join(dir, n)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// loadConfig reads a config and the ones it extends, parent first, so a
// district folder's file refines the city's. Paths in each file are made
// relative to that file.
func loadConfig(file string) (*config, error) {
	chain, err := loadChain(file)
	if err != nil {
		return nil, err
	}
	return foldConfigs(chain), nil
}

// loadChain returns file and the files it extends, each parsed on its own,
// parent first. Folder-level configuration needs the files apart so that a
// district file extending the root config does not apply the root twice.
func loadChain(file string) ([]*config, error) {
	var chain []*config
	for depth := 0; file != ""; depth++ {
		if depth > 8 {
			return nil, fmt.Errorf("%s: extends: too deep (a cycle?)", file)
		}
		c, err := parseConfig(file)
		if err != nil {
			return nil, err
		}
		chain = append([]*config{c}, chain...)
		file = ""
		if c.Extends != "" {
			file = c.rel(c.Extends)
		}
	}
	return chain, nil
}

// foldConfigs lays each config over the ones before it.
func foldConfigs(chain []*config) *config {
	out := &config{}
	for i, c := range chain {
		if i == 0 {
			cp := *c
			out = &cp
			continue
		}
		out = out.refine(c)
	}
	return out
}

func parseConfig(file string) (*config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("config: %s", describe(err))
	}
	c := &config{file: file}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s:%s", file, rules.YAMLMessage(err))
	}
	if c.FailLevel != "" {
		if _, err := rules.ParseSeverity(c.FailLevel); err != nil {
			return nil, fmt.Errorf("%s: fail_level: %v", file, err)
		}
	}
	if c.Lang != "" {
		if _, err := rules.ParseLang(c.Lang); err != nil {
			return nil, fmt.Errorf("%s: lang: %v", file, err)
		}
	}
	if err := c.readRuleSettings(); err != nil {
		return nil, err
	}
	for i, f := range c.RuleFiles {
		c.RuleFiles[i] = c.rel(f)
	}
	if _, err := newPathFilter(nil, c.Exclude); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return c, nil
}

func (c *config) readRuleSettings() error {
	n := &c.Rules
	if n.Kind == 0 {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: rules: want a map of rule id to off, error, warning or info", c.file, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		val := strings.ToLower(v.Value)
		if v.Kind != yaml.ScalarNode || (val != "off" && val != "on" && val != "false" && !isSeverity(val)) {
			return fmt.Errorf("%s:%d: rules: %s: want off, error, warning or info, not %q", c.file, v.Line, k.Value, v.Value)
		}
		c.settings = append(c.settings, ruleSetting{ID: k.Value, Value: val, File: c.file, Line: k.Line})
	}
	return nil
}

func isSeverity(s string) bool { _, err := rules.ParseSeverity(s); return err == nil }

// rel resolves a path written in the config against the config's folder.
func (c *config) rel(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(c.file), p)
}

// refine lays child over parent: rule settings and lists add up, a scalar
// set in the child wins.
func (parent *config) refine(child *config) *config {
	out := *child
	out.settings = append(append([]ruleSetting(nil), parent.settings...), child.settings...)
	out.RuleFiles = append(append([]string(nil), parent.RuleFiles...), child.RuleFiles...)
	out.Exclude = append(append([]string(nil), parent.Exclude...), child.Exclude...)
	if out.FailLevel == "" {
		out.FailLevel = parent.FailLevel
	}
	if out.Lang == "" {
		out.Lang = parent.Lang
	}
	return &out
}

// apply sets rule severities and turns rules off; an id the set does not
// know is an error at its line, since a typo would otherwise silently keep
// a rule on.
func (c *config) apply(set *rules.Set) error {
	for _, s := range c.settings {
		if set.Lookup(s.ID) == nil {
			return fmt.Errorf("%s:%d: rules: %v", s.File, s.Line, set.UnknownRule(s.ID))
		}
		switch s.Value {
		case "off", "false":
			_ = set.SetEnabled(s.ID, false)
		case "on":
			_ = set.SetEnabled(s.ID, true)
		default:
			_ = set.SetEnabled(s.ID, true)
			_ = set.SetSeverity(s.ID, rules.Severity(s.Value))
		}
	}
	return nil
}
