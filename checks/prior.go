package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// A change whose sentence states no base may still be checkable: the
// report often states the value for the period before elsewhere (a budget
// draft's growth against the execution reported in its first part). Each
// such value is one plausible base; the change is consistent when one fits.

// priorFit reports whether base is a reading under which the change's
// direction, amount and rate all hold within their printed precision.
func priorFit(ch *claims.Change, base *claims.Figure) bool {
	cur, b := ch.Current.Yuan(), base.Yuan()
	if b.ContainsZero() || b.Hi.Sign() <= 0 {
		return false
	}
	delta := cur.Sub(b)
	switch ch.Dir {
	case claims.DirUp:
		if delta.Hi.Sign() < 0 {
			return false
		}
	case claims.DirDown:
		if delta.Lo.Sign() > 0 {
			return false
		}
	}
	d := delta.Abs()
	if ch.Amount != nil && ch.Amount.Unit.IsAmount() && !d.Meets(ch.Amount.Yuan()) {
		return false
	}
	if ch.Rate != nil {
		got, ok := d.Div(b)
		if !ok || !got.Meets(statedRate(ch.Rate)) {
			return false
		}
	}
	return true
}

// priorBase finds a fitting base among the stated values of the period
// before. blame is the one base a reference names (较2025年完成数) when none
// fits and no other reading is open: the rate can then be reported. A
// value the report states twice (in its summary and again in a list) is
// still one base.
func priorBase(ch *claims.Change) (fit, blame *claims.Figure) {
	for _, b := range ch.Bases {
		if priorFit(ch, b) {
			return b, nil
		}
	}
	if ch.BaseNamed && !ch.Comparable && len(ch.Bases) > 0 && oneValue(ch.Bases) {
		return nil, ch.Bases[0]
	}
	return nil, nil
}

// oneValue reports figures that all state the same amount, within their
// printed precision.
func oneValue(fs []*claims.Figure) bool {
	for _, f := range fs[1:] {
		if !f.Yuan().Meets(fs[0].Yuan()) {
			return false
		}
	}
	return true
}

// priorRate is the rate the named base gives, and how.
func priorRate(ch *claims.Change, base *claims.Figure) (num.Interval, string, bool) {
	b := base.Yuan()
	if b.ContainsZero() || b.Hi.Sign() <= 0 {
		return num.Interval{}, "", false
	}
	got, ok := ch.Current.Yuan().Sub(b).Abs().Div(b)
	return got, fig(ch.Current) + " against " + fig(base) + " stated for the period before: " + base.Subject + fig(base), ok
}
