package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// Inline suppression for HTML and Markdown sources:
//
//	<!-- budgetlint-disable-next-line share -- 表内数据按四舍五入列示 -->
//
// quiets findings of the named rules (comma-separated) that start on the
// next non-blank line. The reason is required: a suppression nobody can
// explain is a finding hidden, not a finding judged. Suppressions that quiet
// nothing are reported (rule unused-suppression), as nolintlint does, so
// they do not outlive the text they were written for.

// Meta rule ids, defined in rules/meta.yaml.
const (
	ruleUnusedSuppression = "unused-suppression"
	ruleBadSuppression    = "bad-suppression"
)

var suppressRe = regexp.MustCompile(`<!--\s*budgetlint-disable-next-line\b(.*?)-->`)

type suppression struct {
	rules   []string
	reason  string
	line    int // line of the comment's end
	target  int // next non-blank line
	col     int
	endLine int
	endCol  int
	text    string
	used    map[string]bool
}

// suppressible reports whether a file can carry suppression comments:
// HTML, and Markdown (read by the text reader).
func suppressible(d *doc.Document) bool {
	if d.Format == doc.FormatHTML {
		return true
	}
	return d.Format == doc.FormatText && strings.HasSuffix(strings.ToLower(d.Path), ".md")
}

// applySuppressions drops suppressed findings and appends meta findings for
// bad and unused suppressions. It scans the decoded source, markup
// included, since the readers drop comments.
func applySuppressions(d *doc.Document, set *rules.Set, fs []checks.Finding) []checks.Finding {
	if !suppressible(d) || d.Source == nil {
		return fs
	}
	sups := findSuppressions(d.Source)
	if len(sups) == 0 {
		return fs
	}
	keep := fs[:0]
	for _, f := range fs {
		if !suppressedBy(sups, f) {
			keep = append(keep, f)
		}
	}
	keep = append(keep, suppressionFindings(sups, set)...)
	checks.SortFindings(keep)
	return keep
}

func suppressedBy(sups []*suppression, f checks.Finding) bool {
	for _, s := range sups {
		if s.target != f.Line || s.reason == "" {
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

func findSuppressions(src *doc.Source) []*suppression {
	text := string(src.Text)
	var out []*suppression
	for _, m := range suppressRe.FindAllStringSubmatchIndex(text, -1) {
		// byte offsets → rune offsets for Position
		start := len([]rune(text[:m[0]]))
		end := start + len([]rune(text[m[0]:m[1]]))
		p0, p1 := src.Position(start), src.Position(end-1)
		ids, reason, _ := strings.Cut(text[m[2]:m[3]], "--")
		s := &suppression{
			rules: splitIDs(ids), reason: strings.TrimSpace(reason),
			line: p1.Line, col: p0.Column, endLine: p1.Line, endCol: p1.Column + 1,
			text: text[m[0]:m[1]], used: map[string]bool{},
		}
		s.target = nextNonBlankLine(src, end)
		out = append(out, s)
	}
	return out
}

func splitIDs(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

// nextNonBlankLine is the line number of the first line after the one
// holding rune offset off that has anything but white space.
func nextNonBlankLine(src *doc.Source, off int) int {
	i := off
	for i < len(src.Text) && src.Text[i] != '\n' {
		i++
	}
	for j := i + 1; j < len(src.Text); j++ {
		switch src.Text[j] {
		case ' ', '\t', '\r', '\n', '\u3000', '\f':
			continue
		}
		return src.Position(j).Line
	}
	return -1
}

// suppressionFindings reports suppressions that are malformed or quiet
// nothing. A suppression of a rule that is off is not reported as unused:
// another config (a parent folder's) may turn it on.
func suppressionFindings(sups []*suppression, set *rules.Set) []checks.Finding {
	var out []checks.Finding
	report := func(id string, s *suppression, msg string) {
		r := set.Lookup(id)
		if r == nil || !r.On() {
			return
		}
		out = append(out, checks.Finding{Rule: id, Severity: r.Severity, Message: msg,
			Line: s.line, Column: s.col, EndLine: s.endLine, EndColumn: s.endCol, Claim: s.text})
	}
	for _, s := range sups {
		switch {
		case len(s.rules) == 0:
			report(ruleBadSuppression, s, "suppression names no rule")
			continue
		case s.reason == "":
			report(ruleBadSuppression, s, "suppression gives no reason (write `-- reason` after the rule)")
			continue
		}
		for _, id := range s.rules {
			r := set.Lookup(id)
			switch {
			case r == nil:
				report(ruleBadSuppression, s, fmt.Sprintf("suppression names unknown rule %q", id))
			case !s.used[id] && r.On():
				report(ruleUnusedSuppression, s, fmt.Sprintf("suppression of %s quiets nothing on the next line", id))
			}
		}
	}
	return out
}
