package checks

import (
	"cmp"
	"slices"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Verdict is what the rules made of one claim: decided (found consistent,
// or reported by the rules in Rules) or skipped under Reason. It lets a user
// see which claims a clean result did not check, and why.
type Verdict struct {
	Place
	Kind    string   `json:"kind"`
	Decided bool     `json:"decided"`
	Rules   []string `json:"rules,omitempty"`
	Reason  string   `json:"reason,omitempty"`
}

// Verdicts lints d as Run does and returns the verdict on every claim, in
// the order of the claims in the document, with the run's coverage.
func (e *Engine) Verdicts(d *doc.Document) ([]Verdict, Coverage) {
	r := e.run(d)
	ctx := &Context{Doc: d, run: r}
	var out []Verdict
	for _, cl := range r.claims.All() {
		sp := cl.Where()
		v := Verdict{Place: ctx.Place(sp.Block, sp.Start, sp.End), Kind: cl.Kind(), Decided: r.decided[cl], Rules: r.reported[cl]}
		if !v.Decided {
			v.Reason = r.skipReason(cl)
		}
		out = append(out, v)
	}
	sortPlaces(out)
	return out, r.coverage()
}

func sortPlaces(vs []Verdict) {
	// stable: claims at one place stay in extraction order
	slices.SortStableFunc(vs, func(a, b Verdict) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}
