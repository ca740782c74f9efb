// Package claims finds figures and the claims made about them in a
// document's blocks: amounts, percentages, shares, changes, budget-versus-
// final statements, causes, totals with parts, years and dates.
package claims

import "github.com/budgetlint/budgetlint/parser/doc"

// Set is everything extracted from one document.
type Set struct {
	Doc *doc.Document
}

// Vocabulary is the word lists the extractor needs, from the rule pack.
type Vocabulary map[string][]string

// Extract finds figures and claims in every block of d.
func Extract(d *doc.Document, v Vocabulary) *Set {
	return &Set{Doc: d}
}

// FigureCount is how many figures (amounts and percentages) were found.
func (s *Set) FigureCount() int { return 0 }

// ClaimCount is how many claims were found.
func (s *Set) ClaimCount() int { return 0 }
