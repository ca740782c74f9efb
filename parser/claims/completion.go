package claims

import (
	"regexp"
	"strings"
)

// Completion: 完成预算的 R%.
type Completion struct {
	Span
	Budget *Figure
	Final  *Figure
	Rate   *Figure
	Base   string // 年初, 调整, 全年, or "" (unspecified)
	// Budgets are the budgets of the same subject, scope and year stated
	// earlier in the report, when the sentence states none: any of them may
	// be the one meant (completionBudgets).
	Budgets []*Figure
	// Near is the adjusted budget the sentence before states, when the
	// rate is against the adjusted budget and its own sentence states none
	// (全年支出预算调整为1016.03亿元。实际支出963.36亿元，完成调整预算的95%).
	// Its extent is not certain (总支出 with transfers, or 本级支出), so it
	// confirms a rate and never blames one.
	Near *Figure
}

// adjustedRe: a budget figure worded as adjusted (支出预算调整为4833223万元).
var adjustedRe = regexp.MustCompile(`调整为|调整后|调整预算|变动预算`)

// approvedRe: the budget as the congress approved it (市十二届人大三次会议
// 批准的, 各级人代会批准的), not as amended in the year (经…批准调整为).
var approvedRe = regexp.MustCompile(`(?:人大|人代会|人民代表大会)[^，,；;。]{0,16}批准的`)

// Kind names the claim kind.
func (*Completion) Kind() string { return "completion" }

// AgainstAdjusted: the rate is against the budget as adjusted in the year
// (调整预算, 调整后预算, 预算调整数), or as adjusted and changed by
// transfers (变动预算, 调整及变动预算 — confirm-only: its amount may be
// printed nowhere under that name).
func (c *Completion) AgainstAdjusted() bool {
	return c.Base == "调整" || c.Base == "调整后" || c.Base == "变动"
}

// completionBasis reads the basis of a completion rate's lead (ratioRe's
// match): 年初, 调整, 调整后, 变动, 当年, 全年 (年度, 年预算: the year's,
// unspecified), or "" (预算的, 汇总预算的).
func completionBasis(lead string) string {
	switch {
	case strings.Contains(lead, "变动"):
		return "变动"
	case strings.Contains(lead, "调整后"):
		return "调整后"
	case strings.Contains(lead, "调整"):
		return "调整"
	case strings.Contains(lead, "年初"):
		return "年初"
	case strings.Contains(lead, "当年"):
		return "当年"
	case strings.Contains(lead, "全年"), strings.Contains(lead, "年度"), strings.Contains(lead, "年预算"), strings.Contains(lead, "年计划"):
		return "全年"
	}
	return ""
}

