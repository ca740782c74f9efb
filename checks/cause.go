package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
)

// cause checks 主要原因是 …: a cause describing an increase after a decrease
// (and the reverse), a reduction after 持平, and an empty cause.
func init() {
	causes := func(c *Context) []*claims.Cause { return c.Claims.Causes }
	RegisterTests("cause", map[string]Test{
		"direction": each(causes, causeDirection),
		"empty":     each(causes, causeEmpty),
	}, Options{Vars: []string{"stated", "expected", "cause"}})
}

func causeEmpty(c *Context, cs *claims.Cause) {
	if cs.Empty {
		c.ReportClaim(cs, Vars{})
	}
}

func causeDirection(c *Context, cs *claims.Cause) {
	switch {
	case cs.Empty:
		return // the empty test's
	case cs.Cut:
		c.Skip(cs, "cause: text cut off")
		return
	case cs.Dir == claims.DirNone:
		c.Skip(cs, "cause: states no single direction")
		return
	case cs.RefDir == claims.DirNone:
		c.Skip(cs, "cause: what it explains has no direction")
		return
	}
	c.Decided(cs)
	contradicts := (cs.RefDir == claims.DirUp && cs.Dir == claims.DirDown) ||
		(cs.RefDir == claims.DirDown && cs.Dir == claims.DirUp) ||
		(cs.RefDir == claims.DirFlat && cs.Dir == claims.DirDown)
	if contradicts {
		c.ReportClaim(cs, Vars{"stated": cs.DirWord, "expected": cs.RefDir.String(), "cause": cs.Text})
	}
}
