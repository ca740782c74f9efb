// Package checks runs rules over a document's claims and tables and
// produces findings. Each check kind lives in its own file and registers its
// tests (registry.go); the engine builds the test of every enabled rule and
// Engine.Run is the complete lint of one document.
package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/internal/suggest"
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// RuleInternalError is the id of the finding that stands for a rule that
// failed on a document (a bug in budgetlint, not in the report).
const RuleInternalError = "internal-error"

// Engine holds the tests built from a rule set. It keeps no state between
// documents: Run may be called concurrently on different documents.
type Engine struct {
	Set    *rules.Set
	vocab  claims.Vocabulary
	active []active
	// byEngine is the rule the engine reports a failed rule under, if the
	// pack defines one.
	byEngine *rules.Rule
}

type active struct {
	rule *rules.Rule
	kind *Kind
	test Test
}

// New builds the test of every rule (an error names the rule's file and
// line); only enabled rules run.
func New(set *rules.Set) (*Engine, error) {
	e := &Engine{Set: set, vocab: claims.Vocabulary(set.Vocabulary)}
	for _, r := range set.Rules {
		k := kinds[r.Kind]
		if k == nil {
			return nil, fmt.Errorf("%s:%d: rule %s: unknown kind %q%s (known: %s)", r.File, r.Line, r.ID, r.Kind, suggest.Hint(r.Kind, Kinds()), strings.Join(Kinds(), ", "))
		}
		if err := k.checkMessage(r); err != nil {
			return nil, err
		}
		if k.ByEngine {
			if e.byEngine == nil {
				e.byEngine = r
			}
			continue
		}
		t, err := k.build(r)
		if err != nil {
			return nil, err
		}
		if r.On() {
			e.active = append(e.active, active{rule: r, kind: k, test: t})
		}
	}
	return e, nil
}

// Run lints one document: every enabled rule, then the document's inline
// suppressions and the rules that judge them. A rule that panics becomes
// one internal-error finding naming it; the other rules' findings are kept.
// Findings come sorted by place.
func (e *Engine) Run(d *doc.Document) ([]Finding, Coverage) {
	r := e.run(d)
	return r.out, r.coverage()
}

// run lints one document and keeps the run's state, for Run and Verdicts.
func (e *Engine) run(d *doc.Document) *run {
	r := &run{doc: d, set: e.Set, decided: map[claims.Claim]bool{}, reasons: map[claims.Claim]string{}, reported: map[claims.Claim][]string{}}
	r.claims = e.extract(d, r)
	checks := e.checks(d)
	lastSheets := -1
	for i, a := range checks {
		if a.kind.Sheets {
			lastSheets = i
		}
	}
	for i, a := range checks {
		e.runTest(r, a)
		if i == lastSheets {
			r.sheets = nil // no rule after this one reads them
		}
	}
	r.suppress()
	for _, a := range e.active {
		if a.kind.AfterSuppressions {
			e.runTest(r, a)
		}
	}
	SortFindings(r.out)
	return r
}

// checks is the rules that run on d before its suppressions are applied,
// in their order: every kind's, then the kinds that judge what the others
// recorded.
func (e *Engine) checks(d *doc.Document) []active {
	var out []active
	for _, last := range []bool{false, true} {
		for _, a := range e.active {
			if a.kind.AfterChecks != last || a.kind.AfterSuppressions || (d.NoText != "" && !a.kind.OnNoText) {
				continue
			}
			out = append(out, a)
		}
	}
	return out
}

// extract reads the document's claims; a failure there is reported and the
// rules that do not need claims still run.
func (e *Engine) extract(d *doc.Document, r *run) (cs *claims.Set) {
	defer func() {
		if p := recover(); p != nil {
			e.internalError(r, "claim extraction", p)
			cs = &claims.Set{Doc: d}
		}
	}()
	return claims.Extract(d, e.vocab)
}

// runTest runs one rule, turning a panic into an internal-error finding and
// dropping the findings the rule made before it failed.
func (e *Engine) runTest(r *run, a active) {
	before := len(r.out)
	defer func() {
		if p := recover(); p != nil {
			r.out = r.out[:before]
			e.internalError(r, "rule "+a.rule.ID, p)
		}
	}()
	a.test(&Context{Doc: r.doc, Claims: r.claims, Rule: a.rule, run: r, kind: a.kind})
}

func (e *Engine) internalError(r *run, what string, p any) {
	f := Finding{Rule: RuleInternalError, Severity: rules.Error, Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
	msg := fmt.Sprintf("%v", p)
	if e.byEngine != nil {
		f.Severity = e.byEngine.Severity
		f.Message = Expand(e.byEngine.Message, Vars{"what": e.Set.Say(what), "error": msg})
	} else {
		f.Message = what + " failed: " + msg
	}
	r.out = append(r.out, f)
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
