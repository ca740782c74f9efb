package claims

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	yearInClause  = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	periodRe      = regexp.MustCompile(`(?:与|和|同)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|上一年度?|去年|上年同期|同期|年初)[^，,；;]{0,16}?(?:相比|比较|对比)|(?:比|较)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|上一年度?|去年|上年同期|同期|年初)?[^，,；;增减上下提降持无]{0,14}|同比|环比`)
	ratioRe       = regexp.MustCompile(`(?:完成|为|达到|达|占)(?:了)?(年初|调整后?|全年|当年)?(?:预算|计划)(?:数)?(?:的)?\s*$`)
	openerRe      = regexp.MustCompile(`其中|主要用于以下(?:几个)?方面|具体(?:情况)?如下`)
	nestedRe      = regexp.MustCompile(`其中|含|包括|主要是|主要用于|用于|主要包括`)
	compRe        = regexp.MustCompile(`决算(?:数)?(?:与|和)?(?:年初)?(?:预算(?:数)?)?(大于|小于|等于|高于|低于|超过|超出|少于|持平)(?:年初)?(?:预算(?:数)?)?`)
	negRe         = regexp.MustCompile(`(?:未|没有|无|不|未再|停止|暂停)$`)
	headingVerbRe = regexp.MustCompile(`下达|安排|拨付|拨入|到位|收到|争取|落实|完成|执行|使用|用于|实现|发放|计划|投资`)
	bareShareRe   = regexp.MustCompile(`占(?:[^\d占地用有图表，,；;:：]{0,20}?的)?(?:比重|比例)?(?:为)?\s*$`)
	listStopRe    = regexp.MustCompile(`[，,；;。]\s*(?:加上|加|减去|扣除|另外|另|此外|合计|总计|共计|收入总计|支出总计)`)
	lastYearRe    = regexp.MustCompile(`上年|上一年|去年|上年度`)
	enumRe        = regexp.MustCompile(`[一二三四五六七八九十]是|^\s*(?:\d[.、]|\(\d\)|①)`)
	listEndRe     = regexp.MustCompile(`[二三四五六七八九十]是|第[二三四五六七八九十]`)
	intensityRe   = regexp.MustCompile(`^(?:较多|较少|偏多|偏少|不足)$`)
	comparableRe  = regexp.MustCompile(`剔除|可比|口径`)
	basePeriodRe  = regexp.MustCompile(`同期|上年|去年|基数|上一年`)
	refUpRe       = regexp.MustCompile(`超额完成|超预算|超出预算|超过预算`)
	adversative   = regexp.MustCompile(`但是|但|然而|不过|虽然|尽管`)
	wholeTrim     = regexp.MustCompile(`(?:的)?(?:比重|比例|份额)?(?:为|是|约)?$`)
)

func (bx *blockCtx) extract() {
	lx := bx.set.vocab
	bx.mask = make([]bool, len(bx.rs))
	for _, m := range bx.find(lx.altRe, 0, len(bx.rs)) {
		for i := m[0]; i < m[1]; i++ {
			bx.mask[i] = true
		}
	}
	bx.depth = parenDepth(bx.rs)
	bx.sents = bx.sentences()
	depth, sents := bx.depth, bx.sents
	for _, f := range bx.figs {
		f.Paren = f.Start < len(depth) && depth[f.Start] > 0
	}
	for _, s := range sents {
		figs := bx.figsIn(s[0], s[1])
		bx.roles(s, figs)
		bx.subjects(s, figs)
	}
	for si, s := range sents {
		figs := bx.figsIn(s[0], s[1])
		bx.changes(s, figs)
		bx.shares(s, figs)
		bx.completions(s, figs)
		var prev [2]int
		if si > 0 {
			prev = sents[si-1]
		}
		bx.totals(s, prev, figs)
		bx.tallies(s, figs)
	}
	bx.comparisons()
	bx.causes(sents)
	bx.items()
}

// figsIn returns the figures starting in [s,e) (figures are in text order).
func (bx *blockCtx) figsIn(s, e int) []*Figure {
	i := sort.Search(len(bx.figs), func(i int) bool { return bx.figs[i].Start >= s })
	j := sort.Search(len(bx.figs), func(i int) bool { return bx.figs[i].Start >= e })
	if j < i {
		j = i
	}
	return bx.figs[i:j]
}

func parenDepth(rs []rune) []int {
	d := make([]int, len(rs))
	n := 0
	for i, r := range rs {
		if r == '(' || r == '[' {
			n++
		}
		d[i] = n
		if (r == ')' || r == ']') && n > 0 {
			n--
		}
	}
	return d
}

