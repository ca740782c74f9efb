package claims

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Share: a part stated as a percentage of a whole.
type Share struct {
	Span
	Part      *Figure
	PartName  string
	Whole     *Figure   // the most plausible whole
	Wholes    []*Figure // every plausible whole, Whole first
	WholeName string
	Pct       *Figure
	NoSign    bool // the percentage was written without %
	// Ratio: a term of a structure printed as a ratio (三次产业结构为
	// 2.4:28.6:69.0), its percentage without a % sign (structure.go)
	Ratio bool

	// List is the run of shares naming no whole that this one belongs to
	// (three or more), ListWholes the amounts stated before the run, nearest
	// first: the run's whole is the one its shares agree on (sharelist.go).
	List       []*Share
	ListWholes []*Figure

	// Siblings is the list of one sentence's shares that this one belongs
	// to when no whole of theirs was found (sharelist.go), or the complete
	// list named together it is a term of, whole found or not (structure.go).
	Siblings *Siblings

	named     string    // the key of the whole the share names (占一般公共预算支出的)
	namedQual Qual      // the stage the name gives (…决算中), if any
	at        int       // where it is named
	heads     []*Figure // the heads of the list the share sits in
}

// Kind names the claim kind.
func (*Share) Kind() string { return "share" }

var (
	wholeTrim = regexp.MustCompile(`(?:的)?(?:比重|比例|份额)?(?:为|是|约|达到|达|提高至|提高到|上升至|上升到|下降至|下降到|保持在)?$`)
	// shares given together name their whole once: 占生产总值的比重分别为
	// 14.7%、20.6%、64.7%
	severalRe = regexp.MustCompile(`分别(?:为|是|达)?(?:\s*[\d.．]+\s*[%％]\s*[、，,和及]\s*)*$`)
	// 占用, 占地, 占有: the word is not 占 (耕地占用税 92.4% is a table row);
	// 占地区生产总值的 is 占 a whole
	notZhan = regexp.MustCompile(`^(?:用|地(?:$|[^区])|有|据|领|压)`)
)

