package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
)

// restated checks one quantity stated twice: an item's heading amount
// against the amount its own sentence gives (支出决算为 / 预算安排).
func init() {
	RegisterTests("restated", map[string]Test{
		"item": each(func(c *Context) []*claims.Item { return c.Claims.Items }, restatedItem),
	}, Options{Vars: []string{"stated", "expected", "second"}})
}

func restatedItem(c *Context, it *claims.Item) {
	c.Decided(it)
	if it.Heading.Yuan().Meets(it.Current.Yuan()) {
		return
	}
	c.ReportClaim(it, Vars{
		"stated":   fig(it.Heading),
		"expected": fig(it.Current),
		"second":   it.Current.Subject,
	})
}
