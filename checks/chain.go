package checks

import (
	"math/big"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// chain checks a report's running addition (收入 A，加上 B，C，收入总计 T):
// the total must be the starting amount plus the parts. The starting amount
// is read charitably — the first or the last amount before 加, or none when
// the parts alone make the total — and the chain is reported only when no
// reading adds up within the printed precision.
func init() {
	RegisterTests("chain", map[string]Test{
		"total": each(func(c *Context) []*claims.Chain { return c.Claims.Chains }, chainTotal),
	}, Options{Vars: []string{"stated", "expected", "terms"}})
}

func chainTotal(c *Context, ch *claims.Chain) {
	if ch.Subtracts {
		c.Skip(ch, "chain: subtracts as well as adds")
		return
	}
	parts := ch.Parts[0].Yuan()
	terms := []string{fig(ch.Parts[0])}
	for _, p := range ch.Parts[1:] {
		parts = parts.Add(p.Yuan())
		terms = append(terms, fig(p))
	}
	total := ch.Total.Yuan()
	readings := []num.Interval{parts}
	for _, h := range ch.Heads {
		readings = append(readings, h.Yuan().Add(parts))
	}
	for _, r := range readings {
		if r.Meets(total) {
			c.Decided(ch)
			return
		}
	}
	if len(ch.Heads) == 0 {
		c.Skip(ch, "chain: no starting amount stated")
		return
	}
	// the reading nearest the total is the one the message shows
	best, bestHead := readings[1], ch.Heads[0]
	for i, h := range ch.Heads[1:] {
		if dist(readings[i+2], total).Cmp(dist(best, total)) < 0 {
			best, bestHead = readings[i+2], h
		}
	}
	c.Decided(ch)
	c.ReportClaim(ch, Vars{
		"stated":   fig(ch.Total),
		"expected": amount(best, ch.Total),
		"terms":    fig(bestHead) + " + " + strings.Join(terms, " + "),
	})
}

// dist is how far apart the midpoints of two intervals are.
func dist(a, b num.Interval) *big.Rat {
	d := new(big.Rat).Sub(a.Mid(), b.Mid())
	return d.Abs(d)
}