// dirBefore reports the direction word that ends text (allowing 了 and a
// trailing 为/至/到 that turns the figure into the new value).
func (bx *blockCtx) dirBefore(end int) (word string, to bool, at int) {
	t := bx.text(end-8, end)
	t = strings.TrimRight(t, " ")
	base := end - 8
	if base < 0 {
		base = 0
	}
	for _, suffix := range []string{"", "了", "为", "至", "到", "了约", "约"} {
		tt := strings.TrimSuffix(t, suffix)
		if suffix != "" && tt == t {
			continue
		}
		locs := bx.set.vocab.dirRe.FindAllStringIndex(tt, -1)
		if len(locs) == 0 {
			continue
		}
		last := locs[len(locs)-1]
		if last[1] != len(tt) {
			continue
		}
		at = base + runeIndex(tt, last[0])
		if bx.masked(at) {
			return "", false, 0
		}
		return tt[last[0]:last[1]], suffix == "为" || suffix == "至" || suffix == "到", at
	}
	return "", false, 0
}

// roles decides what each figure of a sentence does.
func (bx *blockCtx) roles(s [2]int, figs []*Figure) {
	for _, f := range figs {
		cs := bx.clauseStart(f.Start, s[0])
		pre := bx.text(cs, f.Start)
		switch {
		case f.Unit == UnitPercent:
			if w, _, _ := bx.dirBefore(f.Start); w != "" {
				f.Role = RoleRate
			} else if ratioRe.MatchString(pre) {
				f.Role = RoleRatio
			} else if strings.Contains(pre, "占") {
				f.Role = RoleShare
			} else {
				f.Role = RoleOther
			}
		case f.Unit.IsAmount():
			if w, to, _ := bx.dirBefore(f.Start); w != "" && !to {
				f.Role = RoleDelta
			} else {
				f.Role = RoleLevel
			}
		case f.Unit == UnitNone && bareShareRe.MatchString(pre) && bx.endsClause(f.End):
			f.Role = RoleShare // a share written without its % sign
		default:
			f.Role = RoleOther
		}
	}
}

// subjects fills in what each level figure is the value of.
func (bx *blockCtx) subjects(s [2]int, figs []*Figure) {
	head := ""
	for i, f := range figs {
		if f.Role != RoleLevel {
			continue
		}
		from := bx.clauseStart(f.Start, s[0])
		if i > 0 && figs[i-1].End > from && (figs[i-1].Unit.IsAmount() || figs[i-1].Unit == UnitPercent) {
			from = figs[i-1].End
		}
		raw := bx.text(from, f.Start)
		if m := yearInClause.FindStringSubmatch(raw); m != nil {
			f.Year, _ = strconv.Atoi(m[1])
		}
		f.Subject = cleanSubject(raw)
		f.Qual = qualOf(raw)
		f.Earlier = periodRe.MatchString(raw) || lastYearRe.MatchString(raw)
		f.Key = keyOf(f.Subject)
		if isGeneric(f.Key) {
			switch {
			case head != "":
				f.Key = head
			default:
				f.Key = bx.blockSubject()
			}
		} else if head == "" {
			head = f.Key
		}
	}
}

// blockSubject is a numbered item's name, the subject of its generic figures.
func (bx *blockCtx) blockSubject() string {
	start := 0
	if bx.b.Number != nil {
		start = bx.b.Number.Len
	}
	end := start
	for end < len(bx.rs) && !bx.isClauseSep(end) {
		end++
	}
	k := keyOf(cleanSubject(bx.text(start, end)))
	if len([]rune(k)) < 2 {
		return ""
	}
	return k
}

// changes finds comparisons with an earlier period: direction words with
// their amount and rate, and 持平/无变化.
func (bx *blockCtx) changes(s [2]int, figs []*Figure) {
	lx := bx.set.vocab
	var cur *Change
	var lastEnd int
	for _, f := range figs {
		if f.Role != RoleDelta && f.Role != RoleRate && !(f.Role == RoleLevel && bx.isChangeTo(f)) {
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
			bx.addToChange(cur, f, dir, to)
			cur.End = f.End
			lastEnd = f.End
			continue
		}
		cur = &Change{Span: Span{Block: bx.b, Start: at, End: f.End}, Dir: dir, DirWord: word}
		bx.addToChange(cur, f, dir, to)
		cs := bx.clauseStart(at, s[0])
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
		cur.Qual = qualOf(subj)
		cur.Key = keyOf(cur.Subject)
		if cur.Subject != "" {
			cur.Start = cs // the claim quotes its subject: 公务接待费支出决算增加0.3万元，增长100%
		}
		bx.set.Changes = append(bx.set.Changes, cur)
		bx.blockChanges = append(bx.blockChanges, cur)
		lastEnd = f.End
	}
	// 持平 / 无变化: a flat statement joins the change of its clause group
	for _, m := range bx.find(lx.flatRe, s[0], s[1]) {
		if bx.masked(m[0]) {
			continue
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
			bx.resolveChange(c, s, figs)
		}
	}
}

