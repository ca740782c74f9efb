package checks

import "github.com/budgetlint/budgetlint/rules"

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
}

// Coverage says what was checked and what was skipped, so a clean result
// cannot hide a checker that skipped most claims.
type Coverage struct {
	Figures int            `json:"figures"`
	Claims  int            `json:"claims"`
	Checked int            `json:"checked"`
	Skipped int            `json:"skipped"`
	Reasons map[string]int `json:"skipped_reasons,omitempty"`
}

// Skip records one claim that could not be checked, and why.
func (c *Coverage) Skip(reason string) {
	c.Skipped++
	if c.Reasons == nil {
		c.Reasons = map[string]int{}
	}
	c.Reasons[reason]++
}

// Check records one claim that was checked.
func (c *Coverage) Check() { c.Checked++ }

// Add merges another coverage into c.
func (c *Coverage) Add(o Coverage) {
	c.Figures += o.Figures
	c.Claims += o.Claims
	c.Checked += o.Checked
	c.Skipped += o.Skipped
	for k, v := range o.Reasons {
		if c.Reasons == nil {
			c.Reasons = map[string]int{}
		}
		c.Reasons[k] += v
	}
}
