package checks

import (
	"github.com/budgetlint/budgetlint/rules"
)

// restated checks one quantity stated twice: an item's heading amount
// against the amount its own sentence gives (支出决算为 / 预算安排).
type restated struct{}

func init() {
	Register("restated", func(r *rules.Rule, _ *rules.Set) (Checker, error) {
		return &restated{}, r.DecodeParams(&struct{}{})
	})
}

func (s *restated) Run(c *Context) {
	for _, it := range c.Claims.Items {
		c.Cov.Check()
		if it.Heading.Yuan().Meets(it.Current.Yuan()) {
			continue
		}
		c.span(it.Span, Vars{
			"stated":   fig(it.Heading),
			"expected": fig(it.Current),
			"second":   it.Current.Subject,
		})
	}
}
