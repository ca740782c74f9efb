// Package expect runs report excerpts whose lines carry the findings they
// should produce, as golang.org/x/tools' analysistest does for Go code:
//
//	基本支出154.25万元，占本年支出合计的99.35%。 // want share-mismatch "figures give 97\.87%"
//
// A line may carry several expectations (`// want A "x" B "y"`), and an
// HTML excerpt may write them as a comment (`<!-- want A "x" -->`). A line
// written to tempt a rule that must stay silent says so:
//
//	基本支出154.25万元，占97.88%。 // silent share-mismatch -- intervals meet
//
// The markers are removed before the excerpt is linted with the whole rule
// pack, so a false alarm from any rule shows as an unexpected finding.
//
// One file may hold several independent excerpts, each linted as its own
// document, in the txtar layout Go tools use: a line `-- name --` starts an
// excerpt called name (its extension, if any, says how to read it), and
// text before the first such line is a comment.
package expect

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
)

// Want is one expected finding: rule id and a pattern its message matches,
// on a line of the excerpt.
type Want struct {
	Line    int
	Rule    string
	Pattern *regexp.Regexp
}

// Failure is one difference between what an excerpt expects and what the
// rules found.
type Failure struct {
	File string
	Line int
	Msg  string
}

func (f Failure) String() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Msg) }

// Extensions are the excerpt types a folder run reads.
var Extensions = []string{".txt", ".md", ".html", ".htm"}

