package checks

import (
	"math/big"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// change checks comparisons with an earlier period: the stated rate against
// amount and base, direction words against the figures and each other, the
// amount against the two periods' figures, and rates from a zero base.
func init() {
	changes := func(c *Context) []*claims.Change { return c.Claims.Changes }
	RegisterTests("change", map[string]Test{
		"rate":      each(changes, changeRate),
		"direction": each(changes, changeDirection),
		"zero-base": each(changes, changeZeroBase),
		"amount":    each(changes, changeAmount),
		"mix":       changeMix,
		"parts":     changeParts,
		"spread":    changeSpread,
	}, Options{Vars: []string{"stated", "expected", "how", "parts"}})
}

// baseAndDelta works out last period's value and the size of the change
// from what the text states.
func baseAndDelta(ch *claims.Change) (base, delta num.Interval, how string, ok bool) {
	switch {
	case ch.Base != nil && ch.Current != nil:
		base = ch.Base.Yuan()
		delta = ch.Current.Yuan().Sub(base).Abs()
		how = fig(ch.Current) + " − " + fig(ch.Base)
		return base, delta, how, true
	case ch.Current != nil && ch.Amount != nil && (ch.Amount.Unit.IsAmount() || sameCount(ch.Amount, ch.Current)):
		delta = ch.Amount.Yuan()
		a, cur := ch.Amount.Value.String(), ch.Current.Value.String()
		if ch.Amount.Unit != ch.Current.Unit {
			a, cur = fig(ch.Amount), fig(ch.Current) // 增加2.2万元 against 6亿元: show the units
		}
		switch ch.Dir {
		case claims.DirUp:
			base = ch.Current.Yuan().Sub(delta)
			how = a + " / (" + cur + " − " + a + ")"
		case claims.DirDown:
			base = ch.Current.Yuan().Add(delta)
			how = a + " / (" + cur + " + " + a + ")"
		default:
			return base, delta, "", false
		}
		return base, delta, how, true
	case ch.Base != nil && ch.Amount != nil && ch.Amount.Unit.IsAmount():
		return ch.Base.Yuan(), ch.Amount.Yuan(), ch.Amount.Value.String() + " / " + ch.Base.Value.String(), true
	}
	return base, delta, "", false
}

// sameCount: two counts of things in one unit (粮食产量50.49万吨，比上年增加
// 0.57万吨), whose difference is last year's count as money's is last
// year's amount; counts in two units (3100户 of 1132.16万户) are not set
// against each other.
func sameCount(a, b *claims.Figure) bool {
	return a.Unit == claims.UnitCount && b.Unit == claims.UnitCount && a.Count != "" && a.Count == b.Count
}

func changeRate(c *Context, ch *claims.Change) {
	if ch.Rate == nil || ch.Flat || ch.RateDir != claims.DirNone {
		return
	}
	if ch.Annual {
		c.Skip(ch, "change rate: average annual growth over several years")
		return
	}
	base, delta, how, ok := baseAndDelta(ch)
	if !ok && len(ch.Bases) > 0 {
		fit, blame := priorBase(ch)
		if fit != nil {
			c.Decided(ch)
			return
		}
		if blame == nil {
			c.Skip(ch, "change rate: no stated value of the period before fits")
			return
		}
		got, how, ok := priorRate(ch, blame)
		if !ok {
			c.Skip(ch, "change rate: base zero or negative")
			return
		}
		c.Decided(ch)
		c.ReportClaim(ch, Vars{"stated": ch.Rate.Value.String() + "%", "expected": pct(got, ch.Rate.Value.Decimals()), "how": how})
		return
	}
	if !ok {
		c.Skip(ch, "change rate: base not stated")
		return
	}
	if base.ContainsZero() || base.Hi.Sign() <= 0 {
		c.Skip(ch, "change rate: base zero or negative")
		return
	}
	got, _ := delta.Div(base)
	c.Decided(ch)
	if got.Meets(statedRate(ch.Rate)) {
		c.noteRate(ch, ch.Rate, got, how)
		return
	}
	if percentLevels(ch) && delta.Meets(ch.Rate.Value.Interval()) {
		return // 费率由6%降低为4.5%，下降1.5%: the rate read as points
	}
	if headingFits(c, ch, rateFits) {
		return
	}
	if u := unitSlip(ch); u != "" {
		how += "; " + u
	} else if u := decimalSlip(ch); u != "" {
		how += "; " + u
	}
	c.ReportClaim(ch, Vars{
		"stated":   ch.Rate.Value.String() + "%",
		"expected": pct(got, ch.Rate.Value.Decimals()),
		"how":      how,
	})
}

// rateFits reports a change whose stated rate the figures it states give.
func rateFits(ch *claims.Change) bool {
	base, delta, _, ok := baseAndDelta(ch)
	if !ok || base.ContainsZero() || base.Hi.Sign() <= 0 {
		return false
	}
	got, _ := delta.Div(base)
	return got.Meets(statedRate(ch.Rate))
}

// decimalSlip names a current figure whose decimal point looks moved by
// one place (教育支出36.246亿元，减少2.82亿元，下降0.8%: 362.46 fits), so
// the finding points at the figure as well as the rate.
func decimalSlip(ch *claims.Change) string {
	if ch.Amount == nil || ch.Current == nil || ch.Base != nil || !ch.Amount.Unit.IsAmount() || !ch.Current.Unit.IsAmount() {
		return ""
	}
	for _, k := range []int{1, -1} {
		cur := *ch.Current
		cur.Value = ch.Current.Value.Scale(k)
		alt := *ch
		alt.Current = &cur
		if rateFits(&alt) {
			return "the rate fits " + cur.Value.String() + cur.Unit.Name() + ": the figure's decimal point looks misplaced"
		}
	}
	return ""
}

// unitSlip names the wrong unit when the rate fits the amount read in the
// current value's unit (科学技术支出6亿元，增加2.2万元，增长55.2%: 2.2亿元
// fits), so the finding blames the unit rather than the rate.
func unitSlip(ch *claims.Change) string {
	if ch.Amount == nil || ch.Current == nil || ch.Base != nil || ch.Amount.Unit == ch.Current.Unit ||
		!ch.Amount.Unit.IsAmount() || !ch.Current.Unit.IsAmount() {
		return ""
	}
	alt := *ch.Amount
	alt.Unit = ch.Current.Unit
	alt.Text = ch.Amount.Value.String() + ch.Current.Unit.Name()
	d := alt.Yuan()
	b := ch.Current.Yuan()
	switch ch.Dir {
	case claims.DirUp:
		b = b.Sub(d)
	case claims.DirDown:
		b = b.Add(d)
	default:
		return ""
	}
	if b.ContainsZero() || b.Hi.Sign() <= 0 {
		return ""
	}
	if got, ok := d.Div(b); ok && got.Meets(statedRate(ch.Rate)) {
		return "the rate fits " + alt.Text + ": the amount's unit looks wrong"
	}
	return ""
}

func changeZeroBase(c *Context, ch *claims.Change) {
	if ch.Rate == nil || ch.Dir != claims.DirUp {
		return
	}
	var base *big.Rat
	how := ""
	switch {
	case ch.Base != nil:
		base = ch.Base.Value.Scale(0).Rat()
		how = fig(ch.Base)
	case ch.Current != nil && ch.Amount != nil && ch.Current.Unit == ch.Amount.Unit:
		base = new(big.Rat).Sub(ch.Current.Value.Rat(), ch.Amount.Value.Rat())
		how = ch.Current.Value.String() + " − " + ch.Amount.Value.String()
	default:
		return
	}
	// a base printed as zero with a rate other than 100% had a small real
	// value (增加6.6亿元，增长14789.7%); only the 100% convention is reported
	if base.Sign() != 0 || ch.Rate.Value.Rat().Cmp(big.NewRat(100, 1)) != 0 {
		return
	}
	c.ReportClaim(ch, Vars{"stated": ch.Rate.Value.String() + "%", "how": how})
}

func changeDirection(c *Context, ch *claims.Change) {
	if (ch.Amount != nil && ch.Amount.IsZero()) || (ch.Rate != nil && ch.Rate.IsZero()) {
		return // 增加0万元，与上年持平: a change of zero is no change
	}
	switch {
	case ch.Flat && (ch.Dir == claims.DirUp || ch.Dir == claims.DirDown):
		c.ReportClaim(ch, Vars{"stated": ch.DirWord, "expected": "持平"})
	case ch.RateDir != claims.DirNone && ch.RateDir != ch.Dir && ch.Dir != claims.DirFlat:
		c.Decided(ch)
		stated, expected := wrongWord(ch)
		c.ReportClaim(ch, Vars{"stated": stated, "expected": expected})
	case ch.Current != nil && ch.Base != nil:
		c.Decided(ch)
		cur, base := ch.Current.Yuan(), ch.Base.Yuan()
		wrong := (ch.Dir == claims.DirUp && cur.Hi.Cmp(base.Lo) <= 0 && !cur.Meets(base)) ||
			(ch.Dir == claims.DirDown && base.Hi.Cmp(cur.Lo) <= 0 && !cur.Meets(base))
		if wrong {
			c.ReportClaim(ch, Vars{"stated": ch.DirWord, "expected": fig(ch.Current) + " vs " + fig(ch.Base)})
		}
	}
}

func changeAmount(c *Context, ch *claims.Change) {
	if ch.Amount != nil && !ch.Amount.Unit.IsAmount() && ch.Current != nil && ch.Base != nil && (sameCount(ch.Amount, ch.Current) || pointsChange(ch)) {
		// both levels printed (由18个增长到67个，增加49个; 由6%降低为4.5%，
		// 下降1.5个百分点): the change in their own unit is their difference
		delta := ch.Current.Yuan().Sub(ch.Base.Yuan()).Abs()
		c.Decided(ch)
		if !delta.Meets(ch.Amount.Value.Interval()) {
			c.ReportClaim(ch, Vars{"stated": fig(ch.Amount), "expected": amount(delta, ch.Amount)})
		}
		return
	}
	if ch.Amount != nil && !ch.Amount.Unit.IsAmount() {
		if ch.Current != nil && ch.Base == nil && ch.Rate == nil && sameCount(ch.Amount, ch.Current) {
			// 常住人口852.1万人，比上年末增加2.0万人: last year's count is not stated
			c.Skip(ch, "change amount: base not stated")
		}
		return // a counted quantity: only its direction words are judged
	}
	if ch.Amount != nil && ch.Amount.Unit.IsAmount() && ch.Current != nil && ch.Base == nil && ch.Rate == nil {
		// an amount alone (增收2.83亿元): a stated value of the period
		// before that fits decides it; the rate test judges the others
		if fit, _ := priorBase(ch); fit != nil {
			c.Decided(ch)
		} else {
			c.Skip(ch, "change amount: base not stated")
		}
		return
	}
	if ch.Amount == nil || ch.Current == nil || ch.Base == nil {
		return
	}
	delta := ch.Current.Yuan().Sub(ch.Base.Yuan()).Abs()
	c.Decided(ch)
	if delta.Meets(ch.Amount.Yuan()) || headingFits(c, ch, func(alt *claims.Change) bool {
		return alt.Current.Yuan().Sub(alt.Base.Yuan()).Abs().Meets(ch.Amount.Yuan())
	}) {
		return
	}
	c.ReportClaim(ch, Vars{"stated": fig(ch.Amount), "expected": amount(delta, ch.Amount)})
}

// percentLevels: a change between two percentages (由6%降低为4.5%), whose
// rate may be relative (下降25%) or in points (下降1.5%).
func percentLevels(ch *claims.Change) bool {
	return ch.Current != nil && ch.Base != nil && ch.Current.Unit == claims.UnitPercent && ch.Base.Unit == claims.UnitPercent
}

// pointsChange: a change between two percentages stated in points.
func pointsChange(ch *claims.Change) bool {
	return percentLevels(ch) && ch.Amount.Unit == claims.UnitCount && (ch.Amount.Count == "个百分点" || ch.Amount.Count == "百分点")
}

// wrongWord blames one of two contradicting direction words when the
// figures say which: 减少186.40万元，增长87.3% against a current 213.50万元
// fits a decline (186.40 / (213.50 + 186.40) = 46.6%) or a rise; the word
// whose reading the rate fits is right, the other is wrong. A count changed
// by an amount in its own unit (产量48.2万吨，比上年增加2.6万吨) is judged alike.
func wrongWord(ch *claims.Change) (stated, expected string) {
	stated, expected = ch.DirWord, ch.RateDir.String()
	if ch.Current == nil || ch.Amount == nil || ch.Rate == nil {
		return stated, expected
	}
	if ch.Amount.Unit == claims.UnitCount && !sameCount(ch.Amount, ch.Current) {
		return stated, expected // counts of different things: no base to judge by
	}
	fits := func(d claims.Dir) (bool, string) {
		b := ch.Current.Yuan()
		how := ch.Amount.Value.String() + " / (" + ch.Current.Value.String()
		if d == claims.DirUp {
			b = b.Sub(ch.Amount.Yuan())
			how += " − "
		} else {
			b = b.Add(ch.Amount.Yuan())
			how += " + "
		}
		how += ch.Amount.Value.String() + ")"
		if b.ContainsZero() || b.Hi.Sign() <= 0 {
			return false, ""
		}
		got, ok := ch.Amount.Yuan().Div(b)
		return ok && got.Meets(statedRate(ch.Rate)), how + " = " + ch.Rate.Value.String() + "%"
	}
	amountRight, howA := fits(ch.Dir)
	rateRight, howR := fits(ch.RateDir)
	switch {
	case amountRight && !rateRight:
		return ch.RateWord, ch.Dir.String() + ": " + howA
	case rateRight && !amountRight:
		return ch.DirWord, ch.RateDir.String() + ": " + howR
	}
	return stated, expected
}

// headingFits reports a change whose current amount an item's heading
// states otherwise (16. "…职业年金缴费支出（项）"350.35万元 … 2024年预算安排
// 352.67万元，比上年增加0.53%) and whose figures fit with the heading's
// amount: the rate or amount agrees with one of the two, so the defect is
// the amount stated twice, which restated-figure reports; the change is
// not a second finding.
func headingFits(c *Context, ch *claims.Change, fits func(*claims.Change) bool) bool {
	h := restatedHeading(c, ch.Current)
	if h == nil {
		return false
	}
	alt := *ch
	alt.Current = h
	return fits(&alt)
}

// restatedHeading returns the amount an item's heading gives for f when
// its sentence restates it as f with another value, else nil.
func restatedHeading(c *Context, f *claims.Figure) *claims.Figure {
	if f == nil {
		return nil
	}
	for _, it := range c.Claims.Items {
		if it.Current == f && it.Heading != nil && !it.Heading.Yuan().Meets(it.Current.Yuan()) {
			return it.Heading
		}
	}
	return nil
}
