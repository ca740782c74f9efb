package claims

import (
	"regexp"
	"strconv"
	"strings"
)

// Change: a figure compared with an earlier period.
type Change struct {
	Span
	Subject  string
	Key      string
	Qual     Qual
	Dir      Dir
	DirWord  string
	Amount   *Figure // the change amount, if stated
	Rate     *Figure // the change rate, if stated
	RateDir  Dir     // the direction word before the rate, when it differs from Dir
	RateWord string  // that word (减少186.40万元，增长87.3%: 增长)
	Current  *Figure // this period's value, found by subject
	Base     *Figure // the earlier value, when the text states it
	ChangeTo *Figure // 减少为 X: the new value written as the change
	Flat     bool    // 持平 / 无变化 said of the same subject in the same clause group
	Ref      string  // 与2023年度相比, 比上年, 比2022年预算执行数 …

	// Bases are the values of the same subject and scope for the period
	// before, stated elsewhere in the report when the sentence states none:
	// any of them may be the base (prior.go).
	Bases []*Figure
	// BaseNamed: the reference names the kind of base (较2025年完成数, 比上年
	//执行数), so a stated value of that kind is the base, not a guess.
	BaseNamed bool
	// Comparable: the rate is on a comparable basis (同口径, 可比口径, 剔除…
	// 因素), whose base the report may not state.
	Comparable bool
	// Annual: 年均增长 is a compound rate over several years, not amount / base.
	Annual bool
}

// Kind names the claim kind.
func (*Change) Kind() string { return "change" }

var comparableRe = regexp.MustCompile(`剔除|可比|口径`)

// heldBy are the runes that make 持 the end of another word (保持, 支持,
// 坚持, 维持, 扶持, 主持): 保持平衡 and 支持平安建设 say nothing of a change.
const heldBy = "保支坚维扶主"

// inOtherWord reports a 持平 at i whose 持 ends another word.
func (bx *blockCtx) inOtherWord(i int) bool {
	return i > 0 && bx.rs[i] == '持' && strings.ContainsRune(heldBy, bx.rs[i-1])
}

// approxRe: 基本持平, 大致持平 — flat as a judgement, not a figure.
var approxRe = regexp.MustCompile(`(?:基本|大致|大体)$`)

