package claims

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// a block that ends by opening a list: …154.25万元，其中： (the parts follow
// as paragraphs or numbered items)
var openerEndRe = regexp.MustCompile(`(?:其中|如下|包括|以下(?:几个)?方面)\s*[:：]?\s*$`)

// blockLists finds totals whose parts are the following blocks:
//
//	一般公共预算财政拨款基本支出154.25万元，其中：
//	人员经费141.84万元，主要包括：…
//	公用经费12.41万元，主要包括：…
//
// Each following block gives one part, its first level of the head's kind
// (支出决算为 after a 决算 head), until a heading or a block without one.
// Only parts that exceed the total are reported by the sum check, since
// such lists often name only the main items.
func (s *Set) blockLists() {
	blocks := s.Doc.Blocks
	for i, b := range blocks {
		if b.Kind == doc.KindTableCell || b.TOC || !openerEndRe.MatchString(b.Text) {
			continue
		}
		head := lastLevel(s.byBlock[b])
		if head == nil || head.Value.Sign() < 0 {
			continue
		}
		t := &Total{Head: head}
		var style doc.Style
		broken := false
		for _, nb := range blocks[i+1:] {
			if b.Number != nil && nb.Number != nil && nb.Number.Style <= b.Number.Style {
				break // the head's own sibling, not its part
			}
			if nb.Kind == doc.KindTableCell || nb.TOC {
				break
			}
			if nb.Number != nil {
				if style == doc.StyleNone {
					style = nb.Number.Style
				}
				if nb.Number.Style < style {
					break // a heading of a higher level ends the list
				}
				if nb.Number.Style > style {
					continue // a part's own sub-items are not parts again
				}
			} else if style != doc.StyleNone || nb.Kind == doc.KindHeading {
				break
			}
			part := firstPart(s.byBlock[nb], head)
			if part == nil || part.Unit != head.Unit {
				break // parts of one list are written in one unit
			}
			if !itemLike(nb, part) {
				// a line that starts with its figure or stops mid-sentence is
				// a fragment of text whose flow was lost, not a list item
				broken = true
				break
			}
			t.Parts = append(t.Parts, part)
		}
		t.Parts = completePrefix(t.Parts, head)
		if broken || len(t.Parts) < 2 || s.mixedItems(t.Parts) || sidesDiffer(head, t.Parts) {
			continue
		}
		t.Sure = len(t.Parts)
		t.Heads = []*Figure{head}
		if strings.ContainsAny(string([]rune(b.Text)[head.End:]), "。;；") {
			t.far = true
			// 现将部分收支科目执行情况说明如下：after the figures' own
			// sentences: the list may break down any level the block states
			for _, f := range s.byBlock[b] {
				if f != head && f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !f.Earlier && f.Value.Sign() >= 0 {
					t.Heads = append(t.Heads, f)
				}
			}
		}
		t.Span = Span{Block: b, Start: head.Start, End: head.End}
		s.Totals = append(s.Totals, t)
	}
}

// mixedItems: parts from items of both sides (——国有土地使用权出让收入。完成
// 26.29亿元 / ——城乡社区支出。完成70.60亿元) are two lists under two totals.
// An item's side is its figure's subject, or else its name before the figure,
// read as side reads it (收入安排的支出 is spending).
func (s *Set) mixedItems(parts []*Figure) bool {
	in, out := false, false
	for _, p := range parts {
		sd := side(p.Subject)
		if sd == "" {
			sd = side(doc.RuneSlice([]rune(p.Block.Text), 0, p.Start))
		}
		in = in || sd == "收入"
		out = out || sd == "支出"
	}
	return in && out
}

// itemLike: a list item names its part before the figure and ends its
// sentence. Unless the item is numbered (1.社会保障和就业支出…，主要用于…。
// 年初预算为…), the figure stands in its first sentence, or after a bare
// name (——国有土地使用权出让收入。完成26.29亿元); one in a later sentence
// belongs to a paragraph that has moved on (2025年，全市…。全年…完成53.68亿元).
func itemLike(b *doc.Block, part *Figure) bool {
	before := strings.TrimSpace(doc.RuneSlice([]rune(b.Text), 0, part.Start))
	if before == "" {
		return false
	}
	if stops := sentenceStopRe.FindAllStringIndex(before, -1); b.Number == nil && len(stops) > 0 {
		name := before[:stops[0][0]]
		if len(stops) > 1 || strings.ContainsAny(name, "，,") || utf8.RuneCountInString(name) > 40 {
			return false
		}
	}
	t := strings.TrimRight(b.Text, " ")
	return strings.HasSuffix(t, "。") || strings.HasSuffix(t, "；") || strings.HasSuffix(t, ";") ||
		strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ".")
}

var sentenceStopRe = regexp.MustCompile(`[。；;]`)

