package claims

import "strings"

// Changes whose two levels are both printed, read as a change against a
// stated base (Base the level before, Current the level after), so that the
// direction word and any amount or rate stated with them are judged by the
// change tests:
//
//   - from-to: 补助标准由每人每年610元提高到640元; 费率从7%降低为5.5%;
//     地区由6个减少为4个. The level after the direction word is the change's
//     ChangeTo; the level before it, after 由/从, is where it started.
//   - a named base: 提款数30361万元较调整时提款数6491万元增加23870万元;
//     支出934.25亿元，比“十三五”时期的829.64亿元增长12.6%. The base is
//     named by what it is, not by a period the reference reads, and is the
//     figure right before the direction word; what changed is the level
//     right before 较/比.

// fromOf returns the levels A of 由/从 A <direction>到/至/为 B, where to is
// B, and those of B, paired in order, or nil: A is the figure right before
// the direction word, measured as B is, and nothing but qualifiers (每人每月,
// 2024年的, 置换前的) stands between 由/从 and A. Levels listed on both sides
// (分别由每人每月151元、96元提高至171元、116元) pair their members in order,
// when the two lists are as long.
func (bx *blockCtx) fromOf(to *Figure, s [2]int, figs []*Figure) (froms, tos []*Figure, fromAt int) {
	_, isTo, at := bx.dirBefore(to.Start)
	if !isTo {
		return nil, nil, 0
	}
	a := bx.figureRightBefore(figs, at)
	if a == nil || a.Paren != to.Paren || !sameMeasure(a, to) {
		return nil, nil, 0
	}
	cs, lead, from := bx.lastInClause(a, s[0], "由从")
	// 由于, 由此, 从而, 从事: the word is not "from"
	if from < 0 || len(lead)-from-1 > 16 || (from+1 < len(lead) && strings.ContainsRune("于此而事", lead[from+1])) {
		return nil, nil, 0
	}
	for _, f := range figs {
		if f.Start >= cs+from && f.Start <= a.Start && !(f.Unit == UnitCount && yearLikeCount(f.Count)) {
			froms = append(froms, f)
		}
	}
	// the figures after 由 are one level, or a list of them in one measure
	for k := 1; k < len(froms); k++ {
		if !bx.listed(froms[k-1], froms[k]) || !sameMeasure(froms[k], to) {
			return nil, nil, 0
		}
	}
	tos = []*Figure{to}
	for _, f := range figs {
		if last := tos[len(tos)-1]; f.Start > last.Start && bx.listed(last, f) && sameMeasure(f, to) {
			tos = append(tos, f)
		}
	}
	// a 、 before another from-to (由7%降低为5.5%、灵活就业人员费率由9%…)
	// lists nothing
	if len(tos) != len(froms) {
		return nil, nil, 0
	}
	return froms, tos, cs + from
}

// listed: g follows f in a list of figures, a 、 or 和 alone between them.
func (bx *blockCtx) listed(f, g *Figure) bool {
	t := strings.TrimSpace(bx.text(bx.unitEnd(f), g.Start))
	return t == "、" || t == "和" || t == "及"
}

// sameMeasure: two levels one change can join — amounts of money (in any
// of its units), percentages, or counts of the same thing.
func sameMeasure(a, b *Figure) bool {
	switch {
	case a.Unit.IsAmount() && b.Unit.IsAmount():
		return true
	case a.Unit == UnitPercent:
		return b.Unit == UnitPercent
	case a.Unit == UnitCount:
		return b.Unit == UnitCount && a.Count != "" && a.Count == b.Count && !yearLikeCount(a.Count)
	}
	return false
}

// countChangeTo: a count after a direction word and 到/至/为 that a from-to
// states both ends of (由6个减少为4个): a change, though a count alone after
// such words (提高到55个) is a target or level, not one.
func (bx *blockCtx) countChangeTo(f *Figure, s [2]int, figs []*Figure) bool {
	return f.Unit == UnitCount && f.Count != "" && !yearLikeCount(f.Count) && bx.isChangeTo(f) && bx.fromAt(f, s, figs)
}

// fromAt reports a level after a direction word whose starting level is printed.
func (bx *blockCtx) fromAt(to *Figure, s [2]int, figs []*Figure) bool {
	froms, _, _ := bx.fromOf(to, s, figs)
	return froms != nil
}

