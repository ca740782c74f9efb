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
	// Near is the budget of the rate's side and basis that the sentence
	// before states, when its own sentence states none (全年支出预算调整为
	// 1016.03亿元。实际支出963.36亿元，完成调整预算的95%; 收入预算为367万元，
	// 支出预算为367万元。实际完成收入699万元，为年初预算的190.5%). Its
	// extent is not certain (总支出 with transfers, or 本级支出), so it
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
		if c.Budget == nil && c.Final != nil {
			c.Near = bx.budgetBefore(s, c)
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

// budgetBefore is the one budget of the sentence before s (the last of the
// paragraph before when s opens its block) that c's rate may be against: of the same side (收入 or 支出) as its final,
// adjusted when the rate is against the adjusted budget, not adjusted when
// against the initial one (年初), either when the basis is unnamed. The
// sentence before may state both sides (收入调整为234.68亿元，支出变动预算数
// 为410.72亿元): the final's side picks one, and a final that names no side
// takes a budget only when it is the only one. nil when there is none, more
// than one, or the budget's or final's fund or level is another.
func (bx *blockCtx) budgetBefore(s [2]int, c *Completion) *Figure {
	var before []*Figure
	for _, p := range bx.sents {
		if p[1] == s[0] {
			before = bx.figsIn(p[0], p[1])
		}
	}
	if len(bx.sents) > 0 && bx.sents[0] == s {
		before = bx.set.tail // the paragraph opens on it: the last sentence of the one before
	}
	fs := side(c.Final.Subject)
	var out *Figure
	n := 0
	for _, g := range before {
		if g.Role != RoleLevel || !g.Unit.IsAmount() || g.Paren || (g.Qual != QualAdjusted && g.Qual != QualBudget) {
			continue
		}
		adjusted := g.Qual == QualAdjusted || adjustedRe.MatchString(g.Subject)
		switch {
		case c.AgainstAdjusted() && !adjusted, c.Base == "年初" && adjusted:
			continue
		}
		bs := side(g.Subject)
		if bs == "" || fs != "" && fs != bs {
			if fs == "" {
				n++ // another budget the final may mean
			}
			continue
		}
		n++
		out = g
	}
	if n != 1 || out == nil || !sameFundAndLevel(out.Subject, c.Final.Subject) {
		return nil
	}
	return out
}

// funds and levels a subject may name: a budget and an outturn that name
// different ones are not of one account.
var (
	fundWords  = []string{"一般公共", "政府性基金", "国有资本", "社会保险", "社保"}
	levelWords = []string{"全省", "省级", "省本级", "全市", "市级", "市本级", "全县", "县级", "县本级", "全区", "区级", "区本级"}
)

func sameFundAndLevel(a, b string) bool {
	for _, ws := range [][]string{fundWords, levelWords} {
		wa, wb := firstWord(a, ws), firstWord(b, ws)
		if wa != "" && wb != "" && wa != wb {
			return false
		}
	}
	return true
}

func firstWord(s string, ws []string) string {
	at, out := -1, ""
	for _, w := range ws {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at || i == at && len(w) > len(out)) {
			at, out = i, w
		}
	}
	return out
}
