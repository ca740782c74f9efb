package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
)

// budgetFinal checks budget-versus-final statements: the completion rate
// against final / budget, the words 大于/小于/等于/持平 against the figures,
// and a completion rate against a zero budget.
func init() {
	completions := func(c *Context) []*claims.Completion { return c.Claims.Completions }
	RegisterTests("budget-final", map[string]Test{
		"rate":        each(completions, completionRate),
		"zero-budget": each(completions, completionZeroBudget),
		"comparison":  each(func(c *Context) []*claims.Comparison { return c.Claims.Comparisons }, comparison),
	}, Options{Vars: []string{"stated", "expected", "budget", "final"}})
}

func completionZeroBudget(c *Context, cp *claims.Completion) {
	if cp.Budget != nil && cp.Final != nil && cp.Budget.IsZero() {
		c.ReportClaim(cp, Vars{"stated": cp.Rate.Value.String() + "%", "budget": fig(cp.Budget)})
	}
}

func completionRate(c *Context, cp *claims.Completion) {
	if cp.Budget == nil && cp.Final != nil && cp.Near != nil && !cp.Near.Yuan().ContainsZero() {
		// the adjusted budget of the sentence before: a fit confirms the
		// rate; a misfit may be a budget of another extent, so the rate
		// is judged as if it were not stated
		if got, ok := cp.Final.Yuan().Div(cp.Near.Yuan()); ok && got.Meets(statedRate(cp.Rate)) {
			c.Decided(cp)
			return
		}
	}
	if cp.Budget == nil && cp.Final != nil && len(cp.Budgets) > 0 {
		completionElsewhere(c, cp)
		return
	}
	if cp.Budget == nil || cp.Final == nil {
		c.Skip(cp, "completion: budget or final not stated")
		return
	}
	if cp.Budget.IsZero() {
		return // the zero-budget test's
	}
	b := cp.Budget.Yuan()
	if b.ContainsZero() {
		c.Skip(cp, "completion: budget too small to judge")
		return
	}
	got, _ := cp.Final.Yuan().Div(b)
	c.Decided(cp)
	if got.Meets(statedRate(cp.Rate)) {
		c.noteRate(cp, cp.Rate, got, cp.Final.Value.String()+" / "+cp.Budget.Value.String())
		return
	}
	if h := restatedHeading(c, cp.Final); h != nil {
		if alt, ok := h.Yuan().Div(b); ok && alt.Meets(statedRate(cp.Rate)) {
			return // the rate fits the heading's amount: one defect, the amount stated twice (restated-figure)
		}
	}
	c.ReportClaim(cp, Vars{
		"stated":   cp.Rate.Value.String() + "%",
		"expected": pct(got, cp.Rate.Value.Decimals()),
		"final":    cp.Final.Value.String(),
		"budget":   cp.Budget.Value.String(),
	})
}

func comparison(c *Context, cm *claims.Comparison) {
	if cm.Budget == nil || cm.Final == nil {
		c.Skip(cm, "comparison: budget or final not stated")
		return
	}
	f, b := cm.Final.Yuan(), cm.Budget.Yuan()
	c.Decided(cm)
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

// completionElsewhere judges a completion rate against the budgets of its
// subject stated earlier in the report: consistent when one fits; reported
// only when the rate names its base (年初预算, 调整预算) and one budget of
// that kind is stated.
func completionElsewhere(c *Context, cp *claims.Completion) {
	for _, b := range cp.Budgets {
		if b.Yuan().ContainsZero() {
			continue
		}
		if got, ok := cp.Final.Yuan().Div(b.Yuan()); ok && got.Meets(statedRate(cp.Rate)) {
			c.Decided(cp)
			return
		}
	}
	named := cp.Base == "年初" || cp.Base == "调整" || cp.Base == "调整后"
	if !named || len(cp.Budgets) != 1 || cp.Budgets[0].Yuan().ContainsZero() {
		c.Skip(cp, "completion: no budget stated for it fits")
		return
	}
	b := cp.Budgets[0]
	got, _ := cp.Final.Yuan().Div(b.Yuan())
	c.Decided(cp)
	c.ReportClaim(cp, Vars{
		"stated":   cp.Rate.Value.String() + "%",
		"expected": pct(got, cp.Rate.Value.Decimals()),
		"final":    cp.Final.Value.String(),
		"budget":   b.Value.String() + " (" + b.Subject + ")",
	})
}
