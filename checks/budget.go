package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
)

// budgetFinal checks budget-versus-final statements: the completion rate
// against final / budget, the words 大于/小于/等于/持平 against the figures,
// and a completion rate against a zero budget.
type budgetFinal struct{ p params }

func init() {
	RegisterTests("budget-final", []string{"rate", "comparison", "zero-budget"}, func(p params) Checker { return &budgetFinal{p: p} })
}

func (s *budgetFinal) Run(c *Context) {
	switch s.p.Test {
	case "rate", "zero-budget":
		for _, cp := range c.Claims.Completions {
			s.rate(c, cp)
		}
	case "comparison":
		for _, cm := range c.Claims.Comparisons {
			s.comparison(c, cm)
		}
	}
}

func (s *budgetFinal) rate(c *Context, cp *claims.Completion) {
	if cp.Budget == nil || cp.Final == nil {
		if s.p.Test == "rate" {
			c.Cov.Skip("completion: budget or final not stated")
		}
		return
	}
	if cp.Budget.IsZero() {
		if s.p.Test == "zero-budget" {
			c.span(cp.Span, Vars{"stated": cp.Rate.Value.String() + "%", "budget": fig(cp.Budget)})
		}
		return
	}
	if s.p.Test != "rate" {
		return
	}
	b := cp.Budget.Yuan()
	if b.ContainsZero() {
		c.Cov.Skip("completion: budget too small to judge")
		return
	}
	got, _ := cp.Final.Yuan().Div(b)
	c.Cov.Check()
	if got.Meets(cp.Rate.Fraction()) {
		return
	}
	c.span(cp.Span, Vars{
		"stated":   cp.Rate.Value.String() + "%",
		"expected": pct(got, cp.Rate.Value.Decimals()),
		"final":    cp.Final.Value.String(),
		"budget":   cp.Budget.Value.String(),
	})
}

func (s *budgetFinal) comparison(c *Context, cm *claims.Comparison) {
	if cm.Budget == nil || cm.Final == nil {
		c.Cov.Skip("comparison: budget or final not stated")
		return
	}
	f, b := cm.Final.Yuan(), cm.Budget.Yuan()
	c.Cov.Check()
	var ok bool
	switch cm.Rel {
	case 1:
		ok = f.Hi.Cmp(b.Lo) > 0
	case -1:
		ok = f.Lo.Cmp(b.Hi) < 0
	default:
		ok = f.Meets(b)
	}
	if ok {
		return
	}
	rel := "等于"
	switch {
	case f.Below(b):
		rel = "小于"
	case b.Below(f):
		rel = "大于"
	}
	c.Report(cm.Block, cm.Budget.Start, cm.End, Vars{
		"stated": cm.Word, "expected": rel, "final": fig(cm.Final), "budget": fig(cm.Budget),
	})
}
