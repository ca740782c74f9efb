// Package rules loads rule packs: YAML files, decoded strictly (an unknown
// key is an error naming file and line), each rule with an id, a check kind,
// a severity, a message template and kind-specific parameters. The default
// pack for Chinese budget and final-accounts reports is embedded.
package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/budgetlint/budgetlint/internal/suggest"
)

//go:embed *.yaml
var defaultFS embed.FS

// Rule is one check with its settings.
type Rule struct {
	ID       string    `yaml:"id"`
	Kind     string    `yaml:"kind"`
	Severity Severity  `yaml:"severity"`
	Summary  string    `yaml:"summary"`
	Explain  string    `yaml:"explain"`
	Example  string    `yaml:"example"`
	Message  string    `yaml:"message"`
	Enabled  *bool     `yaml:"enabled"`
	Params   yaml.Node `yaml:"params"`

	File string `yaml:"-"` // where the rule was defined
	Line int    `yaml:"-"`
	// MessageLine is the line of the message template, where an unknown
	// {placeholder} is reported (the rule's line when it has none).
	MessageLine int `yaml:"-"`
}

// On reports whether the rule runs (rules are on unless enabled: false).
func (r *Rule) On() bool { return r.Enabled == nil || *r.Enabled }

// DecodeParams decodes the rule's params strictly into v; an unknown key is
// an error naming the rule's file and the key's own line.
func (r *Rule) DecodeParams(v any) error {
	_, err := r.decodeParams(v, false)
	return err
}

// DecodeParamsWithTest reads params.test, which chooses one test of the
// rule's kind, and decodes the other params strictly into v.
func (r *Rule) DecodeParamsWithTest(v any) (test string, err error) {
	return r.decodeParams(v, true)
}

func (r *Rule) decodeParams(v any, withTest bool) (string, error) {
	if r.Params.Kind == 0 {
		return "", nil
	}
	n := &r.Params
	test := ""
	if withTest && n.Kind == yaml.MappingNode {
		rest := *n
		rest.Content = nil
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "test" {
				test = n.Content[i+1].Value
				continue
			}
			rest.Content = append(rest.Content, n.Content[i], n.Content[i+1])
		}
		n = &rest
	}
	if err := decodeNode(n, v); err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			return "", fmt.Errorf("%s:%d: rule %s: params: unknown key %s", r.File, ke.line, r.ID, ke.key)
		}
		return "", fmt.Errorf("%s:%d: rule %s: params: %v", r.File, r.Params.Line, r.ID, err)
	}
	return test, nil
}

// Pack is a set of rules plus the vocabulary the claim extractor uses.
type Pack struct {
	Name       string              `yaml:"pack"`
	Extends    string              `yaml:"extends"`
	Vocabulary map[string][]string `yaml:"vocabulary"`
	Rules      []*Rule             `yaml:"rules"`
	Disable    []string            `yaml:"disable"`
	Tables     *Tables             `yaml:"tables"` // table templates (templates.go)
}

// Set is the merged result of the default pack and user packs.
type Set struct {
	Rules      []*Rule
	Vocabulary map[string][]string
	Tables     TableSet
	byID       map[string]*Rule
	// Lang is the language of the rules' texts (English unless a locale
	// was laid over them); Locale translates the phrases the code writes.
	Lang   string
	Locale *Locale
	// vocabNames are the word lists the embedded pack defines: the only
	// names the extractor reads, so a user file naming another is a typo.
	vocabNames map[string]bool
}

// Lookup finds a rule by id.
func (s *Set) Lookup(id string) *Rule { return s.byID[id] }

// Vocab returns a vocabulary list by name.
func (s *Set) Vocab(name string) []string { return s.Vocabulary[name] }

// Default loads the embedded default pack in the default language
// (Chinese), as the command line gives it without --lang.
func Default() (*Set, error) { return DefaultIn(DefaultLang) }

// DefaultIn loads the embedded default pack in lang (English, the pack's
// own, or a locale's).
func DefaultIn(lang string) (*Set, error) {
	lang, err := ParseLang(lang)
	if err != nil {
		return nil, err
	}
	s, err := defaultPack()
	if err != nil || lang == English {
		return s, err
	}
	l, err := LoadLocale(lang)
	if err != nil {
		return nil, err
	}
	return s, l.apply(s)
}

// Say translates a phrase the code wrote into the set's language.
func (s *Set) Say(text string) string {
	if s == nil {
		return text
	}
	return s.Locale.Say(text)
}

