package claims

import (
	"regexp"
	"strings"
)

// Item: a numbered or quoted item whose heading states an amount that its
// own sentence states again.
type Item struct {
	Span
	Heading *Figure
	Current *Figure
}

// Kind names the claim kind.
func (*Item) Kind() string { return "item" }

var headingVerbRe = regexp.MustCompile(`下达|安排|拨付|拨入|到位|收到|争取|落实|完成|执行|使用|用于|实现|发放|计划|投资`)

// items finds numbered or quoted items whose heading states an amount.
func (bx *blockCtx) items() {
	b := bx.b
	start := 0
	if b.Number != nil {
		start = b.Number.Len
	} else if !strings.HasPrefix(b.Text, "“") && !strings.HasPrefix(b.Text, "\"") {
		return
	}
	if len(bx.figs) == 0 {
		return
	}
	h := bx.figs[0]
	if h.Role != RoleLevel || !h.Unit.IsAmount() || h.Qual != QualNone || headingVerbRe.MatchString(bx.text(start, h.Start)) {
		return // 资金下达4000万元，实际支出1707.78万元 states two things, not one twice
	}
	depth := parenDepth(bx.rs)
	quoted := false
	for i := start; i < h.Start; i++ {
		switch bx.rs[i] {
		case '“':
			quoted = true
		case '”':
			quoted = false
		}
		if !quoted && depth[i] == 0 && bx.isClauseSep(i) {
			return // the amount is not in the item's heading
		}
	}
	it := &Item{Heading: h}
	// the amount the heading restates: 支出决算为 in a final report; in a
	// budget, this year's 预算安排 (the latest year the item names), not
	// last year's 执行数
	latest := bx.set.Facts.Year
	if bx.set.Facts.Kind != KindBudget {
		for _, f := range bx.figs {
			if f.Year > latest {
				latest = f.Year
			}
		}
	}
	for _, f := range bx.figs[1:] {
		if f.Role != RoleLevel || !f.Unit.IsAmount() {
			continue
		}
		switch {
		case f.Qual == QualFinal && bx.set.Facts.Kind != KindBudget:
			it.Current = f
		case f.Qual == QualBudget && bx.set.Facts.Kind != KindFinal && strings.Contains(f.Subject, "安排") && (f.Year == 0 || f.Year == latest):
			it.Current = f
		}
		if it.Current != nil {
			break
		}
	}
	if it.Current == nil {
		return
	}
	it.Span = Span{Block: b, Start: h.Start, End: it.Current.End}
	bx.set.Items = append(bx.set.Items, it)
}