// changes finds comparisons with an earlier period: direction words with
// their amount and rate, and 持平/无变化.
func (bx *blockCtx) changes(s [2]int, figs []*Figure) {
	lx := bx.set.vocab
	var cur *Change
	var lastEnd int
	for _, f := range figs {
		if f.Role != RoleDelta && f.Role != RoleRate && !(f.Role == RoleLevel && bx.isChangeTo(f)) && !(f.Role == RoleOther && bx.countChangeTo(f, s, figs)) {
			continue
		}
		word, to, at := bx.dirBefore(f.Start)
		if word == "" {
			continue
		}
		dir := lx.dirOf(word)
		// a rate or amount right after the previous one belongs to the same
		// change; a second amount starts another (减少0.94亿元，较上年减少0.13亿元),
		// and a figure in brackets does not join one outside them
		if cur != nil && joinable(bx.text(lastEnd, at)) && !(f.Role == RoleDelta && cur.Amount != nil) && f.Paren == bx.changeParen(cur) {
			if strings.Contains(bx.text(at-4, at), "年均") {
				cur.Annual = true // 增加799.2亿元，年均增长2.7%: the words still agree
			}
			bx.addToChange(cur, f, dir, word, to)
			cur.End = f.End
			lastEnd = bx.unitEnd(f)
			continue
		}
		cur = &Change{Span: Span{Block: bx.b, Start: at, End: f.End}, Dir: dir, DirWord: word}
		bx.addToChange(cur, f, dir, word, to)
		cs := bx.clauseStart(at, s[0])
		if bx.afterFigure(figs, cs, at) {
			cs = at // 进出口总值648.12亿元、增长18.2%: the figure before is its level
		}
		subj := bx.text(cs, at)
		if ref := periodRe.FindString(subj); ref != "" {
			cur.Ref = ref
			subj = strings.Replace(subj, ref, "", 1)
		}
		if cur.Ref == "" && cs > s[0] {
			// the period may stand in its own clause before: 与2023年度相比，…
			prevClause := bx.text(bx.clauseStart(cs-1, s[0]), cs)
			if ref := periodRe.FindString(prevClause); ref != "" {
				cur.Ref = ref
			}
		}
		cur.Subject = cleanSubject(subj)
		cur.Comparable = comparableRe.MatchString(bx.text(s[0], s[1]))
		cur.Annual = strings.Contains(bx.text(at-4, at), "年均")
		cur.Qual = qualOf(subj)
		cur.Key = keyOf(cur.Subject)
		if cur.Subject != "" {
			cur.Start = cs // the claim quotes its subject: 公务接待费支出决算增加0.3万元，增长100%
		}
		bx.set.Changes = append(bx.set.Changes, cur)
		bx.blockChanges = append(bx.blockChanges, cur)
		lastEnd = bx.unitEnd(f)
	}
	// 持平 / 无变化: a flat statement joins the change of its clause group
	for _, m := range bx.find(lx.flatRe, s[0], s[1]) {
		if bx.masked(m[0]) || approxRe.MatchString(bx.text(max(s[0], m[0]-2), m[0])) {
			continue // 增加195万元，与上年基本持平: roughly flat allows a small change
		}
		if bx.inOtherWord(m[0]) {
			continue // 收支相抵，保持平衡; 支持平安建设: 持平 read across two words
		}
		var owner *Change
		for _, c := range bx.blockChanges {
			if c.End > m[0] || c.Start < s[0] {
				continue
			}
			between := bx.text(c.End, m[0])
			if !strings.ContainsAny(between, ";；。") &&
				!strings.Contains(between, "其中") && !bx.hasFigure(c.End, m[0]) && !comparableRe.MatchString(between) {
				owner = c // 减少为0.00万元，与2024年持平: the same subject in one clause group
			}
		}
		if owner != nil {
			owner.Flat = true
			owner.End = m[1]
			continue
		}
		cs := bx.clauseStart(m[0], s[0])
		subj := bx.text(cs, m[0])
		ref := periodRe.FindString(subj)
		subj = strings.Replace(subj, ref, "", 1)
		c := &Change{Span: Span{Block: bx.b, Start: cs, End: m[1]}, Dir: DirFlat, DirWord: bx.text(m[0], m[1]), Ref: ref}
		c.Subject = cleanSubject(subj)
		c.Key = keyOf(c.Subject)
		c.Qual = qualOf(subj)
		bx.set.Changes = append(bx.set.Changes, c)
		bx.blockChanges = append(bx.blockChanges, c)
	}
	for _, c := range bx.blockChanges {
		if c.Start >= s[0] && c.End <= s[1] && c.Current == nil {
			bx.fromTo(c, s, figs)
			bx.namedBase(c, s, figs)
		}
		if c.Start >= s[0] && c.End <= s[1] && c.Current == nil {
			bx.resolveChange(c, s, figs)
		}
	}
}

func (bx *blockCtx) isChangeTo(f *Figure) bool {
	w, to, _ := bx.dirBefore(f.Start)
	return w != "" && to
}

func (bx *blockCtx) addToChange(c *Change, f *Figure, dir Dir, word string, to bool) {
	switch {
	case to:
		c.ChangeTo = f
	case f.Role == RoleRate:
		if c.Rate == nil {
			c.Rate = f
			if dir != c.Dir {
				c.RateDir, c.RateWord = dir, word
			}
		}
	default:
		if c.Amount == nil {
			c.Amount = f
			switch {
			case c.Dir == DirNone:
				c.Dir = dir
			case c.Rate != nil && c.RateDir == DirNone && dir != DirNone && dir != c.Dir:
				// 同比下降0.5%，增支1万元: the rate came first, and Dir is the
				// amount's word; the rate's, which differs, is kept apart
				c.RateDir, c.RateWord = c.Dir, c.DirWord
				c.Dir, c.DirWord = dir, word
			}
		}
	}
}