func defaultPack() (*Set, error) {
	s := &Set{Vocabulary: map[string][]string{}, byID: map[string]*Rule{}, Lang: English}
	entries, err := defaultFS.ReadDir(".")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := defaultFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		if err := s.merge(path.Join("rules", n), data, true); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// DefaultSources returns the embedded rule files by name, for `budgetlint rules --dump`.
func DefaultSources() map[string][]byte {
	out := map[string][]byte{}
	entries, _ := defaultFS.ReadDir(".")
	for _, e := range entries {
		b, _ := defaultFS.ReadFile(e.Name())
		out[e.Name()] = b
	}
	return out
}

// AddFile merges a user rule file: new ids are added, existing ids are
// replaced field by field (a user may only change severity or params),
// vocabulary lists are extended, and `disable:` turns rules off.
func (s *Set) AddFile(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	return s.merge(file, data, false)
}

// AddBytes merges a rule file held in memory; file names it in errors.
func (s *Set) AddBytes(file string, data []byte) error { return s.merge(file, data, false) }

// merge decodes one rule file into the set. builtin marks the embedded
// pack, whose vocabulary lists are the ones the extractor knows.
func (s *Set) merge(file string, data []byte, builtin bool) error {
	if s.byID == nil {
		s.byID = map[string]*Rule{}
	}
	if s.Vocabulary == nil {
		s.Vocabulary = map[string][]string{}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return fmt.Errorf("%s: %v", file, YAMLMessage(err))
	}
	if err := duplicateKeys(&root); err != nil {
		return fmt.Errorf("%s:%v", file, err)
	}
	var p Pack
	if err := decodeNode(&root, &p); err != nil {
		return fmt.Errorf("%s:%v", file, err)
	}
	if err := s.checkVocabulary(file, &root, builtin); err != nil {
		return err
	}
	// line numbers per rule, from the node tree
	lines := ruleLines(&root)
	for k, v := range p.Vocabulary {
		s.Vocabulary[k] = appendUnique(s.Vocabulary[k], v...)
	}
	if err := s.mergeTables(file, p.Tables); err != nil {
		return err
	}
	for i, r := range p.Rules {
		r.File = file
		if i < len(lines) {
			r.Line, r.MessageLine = lines[i].rule, lines[i].message
		}
		if r.MessageLine == 0 {
			r.MessageLine = r.Line
		}
		if r.ID == "" {
			return fmt.Errorf("%s:%d: rule without id", file, r.Line)
		}
		if r.Severity != "" && r.Severity.Rank() == 0 {
			// a typo would quietly turn a failing check into a pass
			return fmt.Errorf("%s:%d: rule %s: unknown severity %q (want error, warning or info)", file, r.Line, r.ID, r.Severity)
		}
		if old := s.byID[r.ID]; old != nil {
			overlay(old, r)
			continue
		}
		if r.Kind == "" {
			return fmt.Errorf("%s:%d: rule %s has no kind", file, r.Line, r.ID)
		}
		if r.Severity == "" {
			r.Severity = Warning
		}
		s.Rules = append(s.Rules, r)
		s.byID[r.ID] = r
	}
	for _, id := range p.Disable {
		r := s.byID[id]
		if r == nil {
			return fmt.Errorf("%s: disable: %v", file, s.UnknownRule(id))
		}
		off := false
		r.Enabled = &off
	}
	return nil
}

// overlay applies a user's redefinition of an existing rule.
func overlay(old, r *Rule) {
	if r.Kind != "" && r.Kind != old.Kind {
		old.Kind = r.Kind
	}
	if r.Severity != "" {
		old.Severity = r.Severity
	}
	if r.Message != "" {
		old.Message = r.Message
		old.File, old.MessageLine = r.File, r.MessageLine
	}
	if r.Summary != "" {
		old.Summary = r.Summary
	}
	if r.Enabled != nil {
		old.Enabled = r.Enabled
	}
	if r.Params.Kind != 0 {
		old.Params = r.Params
		old.File, old.Line = r.File, r.Line
	}
}

// SetEnabled turns a rule on or off by id.
func (s *Set) SetEnabled(id string, on bool) error {
	r := s.byID[id]
	if r == nil {
		return s.UnknownRule(id)
	}
	r.Enabled = &on
	return nil
}

// SetSeverity changes a rule's severity by id.
func (s *Set) SetSeverity(id string, sev Severity) error {
	r := s.byID[id]
	if r == nil {
		return s.UnknownRule(id)
	}
	r.Severity = sev
	return nil
}

// UnknownRule is the error for a rule id the set lacks, with the id the
// user probably meant.
func (s *Set) UnknownRule(id string) error {
	return fmt.Errorf("unknown rule %q%s (see `budgetlint rules`)", id, suggest.Hint(id, suggest.Keys(s.byID)))
}

// decodeNode decodes n into v after checking every mapping key against v's
// yaml fields, so an unknown key is reported at its own line (decoding a
// re-encoded copy would lose blank lines and comments, and with them the
// line numbers).
func decodeNode(n *yaml.Node, v any) error {
	if err := knownKeys(n, reflect.TypeOf(v)); err != nil {
		return err
	}
	if err := n.Decode(v); err != nil {
		return errors.New(YAMLMessage(err))
	}
	return nil
}

var nodeType = reflect.TypeOf(yaml.Node{})

// keyError is an unknown key at its line.
type keyError struct {
	line int
	key  string
}

func (e *keyError) Error() string { return fmt.Sprintf("%d: unknown key %s", e.line, e.key) }

func knownKeys(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if err := knownKeys(c, t); err != nil {
				return err
			}
		}
		return nil
	case yaml.AliasNode:
		return knownKeys(n.Alias, t)
	}
	if t == nodeType {
		return nil // kept raw, checked by whoever decodes it
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // a type mismatch: Decode says so, with its line
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			fields[name] = f.Type
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				return &keyError{line: k.Line, key: k.Value}
			}
			if err := knownKeys(n.Content[i+1], ft); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := knownKeys(c, t.Elem()); err != nil {
					return err
				}
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				if err := knownKeys(n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ruleLine is where a rule and its message template are written.
type ruleLine struct{ rule, message int }

// ruleLines finds the line of each item of the top-level `rules:` list,
// and of its message.
func ruleLines(root *yaml.Node) []ruleLine {
	rs := topLevel(root, "rules")
	if rs == nil || rs.Kind != yaml.SequenceNode {
		return nil
	}
	var out []ruleLine
	for _, it := range rs.Content {
		l := ruleLine{rule: it.Line}
		if it.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(it.Content); i += 2 {
				if it.Content[i].Value == "message" {
					l.message = it.Content[i+1].Line
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// topLevel returns the value of a top-level key of a YAML document, or nil.
func topLevel(root *yaml.Node, key string) *yaml.Node {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// duplicateKeys finds a key written twice in one mapping, anywhere in the
// file: YAML keeps the last silently (params kept raw included), so a
// rule's second `severity:` would quietly win over its first.
func duplicateKeys(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value != "<<" {
				if l, dup := first[k.Value]; dup {
					return fmt.Errorf("%d: duplicate key %s (first written at line %d)", k.Line, k.Value, l)
				}
				first[k.Value] = k.Line
			}
		}
	}
	for _, c := range n.Content {
		if err := duplicateKeys(c); err != nil {
			return err
		}
	}
	return nil
}

// checkVocabulary records the embedded pack's list names and refuses a
// user file's list of another name: the extractor reads only its own, so
// `increse:` would add words nobody matches.
func (s *Set) checkVocabulary(file string, root *yaml.Node, builtin bool) error {
	v := topLevel(root, "vocabulary")
	if v == nil || v.Kind != yaml.MappingNode {
		return nil
	}
	if s.vocabNames == nil {
		s.vocabNames = map[string]bool{}
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		if builtin || len(s.vocabNames) == 0 {
			s.vocabNames[k.Value] = true
			continue
		}
		if !s.vocabNames[k.Value] {
			known := suggest.Keys(s.vocabNames)
			return fmt.Errorf("%s:%d: vocabulary: unknown list %s%s (known: %s)", file, k.Line, k.Value, suggest.Hint(k.Value, known), strings.Join(known, ", "))
		}
	}
	return nil
}

var yamlLineRe = regexp.MustCompile(`line (\d+): `)

// YAMLMessage turns yaml.v3's "yaml: unmarshal errors:\n  line 3: field foo
// not found in type main.config" into "3: unknown key foo", for
// rule packs and config files alike.
func YAMLMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n  ")
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	msg = yamlLineRe.ReplaceAllString(msg, "$1: ")
	if i := strings.Index(msg, "field "); i >= 0 {
		if j := strings.Index(msg, " not found in type "); j > i {
			k := j + len(" not found in type ")
			end := strings.IndexAny(msg[k:], ";")
			if end < 0 {
				end = len(msg) - k
			}
			msg = msg[:i] + "unknown key " + msg[i+len("field "):j] + msg[k+end:]
		}
	}
	return msg
}

func appendUnique(dst []string, src ...string) []string {
	seen := map[string]bool{}
	for _, s := range dst {
		seen[s] = true
	}
	for _, s := range src {
		if !seen[s] {
			dst = append(dst, s)
			seen[s] = true
		}
	}
	return dst
}