// sidesDiffer: the head names one side only (政府性基金预算支出完成) and a
// part the other (国有土地使用权出让收入完成): the items describe both sides
// of the fund, and the list is not the head's breakdown.
func sidesDiffer(head *Figure, parts []*Figure) bool {
	in, out := strings.Contains(head.Subject, "收入"), strings.Contains(head.Subject, "支出")
	if in == out {
		return false
	}
	for _, p := range parts {
		if sd := side(p.Subject); sd != "" && (sd == "收入") != in {
			return true
		}
	}
	return false
}

func lastLevel(figs []*Figure) *Figure {
	var last *Figure
	for _, f := range figs {
		if f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !f.Earlier {
			last = f
		}
	}
	return last
}

// firstPart is a block's amount for the list: the first level whose kind
// matches the head's (a 决算 head takes the item's 支出决算为, not its 年初预算).
func firstPart(figs []*Figure, head *Figure) *Figure {
	for _, f := range figs {
		if f.Role != RoleLevel || !f.Unit.IsAmount() || f.Paren || f.Earlier {
			continue
		}
		if head.Qual == QualFinal && f.Qual != QualFinal {
			continue
		}
		if !qualCompatible(head.Qual, f.Qual) || strings.Contains(f.Subject, "合计") {
			continue
		}
		return f
	}
	return nil
}

// completePrefix stops a list where its parts already add up to the head:
// what follows (…，严格控制在限额74.04亿元) is comment, not another part.
func completePrefix(parts []*Figure, head *Figure) []*Figure {
	if len(parts) < 2 {
		return parts
	}
	sum := parts[0].Yuan()
	for i := 1; i < len(parts); i++ {
		sum = sum.Add(parts[i].Yuan())
		if sum.Meets(head.Yuan()) && i+1 < len(parts) {
			return parts[:i+1]
		}
	}
	return parts
}

var openerRe = regexp.MustCompile(`其中|主要用于以下(?:几个)?方面|具体(?:情况)?如下|分[\p{Han}]{1,4}看`)

// byViewRe is an opener that breaks the topic's total down one way among
// several (分性质看，…；分级次看，…): every such list of a sentence is of the
// total stated before the first.
var byViewRe = regexp.MustCompile(`^分[\p{Han}]{1,4}看$`)

// headBefore is the total a list of parts opened at op belongs to: the
// last level before the opener (其中, 主要用于以下方面) in the sentence, or —
// when the opener starts the sentence — a level of the sentence before.
// listStart is where the list opened at op begins to speak of its total:
// the opener itself, or for a view (分级次看) the sentence's first view.
func (bx *blockCtx) listStart(s [2]int, op []int) int {
	if !byViewRe.MatchString(bx.text(op[0], op[1])) {
		return op[0]
	}
	for _, m := range bx.find(openerRe, s[0], op[1]) {
		if byViewRe.MatchString(bx.text(m[0], m[1])) {
			return m[0]
		}
	}
	return op[0]
}

func (bx *blockCtx) headBefore(s [2]int, op int) *Figure {
	isHead := func(f *Figure) bool {
		return f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !bx.isChangeTo(f) && !f.Earlier && !bx.isThreshold(f)
	}
	if strings.TrimSpace(bx.text(s[0], op)) == "" {
		// 。其中: the list belongs to the sentence before: to the head of that
		// sentence's own list if it has one, else to its last stated level
		// that is not a budget (年初预算…，实际完成X。其中 lists X's parts)
		prev := bx.sentenceBefore(s[0])
		if prev[1] <= prev[0] {
			return nil
		}
		if ops := bx.find(openerRe, prev[0], prev[1]); len(ops) > 0 && ops[0][0] > prev[0] {
			return bx.headBefore(prev, ops[0][0])
		}
		var last, lastAny *Figure
		for _, f := range bx.figsIn(prev[0], prev[1]) {
			if !isHead(f) {
				continue
			}
			lastAny = f
			if f.Qual != QualBudget && f.Qual != QualAdjusted {
				last = f
			}
		}
		if last == nil {
			last = lastAny
		}
		return last
	}
	// the last level before the list, unless it is only the base of a
	// ratio (完成86420万元，为年初预算85000万元的101.7%，其中：…)
	var head, base *Figure
	for _, f := range bx.figsIn(s[0], op) {
		if !isHead(f) {
			continue
		}
		if bx.ratioBase(f) {
			base = f
		} else {
			head = f
		}
	}
	if head == nil {
		head = base
	}
	return head
}

// sentenceBefore is the sentence that ends where start begins.
func (bx *blockCtx) sentenceBefore(start int) [2]int {
	var out [2]int
	for _, x := range bx.sents {
		if x[1] <= start {
			out = x
		}
	}
	return out
}