// joinable: only a comma, 同比 or the like between the amount and the rate.
func joinable(between string) bool {
	t := strings.TrimSpace(between)
	t = strings.TrimLeft(t, "，,、 ")
	for _, w := range []string{"同比", "比上年", "较上年", "分别"} {
		t = strings.TrimPrefix(t, w)
	}
	return len([]rune(t)) <= 2
}

// resolveChange finds the current value (by subject) and, when the
// comparison names a stated figure (比2022年预算执行数), the base.
func (bx *blockCtx) resolveChange(c *Change, s [2]int, figs []*Figure) {
	// base: a figure of the sentence whose qualifier the reference names
	if c.Ref != "" {
		rq := qualOf(c.Ref)
		ry := 0
		if m := yearInClause.FindStringSubmatch(c.Ref); m != nil {
			ry, _ = strconv.Atoi(m[1])
		}
		lastYear := ry == 0 && lastYearRe.MatchString(c.Ref)
		if rq != QualNone && (ry != 0 || lastYear) {
			for _, f := range figs {
				// the stated base is the same kind of figure, of the period the comparison names
				if f.Role != RoleLevel || f.Start >= c.Start || f.Qual != rq || !f.Unit.IsAmount() || f.Paren ||
					strings.ContainsAny(bx.text(f.End, c.Start), "；;") || strings.Contains(bx.text(f.End, c.Start), "其中") {
					continue
				}
				if (ry != 0 && f.Year == ry) || (lastYear && lastYearRe.MatchString(f.Subject)) {
					c.Base = f
				}
			}
		}
	}
	if !isGeneric(c.Key) {
		c.Current = bx.set.lookupLevel(bx.b, c.Start, c.Key, c.Qual, bx.set.Facts.Kind, c.Base)
		return
	}
	// no subject of its own: the level just before, in the same sentence;
	// a completion's budget (完成515444万元，为年初预算513000万元的100.48%，
	// 同比增长1.54%) is not what grew
	for _, f := range figs {
		if f.Start >= c.Start {
			break
		}
		if f.Role == RoleLevel && f.Unit.IsAmount() && f != c.Base && !bx.isChangeTo(f) && !f.Earlier && !f.Paren && !f.RatioBase {
			c.Current = f
		}
	}
}

// afterFigure: the clause up to a direction word at ends with a figure and
// its unit joined to the word by 、 (648.12亿元、增长18.2%), as a comma
// would join them.
func (bx *blockCtx) afterFigure(figs []*Figure, cs, at int) bool {
	if at < 1 || bx.rs[at-1] != '、' {
		return false
	}
	for _, f := range figs {
		if f.Start >= cs && f.Role == RoleLevel && bx.unitEnd(f) == at-1 {
			return true
		}
	}
	return false
}

// changeParen reports whether a change's first figure is inside brackets.
func (bx *blockCtx) changeParen(c *Change) bool {
	for _, f := range []*Figure{c.Amount, c.Rate, c.ChangeTo} {
		if f != nil {
			return f.Paren
		}
	}
	return false
}

// unitEnd is where a figure's unit ends: a counted quantity's word (1.83万吨)
// is not part of its span but belongs to it.
func (bx *blockCtx) unitEnd(f *Figure) int {
	if f.Unit != UnitCount || f.Count == "" {
		return f.End
	}
	i := f.End
	for i < len(bx.rs) && bx.rs[i] == ' ' {
		i++
	}
	if strings.HasPrefix(bx.text(i, i+len([]rune(f.Count))), f.Count) {
		return i + len([]rune(f.Count))
	}
	return f.End
}
