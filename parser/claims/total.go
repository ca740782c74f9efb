package claims

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Total: a total followed by its parts (合计 X，其中：A a，B b …).
type Total struct {
	Span
	Head  *Figure
	Parts []*Figure
	// Closed is true when the parts are, by definition, the whole (货物 +
	// 工程 + 服务 = 政府采购; the three 三公 items): parts short of it are an
	// error too. The vocabulary's complete_lists name such decompositions.
	Closed bool
}

// Kind names the claim kind.
func (*Total) Kind() string { return "total" }

var (
	nestedRe   = regexp.MustCompile(`其中|含|包括|主要是|主要用于|用于|主要包括`)
	listStopRe = regexp.MustCompile(`[，,；;。]\s*(?:加上|加|减去|扣除|另外|另|此外|合计|总计|共计|收入总计|支出总计)`)
	listEndRe  = regexp.MustCompile(`[二三四五六七八九十]是|第[二三四五六七八九十]`)
)

// totals finds a total followed by its listed parts.
func (bx *blockCtx) totals(s, prev [2]int, figs []*Figure) {
	var op []int
	for _, m := range bx.find(openerRe, s[0], s[1]) {
		if !bx.inParen(m[0]) { // （其中：…） lists only inside its brackets
			op = m
			break
		}
	}
	if op == nil {
		return
	}
	head := bx.headBefore(s, op[0])
	if head == nil || head.Value.Sign() < 0 {
		return
	}
	// the list ends at a nested 其中/主要是/用于, at the next enumerated point,
	// and — when its parts are separated by commas — at the first ；
	// the list ends at the next enumerated point (二是); a nested 其中/主要是/
	// 用于 holds details, which end a comma list but only their own segment
	// of a ；-list (人员经费 X，主要包括：…；公用经费 Y，主要包括：…)
	end := s[1]
	if m := bx.find(listEndRe, op[1], end); len(m) > 0 {
		end = m[0][0]
	}
	var cands []*Figure
	for _, f := range figs {
		if f.Start < op[1] || f.Start >= end || f.Role != RoleLevel || !f.Unit.IsAmount() || f.Paren || bx.isChangeTo(f) || f.Earlier {
			continue
		}
		if !qualCompatible(head.Qual, f.Qual) || otherSide(head.Key, f.Key) {
			continue
		}
		cands = append(cands, f)
	}
	if len(cands) >= 2 && !strings.ContainsAny(bx.text(cands[0].End, cands[1].Start), "；;") {
		if m := bx.find(nestedRe, op[1], end); len(m) > 0 {
			end = m[0][0]
			k := 0
			for _, f := range cands {
				if f.Start < end {
					cands[k] = f
					k++
				}
			}
			cands = cands[:k]
		}
	}
	if len(cands) < 2 {
		return
	}
	// how the list separates its parts decides where it ends: a list split
	// by 、 ends at the first ，or ；, one split by ，at the first ；
	sep := bx.text(cands[0].End, cands[1].Start)
	segmented := strings.ContainsAny(sep, "；;")
	stops := "；;"
	if strings.Contains(sep, "、") && !strings.ContainsAny(sep, "，,") {
		stops = "，,；;"
	}
	if !segmented {
		rest := bx.text(cands[1].End, end)
		if i := strings.IndexAny(rest, stops); i >= 0 {
			end = cands[1].End + utf8.RuneCountInString(rest[:i])
		}
	}
	// 加上…, 合计…, 收入总计…: the list is over
	if m := bx.find(listStopRe, op[1], end); len(m) > 0 {
		end = m[0][0]
	}
	t := &Total{Head: head}
	lastSeg := -1
	for _, f := range cands {
		if f.Start >= end {
			break
		}
		if segmented {
			// each ；-segment names one part (its first level); the rest are details
			seg := strings.Count(bx.text(op[1], f.Start), "；") + strings.Count(bx.text(op[1], f.Start), ";")
			if seg == lastSeg {
				continue
			}
			lastSeg = seg
		}
		t.Parts = append(t.Parts, f)
	}
	t.Parts = dropBreakdowns(t.Parts)
	if !segmented {
		t.Parts = completePrefix(t.Parts, head)
	}
	if len(t.Parts) < 2 || mixedSides(t.Parts) {
		return
	}
	t.Span = Span{Block: bx.b, Start: head.Start, End: t.Parts[len(t.Parts)-1].End}
	bx.set.Totals = append(bx.set.Totals, t)
}

// dropBreakdowns removes parts that break down the part before them
// (新增债券331446万元，市本级留用90000万元，转贷241446万元).
func dropBreakdowns(parts []*Figure) []*Figure {
	for i := 0; i < len(parts); i++ {
		for j := i + 2; j <= len(parts); j++ {
			run := parts[i+1 : j]
			if len(run) < 2 {
				continue
			}
			iv := run[0].Yuan()
			for _, f := range run[1:] {
				iv = iv.Add(f.Yuan())
			}
			if iv.Meets(parts[i].Yuan()) {
				out := append(append([]*Figure{}, parts[:i+1]...), parts[j:]...)
				return dropBreakdowns(out)
			}
		}
	}
	return parts
}

// otherSide: a 支出 figure is not a part of a 收入 total, nor the reverse.
func otherSide(head, part string) bool {
	hi, he := strings.Contains(head, "收入"), strings.Contains(head, "支出")
	pi, pe := strings.Contains(part, "收入"), strings.Contains(part, "支出")
	return (hi && !he && pe && !pi) || (he && !hi && pi && !pe)
}

// mixedSides: a list naming both 收入 and 支出 (收入1362.77亿元、支出1350.93亿元)
// is two figures side by side, not parts of one total.
func mixedSides(parts []*Figure) bool {
	in, out := false, false
	for _, p := range parts {
		in = in || strings.Contains(p.Subject, "收入")
		out = out || strings.Contains(p.Subject, "支出")
	}
	return in && out
}

func qualCompatible(head, part Qual) bool {
	if head == part || part == QualNone {
		return true
	}
	return head == QualNone && part == QualFinal
}

// tallyWords are the counted things whose lists add up like money
// (共有车辆9辆，其中：…用车0辆、…其他用车8辆).
var tallyWords = map[string]bool{"辆": true, "台": true, "套": true, "个": true, "项": true, "家": true, "户": true, "所": true, "座": true, "批次": true}

// tallies finds a count with its listed parts, in one sentence: the parts
// may not add up to more than the count.
func (bx *blockCtx) tallies(s [2]int, figs []*Figure) {
	ops := bx.find(openerRe, s[0], s[1])
	if len(ops) == 0 || bx.inParen(ops[0][0]) {
		return
	}
	op := ops[0]
	var head *Figure
	for _, f := range figs {
		if f.Start < op[0] && f.Unit == UnitCount && tallyWords[f.Count] && !f.Paren {
			head = f
		}
	}
	if head == nil {
		return
	}
	end := s[1]
	for _, re := range []*regexp.Regexp{nestedRe, listEndRe} {
		if m := bx.find(re, op[1], end); len(m) > 0 {
			end = m[0][0]
		}
	}
	t := &Total{Head: head}
	for _, f := range figs {
		if f.Start >= op[1] && f.Start < end && f.Unit == UnitCount && f.Count == head.Count && !f.Paren {
			t.Parts = append(t.Parts, f)
		}
	}
	if len(t.Parts) < 2 {
		return
	}
	t.Span = Span{Block: bx.b, Start: head.Start, End: t.Parts[len(t.Parts)-1].End}
	bx.set.Totals = append(bx.set.Totals, t)
}
