package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// run is the state of one Engine.Run: one document's findings, what was
// decided, and the views of the document built once for all its rules.
type run struct {
	doc    *doc.Document
	set    *rules.Set
	claims *claims.Set
	out    []Finding

	decided  map[claims.Claim]bool     // claims some check found consistent or reported
	reported map[claims.Claim][]string // the rules that reported each claim
	reasons  map[claims.Claim]string   // why a claim could not be decided (first reason given)
	tables   Units                     // table identities checked and skipped

	rounded int       // rates whose figures only rounding prints as stated
	cut     []cutRate // rates that fit only with their digits cut off

	sheets *sheetSet      // the document's standard tables as sheets, built on first use
	sups   []*suppression // inline suppressions, once applied
}

// Context is what a rule's test sees while it runs over one document.
type Context struct {
	Doc    *doc.Document
	Claims *claims.Set
	Rule   *rules.Rule
	run    *run
	kind   *Kind
}

// Vars are the named values a rule's message template may use: {stated}, {expected}...
type Vars map[string]string

// Report records a finding on analysis runes [start,end) of block b.
// vars fill the rule's message template; "stated", "expected" and "context"
// also go to the finding's fields. related are other places the finding
// involves (the table row a sentence disagrees with, the first statement of
// a figure restated).
func (c *Context) Report(b *doc.Block, start, end int, vars Vars, related ...Place) {
	c.ReportAs(c.Rule.Severity, b, start, end, vars, related...)
}

// ReportAs is Report at severity sev instead of the rule's: for the rare
// finding whose weight the document itself changes.
func (c *Context) ReportAs(sev rules.Severity, b *doc.Block, start, end int, vars Vars, related ...Place) {
	vars = c.say(vars)
	f := Finding{
		Rule:     c.Rule.ID,
		Severity: sev,
		Message:  c.expand(vars),
		Stated:   vars["stated"],
		Expected: vars["expected"],
		Context:  vars["context"],
		Related:  related,
	}
	p := c.Place(b, start, end)
	f.Line, f.Column, f.EndLine, f.EndColumn, f.Page, f.Claim = p.Line, p.Column, p.EndLine, p.EndColumn, p.Page, p.Claim
	c.run.out = append(c.run.out, f)
}

// Place locates analysis runes [start,end) of block b in the source.
func (c *Context) Place(b *doc.Block, start, end int) Place {
	s, e := b.SourceSpan(start, end)
	p0 := c.Doc.Source.Position(s)
	p1 := c.Doc.Source.Position(e - 1)
	return Place{Line: p0.Line, Column: p0.Column, Page: p0.Page, EndLine: p1.Line, EndColumn: p1.Column + 1, Claim: b.RawRange(start, end)}
}

// ReportClaim reports a claim that the figures contradict, over the claim's
// own span; the claim counts as decided.
func (c *Context) ReportClaim(cl claims.Claim, vars Vars, related ...Place) {
	sp := cl.Where()
	c.ReportClaimOver(cl, sp.Start, sp.End, vars, related...)
}

// ReportClaimOver is ReportClaim over runes [start,end) of the claim's
// block: a claim judged together with others (a whole and its listed parts)
// is shown with them, as any of them may be the wrong one.
func (c *Context) ReportClaimOver(cl claims.Claim, start, end int, vars Vars, related ...Place) {
	c.Decided(cl)
	if !slices.Contains(c.run.reported[cl], c.Rule.ID) {
		c.run.reported[cl] = append(c.run.reported[cl], c.Rule.ID)
	}
	c.Report(cl.Where().Block, start, end, vars, related...)
}

// ReportDoc records a finding about the whole document (no position).
func (c *Context) ReportDoc(vars Vars) {
	vars = c.say(vars)
	c.run.out = append(c.run.out, Finding{
		Rule: c.Rule.ID, Severity: c.Rule.Severity, Message: c.expand(vars),
		Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Claim: vars["claim"],
		Stated: vars["stated"], Expected: vars["expected"],
	})
}

// Decided records that a claim was checked: found consistent, or reported.
func (c *Context) Decided(cl claims.Claim) { c.run.decided[cl] = true }

// Skip records why a claim could not be decided by this rule. A claim that
// no rule decides is counted as skipped, under the first reason given.
func (c *Context) Skip(cl claims.Claim, reason string) {
	if _, ok := c.run.reasons[cl]; !ok {
		c.run.reasons[cl] = reason
	}
}

// TableChecked records one table identity checked.
func (c *Context) TableChecked() { c.run.tables.TableChecked() }

// TableSkipped records one table identity that could not be checked, and why.
func (c *Context) TableSkipped(reason string) { c.run.tables.TableSkipped(reason) }

// strictVars makes a test that fills a var its kind does not declare
// (Options.Vars) panic; the package's tests turn it on, so the declared
// list cannot drift from the Vars{...} the tests fill.
var strictVars bool

// say translates the phrases the code put into vars (a skip of "increase",
// a damage description) into the pack's language; figures and report text
// pass through unchanged.
func (c *Context) say(vars Vars) Vars {
	if c.run.set == nil || c.run.set.Locale == nil {
		return vars
	}
	out := make(Vars, len(vars))
	for k, v := range vars {
		out[k] = c.run.set.Say(v)
	}
	return out
}

// expand fills the rule's message template.
func (c *Context) expand(vars Vars) string {
	if strictVars && c.kind != nil {
		for name := range vars {
			if !slices.Contains(c.kind.Vars, name) {
				panic(fmt.Sprintf("kind %s fills {%s}, which its Options.Vars does not declare: add it there", c.kind.Name, name))
			}
		}
	}
	return Expand(c.Rule.Message, vars)
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
