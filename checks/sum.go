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
//
// A list is read charitably: the parts that surely belong to it must
// exceed every figure it may break down, and a complete list must fall
// short of every one, before a total is reported.
func init() {
	RegisterTests("sum", map[string]Test{"parts": sumParts}, Options{Vars: []string{"stated", "expected", "parts"}})
}

func sumParts(c *Context) {
	for _, t := range c.Claims.Totals {
		complete := t.Closed || exhaustive(c.Claims, t)
		sure := t.Parts[:t.Sure]
		if complete {
			sure = t.Parts
		}
		switch {
		case len(sure) > 0 && allBelow(t.Heads, add(sure)):
			reportSum(c, t, sure)
		case complete && allAbove(t.Heads, add(t.Parts)):
			reportSum(c, t, t.Parts)
		default:
			c.Decided(t) // a partial list (其中) short of its total is consistent
		}
	}
}

func reportSum(c *Context, t *claims.Total, parts []*claims.Figure) {
	terms := make([]string, len(parts))
	for i, p := range parts {
		terms[i] = p.Value.String()
	}
	c.ReportClaim(t, Vars{
		"stated":   fig(t.Head),
		"expected": amount(add(parts), t.Head),
		"parts":    strings.Join(terms, " + "),
	})
}

func add(fs []*claims.Figure) num.Interval {
	iv := fs[0].Yuan()
	for _, f := range fs[1:] {
		iv = iv.Add(f.Yuan())
	}
	return iv
}

// allBelow: every head is below the parts' sum, on every reading.
func allBelow(heads []*claims.Figure, sum num.Interval) bool {
	for _, h := range heads {
		if !h.Yuan().Below(sum) {
			return false
		}
	}
	return true
}

// allAbove: the parts' sum is below every head.
func allAbove(heads []*claims.Figure, sum num.Interval) bool {
	for _, h := range heads {
		if !sum.Below(h.Yuan()) {
			return false
		}
	}
	return true
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
