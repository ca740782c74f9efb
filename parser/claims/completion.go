package claims

import "strings"

// Completion: 完成预算的 R%.
type Completion struct {
	Span
	Budget *Figure
	Final  *Figure
	Rate   *Figure
	Base   string // 年初, 调整, 全年, or "" (unspecified)
}

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
				if (c.Base == "调整" || c.Base == "调整后") != (g.Qual == QualAdjusted) {
					continue
				}
				c.Budget = g
			case QualFinal:
				c.Final = g
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