// shares finds 占 X% claims and their part and whole.
func (bx *blockCtx) shares(s [2]int, figs []*Figure) {
	for i, f := range figs {
		if f.Role != RoleShare || bx.isDayShare(f) {
			continue // a share of days is of the calendar's whole (days.go)
		}
		if bx.isThreshold(f) {
			continue // 比重保持在80%以上: a bound, not a share to recompute
		}
		sh := &Share{Pct: f, NoSign: f.Unit == UnitNone}
		cs := bx.clauseStart(f.Start, s[0])
		zhan := strings.LastIndex(bx.text(cs, f.Start), "占")
		if zhan < 0 || notZhan.MatchString(bx.text(cs, f.Start)[zhan+len("占"):]) {
			continue
		}
		zhanAt := cs + runeIndex(bx.text(cs, f.Start), zhan)
		if bx.countShare(sh, i, figs, cs, zhanAt) || bx.listCountShare(sh, i, figs, s, zhanAt) {
			continue
		}
		wholeName := wholeTrim.ReplaceAllString(severalRe.ReplaceAllString(strings.TrimPrefix(bx.text(zhanAt+1, f.Start), "比"), ""), "")
		sh.WholeName = strings.TrimSpace(wholeName)
		// the part: the amount just before, with only a comma between, or
		// only the clauses of its change (78.40亿元，增长2.1%，占…)
		for j := i - 1; j >= 0; j-- {
			p := figs[j]
			if p.Role == RoleRate || p.Role == RoleDelta || p.Role == RoleRatio || p.Paren || p.Unit == UnitCount ||
				p.Unit == UnitPercent && p.Role != RoleShare {
				continue // its change, its remark in brackets (含…), 增长3倍
			}
			between := strings.TrimSpace(bx.text(p.End, zhanAt))
			if p.Role == RoleLevel && p.Unit.IsAmount() && !strings.ContainsAny(between, "；;。") &&
				(between == "" || between == "，" || between == "," || between == "、" || bx.onlyChanges(p.End, zhanAt)) {
				sh.Part = p
			}
			break
		}
		if sh.Part == nil {
			name := cleanSubject(bx.text(cs, zhanAt))
			if name != "" {
				sh.PartName = name
				sh.Part = bx.set.lookupLevel(bx.b, zhanAt, keyOf(name), QualNone, bx.set.Facts.Kind, nil)
				if sh.Part == nil {
					sh.Part = bx.namedBefore(s, zhanAt, keyOf(name))
				}
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
			if op := bx.lastOpener(s, f.Start); op != nil {
				topic, at := bx.listTopic(s, op)
				sh.Whole = bx.headBefore(topic, at)
				if sh.Whole != nil && (bx.hasShare(sh.Whole) || bx.sharesBefore(topic[0], at)) {
					// 安排48亿元，占比67.7%。其中，人员经费45.7亿元，占比64.5%, or
					// 省本级562万元、占比1.94%；转移支付各地市28438万元，其中福州
					// 6733万元、占比23.22%: the head is itself one share of a larger
					// total; whose share this is, is unclear
					sh.Whole = nil
				}
				if sh.Whole != nil {
					sh.Wholes = bx.headsBefore(topic, at, sh.Whole)
				}
			}
			if sh.Whole == nil {
				// “三公”经费财政拨款支出决算中，A…占X%: the sentence names its whole
				if name := bx.sentenceWhole(s); name != "" {
					sh.WholeName = name
					sh.Whole = bx.set.lookupLevel(bx.b, s[0], keyOf(name), qualOf(name), bx.set.Facts.Kind, nil)
					// stated in an earlier section too (the 三公 total in 总体情况, its
					// shares in 具体情况)
					sh.named, sh.namedQual, sh.at = keyOf(name), qualOf(name), s[0]
				}
			}
			if sh.Whole == nil && sh.WholeName == "" && sh.Part != nil {
				// 税收占比64%: a share named by its part alone is of the whole
				// the part is by definition a share of (vocabulary implied_wholes)
				if name := bx.set.vocab.impliedWholes[keyOf(sh.Part.Subject)]; name != "" {
					sh.WholeName = name
					sh.Whole = bx.set.lookupLevel(bx.b, zhanAt, keyOf(name), QualNone, bx.set.Facts.Kind, nil)
					sh.named, sh.at = keyOf(name), zhanAt
				}
			}
		} else {
			key := keyOf(sh.WholeName)
			sh.Whole = bx.set.lookupLevel(bx.b, zhanAt, key, QualNone, bx.set.Facts.Kind, nil)
			if sh.Whole == nil && bx.set.Facts.Unit != "" {
				// a department report names its totals once
				sh.Whole = bx.set.lookupLevelLoose(bx.b, zhanAt, key)
			}
			sh.named, sh.at = key, zhanAt // its other readings are found once the document is read
			// in a list (…收入221.6亿元。其中：税收收入139.84亿元，占一般公共预算
			// 收入比重为63.1%) the list's head is a reading of the whole named
			if op := bx.lastOpener(s, f.Start); op != nil {
				topic, at := bx.listTopic(s, op)
				if head := bx.headBefore(topic, at); head != nil && head != sh.Part {
					sh.heads = bx.headsBefore(topic, at, head)
				}
			}
		}
		bx.set.Shares = append(bx.set.Shares, sh)
	}
}

// amongRe: the whole named before 占比 (在固定宽带接入用户中占比33.9%).
var amongRe = regexp.MustCompile(`^在(\p{Han}{2,20})中$`)

// countShare reads a share of a counted whole named before 占比: 5G移动电话
// 用户688.16万户，在移动电话用户中占比65.9% — the part is the quantity
// ending the clause before, the whole the last quantity of the same unit
// before it whose name the share's whole abbreviates (固定宽带接入用户 of
// 固定互联网宽带接入用户). It appends the share and reports whether it did.
func (bx *blockCtx) countShare(sh *Share, i int, figs []*Figure, cs, zhanAt int) bool {
	m := amongRe.FindStringSubmatch(strings.TrimSpace(bx.text(cs, zhanAt)))
	if m == nil || i == 0 || bx.text(zhanAt, zhanAt+2) != "占比" {
		return false
	}
	part := figs[i-1]
	if part.Unit != UnitCount || part.Count == "" || part.Paren ||
		strings.Trim(bx.text(bx.unitEnd(part), cs), " ，,") != "" {
		return false
	}
	var whole *Figure
	for _, w := range bx.figsIn(0, part.Start) {
		if w.Unit == UnitCount && w.Count == part.Count && !w.Paren && !bx.countChange(w) &&
			abbreviates(m[1], cleanSubject(bx.clauseBefore(w))) {
			whole = w
		}
	}
	if whole == nil {
		return false
	}
	sh.Part, sh.PartName = part, cleanSubject(bx.clauseBefore(part))
	sh.Whole, sh.Wholes, sh.WholeName = whole, []*Figure{whole}, m[1]
	sh.Span = Span{Block: bx.b, Start: part.Start, End: sh.Pct.End}
	bx.set.Shares = append(bx.set.Shares, sh)
	return true
}

// listCountShare reads the share of a count listed after its whole (各类
// 市场主体52763个。其中：年末实有登记企业11626个、增长8.9%，占市场主体总数的
// 22%; 发电装机容量1102.54万千瓦。其中，火力发电装机容量496.85万千瓦，占比
// 45.1%): the part is the count right before 占, only its change between;
// the whole is the last count in the same unit before the list's 其中 (a
// 其中 inside an earlier item of the list, closed by its ；, opens none),
// and when the share names its whole the name must be the whole's, less
// 总 (总人口 of 常住人口, 专利授权量 of 专利授权总量). It appends the share
// and reports whether it did.
func (bx *blockCtx) listCountShare(sh *Share, i int, figs []*Figure, s [2]int, zhanAt int) bool {
	var part *Figure
	for j := i - 1; j >= 0 && part == nil; j-- {
		if figs[j].Role != RoleRate && !figs[j].Paren {
			part = figs[j]
		}
	}
	if part == nil || part.Unit != UnitCount || part.Count == "" || !countedThing(part.Count) || bx.countChange(part) {
		return false
	}
	if end := bx.unitEnd(part); strings.Trim(bx.text(end, zhanAt), " ，,、") != "" && !bx.onlyChanges(end, zhanAt) {
		return false
	}
	var op []int
	for k, m := range bx.find(openerRe, s[0], part.Start) {
		if k == 0 || !strings.ContainsAny(bx.text(m[1], part.Start), "；;") {
			op = m
		}
	}
	if op == nil || bx.inParen(op[0]) {
		return false
	}
	from := s[0]
	if strings.TrimSpace(bx.text(s[0], op[0])) == "" {
		from = bx.sentenceBefore(s[0])[0]
	}
	var whole *Figure
	for _, w := range bx.figsIn(from, op[0]) {
		if w.Unit == UnitCount && w.Count == part.Count && !w.Paren && !bx.countChange(w) && !bx.isThreshold(w) {
			whole = w
		}
	}
	if whole == nil {
		return false
	}
	named := strings.TrimPrefix(bx.text(zhanAt+1, sh.Pct.Start), "比")
	if severalRe.MatchString(named) && strings.Contains(named, "分别") {
		return false // shares given together: one part is not theirs alone
	}
	named = strings.TrimSpace(wholeTrim.ReplaceAllString(bracketed.ReplaceAllString(named, ""), ""))
	wholeName := cleanSubject(bx.clauseBefore(whole))
	if named != "" {
		less := func(x string) string {
			return strings.TrimSuffix(strings.ReplaceAll(strings.TrimPrefix(x, "全部"), "总", ""), "数")
		}
		if n := less(named); utf8.RuneCountInString(n) < 2 || strings.ContainsAny(n, "0123456789") || !strings.HasSuffix(less(wholeName), n) {
			return false
		}
	}
	sh.Part, sh.PartName = part, cleanSubject(bx.clauseBefore(part))
	sh.Whole, sh.Wholes, sh.WholeName = whole, []*Figure{whole}, named
	sh.Span = Span{Block: bx.b, Start: part.Start, End: sh.Pct.End}
	bx.set.Shares = append(bx.set.Shares, sh)
	return true
}

// abbreviates: short is full, or full with some words left out (年末, 互联网),
// keeping its last rune and at least two thirds of its length.
func abbreviates(short, full string) bool {
	s, f := []rune(short), []rune(full)
	if len(s) < 2 || len(f) == 0 || s[len(s)-1] != f[len(f)-1] || 3*len(s) < 2*len(f) {
		return false
	}
	j := 0
	for _, r := range f {
		if j < len(s) && s[j] == r {
			j++
		}
	}
	return j == len(s)
}

// sharesBefore reports a share figure in [s,e): a list opened after it
// sits inside a list of shares of some other whole.
func (bx *blockCtx) sharesBefore(s, e int) bool {
	for _, f := range bx.figsIn(s, e) {
		if f.Role == RoleShare {
			return true
		}
	}
	return false
}

// onlyChanges: the text between a part and its 占 holds nothing but its
// change clauses and remarks (，比上年增长2.1%，, ，为预算的101.3%，,
// （含提前告知267875万元）).
func (bx *blockCtx) onlyChanges(s, e int) bool {
	var sb strings.Builder
	for i := s; i < e; i++ {
		if bx.depth[i] == 0 && bx.rs[i] != ')' {
			sb.WriteRune(bx.rs[i])
		}
	}
	rest := sb.String()
	for _, f := range bx.figsIn(s, e) {
		if !f.Paren {
			rest = strings.Replace(rest, bx.text(f.Start, f.End), "", 1)
		}
	}
	for _, c := range strings.FieldsFunc(rest, func(r rune) bool { return r == '，' || r == ',' || r == '、' }) {
		if c = strings.TrimSpace(c); c != "" && !changeClauseRe.MatchString(c) {
			return false
		}
	}
	return true
}

var changeClauseRe = regexp.MustCompile(`^(?:同比|比上年|较上年|比去年|与上年相比|可比|同口径|按可比口径)?(?:增长|下降|增加|减少|上升|提高|降低|增长倍|(?:为|完成|达到)(?:年初|调整|调整后|年度|全年)?(?:预算|计划)(?:数)?的)$`)

// namedBefore finds the part a share names again in short (税收收入完成
// 5775.6亿元，税收占比86.5%): the last level of the sentence before the 占
// whose subject starts with the name.
func (bx *blockCtx) namedBefore(s [2]int, at int, name string) *Figure {
	if len([]rune(name)) < 2 {
		return nil
	}
	var out *Figure
	for _, f := range bx.figsIn(s[0], at) {
		if f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !f.Earlier && strings.HasPrefix(strings.TrimPrefix(f.Key, "其中"), name) {
			out = f
		}
	}
	return out
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

// shareWholes completes every share's readings once the whole document is
// read. A government report states one 一般公共预算支出 per level (全市,
// 市本级), per stage (预算, 调整预算, 执行) and per part of the report: each
// figure of the whole's name, at a level the share allows, is a plausible
// whole.
func (s *Set) shareWholes() {
	// a share of an item in a list of paragraphs (…支出19,044.27万元，主要用于
	// 以下方面：\n1.“一般公共服务”306.90万元，占1.61%；) is of the list's total
	listOf := map[*Figure]*Total{}
	sharePart := map[*Figure]bool{}
	for _, sh := range s.Shares {
		sharePart[sh.Part] = true
	}
	for _, t := range s.Totals {
		// a head that is itself a share (专项支出。安排22.9亿元，占比32.3%，具体
		// 情况如下：) leaves open whose share its items' are
		if t.Head.Block != t.Parts[0].Block && !sharePart[t.Head] {
			for _, p := range t.Parts {
				listOf[p] = t
			}
		}
	}
	for _, sh := range s.Shares {
		if t := listOf[sh.Part]; t != nil && sh.WholeName == "" && sh.Whole == nil {
			sh.Whole, sh.Wholes = t.Head, append([]*Figure(nil), t.Heads...)
		}
		if sh.named != "" {
			sh.Wholes = s.wholesNamed(sh.named, sh.namedQual, sh.Part, sh.Whole, sh.Block, sh.at, false)
			if sh.Part != nil && len(sh.Wholes) > 0 && allBelow(sh.Wholes, sh.Part) && !namesPlace(sh.Part) {
				// every whole of the level the part was placed at is smaller than
				// the part: the level, inherited from a heading (市本级) above a
				// paragraph that names none (全年民生支出185.74亿元), is not the
				// part's; any level's whole of the name may be meant
				sh.Wholes = s.wholesNamed(sh.named, sh.namedQual, sh.Part, sh.Whole, sh.Block, sh.at, true)
			}
			if sh.Whole == nil {
				sh.Whole = s.nearest(sh.Wholes, sh.Block, sh.at)
			}
			sh.Wholes = append(sh.Wholes, sh.heads...)
			if sh.Whole == nil && len(sh.heads) > 0 {
				sh.Whole = sh.heads[0]
			}
		}
		if sh.Whole != nil && len(sh.Wholes) == 0 {
			sh.Wholes = []*Figure{sh.Whole}
		}
		k := 0
		for _, w := range sh.Wholes {
			if w != sh.Part && !otherPeriod(w, sh.Part) {
				sh.Wholes[k] = w
				k++
			}
		}
		sh.Wholes = sh.Wholes[:k]
		if sh.Whole == sh.Part || sh.Whole != nil && otherPeriod(sh.Whole, sh.Part) {
			sh.Whole = nil
		}
		if sh.Whole == nil && len(sh.Wholes) > 0 {
			sh.Whole = sh.Wholes[0]
		}
	}
}

// lastOpener is the last list opener (其中) of sentence s before position before.
func (bx *blockCtx) lastOpener(s [2]int, before int) []int {
	ops := bx.find(openerRe, s[0], before)
	if len(ops) == 0 {
		return nil
	}
	return ops[len(ops)-1]
}

// multiYearRe: a total over several years (“十四五”时期, 五年来, 累计) is
// not the whole of one year's share.
var multiYearRe = regexp.MustCompile(`时期|五年|累计|以来|期间|历年`)

// otherPeriod: a total over several years is the whole of a share only of
// a part summed over years too (税收收入累计完成430.5亿元，占一般公共预算
// 收入比重达58.8% of 一般公共预算收入累计完成732.7亿元).
func otherPeriod(whole, part *Figure) bool {
	return multiYearRe.MatchString(whole.Subject) && !(part != nil && multiYearRe.MatchString(part.Subject))
}

// sumless is a key without the 累计 that says its figure is summed over
// years (一般公共收入累计 of 一般公共预算收入累计完成): the name of the
// quantity summed.
func sumless(key string) string {
	if k := strings.ReplaceAll(key, "累计", ""); k != "" {
		return k
	}
	return key
}

// placeRune: a paragraph naming a place or a level of government (泉州市,
// 全市, 区本级) says whose figures it gives.
var placeRune = regexp.MustCompile(`[省市县区州盟旗]`)

// namesPlace reports whether f's paragraph names a place or level before f.
func namesPlace(f *Figure) bool {
	return placeRune.MatchString(f.Block.TextRange(0, f.Start))
}

// allBelow: every whole is smaller than the part.
func allBelow(wholes []*Figure, part *Figure) bool {
	for _, w := range wholes {
		if !w.Yuan().Below(part.Yuan()) {
			return false
		}
	}
	return true
}

// wholesNamed lists every level figure stated before (b, at) that a share
// may be taken of, given the whole's name: the same subject, for the part's
// period and scope when both are known (or the scope the name gives: 占全市
// 一般公共预算支出的), in any stage. first, when known, leads the list.
func (s *Set) wholesNamed(key string, q Qual, part, first *Figure, b *doc.Block, at int, anyScope bool) []*Figure {
	scope := s.scopes.only(key)
	base := s.scopes.re.ReplaceAllString(key, "")
	if name, ok := s.vocab.spellings[base]; ok {
		base = name // 占GDP的比重 is of the 地区生产总值 stated before
	}
	var out []*Figure
	if first != nil {
		out = append(out, first)
	}
	if len([]rune(base)) < 4 || isGeneric(base) {
		return out
	}
	var pw where
	if part != nil {
		pw = s.where[part]
	}
	if scope == "" {
		scope = pw.Scope
	}
	for _, f := range s.levelsEnding(base) {
		if f == first || f.Block.Index > b.Index || f.Block == b && f.Start >= at || otherPeriod(f, part) {
			continue
		}
		fw := s.where[f]
		if !anyScope && fw.Scope != "" && scope != "" && fw.Scope != scope || fw.Year != 0 && pw.Year != 0 && fw.Year != pw.Year ||
			q != QualNone && f.Qual != q && f.Qual != QualNone {
			continue
		}
		fb := sumless(s.scopes.re.ReplaceAllString(f.Key, ""))
		if perCapitaRe.MatchString(f.Subject) && !perCapitaRe.MatchString(key) {
			continue // 人均地区生产总值 is a mean, no whole of 地区生产总值's parts
		}
		if sameSubject(base, fb) || strings.HasSuffix(fb, base) {
			out = append(out, f)
		}
	}
	return out
}

// levelsEnding lists the document's level amounts (not of an earlier
// period) whose key may end with base, indexed once per document by the
// last runes of their keys.
func (s *Set) levelsEnding(base string) []*Figure {
	if s.byTail == nil {
		s.byTail = map[string][]*Figure{}
		for _, f := range s.Figures {
			if f.Role != RoleLevel || !f.Unit.IsAmount() || f.Earlier || f.Paren {
				continue
			}
			k := sumless(f.Key)
			tails := map[string]bool{tail(k): true, tail(trimTail(k)): true}
			for t := range tails {
				s.byTail[t] = append(s.byTail[t], f)
			}
		}
	}
	var out []*Figure
	seen := map[*Figure]bool{}
	for _, t := range []string{tail(base), tail(trimTail(base))} {
		for _, f := range s.byTail[t] {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// tail is the last four runes of a key.
func tail(k string) string {
	rs := []rune(k)
	if len(rs) > 4 {
		rs = rs[len(rs)-4:]
	}
	return string(rs)
}

// nearest is the figure of fs stated last before (b, at), else the first after.
func (s *Set) nearest(fs []*Figure, b *doc.Block, at int) *Figure {
	var best, after *Figure
	for _, f := range fs {
		before := f.Block.Index < b.Index || (f.Block == b && f.Start < at)
		switch {
		case before && (best == nil || f.Block.Index > best.Block.Index || (f.Block == best.Block && f.Start > best.Start)):
			best = f
		case !before && (after == nil || f.Block.Index < after.Block.Index || (f.Block == after.Block && f.Start < after.Start)):
			after = f
		}
	}
	if best != nil {
		return best
	}
	return after
}
