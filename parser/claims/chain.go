package claims

import (
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Chain: a government report's own sum of its revenue or expenditure,
// written as a running addition — 一般公共预算收入283.83亿元，加上级转移支付
// 204.01亿元，上年结转46.06亿元，收入总计534.90亿元 — or the same for
// expenditure down to 支出总计 / 收支平衡.
type Chain struct {
	Span
	// Heads are the plausible starting amounts: the first and the last
	// amount stated before 加 in the sentence (or, when the sentence opens
	// with 加, in the sentence before). Empty when the parts stand alone.
	Heads []*Figure
	Parts []*Figure
	Total *Figure
	// Subtracts: the chain also takes something away (减去, 扣除), which the
	// sum does not model.
	Subtracts bool
}

// Kind names the claim kind.
func (*Chain) Kind() string { return "chain" }

var (
	// 加 / 加上 / 再加上 opening a clause
	chainAddRe = regexp.MustCompile(`(?:^|[，,；;：:])\s*(?:再)?加(?:上)?`)
	// the clause that states the sum: 收入总计574.55亿元, 支出合计62735万元
	chainTotalRe = regexp.MustCompile(`(?:收入|支出|收支|资金)?(?:总计|总量|合计|总额|总盘子)(?:为|达到|达|共)?\s*$`)
	chainSubRe   = regexp.MustCompile(`减去|扣除|剔除|减:|减：`)
)

// chains finds running additions in a sentence.
func (bx *blockCtx) chains(s, prev [2]int, figs []*Figure) {
	adds := bx.find(chainAddRe, s[0], s[1])
	if len(adds) == 0 {
		return
	}
	add := adds[0]
	if bx.inParen(add[1]) {
		return
	}
	var total *Figure
	for _, f := range figs {
		if f.Start <= add[1] || !f.Unit.IsAmount() || f.Paren {
			continue
		}
		if chainTotalRe.MatchString(bx.text(bx.clauseStart(f.Start, s[0]), f.Start)) {
			total = f
			break
		}
	}
	if total == nil {
		return
	}
	c := &Chain{Total: total, Subtracts: chainSubRe.MatchString(bx.text(add[0], total.Start))}
	for _, f := range bx.outsideBreakdowns(figs, add[1], add[1]+1, total.Start) {
		if f.Paren || !f.Unit.IsAmount() || f.Role != RoleLevel {
			continue
		}
		c.Parts = append(c.Parts, f)
	}
	if len(c.Parts) == 0 {
		return
	}
	// the head: the amounts before 加 outside brackets and 其中 breakdowns —
	// in the sentence, or when the sentence opens with 加, in the sentence
	// before and at the paragraph's start (收入1.34亿元。主要项目为:…。加…)
	var pool [][]*Figure
	if strings.TrimSpace(bx.text(s[0], add[0])) != "" {
		pool = append(pool, bx.headAmounts(s[0], add[0], bx.figsIn(s[0], add[0])))
	} else if prev[1] > prev[0] {
		pool = append(pool, bx.headAmounts(prev[0], prev[1], bx.figsIn(prev[0], prev[1])))
		pool = append(pool, bx.headAmounts(0, prev[1], bx.figsIn(0, prev[1])))
	} else if i := bx.b.Index - 1; i >= 0 {
		pb := bx.set.Doc.Blocks[i]
		if pb.Kind != doc.KindHeading {
			pool = append(pool, headAmounts(bx.set.byBlock[pb]))
		}
	}
	for _, heads := range pool {
		for _, h := range heads {
			dup := false
			for _, o := range c.Heads {
				dup = dup || o == h
			}
			if !dup {
				c.Heads = append(c.Heads, h)
			}
		}
	}
	start := add[0]
	for _, h := range c.Heads {
		if h.Block == bx.b && h.Start < start {
			start = h.Start
		}
	}
	c.Span = Span{Block: bx.b, Start: start, End: total.End}
	bx.set.Chains = append(bx.set.Chains, c)
}

// outsideBreakdowns are the figures of figs starting in [first, to) that
// no 其中 breakdown holds: a 其中 after segStart details the part before it
// up to the next ； (加上上解支出45.10万元，其中：专项上解20.00万元；结转下年…);
// one in brackets is a remark that closes itself.
func (bx *blockCtx) outsideBreakdowns(figs []*Figure, segStart, first, to int) []*Figure {
	var out []*Figure
	nested := false
	for _, f := range figs {
		if f.Start < first || f.Start >= to {
			continue
		}
		seg := bx.text(segStart, f.Start)
		semi := strings.LastIndexAny(seg, "；;")
		if qz := strings.LastIndex(seg, "其中"); qz > semi && !bx.inParen(segStart+runeIndex(seg, qz)) {
			nested = true
		} else if semi >= 0 {
			nested = false
		}
		segStart = f.End
		if !nested {
			out = append(out, f)
		}
	}
	return out
}

// headAmounts are the first and last amounts of a stretch [from,to) that
// could start a chain: level amounts outside brackets, before any 其中.
func (bx *blockCtx) headAmounts(from, to int, figs []*Figure) []*Figure {
	var out []*Figure
	for _, f := range figs {
		if strings.Contains(bx.text(from, f.Start), "其中") {
			break
		}
		out = append(out, f)
	}
	return headAmounts(out)
}

func headAmounts(figs []*Figure) []*Figure {
	var heads []*Figure
	for _, f := range figs {
		if f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren {
			heads = append(heads, f)
		}
	}
	if len(heads) > 1 {
		return []*Figure{heads[0], heads[len(heads)-1]}
	}
	return heads
}
