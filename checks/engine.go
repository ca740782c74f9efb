// Package checks runs rules over a document's claims and produces findings.
// Each check kind lives in its own file and registers a constructor; the
// engine builds one checker per enabled rule and runs them all.
package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// Checker is a rule ready to run.
type Checker interface {
	Run(c *Context)
}

// Factory builds a checker from a rule; it decodes and validates the rule's params.
type Factory func(r *rules.Rule, set *rules.Set) (Checker, error)

var kinds = map[string]Factory{}

// Register makes a check kind available to rule files. Kind files call it from init.
func Register(kind string, f Factory) {
	if _, dup := kinds[kind]; dup {
		panic("checks: kind registered twice: " + kind)
	}
	kinds[kind] = f
}

// Kinds lists the registered check kinds.
func Kinds() []string {
	out := make([]string, 0, len(kinds))
	for k := range kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Context is what a checker sees while it runs over one document.
type Context struct {
	Doc    *doc.Document
	Claims *claims.Set
	Rule   *rules.Rule
	Cov    *Coverage
	out    *[]Finding
	memo   map[string]any // shared by the checkers of one document
}

// Memo returns the value stored under key for this document, computing it
// with make the first time. Checkers that need the same derived view of a
// document (its tables read as sheets, say) build it once.
func (c *Context) Memo(key string, make func() any) any {
	if v, ok := c.memo[key]; ok {
		return v
	}
	v := make()
	c.memo[key] = v
	return v
}

// Vars are the named values a rule's message template may use: {stated}, {expected}...
type Vars map[string]string

// Report records a finding on analysis runes [start,end) of block b.
// vars fill the rule's message template; "stated" and "expected" also go to
// the finding's fields.
func (c *Context) Report(b *doc.Block, start, end int, vars Vars) {
	f := Finding{
		Rule:     c.Rule.ID,
		Severity: c.Rule.Severity,
		Message:  Expand(c.Rule.Message, vars),
		Claim:    b.RawRange(start, end),
		Stated:   vars["stated"],
		Expected: vars["expected"],
		Context:  vars["context"],
	}
	s, e := b.SourceSpan(start, end)
	p0 := c.Doc.Source.Position(s)
	p1 := c.Doc.Source.Position(e - 1)
	f.Line, f.Column, f.Page = p0.Line, p0.Column, p0.Page
	f.EndLine, f.EndColumn = p1.Line, p1.Column+1
	*c.out = append(*c.out, f)
}

// ReportDoc records a finding about the whole document (no position).
func (c *Context) ReportDoc(vars Vars) {
	*c.out = append(*c.out, Finding{
		Rule: c.Rule.ID, Severity: c.Rule.Severity, Message: Expand(c.Rule.Message, vars),
		Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Claim: vars["claim"],
		Stated: vars["stated"], Expected: vars["expected"],
	})
}

// Expand fills {name} placeholders; unknown names are left as written.
func Expand(tmpl string, vars Vars) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var sb strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			sb.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			sb.WriteString(tmpl)
			break
		}
		name := tmpl[i+1 : i+j]
		sb.WriteString(tmpl[:i])
		if v, ok := vars[name]; ok {
			sb.WriteString(v)
		} else {
			sb.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	return sb.String()
}

// Engine holds the checkers built from a rule set.
type Engine struct {
	Set      *rules.Set
	rules    []*rules.Rule
	checkers []Checker
}

// New builds a checker for every enabled rule.
func New(set *rules.Set) (*Engine, error) {
	e := &Engine{Set: set}
	for _, r := range set.Rules {
		f := kinds[r.Kind]
		if f == nil {
			return nil, fmt.Errorf("%s:%d: rule %s: unknown kind %q (known: %s)", r.File, r.Line, r.ID, r.Kind, strings.Join(Kinds(), ", "))
		}
		ch, err := f(r, set)
		if err != nil {
			return nil, err
		}
		if !r.On() {
			continue
		}
		e.rules = append(e.rules, r)
		e.checkers = append(e.checkers, ch)
	}
	return e, nil
}

// Run checks one document and returns its findings, sorted by place, and coverage.
func (e *Engine) Run(d *doc.Document) ([]Finding, Coverage) {
	var out []Finding
	cov := Coverage{}
	cs := claims.Extract(d, claims.Vocabulary(e.Set.Vocabulary))
	cov.Figures = cs.FigureCount()
	cov.Claims = cs.ClaimCount()
	memo := map[string]any{}
	for i, ch := range e.checkers {
		if d.NoText != "" && e.rules[i].Kind != "no-text" {
			continue // nothing to lint in noise; say so once instead
		}
		ctx := &Context{Doc: d, Claims: cs, Rule: e.rules[i], Cov: &cov, out: &out, memo: memo}
		ch.Run(ctx)
	}
	SortFindings(out)
	return out, cov
}

// SortFindings orders findings by page, line, column, then rule id.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}
