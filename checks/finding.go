package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/rules"
)

// Finding is one contradiction found in a document. Field names follow the
// JSON contract the scorecard and CI integrations read.
type Finding struct {
	Rule      string         `json:"rule"`
	Severity  rules.Severity `json:"severity"`
	Message   string         `json:"message"`
	Line      int            `json:"line"`
	Column    int            `json:"column"`
	EndLine   int            `json:"end_line"`
	EndColumn int            `json:"end_column"`
	Page      int            `json:"page,omitempty"`
	Claim     string         `json:"claim"`
	Stated    string         `json:"stated,omitempty"`
	Expected  string         `json:"expected,omitempty"`
	// Context is extra text a reader needs to judge the finding (the other
	// figure of a pair, the heading of the item...).
	Context string `json:"context,omitempty"`
	// Related are the other places one defect involves: the table row a
	// sentence disagrees with, the earlier statement of a restated figure.
	Related []Place `json:"related,omitempty"`
}

// Place is a span of the source: lines and columns (in characters), the
// page for paged sources, and the text there.
type Place struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Page      int    `json:"page,omitempty"`
	Claim     string `json:"claim"`
	// Note says what the place is to the finding ("table row", "first stated").
	Note string `json:"note,omitempty"`
}

// Coverage says what was checked and what was skipped, so a clean result
// cannot hide a checker that skipped most claims. Claims are counted once
// each: a claim is decided when some rule found it consistent or reported
// it, and skipped otherwise, under one reason.
type Coverage struct {
	Figures int            `json:"figures"`
	Claims  int            `json:"claims"`
	Decided int            `json:"decided"`
	Skipped int            `json:"skipped"`
	Reasons map[string]int `json:"skipped_reasons,omitempty"`
	// Checked counts every verdict reached: claims decided plus table
	// identities checked.
	Checked int   `json:"checked"`
	Tables  Units `json:"tables"`
	// Pages is set for damaged files: how many of their pages were read.
	Pages *PageCoverage `json:"pages,omitempty"`
}

// PageCoverage counts the pages of damaged files: read, and declared by
// the files; Undeclared counts the files that do not say.
type PageCoverage struct {
	Read       int `json:"read"`
	Declared   int `json:"declared"`
	Undeclared int `json:"undeclared_files,omitempty"`
}

func (p *PageCoverage) add(o *PageCoverage) *PageCoverage {
	if o == nil {
		return p
	}
	if p == nil {
		p = &PageCoverage{}
	}
	p.Read += o.Read
	p.Declared += o.Declared
	p.Undeclared += o.Undeclared
	return p
}

// Units counts checks of things that are not narrative claims (table identities).
type Units struct {
	Checked int            `json:"checked"`
	Skipped int            `json:"skipped"`
	Reasons map[string]int `json:"skipped_reasons,omitempty"`
}

// TableChecked counts one identity checked.
func (u *Units) TableChecked() { u.Checked++ }

// TableSkipped counts one identity skipped, and why.
func (u *Units) TableSkipped(reason string) { u.skip(reason) }

func (u *Units) skip(reason string) {
	u.Skipped++
	if u.Reasons == nil {
		u.Reasons = map[string]int{}
	}
	u.Reasons[reason]++
}

func (u *Units) add(o Units) {
	u.Checked += o.Checked
	u.Skipped += o.Skipped
	for k, v := range o.Reasons {
		if u.Reasons == nil {
			u.Reasons = map[string]int{}
		}
		u.Reasons[k] += v
	}
}

// Add merges another coverage into c.
func (c *Coverage) Add(o Coverage) {
	c.Figures += o.Figures
	c.Claims += o.Claims
	c.Decided += o.Decided
	c.Checked += o.Checked
	claims := Units{Skipped: c.Skipped, Reasons: c.Reasons}
	claims.add(Units{Skipped: o.Skipped, Reasons: o.Reasons})
	c.Skipped, c.Reasons = claims.Skipped, claims.Reasons
	c.Tables.add(o.Tables)
	c.Pages = c.Pages.add(o.Pages)
}

// coverage counts the run's claims: decided, or skipped under the first
// reason a rule gave (or because no rule applies to its form).
func (r *run) coverage() Coverage {
	cov := Coverage{Figures: r.claims.FigureCount(), Tables: r.tables}
	if len(r.tables.Reasons) > 0 {
		cov.Tables.Reasons = map[string]int{}
		for k, n := range r.tables.Reasons {
			cov.Tables.Reasons[r.set.Say(k)] += n
		}
	}
	var skipped Units
	for _, cl := range r.claims.All() {
		cov.Claims++
		if r.decided[cl] {
			cov.Decided++
			continue
		}
		skipped.skip(r.skipReason(cl))
	}
	cov.Skipped, cov.Reasons = skipped.Skipped, skipped.Reasons
	cov.Checked = cov.Decided + cov.Tables.Checked
	// bytes after the end alone lose nothing: such a file is read whole
	if dm := r.doc.Damage; dm != nil && len(dm.Problems) > 0 {
		cov.Pages = &PageCoverage{Read: dm.PagesRead, Declared: dm.PagesDeclared}
		if dm.PagesDeclared == 0 {
			cov.Pages.Undeclared = 1
		}
	}
	return cov
}

// skipReason is why an undecided claim was skipped, in the pack's language.
func (r *run) skipReason(cl claims.Claim) string {
	reason := r.reasons[cl]
	if reason == "" {
		reason = cl.Kind() + ": no rule applies to this form"
	}
	return r.set.Say(reason)
}
