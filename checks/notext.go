package checks

import "github.com/budgetlint/budgetlint/rules"

// noText reports, once, a document with no usable text layer (a scanned
// PDF, or one whose text decodes to garbage). Every other check is skipped
// for such a document: missing sections or tables would only be noise.
type noText struct{}

func init() {
	Register("no-text", func(r *rules.Rule, _ *rules.Set) (Checker, error) {
		return noText{}, r.DecodeParams(&struct{}{})
	})
}

func (noText) Run(c *Context) {
	if c.Doc.NoText != "" {
		c.ReportDoc(Vars{"reason": c.Doc.NoText})
	}
}
