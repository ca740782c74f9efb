package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
)

// cause checks 主要原因是 …: a cause describing an increase after a decrease
// (and the reverse), a reduction after 持平, and an empty cause.
type cause struct{ p params }

func init() {
	RegisterTests("cause", []string{"direction", "empty"}, func(p params) Checker { return &cause{p: p} })
}

func (s *cause) Run(c *Context) {
	for _, cs := range c.Claims.Causes {
		switch s.p.Test {
		case "empty":
			if cs.Empty {
				c.span(cs.Span, Vars{})
			}
		case "direction":
			if cs.Empty || cs.Dir == claims.DirNone || cs.RefDir == claims.DirNone {
				continue
			}
			c.Cov.Check()
			contradicts := (cs.RefDir == claims.DirUp && cs.Dir == claims.DirDown) ||
				(cs.RefDir == claims.DirDown && cs.Dir == claims.DirUp) ||
				(cs.RefDir == claims.DirFlat && cs.Dir == claims.DirDown)
			if contradicts {
				c.span(cs.Span, Vars{"stated": cs.DirWord, "expected": cs.RefDir.String(), "cause": cs.Text})
			}
		}
	}
}
