package claims

import (
	"regexp"
	"slices"
	"strings"
)

// A list whose sum follows it in a clause of its own — 基本支出3亿元、对县
// 转移支付1亿元、债务付息0.9亿元、项目支出等4.9亿元，合计9.8亿元; 新增债券
// 342.35亿元（一般债券…、专项债券…），再融资债券339.99亿元，合计682.34亿元
// — is read as a Chain whose terms are the list: 合计 sums what was listed,
// so a sum that falls short is as wrong as one that exceeds it. A running
// addition with 加 is chains' own.

// trailingTotalRe is a clause that is nothing but the sum's word before the
// amount: 合计, 共计, 总计, 以上两项合计, 上述三项共计为.
var trailingTotalRe = regexp.MustCompile(`^(?:以上|上述)?(?:([两二三四五六七八九十])项)?(?:合计|共计|总计)(?:为|达到?|共)?$`)

var listedCount = map[string]int{"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

// trailingSums reads the sentence's lists summed after them.
func (bx *blockCtx) trailingSums(s [2]int, figs []*Figure) {
	// every sum's word ends in 计; most sentences have none, and are left
	// before any clause is cut
	if !slices.Contains(bx.rs[s[0]:s[1]], '计') || len(bx.find(chainAddRe, s[0], s[1])) > 0 {
		return
	}
	for i, f := range figs {
		if !f.Unit.IsAmount() || f.Paren {
			continue
		}
		cs := bx.clauseStart(f.Start, s[0])
		if cs == s[0] {
			continue // the sentence opens with the sum: nothing listed before it
		}
		m := trailingTotalRe.FindStringSubmatch(strings.TrimSpace(bx.text(cs, f.Start)))
		if m == nil {
			continue
		}
		terms := bx.listedBefore(s[0], cs, figs[:i])
		if n := listedCount[m[1]]; n > 0 {
			if len(terms) < n {
				continue
			}
			terms = terms[len(terms)-n:]
		}
		if len(terms) < 2 {
			continue
		}
		// the list may start later than the sentence's first amount: the
		// first term is then only a plausible head, as a chain's is
		c := &Chain{Total: f, Parts: terms[1:], Heads: terms[:1]}
		c.Span = Span{Block: bx.b, Start: terms[0].Start, End: f.End}
		bx.set.Chains = append(bx.set.Chains, c)
		return
	}
}

// listedBefore are the amounts of [from, to) a sum after them adds up: the
// level amounts outside brackets and 其中 breakdowns, dates left out. Nil
// when anything else is stated there — a rate, a share, a count — so the
// list is not the sentence's alone.
func (bx *blockCtx) listedBefore(from, to int, figs []*Figure) []*Figure {
	var out []*Figure
	for _, f := range bx.outsideBreakdowns(figs, from, from, to) {
		if f.Paren || (f.Unit == UnitCount && yearLikeCount(f.Count)) {
			continue // a remark, a date
		}
		if f.Role != RoleLevel || !f.Unit.IsAmount() {
			return nil
		}
		out = append(out, f)
	}
	return out
}