func (bx *blockCtx) isChangeTo(f *Figure) bool {
	w, to, _ := bx.dirBefore(f.Start)
	return w != "" && to
}

func (bx *blockCtx) addToChange(c *Change, f *Figure, dir Dir, to bool) {
	switch {
	case to:
		c.ChangeTo = f
	case f.Role == RoleRate:
		if c.Rate == nil {
			c.Rate = f
			if dir != c.Dir {
				c.RateDir = dir
			}
		}
	default:
		if c.Amount == nil {
			c.Amount = f
			if c.Dir == DirNone {
				c.Dir = dir
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
	// no subject of its own: the level just before, in the same sentence
	for _, f := range figs {
		if f.Start >= c.Start {
			break
		}
		if f.Role == RoleLevel && f.Unit.IsAmount() && f != c.Base && !bx.isChangeTo(f) && !f.Earlier && !f.Paren {
			c.Current = f
		}
	}
}

// shares finds 占 X% claims and their part and whole.
func (bx *blockCtx) shares(s [2]int, figs []*Figure) {
	for i, f := range figs {
		if f.Role != RoleShare {
			continue
		}
		sh := &Share{Pct: f, NoSign: f.Unit == UnitNone}
		cs := bx.clauseStart(f.Start, s[0])
		zhan := strings.LastIndex(bx.text(cs, f.Start), "占")
		if zhan < 0 {
			continue
		}
		zhanAt := cs + runeIndex(bx.text(cs, f.Start), zhan)
		wholeName := wholeTrim.ReplaceAllString(strings.TrimPrefix(bx.text(zhanAt+1, f.Start), "比"), "")
		sh.WholeName = strings.TrimSpace(wholeName)
		// the part: the amount just before, with only a comma between
		if i > 0 {
			p := figs[i-1]
			between := strings.TrimSpace(bx.text(p.End, zhanAt))
			if p.Role == RoleLevel && p.Unit.IsAmount() && (between == "" || between == "，" || between == ",") {
				sh.Part = p
			}
		}
		if sh.Part == nil {
			name := cleanSubject(bx.text(cs, zhanAt))
			if name != "" {
				sh.PartName = name
				sh.Part = bx.set.lookupLevel(bx.b, zhanAt, keyOf(name), QualNone, bx.set.Facts.Kind, nil)
			}
		} else {
			sh.PartName = sh.Part.Subject
		}
		start := f.Start
		if sh.Part != nil && sh.Part.Block == bx.b && sh.Part.Start < start {
			start = sh.Part.Start
		}
		sh.Span = Span{Block: bx.b, Start: start, End: f.End}
		if sh.WholeName == "" || sh.WholeName == "总额" || sh.WholeName == "总数" {
			sh.Whole = bx.listHead(s, f.Start)
			if sh.Whole != nil && bx.hasShare(sh.Whole) {
				// 安排48亿元，占比67.7%。其中，人员经费45.7亿元，占比64.5%: the
				// head is itself a share of a larger total; whose share this is, is unclear
				sh.Whole = nil
			}
			if sh.Whole == nil {
				// “三公”经费财政拨款支出决算中，A…占X%: the sentence names its whole
				if name := bx.sentenceWhole(s); name != "" {
					sh.WholeName = name
					sh.Whole = bx.set.lookupLevel(bx.b, s[0], keyOf(name), qualOf(name), bx.set.Facts.Kind, nil)
				}
			}
		} else {
			sh.Whole = bx.set.lookupLevel(bx.b, zhanAt, keyOf(sh.WholeName), QualNone, bx.set.Facts.Kind, nil)
			if sh.Whole == nil && bx.set.Facts.Unit != "" {
				// a department report names its totals once; a government report
				// has one 一般公共预算支出 per level (全市, 市本级, 县区)
				sh.Whole = bx.set.lookupLevelLoose(bx.b, zhanAt, keyOf(sh.WholeName))
			}
		}
		if sh.Whole == sh.Part {
			sh.Whole = nil
		}
		bx.set.Shares = append(bx.set.Shares, sh)
	}
}

// listHead is the total a list of parts belongs to: the last level before
// the list's opener (其中, 主要用于以下方面) in the sentence, or — when the
// opener starts the sentence — the first level of the sentence before.
func (bx *blockCtx) listHead(s [2]int, before int) *Figure {
	ops := bx.find(openerRe, s[0], before)
	if len(ops) == 0 {
		return nil
	}
	return bx.headBefore(s, ops[len(ops)-1][0])
}

func (bx *blockCtx) headBefore(s [2]int, op int) *Figure {
	isHead := func(f *Figure) bool {
		return f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !bx.isChangeTo(f) && !f.Earlier
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
	var head *Figure
	for _, f := range bx.figsIn(s[0], op) {
		if isHead(f) {
			head = f
		}
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

func (bx *blockCtx) inParen(i int) bool {
	return i >= 0 && i < len(bx.depth) && bx.depth[i] > 0
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

// comparisons finds 决算数大于/小于/等于预算数 and the pair it speaks of,
// within the same block.
func (bx *blockCtx) comparisons() {
	for _, m := range bx.find(compRe, 0, len(bx.rs)) {
		if bx.masked(m[0]) || bx.masked(m[2]) {
			continue
		}
		word := bx.text(m[2], m[3])
		c := &Comparison{Word: word}
		switch word {
		case "大于", "高于", "超过", "超出":
			c.Rel = 1
		case "小于", "低于", "少于":
			c.Rel = -1
		}
		for _, f := range bx.figs {
			if f.Start >= m[0] {
				break
			}
			if f.Role != RoleLevel || !f.Unit.IsAmount() {
				continue
			}
			switch f.Qual {
			case QualBudget:
				c.Budget = f
			case QualFinal:
				c.Final = f
			}
		}
		c.Span = Span{Block: bx.b, Start: m[0], End: m[1]}
		bx.set.Comparisons = append(bx.set.Comparisons, c)
	}
}

// causes finds 主要原因是 … and the direction it describes.
func (bx *blockCtx) causes(sents [][2]int) {
	lx := bx.set.vocab
	for _, m := range bx.find(lx.causeRe, 0, len(bx.rs)) {
		if !strings.Contains(bx.text(m[0], m[1]), "原因") {
			continue
		}
		// the cause runs to the end of its sentence
		end := len(bx.rs)
		for _, s := range sents {
			if m[1] >= s[0] && m[1] <= s[1] {
				end = s[1]
			}
		}
		if m[1] < len(bx.rs) && bx.rs[m[1]-1] != ':' && bx.rs[m[1]-1] != '：' && (bx.rs[m[1]] == ':' || bx.rs[m[1]] == '：') {
			m[1]++
		}
		body := strings.TrimSpace(bx.text(m[1], end))
		c := &Cause{Text: body}
		c.Empty = strings.Trim(body, "。.；;，, ") == ""
		c.Dir, c.DirWord = bx.causeDir(m[1], end)
		if adversative.MatchString(body) || enumRe.MatchString(body) || strings.ContainsAny(body, "；;") || basePeriodRe.MatchString(body) {
			c.Dir = DirNone // 新增…，但…不同, 一是…二是…: the cause weighs several things; no single direction
		}
		// what it explains: a direction word just before 原因 (…支出减少的主要原因是
		// puts it inside the match), else the last change
		ownStart := bx.clauseStart(m[0], 0)
		yuan := m[0] + utf8.RuneCountInString(bx.text(m[0], m[1])[:strings.Index(bx.text(m[0], m[1]), "原因")])
		own := bx.text(ownStart, yuan)
		c.RefFrom = m[0]
		if cm := compRe.FindStringSubmatch(own); cm != nil {
			switch cm[1] {
			case "大于", "高于", "超过", "超出":
				c.RefDir = DirUp
			case "小于", "低于", "少于":
				c.RefDir = DirDown
			default:
				c.RefDir = DirFlat
			}
			c.RefFrom = ownStart
		} else if refUpRe.MatchString(own) {
			c.RefDir = DirUp
			c.RefFrom = ownStart
		} else if locs := lx.dirRe.FindAllStringIndex(own, -1); len(locs) > 0 {
			c.RefDir = lx.dirOf(own[locs[len(locs)-1][0]:locs[len(locs)-1][1]])
			c.RefFrom = ownStart
		} else if locs := lx.flatRe.FindAllStringIndex(own, -1); len(locs) > 0 {
			c.RefDir = DirFlat
			c.RefFrom = ownStart
		} else {
			var last *Change
			for _, ch := range bx.blockChanges {
				if ch.End <= m[0] && m[0]-ch.End <= 12 {
					last = ch
				}
			}
			if last != nil {
				c.RefDir = last.Dir
				if last.Flat && last.Dir != DirFlat {
					c.RefDir = DirNone // a change that contradicts itself explains nothing
				}
				c.RefFrom = last.Start
			}
		}
		c.Span = Span{Block: bx.b, Start: c.RefFrom, End: end}
		if end > 0 && bx.rs[end-1] == '。' {
			c.Span.End = end - 1
		}
		bx.set.Causes = append(bx.set.Causes, c)
	}
}

// causeDir is the direction a cause states: the direction word that ends
// the cause's first clause, as a predicate does (人员经费增加, …收入减少所致).
// A direction word deep inside a name (新增建设用地有偿使用费收入减少,
// 新增专项债券转贷额度未明确) is not the cause's direction. A negated word
// counts the other way: 未新增 is no increase.
func (bx *blockCtx) causeDir(s, e int) (Dir, string) {
	lx := bx.set.vocab
	end := s
	for end < e && !bx.isClauseSep(end) {
		end++
	}
	t := bx.text(s, end)
	best, bestEnd := -1, -1
	var dir Dir
	word := ""
	for _, c := range []struct {
		re *regexp.Regexp
		d  Dir
	}{{lx.causeUpRe, DirUp}, {lx.causeDownRe, DirDown}} {
		for _, loc := range c.re.FindAllStringIndex(t, -1) {
			if loc[1] > bestEnd || (loc[1] == bestEnd && loc[0] < best) {
				best, bestEnd, dir, word = loc[0], loc[1], c.d, t[loc[0]:loc[1]]
			}
		}
	}
	if best < 0 || utf8.RuneCountInString(t[bestEnd:]) > 6 {
		return DirNone, ""
	}
	if intensityRe.MatchString(word) {
		// 减少较多 / 增加较少: the adverb grades the word before it
		for _, c := range []struct {
			re *regexp.Regexp
			d  Dir
		}{{lx.causeUpRe, DirUp}, {lx.causeDownRe, DirDown}} {
			for _, loc := range c.re.FindAllStringIndex(t[:best], -1) {
				if loc[1] == best && !intensityRe.MatchString(t[loc[0]:loc[1]]) {
					dir, word, best = c.d, t[loc[0]:loc[1]], loc[0]
				}
			}
		}
	}
	if negRe.MatchString(t[:best]) {
		if dir == DirUp {
			dir = DirDown
		} else {
			dir = DirUp
		}
	}
	return dir, word
}

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
	if h.Role != RoleLevel || !h.Unit.IsAmount() || h.Qual != QualNone || headingVerbRe.MatchString(h.Subject) {
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

// endsClause: the figure is the last thing of its clause (占 76.23；).
func (bx *blockCtx) endsClause(end int) bool {
	for end < len(bx.rs) && bx.rs[end] == ' ' {
		end++
	}
	return end >= len(bx.rs) || bx.isClauseSep(end)
}

// hasFigure reports whether an amount or percentage lies in [s,e) (a year does not count).
func (bx *blockCtx) hasFigure(s, e int) bool {
	for _, f := range bx.figsIn(s, e) {
		if f.Unit.IsAmount() || f.Unit == UnitPercent {
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

// hasShare reports whether a share figure follows f directly (f，占X%).
func (bx *blockCtx) hasShare(f *Figure) bool {
	for _, g := range bx.figsIn(f.End, len(bx.rs)) {
		if g.Start > f.End && g.Role == RoleShare {
			return strings.TrimLeft(bx.text(f.End, g.Start), "，, ") != "" && !bx.hasFigure(f.End, g.Start) && !strings.ContainsAny(bx.text(f.End, g.Start), "。；;")
		}
	}
	return false
}

// sentenceWhole reads a whole named as the scope of a sentence's list:
// "X中，A…，占…" names X.
func (bx *blockCtx) sentenceWhole(s [2]int) string {
	end := s[0]
	for end < s[1] && !bx.isClauseSep(end) {
		end++
	}
	head := strings.TrimSpace(bx.text(bx.clauseStart(s[0]+1, s[0]), end))
	if !strings.HasSuffix(head, "中") || head == "其中" || bx.hasFigure(s[0], end) {
		return "" // 其中 opens a list; it names no whole
	}
	return cleanSubject(strings.TrimSuffix(head, "中"))
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
