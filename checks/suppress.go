package checks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
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

// suppress drops the findings the document's inline suppressions quiet
// and keeps the suppressions for the rules that judge them. It scans the
// decoded source, markup included, since the readers drop comments.
func (r *run) suppress() {
	if !suppressible(r.doc) || r.doc.Source == nil {
		return
	}
	r.sups = findSuppressions(r.doc.Source)
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

// The suppression kind judges the suppressions themselves, after they were
// applied: one that is malformed (no rule, an unknown rule, no reason) and
// one that quiets nothing. A suppression of a rule that is off is not
// reported as unused: another config (a parent folder's) may turn it on.
func init() {
	RegisterTests("suppression", map[string]Test{
		"bad":    badSuppressions,
		"unused": unusedSuppressions,
	}, Options{AfterSuppressions: true, Vars: []string{"problem", "rule"}})
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
				c.reportSuppression(s, Vars{"rule": id})
			}
		}
	}
}

func (c *Context) reportSuppression(s *suppression, vars Vars) {
	vars = c.say(vars)
	c.run.out = append(c.run.out, Finding{Rule: c.Rule.ID, Severity: c.Rule.Severity, Message: c.expand(vars),
		Line: s.line, Column: s.col, EndLine: s.endLine, EndColumn: s.endCol, Claim: s.text})
}
