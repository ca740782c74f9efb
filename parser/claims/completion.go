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
}

// adjustedRe: a budget figure worded as adjusted (支出预算调整为4833223万元).
var adjustedRe = regexp.MustCompile(`调整为|调整后|调整预算|变动预算`)

// Kind names the claim kind.
func (*Completion) Kind() string { return "completion" }

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
			c.Base = m[1]
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
				if c.Base != "" && c.Base != "全年" && (c.Base == "调整" || c.Base == "调整后") != adjusted {
					continue
				}
				c.Budget = g
			case QualFinal:
				c.Final = g
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
			switch c.Base {
			case "调整", "调整后":
				if !adjusted {
					continue
				}
			case "年初":
				if adjusted {
					continue
				}
			}
			c.Budgets = append(c.Budgets, f)
		}
	}
}
