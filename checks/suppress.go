package checks

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Inline suppression. In HTML and Markdown sources, as comments:
//
//	<!-- budgetlint-disable-next-line share-mismatch -- 表内数据按四舍五入列示 -->
//	<!-- budgetlint-disable-file year-mention -- 附件为上年度自评报告 -->
//	<!-- budgetlint-disable table-text -- 本节数字按调整后口径 -->
//	…
//	<!-- budgetlint-enable table-text -->
//
// and in plain-text drafts (.txt, .md), which cannot hold comments, as a
// line of its own starting with #:
//
//	# budgetlint-disable-next-line share-mismatch -- 表内数据按四舍五入列示
//
// disable-next-line quiets findings of the named rules (comma-separated)
// that start on the next non-blank line; disable-file quiets them in the
// whole file; disable quiets them from its line to the matching enable (or
// to the end of the file). The reason is required: a suppression nobody
// can explain is a finding hidden, not a finding judged. Suppressions that
// quiet nothing are reported (rule unused-suppression), as nolintlint does,
// so they do not outlive the text they were written for.

var (
	commentRe = regexp.MustCompile(`<!--\s*budgetlint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->`)
	hashRe    = regexp.MustCompile(`(?m)^[ \t\x{3000}]*#[ \t]*budgetlint-(disable-next-line|disable-file|disable|enable)\b([^\n]*)$`)
)

// scope of a suppression
const (
	nextLine  = "disable-next-line"
	wholeFile = "disable-file"
	block     = "disable"
	enable    = "enable"
)

type suppression struct {
	form    string // nextLine, wholeFile, block (enable markers close blocks)
	rules   []string
	reason  string
	line    int // line of the comment's end
	target  int // nextLine: the next non-blank line
	from    int // block: first line quieted
	to      int // block: last line quieted (the enable's line, or the end)
	col     int
	endLine int
	endCol  int
	text    string
	used    map[string]bool
}

// suppressible reports which forms a file can carry: comments in HTML and
// Markdown, # lines in plain text and Markdown.
func suppressible(d *doc.Document) (comments, hashes bool) {
	md := d.Format == doc.FormatText && strings.HasSuffix(strings.ToLower(d.Path), ".md")
	txt := d.Format == doc.FormatText && !md
	return d.Format == doc.FormatHTML || md, txt || md
}

// suppress drops the findings the document's inline suppressions quiet
// and keeps the suppressions for the rules that judge them. It scans the
// decoded source, markup included, since the readers drop comments.
func (r *run) suppress() {
	comments, hashes := suppressible(r.doc)
	if (!comments && !hashes) || r.doc.Source == nil {
		return
	}
	r.sups = findSuppressions(r.doc.Source, comments, hashes)
	if len(r.sups) == 0 {
		return
	}
	keep := r.out[:0]
	for _, f := range r.out {
		if !suppressedBy(r.sups, f) {
			keep = append(keep, f)
		}
	}
	r.out = keep
}

func suppressedBy(sups []*suppression, f Finding) bool {
	for _, s := range sups {
		if s.reason == "" || !s.covers(f.Line) {
			continue
		}
		for _, id := range s.rules {
			if id == f.Rule {
				s.used[id] = true
				return true
			}
		}
	}
	return false
}

func (s *suppression) covers(line int) bool {
	switch s.form {
	case nextLine:
		return line == s.target
	case wholeFile:
		return true
	case block:
		return line >= s.from && line <= s.to
	}
	return false
}

