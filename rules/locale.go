package rules

import (
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/budgetlint/budgetlint/internal/suggest"
)

// Languages. The rule pack is written in English, the language its authors
// and the code share; a locale file (locale/<lang>.yaml) lays each rule's
// summary, message and explanation over it, and translates the phrases the
// code itself writes (skip reasons, words put into messages). Chinese is
// the default: the reports and their readers are Chinese.
const (
	English     = "en"
	Chinese     = "zh"
	DefaultLang = Chinese
)

//go:embed locale/*.yaml
var localeFS embed.FS

// Langs lists the languages a pack can speak.
func Langs() []string {
	out := []string{English}
	entries, _ := localeFS.ReadDir("locale")
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// ParseLang accepts a language name as users write it (zh, zh-CN, en_US…).
func ParseLang(s string) (string, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	for _, k := range Langs() {
		if k == l {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown language %q%s (known: %s)", s, suggest.Hint(l, Langs()), strings.Join(Langs(), ", "))
}

// Locale is a translation of the default pack: rule texts by id, and
// phrases the code writes, by their English text.
type Locale struct {
	Lang    string              `yaml:"lang"`
	Rules   map[string]RuleText `yaml:"rules"`
	Phrases map[string]string   `yaml:"phrases"`

	exact    map[string]string
	patterns []phrasePattern
}

// RuleText is what a reader sees of a rule.
type RuleText struct {
	Summary string `yaml:"summary"`
	Message string `yaml:"message"`
	Explain string `yaml:"explain"`
}

// phrasePattern is a phrase with {name} holes, which match any text and
// carry it into the translation: "table lines: {table} not read"; a
// {#name} hole matches a number only.
type phrasePattern struct {
	re    *regexp.Regexp
	names []string
	to    string
	lit   int // literal length: longer patterns are more specific
}

var holeRe = regexp.MustCompile(`\{(#?[A-Za-z_][A-Za-z0-9_]*)\}`)

// LoadLocale reads the embedded locale of lang.
func LoadLocale(lang string) (*Locale, error) {
	name := "locale/" + lang + ".yaml"
	data, err := localeFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("no locale %q", lang)
	}
	return parseLocale("rules/"+name, data)
}

func parseLocale(file string, data []byte) (*Locale, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		return nil, fmt.Errorf("%s: %v", file, YAMLMessage(err))
	}
	if err := duplicateKeys(&root); err != nil {
		return nil, fmt.Errorf("%s:%v", file, err)
	}
	l := &Locale{}
	if err := decodeNode(&root, l); err != nil {
		return nil, fmt.Errorf("%s:%v", file, err)
	}
	l.exact = map[string]string{}
	for from, to := range l.Phrases {
		if !holeRe.MatchString(from) {
			l.exact[from] = to
			continue
		}
		p := phrasePattern{to: to}
		var re strings.Builder
		re.WriteString("^")
		last := 0
		for _, m := range holeRe.FindAllStringSubmatchIndex(from, -1) {
			re.WriteString(regexp.QuoteMeta(from[last:m[0]]))
			p.lit += m[0] - last
			name := from[m[2]:m[3]]
			if n, ok := strings.CutPrefix(name, "#"); ok {
				// a number only: 12, 3.5, 80%, 1,234
				re.WriteString(`([0-9][0-9.,]*%?)`)
				name = n
			} else {
				re.WriteString("(.+?)")
			}
			p.names = append(p.names, name)
			last = m[1]
		}
		re.WriteString(regexp.QuoteMeta(from[last:]))
		p.lit += len(from) - last
		re.WriteString("$")
		p.re = regexp.MustCompile(re.String())
		for _, h := range holeRe.FindAllStringSubmatch(to, -1) {
			if !contains(p.names, strings.TrimPrefix(h[1], "#")) {
				return nil, fmt.Errorf("%s: phrase %q: translation names {%s}, which the phrase has not", file, from, h[1])
			}
		}
		l.patterns = append(l.patterns, p)
	}
	sort.SliceStable(l.patterns, func(i, j int) bool { return l.patterns[i].lit > l.patterns[j].lit })
	return l, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Say translates a phrase the code wrote: an exact entry, else the most
// specific pattern, else — for a list joined with "; " — each item. A
// phrase the locale does not know is returned as it is (figures, names
// and report text pass through untouched).
func (l *Locale) Say(s string) string {
	if l == nil || s == "" {
		return s
	}
	if t, ok := l.exact[s]; ok {
		return t
	}
	// a list is translated item by item before a pattern may swallow it
	if strings.Contains(s, "; ") && l.Knows(s) {
		return l.sayItems(s)
	}
	if t, ok := l.lookup(s); ok {
		return t
	}
	if strings.Contains(s, "; ") {
		return l.sayItems(s)
	}
	return s
}

func (l *Locale) sayItems(s string) string {
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		if t, ok := l.lookup(p); ok {
			parts[i] = t
		}
	}
	return strings.Join(parts, "；")
}

// Knows reports whether s has a translation (whole, or item by item).
func (l *Locale) Knows(s string) bool {
	if l == nil {
		return false
	}
	if !strings.Contains(s, "; ") {
		_, ok := l.lookup(s)
		return ok
	}
	for _, p := range strings.Split(s, "; ") {
		if _, ok := l.lookup(p); !ok {
			return false
		}
	}
	return true
}

func (l *Locale) lookup(s string) (string, bool) {
	if t, ok := l.exact[s]; ok {
		return t, true
	}
	for _, p := range l.patterns {
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		vals := map[string]string{}
		for i, n := range p.names {
			// a hole's text may itself be a phrase: "{kind}: no rule applies"
			vals[n] = l.Say(m[i+1])
		}
		return holeRe.ReplaceAllStringFunc(p.to, func(h string) string { return vals[strings.TrimPrefix(h[1:len(h)-1], "#")] }), true
	}
	return "", false
}

// apply lays the locale's rule texts over the pack's rules; an id the
// pack does not define is an error (a renamed rule left its translation
// behind).
func (l *Locale) apply(s *Set) error {
	ids := make([]string, 0, len(l.Rules))
	for id := range l.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := s.byID[id]
		if r == nil {
			return fmt.Errorf("rules/locale/%s.yaml: rules: unknown rule %q%s", l.Lang, id, suggest.Hint(id, suggest.Keys(s.byID)))
		}
		t := l.Rules[id]
		if t.Summary != "" {
			r.Summary = t.Summary
		}
		if t.Message != "" {
			r.Message = t.Message
		}
		if t.Explain != "" {
			r.Explain = t.Explain
		}
	}
	s.Lang, s.Locale = l.Lang, l
	return nil
}