// fromTo reads a change whose ChangeTo has its starting level printed.
func (bx *blockCtx) fromTo(c *Change, s [2]int, figs []*Figure) {
	if c.ChangeTo == nil || c.Base != nil || c.Current != nil {
		return
	}
	froms, tos, at := bx.fromOf(c.ChangeTo, s, figs)
	if froms == nil {
		return
	}
	// the subject is what stands before 由/从, after any figure of the
	// clause (下降1.5个百分点、灵活就业人员费率由9%…: the one before 、)
	start := c.Start
	for _, f := range figs {
		if f.Start >= start && bx.unitEnd(f) <= at {
			start = bx.unitEnd(f)
		}
	}
	for start < at && strings.ContainsRune("、，, ", bx.rs[start]) {
		start++
	}
	c.Start = start
	c.Subject = cleanSubject(bx.text(start, at))
	c.Key, c.Qual = keyOf(c.Subject), qualOf(c.Subject)
	c.Base, c.Current = froms[0], tos[0]
	if c.End < bx.unitEnd(tos[0]) {
		c.End = bx.unitEnd(tos[0]) // 由6个减少为4个: the count's word is part of it
	}
	if len(froms) == 1 && c.Amount == nil && c.ChangeTo.Unit == UnitPercent {
		bx.pointsAfter(c, s, figs)
	}
	// the other pairs of two lists are changes of their own, in the same words
	for k := 1; k < len(froms); k++ {
		pair := &Change{Span: Span{Block: bx.b, Start: start, End: bx.unitEnd(tos[k])}, Subject: c.Subject, Key: c.Key, Qual: c.Qual,
			Dir: c.Dir, DirWord: c.DirWord, ChangeTo: tos[k], Base: froms[k], Current: tos[k]}
		bx.set.Changes = append(bx.set.Changes, pair)
		bx.blockChanges = append(bx.blockChanges, pair)
	}
}

// pointsAfter joins to a from-to of percentages the change in points
// stated after it (由6%降低为4.5%，下降1.5个百分点).
func (bx *blockCtx) pointsAfter(c *Change, s [2]int, figs []*Figure) {
	for _, f := range figs {
		if f.Start < c.End {
			continue
		}
		if f.Unit != UnitCount || (f.Count != "个百分点" && f.Count != "百分点") {
			return
		}
		word, to, at := bx.dirBefore(f.Start)
		if word == "" || to || at < c.End || !joinable(bx.text(c.End, at)) {
			return
		}
		c.Amount = f
		c.End = bx.unitEnd(f)
		return
	}
}

// namedBase reads X A，较<name> B <direction> C: B the base, A what changed.
func (bx *blockCtx) namedBase(c *Change, s [2]int, figs []*Figure) {
	if c.Base != nil || c.Current != nil || c.ChangeTo != nil || c.Flat {
		return
	}
	first := c.Amount
	if first == nil || (c.Rate != nil && c.Rate.Start < first.Start) {
		first = c.Rate
	}
	if first == nil {
		return
	}
	_, _, at := bx.dirBefore(first.Start)
	b := bx.figureRightBefore(figs, at)
	if b == nil || b.Role != RoleLevel || !b.Unit.IsAmount() || b.Paren {
		return
	}
	cs, lead, ref := bx.lastInClause(b, s[0], "较比")
	if ref < 0 || len(lead)-ref-1 > 20 || (ref+1 < len(lead) && lead[ref+1] == '例') {
		return // 比例 is no comparison
	}
	refAt := cs + ref
	for _, f := range figs {
		if f.Start >= refAt && f.Start < b.Start && !(f.Unit == UnitCount && yearLikeCount(f.Count)) {
			return // 比2024年决算数: a year names the period; another figure, no
		}
	}
	// what changed: the level right before 较/比, a remark in brackets or
	// a comma between them (限额7016194万元（一般债务…），较调整时…)
	var a *Figure
	for _, f := range figs {
		if f.Start >= refAt {
			break
		}
		if !f.Paren {
			a = f
		}
	}
	if a == nil || a.Role != RoleLevel || !a.Unit.IsAmount() {
		return
	}
	for i := bx.unitEnd(a); i < refAt; i++ {
		r := bx.rs[i]
		if bx.inParen(i) || r == '(' || r == ')' || r == ' ' || r == '，' || r == ',' || r == '、' {
			continue
		}
		return
	}
	c.Base, c.Current = b, a
	c.Subject, c.Key, c.Qual = a.Subject, a.Key, a.Qual
	c.Start = min(c.Start, bx.clauseStart(a.Start, s[0])) // the claim quotes what changed
}

// figureRightBefore is the figure of figs that ends, its unit included,
// right before at with only spaces between; nil if none.
func (bx *blockCtx) figureRightBefore(figs []*Figure, at int) *Figure {
	var out *Figure
	for _, f := range figs {
		if f.Start >= at {
			break
		}
		if strings.TrimSpace(bx.text(bx.unitEnd(f), at)) == "" {
			out = f
		}
	}
	return out
}

// lastInClause is the text of f's clause before f, where the clause starts,
// and the index in it of the last of the runes words (-1 if none).
func (bx *blockCtx) lastInClause(f *Figure, floor int, words string) (cs int, lead []rune, at int) {
	cs = bx.clauseStart(f.Start, floor)
	lead = []rune(bx.text(cs, f.Start))
	for i := len(lead) - 1; i >= 0; i-- {
		if strings.ContainsRune(words, lead[i]) {
			return cs, lead, i
		}
	}
	return cs, lead, -1
}