var (
	markerRe     = regexp.MustCompile(`[ \t\x{3000}]*(?://[ \t]*(want|silent)\b[ \t]*(.*)|<!--[ \t]*(want|silent)\b[ \t]*(.*?)[ \t]*-->)[ \t]*$`)
	silentRe     = regexp.MustCompile(`^\s*([a-z0-9][a-z0-9-]*(?:[\s,]+[a-z0-9][a-z0-9-]*)*)\s*(?:--.*)?$`)
	expectItemRe = regexp.MustCompile(`^\s*([a-z0-9][a-z0-9-]*)\s+("(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `)`)
)

// Parse splits an excerpt into the text to lint (markers removed, every
// line kept where it was) and what it expects.
func Parse(data string) (text string, wants []Want, err error) {
	text, wants, _, err = parse(data)
	return text, wants, err
}

// Silent lists the rules a file's `silent` lines name: its negative cases.
func Silent(data string) []string {
	_, _, silent, _ := parse(data)
	return silent
}

// Wants lists what every excerpt of a file expects (lines are the excerpts' own).
func Wants(name, data string) ([]Want, error) {
	var out []Want
	for _, ex := range split(name, data) {
		_, ws, err := Parse(ex.text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ex.line, err)
		}
		out = append(out, ws...)
	}
	return out, nil
}

func parse(data string) (text string, wants []Want, silent []string, err error) {
	lines := strings.Split(data, "\n")
	for i, l := range lines {
		m := markerRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		verb, spec := m[1], m[2]
		if verb == "" {
			verb, spec = m[3], m[4]
		}
		lines[i] = l[:markerRe.FindStringIndex(l)[0]]
		if verb == "silent" {
			sm := silentRe.FindStringSubmatch(spec)
			if sm == nil {
				return "", nil, nil, fmt.Errorf("line %d: silent: expected RULE [RULE…] [-- reason], got %q", i+1, spec)
			}
			silent = append(silent, strings.FieldsFunc(sm[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })...)
			continue
		}
		ws, err := parseSpec(spec, i+1)
		if err != nil {
			return "", nil, nil, err
		}
		wants = append(wants, ws...)
	}
	return strings.Join(lines, "\n"), wants, silent, nil
}

func parseSpec(spec string, line int) ([]Want, error) {
	var out []Want
	rest := strings.TrimSpace(spec)
	if rest == "" {
		return nil, fmt.Errorf("line %d: want: expected RULE \"regexp\"", line)
	}
	for rest != "" {
		m := expectItemRe.FindStringSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("line %d: want: expected RULE \"regexp\", got %q", line, rest)
		}
		// the pattern is taken as written (a regexp's own \. needs no
		// doubling); only \" stands for a quote inside "…"
		pat := m[2][1 : len(m[2])-1]
		if m[2][0] == '"' {
			pat = strings.ReplaceAll(pat, `\"`, `"`)
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("line %d: want %s: %v", line, m[1], err)
		}
		out = append(out, Want{Line: line, Rule: m[1], Pattern: re})
		rest = strings.TrimSpace(rest[len(m[0]):])
	}
	return out, nil
}

// Check lints the excerpts of one file with eng and returns every expected
// finding that is missing and every finding nobody expected, at file lines.
func Check(eng *checks.Engine, name string, data []byte) ([]Failure, error) {
	var out []Failure
	for _, ex := range split(name, string(data)) {
		text, wants, err := Parse(ex.text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ex.line, err)
		}
		format := doc.FormatText
		if f := parser.FormatOf(ex.name); f == doc.FormatHTML {
			format = f
		}
		d, err := parser.Parse(ex.name, format, []byte(text))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ex.line, err)
		}
		found, _ := eng.Run(d)
		for _, f := range compare(wants, found) {
			f.File, f.Line = name, f.Line+ex.line-1
			if ex.name != name {
				f.Msg = "[" + ex.name + "] " + f.Msg
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// Excerpt is one text of a want file as it is linted: markers removed.
type Excerpt struct {
	Name string // its file name (the extension says how to read it)
	Line int    // the file line its text starts on
	Text string
}

// Excerpts lists the texts of a want file, markers removed, for tests that
// lint them otherwise (in another language, say).
func Excerpts(name string, data []byte) ([]Excerpt, error) {
	var out []Excerpt
	for _, ex := range split(name, string(data)) {
		text, _, err := Parse(ex.text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, ex.line, err)
		}
		out = append(out, Excerpt{Name: ex.name, Line: ex.line, Text: text})
	}
	return out, nil
}

// excerpt is one independent text of a want file, starting at file line line.
type excerpt struct {
	name string
	line int
	text string
}

var excerptRe = regexp.MustCompile(`^-- (.+) --$`)

// split cuts a file into its excerpts at txtar `-- name --` lines; a file
// without them is one excerpt.
func split(name, data string) []excerpt {
	lines := strings.Split(data, "\n")
	var out []excerpt
	cur := -1
	for i, l := range lines {
		if m := excerptRe.FindStringSubmatch(strings.TrimRight(l, "\r")); m != nil {
			n := strings.TrimSpace(m[1])
			if filepath.Ext(n) == "" {
				n += filepath.Ext(name)
			}
			out = append(out, excerpt{name: n, line: i + 2})
			cur = len(out) - 1
			continue
		}
		if cur >= 0 {
			out[cur].text += l + "\n"
		}
	}
	if cur < 0 {
		return []excerpt{{name: name, line: 1, text: data}}
	}
	for i := range out {
		out[i].text = strings.TrimSuffix(out[i].text, "\n")
	}
	return out
}

// compare pairs each expectation with one finding of its rule on its line
// whose message it matches.
func compare(wants []Want, found []checks.Finding) []Failure {
	used := make([]bool, len(found))
	var out []Failure
	for _, w := range wants {
		ok := false
		for i, f := range found {
			if !used[i] && f.Line == w.Line && f.Rule == w.Rule && w.Pattern.MatchString(f.Message) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			out = append(out, Failure{"", w.Line, fmt.Sprintf("missing %s finding matching %q%s", w.Rule, w.Pattern, onLine(found, w.Line))})
		}
	}
	for i, f := range found {
		if !used[i] {
			out = append(out, Failure{"", f.Line, fmt.Sprintf("unexpected %s: %s [%s]", f.Severity, f.Message, f.Rule)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// onLine says what was found on a line instead, to make a miss readable.
func onLine(found []checks.Finding, line int) string {
	var got []string
	for _, f := range found {
		if f.Line == line {
			got = append(got, fmt.Sprintf("%s %q", f.Rule, f.Message))
		}
	}
	if len(got) == 0 {
		return " (nothing found on this line)"
	}
	return " (found: " + strings.Join(got, "; ") + ")"
}

// Dir checks every excerpt in dir and below; it returns the failures and
// how many excerpts were checked.
func Dir(eng *checks.Engine, dir string) ([]Failure, int, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && isExcerpt(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(files)
	var out []Failure
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		fs, err := Check(eng, f, data)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, fs...)
	}
	return out, len(files), nil
}

func isExcerpt(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}