// completions finds 完成预算的 R% with the budget and final of its clause group.
func (bx *blockCtx) completions(s [2]int, figs []*Figure) {
	for _, f := range figs {
		if f.Role != RoleRatio {
			continue
		}
		cs := bx.clauseStart(f.Start, s[0])
		m := ratioRe.FindStringSubmatch(bx.text(cs, f.Start))
		c := &Completion{Rate: f}
		if m != nil {
			c.Base = completionBasis(m[0])
		}
		// the pair must sit in the same clause group: after the last 其中 or ；
		floor := s[0]
		t := bx.text(s[0], f.Start)
		for _, sep := range []string{"其中", "；", ";"} {
			if i := strings.LastIndex(t, sep); i >= 0 {
				if at := s[0] + runeIndex(t, i); at > floor {
					floor = at
				}
			}
		}
		for _, g := range figs {
			if g.Start < floor || g.Start >= f.Start || g.Role != RoleLevel || !g.Unit.IsAmount() {
				continue
			}
			switch g.Qual {
			case QualBudget, QualAdjusted:
				adjusted := g.Qual == QualAdjusted || adjustedRe.MatchString(bx.text(bx.clauseStart(g.Start, s[0]), g.Start))
				if c.Base != "" && c.Base != "全年" && c.AgainstAdjusted() != adjusted {
					continue
				}
				c.Budget = g
			case QualFinal:
				c.Final = g
			}
		}
		if c.Budget == nil && c.Final != nil && c.Final.Qual == QualFinal && !c.AgainstAdjusted() {
			// 人大…批准的2025年社会保险基金预算收入1217720万元，实际完成
			// 1187168万元，为预算的97.5%: the amount the congress approved
			// is the budget, though its only 预算 is the fund's name
			for _, g := range figs {
				if g.Start >= floor && g.Start < c.Final.Start && g.Role == RoleLevel && g.Unit.IsAmount() &&
					!g.Paren && g.Qual == QualNone && !g.Earlier && approvedRe.MatchString(g.Subject) {
					c.Budget = g
				}
			}
		}
		if c.Final == nil {
			// 基金收入103.32亿元，完成预算的102.3%: the amount the rate follows
			// is the outturn when nothing calls it a budget
			for _, g := range figs {
				if g.Start >= floor && g.Start < f.Start && g.Role == RoleLevel && g.Unit.IsAmount() &&
					!g.Paren && g != c.Budget && g.Qual != QualBudget && g.Qual != QualAdjusted && !g.Earlier {
					c.Final = g
				}
			}
		}
		if c.Budget == nil && c.Final != nil && c.AgainstAdjusted() {
			c.Near = bx.adjustedBefore(s, c.Final)
		}
		start := f.Start
		for _, g := range []*Figure{c.Budget, c.Final} {
			if g != nil && g.Start < start {
				start = g.Start
			}
		}
		c.Span = Span{Block: bx.b, Start: start, End: f.End}
		bx.set.Completions = append(bx.set.Completions, c)
	}
}

// completionBudgets finds, for a completion whose sentence states no budget,
// the budgets of the same subject, scope and year stated earlier in the
// report (年初预算119.8亿元 in the paragraph before).
func (s *Set) completionBudgets() {
	same := map[[2]string]bool{} // samePriorSubject, asked for the same pairs over and over
	for _, c := range s.Completions {
		if c.Budget != nil || c.Final == nil {
			continue
		}
		w, ok := s.where[c.Final]
		if !ok {
			continue
		}
		key := s.subjectOf(c.Final)
		for _, f := range s.Figures {
			if f.Block.Index > c.Final.Block.Index || (f.Block == c.Final.Block && f.Start >= c.Final.Start) {
				break
			}
			if f.Role != RoleLevel || !f.Unit.IsAmount() || f.Paren || (f.Qual != QualBudget && f.Qual != QualAdjusted) {
				continue
			}
			fw := s.where[f]
			if fw.Year != w.Year || (w.Scope != "" && fw.Scope != "" && w.Scope != fw.Scope) {
				continue
			}
			pair := [2]string{s.subjectOf(f), key}
			ok, known := same[pair]
			if !known {
				ok = samePriorSubject(pair[0], pair[1])
				same[pair] = ok
			}
			if !ok {
				continue
			}
			adjusted := f.Qual == QualAdjusted || adjustedRe.MatchString(f.Subject)
			switch {
			case c.AgainstAdjusted():
				if !adjusted {
					continue
				}
			case c.Base == "年初":
				if adjusted {
					continue
				}
			}
			c.Budgets = append(c.Budgets, f)
		}
	}
}

// adjustedBefore is the one adjusted budget of the sentence before s in
// the block, for the same side (收入 or 支出) as final when final's
// subject names one; nil when there is none or more than one.
func (bx *blockCtx) adjustedBefore(s [2]int, final *Figure) *Figure {
	var prev [2]int
	found := false
	for _, p := range bx.sents {
		if p[1] == s[0] {
			prev, found = p, true
		}
	}
	if !found {
		return nil
	}
	var out *Figure
	for _, g := range bx.figsIn(prev[0], prev[1]) {
		if g.Role != RoleLevel || !g.Unit.IsAmount() || g.Paren ||
			!(g.Qual == QualAdjusted || g.Qual == QualBudget && adjustedRe.MatchString(g.Subject)) {
			continue
		}
		if out != nil {
			return nil
		}
		out = g
	}
	if out == nil {
		return nil
	}
	bs, fs := side(out.Subject), side(final.Subject)
	if bs == "" || fs != "" && fs != bs {
		return nil
	}
	return out
}
