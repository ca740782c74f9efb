package checks

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// sum checks a stated total against its listed parts: parts that add up to
// more than the total (a part larger than its total among them), and, when
// the list is known to be complete (every part has a share and the shares
// make 100%, or the parts are a complete decomposition such as 货物 + 工程 +
// 服务), parts that add up to less.
func init() {
	RegisterTests("sum", map[string]Test{"parts": sumParts}, Options{})
}

func sumParts(c *Context) {
	for _, t := range c.Claims.Totals {
		total := t.Parts[0].Yuan()
		terms := []string{t.Parts[0].Value.String()}
		for _, p := range t.Parts[1:] {
			total = total.Add(p.Yuan())
			terms = append(terms, p.Value.String())
		}
		head := t.Head.Yuan()
		over := head.Below(total)
		complete := t.Closed || exhaustive(c.Claims, t)
		under := total.Below(head) && complete
		if !over && !under {
			c.Decided(t) // a partial list (其中) short of its total is consistent
			continue
		}
		c.ReportClaim(t, Vars{
			"stated":   fig(t.Head),
			"expected": amount(total, t.Head),
			"parts":    strings.Join(terms, " + "),
		})
	}
}

// exhaustive: every part carries a share and the shares can make 100%.
func exhaustive(cs *claims.Set, t *claims.Total) bool {
	var shares num.Interval
	for i, p := range t.Parts {
		var found *claims.Share
		for _, sh := range cs.Shares {
			if sh.Part == p {
				found = sh
			}
		}
		if found == nil || found.Pct.Unit != claims.UnitPercent {
			return false
		}
		if i == 0 {
			shares = found.Pct.Value.Interval()
		} else {
			shares = shares.Add(found.Pct.Value.Interval())
		}
	}
	return shares.Meets(num.Int(100))
}