func findSuppressions(src *doc.Source, comments, hashes bool) []*suppression {
	text := src.Text()
	type match struct{ m []int }
	var ms []match
	if comments {
		for _, m := range commentRe.FindAllStringSubmatchIndex(text, -1) {
			ms = append(ms, match{m})
		}
	}
	if hashes {
		for _, m := range hashRe.FindAllStringSubmatchIndex(text, -1) {
			ms = append(ms, match{m})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].m[0] < ms[j].m[0] })
	lastLine := src.Position(src.Len()).Line
	var out []*suppression
	var open []*suppression // blocks not yet enabled again
	for _, x := range ms {
		m := x.m
		// byte offsets → rune offsets for Position
		start := utf8.RuneCountInString(text[:m[0]])
		end := start + utf8.RuneCountInString(text[m[0]:m[1]])
		p0, p1 := src.Position(start), src.Position(end-1)
		ids, reason, _ := strings.Cut(text[m[4]:m[5]], "--")
		s := &suppression{
			form: text[m[2]:m[3]], rules: splitIDs(ids), reason: strings.TrimSpace(reason),
			line: p1.Line, col: p0.Column, endLine: p1.Line, endCol: p1.Column + 1,
			text: strings.TrimSpace(text[m[0]:m[1]]), used: map[string]bool{},
		}
		switch s.form {
		case nextLine:
			s.target = nextNonBlankLine(src, end)
		case block:
			s.from, s.to = s.line+1, lastLine
			open = append(open, s)
		case enable:
			// closes the open blocks of the rules it names, or all of them
			for _, b := range open {
				if len(s.rules) == 0 || overlaps(b.rules, s.rules) {
					b.to = min(b.to, s.line-1)
				}
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func splitIDs(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\u3000' || r == '，' })
}

// nextNonBlankLine is the line number of the first line after the one
// holding rune offset off that has anything but white space.
func nextNonBlankLine(src *doc.Source, off int) int {
	j, eol := off, false // eol: the line holding off has ended
	for _, r := range src.Slice(off, src.Len()) {
		switch {
		case !eol:
			eol = r == '\n'
		case r == ' ', r == '\t', r == '\r', r == '\n', r == '\u3000', r == '\f':
		default:
			return src.Position(j).Line
		}
		j++
	}
	return -1
}

// The suppression kind judges the suppressions themselves, after they were
// applied: one that is malformed (no rule, an unknown rule, no reason) and
// one that quiets nothing. A suppression of a rule that is off is not
// reported as unused: another config (a parent folder's) may turn it on.
func init() {
	RegisterTests("suppression", map[string]Test{
		"bad":    badSuppressions,
		"unused": unusedSuppressions,
	}, Options{AfterSuppressions: true, Vars: []string{"problem", "rule", "scope"}})
}

func badSuppressions(c *Context) {
	for _, s := range c.run.sups {
		switch {
		case len(s.rules) == 0:
			c.reportSuppression(s, Vars{"problem": "names no rule"})
		case s.reason == "":
			c.reportSuppression(s, Vars{"problem": "gives no reason (write `-- reason` after the rule)"})
		default:
			for _, id := range s.rules {
				if c.run.set.Lookup(id) == nil {
					c.reportSuppression(s, Vars{"problem": fmt.Sprintf("names unknown rule %q", id), "rule": id})
				}
			}
		}
	}
}

func unusedSuppressions(c *Context) {
	for _, s := range c.run.sups {
		if len(s.rules) == 0 || s.reason == "" {
			continue
		}
		for _, id := range s.rules {
			if r := c.run.set.Lookup(id); r != nil && r.On() && !s.used[id] {
				c.reportSuppression(s, Vars{"rule": id, "scope": scopeWords[s.form]})
			}
		}
	}
}

// scopeWords say where a suppression looked for findings.
var scopeWords = map[string]string{nextLine: "on the next line", wholeFile: "in this file", block: "up to its budgetlint-enable"}

func (c *Context) reportSuppression(s *suppression, vars Vars) {
	vars = c.say(vars)
	c.run.out = append(c.run.out, Finding{Rule: c.Rule.ID, Severity: c.Rule.Severity, Message: c.expand(vars),
		Line: s.line, Column: s.col, EndLine: s.endLine, EndColumn: s.endCol, Claim: s.text})
}
