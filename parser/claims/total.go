package claims

import (
	"math/big"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

// Total: a total followed by its parts (合计 X，其中：A a，B b …).
//
// A list is read charitably: a reader often cannot tell which figure a
// 其中 belongs to, nor whether the ；-segment after the first part is a
// sibling part or another quantity (存款余额A，其中住户存款B；贷款余额C).
// Heads holds every figure the list may be the parts of, and Sure how many
// leading parts belong to it on every reading; the sum check reports only
// what no reading explains.
type Total struct {
	Span
	Head  *Figure   // the total the list most plausibly breaks down
	Heads []*Figure // every plausible total, Head first
	Parts []*Figure
	// Sure is how many leading parts surely belong to the list; past them
	// a ；-segment may be another quantity.
	Sure int
	// Closed is true when the parts are, by definition, the whole (货物 +
	// 工程 + 服务 = 政府采购; the three 三公 items): parts short of it are an
	// error too, and every part belongs to the list. The vocabulary's
	// complete_lists name such decompositions.
	Closed bool

	far bool // the total is stated in a sentence before the list's
}

// Kind names the claim kind.
func (*Total) Kind() string { return "total" }

var (
	nestedRe   = regexp.MustCompile(`其中|含|包括|主要是|主要用于|用于|主要包括`)
	listStopRe = regexp.MustCompile(`[，,；;。]\s*(?:加上|加|减去|扣除|另外|另|此外|合计|总计|共计|收入总计|支出总计)`)
	listEndRe  = regexp.MustCompile(`[二三四五六七八九十]是|第[二三四五六七八九十][，,、:：]`)

	// a figure named as a total, or computed from others (收入加…), is
	// another aggregate: the list of parts before it is over
	aggregateRe = regexp.MustCompile(`总计|合计|小计|共计|(?:收入|支出|资金|财力)加`)
	// per-capita and average figures are not parts of one another
	perCapitaRe = regexp.MustCompile(`人均|平均|每人|户均|生均`)
	// a loss among profits has the other sign; the list cannot be added as written
	lossRe = regexp.MustCompile(`亏损|净亏|亏`)

	// item markers written inline: （六） 6. 6、 ③
	inlineItemRe = regexp.MustCompile(`\([一二三四五六七八九十]+\)|\(\d{1,2}\)|[①-⑳]|[，,；;。:：\s](?:[一二三四五六七八九十]+、|\d{1,2}(?:、|\.[^\d]))`)
)

// totals finds a total followed by its listed parts, in one sentence: one
// list per ；-clause that opens one with 其中 (偿还本金442亿元，其中一般债券
// 255.1亿元，专项债券186.9亿元；支付利息203.6亿元，其中一般债券33.2亿元，
// 专项债券170.4亿元).
func (bx *blockCtx) totals(s, prev [2]int, figs []*Figure) {
	bx.bracketLists(s, figs)
	for _, c := range bx.listClauses(s) {
		bx.total(c.s, c.op, figs)
	}
}

// listClause is the part of a sentence one list is read in, and its opener.
type listClause struct {
	s  [2]int
	op []int
}

// listClauses cuts a sentence at the ； before each later 其中 whose clause
// states its own total (…；县(市、区)政府债务余额517.96亿元，其中：…), so
// every list is read with its own head and ends where the next clause
// begins. A 其中 with nothing before it in its clause, or with no ；
// between it and the list before, stays in that list; so does every list
// of a sentence that breaks its total down by views (分级次看…).
func (bx *blockCtx) listClauses(s [2]int) []listClause {
	ops := bx.openers(s)
	if len(ops) == 0 {
		return nil
	}
	out := []listClause{{s, ops[0]}}
	for _, op := range ops {
		if byViewRe.MatchString(bx.text(op[0], op[1])) {
			return out
		}
	}
	for _, op := range ops[1:] {
		last := &out[len(out)-1]
		between := bx.text(last.op[1], op[0])
		i := strings.LastIndexAny(between, "；;")
		if i < 0 {
			continue
		}
		cut := last.op[1] + runeIndex(between, i)
		if strings.TrimSpace(bx.text(cut+1, op[0])) == "" {
			continue
		}
		last.s[1] = cut
		out = append(out, listClause{[2]int{cut + 1, s[1]}, op})
	}
	return out
}

// total reads the list opened at op, in the sentence (or clause) s.
func (bx *blockCtx) total(s [2]int, op []int, figs []*Figure) {
	view := byViewRe.MatchString(bx.text(op[0], op[1]))
	topic, at := bx.listTopic(s, op)
	head := bx.headBefore(topic, at)
	if head == nil || head.Value.Sign() < 0 {
		return
	}
	isPart := func(f *Figure) bool {
		return f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !bx.isChangeTo(f) && !f.Earlier &&
			!bx.isThreshold(f) && qualCompatible(head.Qual, f.Qual) && !otherSide(head.Key, f.Key)
	}
	parts, sure, segmented := bx.listParts(s, op, figs, isPart)
	if !bx.set.vocab.closed(parts) {
		// a complete decomposition (保基本民生, 保工资, 保运转 of 三保) names
		// each part once: two of them that happen to make a third are not
		// its breakdown
		parts = dropBreakdowns(parts)
	}
	if sure > len(parts) {
		sure = len(parts)
	}
	// the sources of one average (人均工资性收入, 人均经营净收入… of 人均可支配
	// 收入) are averages over the same people, so they add up to it
	sources := bx.perCapita(head) && bx.set.vocab.closed(parts)
	if !bx.summable(parts, sources) {
		return
	}
	if view && sure < len(parts) {
		// a view that may leave parts out (分类型看，A；B) tells nothing of
		// its total; one whose parts make it (分结构看，返还性收入…；一般性
		// 转移支付…；专项转移支付…) binds their rates all the same
		if len(parts) >= 2 && sumOf(parts).Meets(head.Yuan()) {
			bx.set.mixLists = append(bx.set.mixLists, &Total{Head: head, Heads: []*Figure{head}, Parts: parts, Sure: len(parts)})
		}
		return
	}
	if bx.perCapita(head) && !bx.set.vocab.closed(parts) {
		// averages of groups (城镇居民, 农村居民) do not add up to the
		// average of all; the parts of one average (工资性收入, 经营净收入,
		// 财产净收入, 转移净收入 of 人均可支配收入) do
		return
	}
	if segmented {
		sure = bx.siblingRun(head.Subject, parts, sure)
	}
	t := &Total{Head: head, Parts: parts, Sure: sure, far: view || strings.TrimSpace(bx.text(s[0], at)) == ""}
	// a 决算 list does not break down the 预算 the sentence states beside it
	for _, h := range bx.headsBefore(topic, at, head) {
		ok := true
		for _, p := range parts {
			ok = ok && qualCompatible(h.Qual, p.Qual)
		}
		if ok {
			t.Heads = append(t.Heads, h)
		}
	}
	if !segmented {
		t.Parts = completePrefix(t.Parts, head)
		t.Sure = len(t.Parts)
	}
	t.Span = Span{Block: bx.b, Start: head.Start, End: t.Parts[len(t.Parts)-1].End}
	bx.set.Totals = append(bx.set.Totals, t)
}

// viewTopic is the sentence that states the total a view (分性质看，…)
// breaks down: the one before the sentence's first view, passing over
// sentences that are views themselves (分结构看…。分性质看…；分级次看…).
func (bx *blockCtx) viewTopic(s [2]int, first int) [2]int {
	if strings.TrimSpace(bx.text(s[0], first)) != "" {
		return [2]int{s[0], first}
	}
	prev := bx.sentenceBefore(s[0])
	for prev[1] > prev[0] {
		m := bx.find(openerRe, prev[0], prev[1])
		if len(m) == 0 || strings.TrimSpace(bx.text(prev[0], m[0][0])) != "" {
			break // not itself a breakdown (其中…, 分结构看…) of the sentence before
		}
		prev = bx.sentenceBefore(prev[0])
	}
	return prev
}

// listTopic is the sentence whose levels a list opened at op may break
// down, and where in it the list begins.
func (bx *blockCtx) listTopic(s [2]int, op []int) (topic [2]int, at int) {
	at = bx.listStart(s, op)
	if !byViewRe.MatchString(bx.text(op[0], op[1])) {
		return s, at
	}
	topic = bx.viewTopic(s, at)
	return topic, topic[1]
}

// opener finds the 其中 (主要用于以下方面, 具体如下) that opens the
// sentence's list, outside brackets and at the start of a clause: 对其中95个
// 项目 speaks of some of them, it opens no list.
func (bx *blockCtx) opener(s [2]int) []int {
	if ops := bx.openers(s); len(ops) > 0 {
		return ops[0]
	}
	return nil
}

// openers are every opener of the sentence's lists, in order.
func (bx *blockCtx) openers(s [2]int) [][]int {
	var out [][]int
	for _, m := range bx.find(openerRe, s[0], s[1]) {
		if !bx.inParen(m[0]) && bx.opensList(m[0], s[0]) {
			out = append(out, m)
		}
	}
	// 包括 opens a list only right after an amount (123.68亿元，包括：…)
	// and only in a sentence no 其中 breaks down: there it details one
	// part (其中：分配市本级A；转贷区级B，包括：…) or lists kinds by name
	// (三个险种，包括企业职工基本养老保险、…)
	if len(out) > 0 {
		return out
	}
	for _, m := range bx.find(includesRe, s[0], s[1]) {
		if !bx.inParen(m[0]) && bx.afterAmount(m[0], s[0]) {
			out = append(out, m)
		}
	}
	return out
}

var includesRe = regexp.MustCompile(`(?:主要|具体)?包括`)

// afterAmount reports an amount right before at, with only punctuation
// and spaces between, or only the amount's change (收入总计167.2亿元，
// 下降1.4%，包括：…).
func (bx *blockCtx) afterAmount(at, floor int) bool {
	figs := bx.figsIn(floor, at)
	for k := len(figs) - 1; k >= 0; k-- {
		f := figs[k]
		if f.Unit.IsAmount() && f.Role == RoleLevel {
			between := bx.text(bx.unitEnd(f), at)
			between = bx.set.vocab.dirRe.ReplaceAllString(changeRefRe.ReplaceAllString(between, ""), "")
			return strings.Trim(between, " ，,。：:") == ""
		}
		if f.Role != RoleRate && f.Role != RoleDelta {
			return false
		}
	}
	return false
}

// changeRefRe: what may stand between an amount and the list it opens,
// besides its change's direction word and figures: 比上年, 同比, 较上年.
var changeRefRe = regexp.MustCompile(`比上年|较上年|同比|比去年|较去年|[\d.,]+\s*(?:%|亿元|万元|元)`)

func (bx *blockCtx) opensList(at, floor int) bool {
	j := at - 1
	for j >= floor && bx.rs[j] == ' ' {
		j--
	}
	if j < floor {
		return true
	}
	if bx.isClauseSep(j) || bx.rs[j] == '、' || bx.rs[j] == '(' {
		return true
	}
	// 154.25万元其中：, written without a comma
	for _, f := range bx.figsIn(floor, at) {
		if f.End == j+1 {
			return true
		}
	}
	return false
}

// listParts reads the parts of the list opened at op: the figures isPart
// accepts, up to where the list ends. sure is how many of them belong to
// the list on every reading.
func (bx *blockCtx) listParts(s [2]int, op []int, figs []*Figure, isPart func(*Figure) bool) (parts []*Figure, sure int, segmented bool) {
	// the list ends at the next enumerated point (二是), at an inline item
	// of another kind than its own (…公用支出14.90万元（六）…), and at
	// 加上…, 合计…, 收入总计…
	end := s[1]
	if m := bx.find(listEndRe, op[1], end); len(m) > 0 {
		end = m[0][0]
	}
	if m := bx.find(listStopRe, op[1], end); len(m) > 0 {
		end = m[0][0]
	}
	var cands []*Figure
	for _, f := range figs {
		if f.Start < op[1] || f.Start >= end || !isPart(f) {
			continue
		}
		if aggregateRe.MatchString(f.Subject) {
			break // another total: the list before it is over
		}
		cands = append(cands, f)
	}
	if len(cands) > 0 {
		if i := bx.otherItem(op[1], cands[0].Start, end); i < end {
			end = i
			cands = before(cands, end)
		}
	}
	// a nested 其中/主要是/用于 holds details, which end a comma list but
	// only their own segment of a ；-list (人员经费 X，主要包括：…；公用经费 Y，主要包括：…)
	// (a remark in brackets, 一般债务余额59.17亿元(含高新区8.73亿元)，专项
	// 债务余额217.3亿元, closes itself: the list goes on after it)
	if len(cands) >= 2 && !strings.ContainsAny(bx.text(cands[0].End, cands[1].Start), "；;") {
		for _, m := range bx.find(nestedRe, op[1], end) {
			if !bx.inParen(m[0]) {
				end = m[0]
				cands = before(cands, end)
				break
			}
		}
	}
	if len(cands) < 2 {
		return cands, len(cands), false
	}
	// how the list separates its parts decides where it ends: a list split
	// by 、 ends at the first ，or ；, one split by ，at the first ；
	sep := bx.text(cands[0].End, cands[1].Start)
	segmented = strings.ContainsAny(sep, "；;")
	stops := "；;"
	if strings.Contains(sep, "、") && !strings.ContainsAny(sep, "，,") {
		stops = "，,；;"
	}
	if !segmented {
		// a comma between digits is a thousands separator (215,866万元),
		// not the end of a list split by 、
		for i := cands[1].End; i < end; i++ {
			if strings.ContainsRune(stops, bx.rs[i]) && !bx.thousandsComma(i) {
				end = i
				break
			}
		}
		parts = before(cands, end)
		return parts, len(parts), false
	}
	// each ；-segment names one part (its first level); the rest are
	// details. Only the first surely belongs to the list: the next segment
	// may be a sibling of the total rather than of the part.
	lastSeg := -1
	for _, f := range cands {
		seg := strings.Count(bx.text(op[1], f.Start), "；") + strings.Count(bx.text(op[1], f.Start), ";")
		if seg == lastSeg {
			continue
		}
		lastSeg = seg
		parts = append(parts, f)
	}
	if bx.set.vocab.closed(parts) || bx.places(parts) {
		return parts, len(parts), true
	}
	if len(cands) > len(parts) && bx.set.vocab.closed(cands) {
		// the last segment lists two parts with a comma (渔业产值…，农林牧渔
		// 专业及辅助性活动产值…): all the figures make a complete list
		return cands, len(cands), true
	}
	return parts, 1, true
}

// siblingRun extends the sure parts of a ；-list over the segments that
// name a kind of the first part's thing rather than of the total's: 林业产值
// after 种植业产值 under 农林牧渔业总产值, 住户贷款 after 企业贷款 under 各项
// 贷款余额. A segment as like the total as the first part (政府性基金收入
// after 税收收入 under 一般公共预算收入), or sharing a word of the total the
// first part lacks (各项贷款余额 after 住户存款 under 各项存款余额), may be
// the total's sibling: the run stops there.
func (bx *blockCtx) siblingRun(head string, parts []*Figure, sure int) int {
	if sure != 1 {
		return sure
	}
	h, first := bareName(head), bareName(parts[0].Subject)
	for _, p := range parts[1:] {
		name := bareName(p.Subject)
		if name == "" || bx.totalWord(name, first) {
			break
		}
		if kindOf(name, h) && kindOf(first, h) {
			// 海水产品产量 and 淡水产品产量 under 水产品产量: each is the
			// total's whole name narrowed by a word before it, a kind of it
			sure++
			continue
		}
		// 住户贷款余额 and 企业贷款余额 end alike, and like 各项人民币贷款余额:
		// the kind the total sums up, named more closely than by 支出 alone
		// (民生支出 beside 教育支出 may sum some of the others)
		th := doc.CommonSuffix(name, h)
		ofKind := sumsAll(h) && th >= 3 && th == doc.CommonSuffix(first, h)
		if t := doc.CommonSuffix(name, first); t < th || t == th && !ofKind {
			break
		}
		sure++
	}
	return sure
}

// kindOf: name is the total's whole name with a word before it that
// narrows it to a kind (海水 of 水产品产量), not to a scope or a size.
func kindOf(name, head string) bool {
	q, ok := strings.CutSuffix(name, head)
	return ok && q != "" && len([]rune(head)) >= 3 && !narrowKind.MatchString(q)
}

// narrowKind: words that make a total's name a narrower total, not a kind
// (地方一般公共预算收入, 规模以上工业增加值).
var narrowKind = regexp.MustCompile(`地方|本级|全|规模以上|规上|限额以上|限上|其中`)

// sumsAll: the total's name says it sums all of a kind (各项贷款余额,
// 农林牧渔业总产值).
func sumsAll(head string) bool {
	return strings.Contains(head, "各项") || strings.Contains(head, "总")
}

// bareName is a subject without its bracketed remarks and the 其中 before it.
func bareName(s string) string {
	s = bracketRe.ReplaceAllString(s, "")
	s = strings.TrimPrefix(strings.TrimLeft(s, "、，,；; "), "其中")
	return strings.TrimLeft(s, "、，,；;:： ")
}

var bracketRe = regexp.MustCompile(`\([^()]*\)|（[^（）]*）`)

// totalWord: name says what totals say and the first part's name does not
// (各项, 总额), names a fund, a level of government or a kind of ownership:
// the marks of a sibling of the total, or of a category that overlaps others.
func (bx *blockCtx) totalWord(name, first string) bool {
	if fundNames.MatchString(name) || bx.set.scopes.re.MatchString(name) || ownershipRe.MatchString(name) {
		return true
	}
	for _, w := range totalMarks {
		if strings.Contains(name, w) && !strings.Contains(first, w) {
			return true
		}
	}
	return false
}

// ownershipRe: enterprises by ownership overlap (a 国有控股 company may be
// a 股份制 one), so such segments are never surely parts of one list.
var ownershipRe = regexp.MustCompile(`控股|股份|私营|民营|外商|港澳台|集体|国有|三资|外资`)

// totalMarks say a name sums others: 各项, 总额, and the spending named by
// purpose that gathers several kinds (民生支出 beside 教育支出).
var totalMarks = []string{"各项", "全部", "合计", "总计", "总额", "总量", "总值", "总产", "总收入", "总支出", "民生", "重点", "三保", "刚性"}

// placeRe is a place or level of government named alone as a part's
// subject: 省本级及十三市, 大连市, 县区.
var placeRe = regexp.MustCompile(`^(?:[\p{Han}]{1,8}?(?:省|市|县|区|州|盟|旗|镇|乡|街道)(?:本级)?(?:及|和|、)?)+$`)

// places: every part is named by a place alone (其中：省本级及十三市48亿元；
// 大连市10亿元) — the list divides its total among places, each ；-segment a
// sibling part, none another quantity.
func (bx *blockCtx) places(parts []*Figure) bool {
	for _, p := range parts {
		name := strings.TrimPrefix(cleanSubject(bx.clauseBefore(p)), "其中")
		if name == "" || !(placeRe.MatchString(name) || bx.set.scopes.re.ReplaceAllString(name, "") == "") {
			return false
		}
	}
	return true
}

func before(fs []*Figure, end int) []*Figure {
	k := 0
	for _, f := range fs {
		if f.Start < end {
			fs[k] = f
			k++
		}
	}
	return fs[:k]
}

// otherItem finds, in [first,end), an inline item marker of another style
// than the one that numbers the list's first part (if any): such a marker
// starts the next item of the document, not the next part.
func (bx *blockCtx) otherItem(op, first, end int) int {
	style := ""
	for _, m := range bx.find(inlineItemRe, op, first) {
		style = markerStyle(bx.text(m[0], m[1]))
	}
	for _, m := range bx.find(inlineItemRe, first, end) {
		if st := markerStyle(bx.text(m[0], m[1])); style == "" || st != style {
			return m[0]
		}
	}
	return end
}

// markerStyle names how an item marker is written: (一), (1), ①, 一、, 1.
func markerStyle(m string) string {
	m = strings.TrimLeft(m, "，,；;。:： ")
	r, _ := utf8.DecodeRuneInString(m)
	switch {
	case strings.HasPrefix(m, "(") && strings.ContainsAny(m, "0123456789"):
		return "(1)"
	case strings.HasPrefix(m, "("):
		return "(一)"
	case r >= '①' && r <= '⑳':
		return "①"
	case r >= '0' && r <= '9':
		return "1."
	}
	return "一、"
}

// headsBefore lists the figures a list opened at op may total: the head,
// then every other level the sentence states before the list (完成86420万
// 元，为年初预算85000万元的101.7%，其中：…), or the sentence before when the
// list opens its own sentence.
func (bx *blockCtx) headsBefore(s [2]int, op int, head *Figure) []*Figure {
	from := s
	if strings.TrimSpace(bx.text(s[0], op)) == "" {
		from = bx.sentenceBefore(s[0])
	} else {
		from[1] = op
	}
	heads := []*Figure{head}
	for _, f := range bx.figsIn(from[0], from[1]) {
		if f != head && f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !f.Earlier &&
			!bx.isChangeTo(f) && !bx.isThreshold(f) && f.Value.Sign() >= 0 {
			heads = append(heads, f)
		}
	}
	return heads
}

// summable: the parts can be added as written — not per-capita figures
// (unless sources: the sources of one average), not a loss among profits,
// not 收入 and 支出 side by side. A single part is checked too: it may not
// exceed its total.
func (bx *blockCtx) summable(parts []*Figure, sources bool) bool {
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if bx.perCapita(p) && !sources || lossRe.MatchString(bx.clauseBefore(p)) {
			return false
		}
	}
	return !mixedSides(parts)
}

// perCapita: 人均可支配收入, 平均工资 — averages do not add up to a total.
func (bx *blockCtx) perCapita(f *Figure) bool {
	return perCapitaRe.MatchString(f.Subject) || perCapitaRe.MatchString(bx.clauseBefore(f))
}

// clauseBefore is the text of f's clause before it.
func (bx *blockCtx) clauseBefore(f *Figure) string {
	if f.Block != bx.b {
		return f.Subject
	}
	return bx.text(bx.clauseStart(f.Start, 0), f.Start)
}

// dropBreakdowns removes parts that break down the part before them
// (新增债券331446万元，市本级留用90000万元，转贷241446万元): figures that,
// as printed, add up to the part within its own rounding. Whole numbers
// whose rounding merely allows it (40亿元, 28.9亿元, 30亿元, 27.8亿元, 7亿元
// and 5亿元, 138.7, after 139.6亿元) are its siblings.
func dropBreakdowns(parts []*Figure) []*Figure {
	for i := 0; i < len(parts); i++ {
		for j := i + 2; j <= len(parts); j++ {
			run := parts[i+1 : j]
			if len(run) < 2 {
				continue
			}
			if sumOf(run).Meets(parts[i].Yuan()) && printedSumMeets(run, parts[i]) {
				out := append(append([]*Figure{}, parts[:i+1]...), parts[j:]...)
				return dropBreakdowns(out)
			}
		}
	}
	return parts
}

// printedSumMeets reports whether the figures of run, as printed, add up
// to f within f's rounding, widened by one rounding of f per figure added.
func printedSumMeets(run []*Figure, f *Figure) bool {
	sum := new(big.Rat)
	for _, g := range run {
		sum.Add(sum, g.Yuan().Mid())
	}
	iv := f.Yuan()
	slack := new(big.Rat).Sub(iv.Hi, iv.Lo)
	slack.Mul(slack, big.NewRat(int64(len(run)), 2))
	return num.Point(sum).Meets(num.Interval{Lo: new(big.Rat).Sub(iv.Lo, slack), Hi: new(big.Rat).Add(iv.Hi, slack)})
}

// otherSide: a 支出 figure is not a part of a 收入 total, nor the reverse.
func otherSide(head, part string) bool {
	h, p := side(head), side(part)
	return h != "" && p != "" && h != p
}

// mixedSides: a list naming both 收入 and 支出 (收入1362.77亿元、支出1350.93亿元)
// is two figures side by side, not parts of one total.
func mixedSides(parts []*Figure) bool {
	in, out := false, false
	for _, p := range parts {
		switch side(p.Subject) {
		case "收入":
			in = true
		case "支出":
			out = true
		}
	}
	return in && out
}

// side is the last of 收入 and 支出 a name says: the spending of an income
// (上级补助收入安排支出, 专项债券收入安排的支出) is spending; "" for neither.
func side(name string) string {
	i, e := strings.LastIndex(name, "收入"), strings.LastIndex(name, "支出")
	switch {
	case i < 0 && e < 0:
		return ""
	case i > e:
		return "收入"
	default:
		return "支出"
	}
}

func qualCompatible(head, part Qual) bool {
	if head == part || part == QualNone {
		return true
	}
	return head == QualNone && part == QualFinal
}

// exclusiveCounts are the counted things each of which falls in exactly one
// category (a vehicle is for one use): their lists add up like money.
// A statistical bulletin lists institutions, projects and households by
// overlapping categories (a laboratory may also be an incubator; a
// 特种设备生产单位 is listed among 检验检测机构), so there only those lists,
// weights, awards by grade, complete decompositions (固定电话 + 移动电话)
// and a bracket that breaks a count down (12项（其中：…）) are checked.
var exclusiveCounts = map[string]bool{"辆": true, "台": true, "套": true}

var consumedRe = regexp.MustCompile(`用电|用水|用气|能源消费|能耗|消费量`)

// sumOf adds figures' intervals.
func sumOf(fs []*Figure) num.Interval {
	iv := fs[0].Yuan()
	for _, f := range fs[1:] {
		iv = iv.Add(f.Yuan())
	}
	return iv
}

// weighed: a quantity by weight (万吨 of pork, of beef; 万吨标准煤; freight's
// 亿吨公里 by mode): no ton is counted under two products, so a list of
// them adds up like money.
func weighed(count string) bool { return strings.Contains(count, "吨") }

// countedThing: the count word counts things, not time or grades (2023年,
// 3个月, 95分).
func countedThing(w string) bool {
	switch w {
	case "年", "月", "日", "天", "小时", "周", "期", "号", "号文", "号)", "级", "分", "倍", "岁", "届", "个百分点", "百分点":
		return false
	}
	return true
}

// grades: the parts are awards by grade (一等奖3项、二等奖4项…).
func (bx *blockCtx) grades(parts []*Figure) bool {
	for _, p := range parts {
		if !strings.HasSuffix(strings.TrimSpace(bx.clauseBefore(p)), "等奖") {
			return false
		}
	}
	return true
}

// bulletinRe names a statistical bulletin or economic report in its title.
var bulletinRe = regexp.MustCompile(`统计公报|国民经济和社会发展|经济运行`)

// bulletin reports whether the document is a statistical bulletin, by the
// title in its first blocks.
func (s *Set) bulletin() bool {
	if s.isBulletin == 0 {
		s.isBulletin = -1
		for i, b := range s.Doc.Blocks {
			if i >= 8 {
				break
			}
			if bulletinRe.MatchString(b.Text) {
				s.isBulletin = 1
				break
			}
		}
	}
	return s.isBulletin > 0
}

// tallies finds a count of things with their listed parts, in one
// sentence: the parts may not add up to more than the count.
func (bx *blockCtx) tallies(s [2]int, figs []*Figure) {
	op := bx.opener(s)
	if op == nil {
		return
	}
	isHead := func(f *Figure) bool {
		return f.Unit == UnitCount && !f.Paren && !bx.countChange(f) && !bx.isThreshold(f)
	}
	var head *Figure
	for _, f := range figs {
		if f.Start < op[0] && isHead(f) {
			head = f
		}
	}
	if head == nil && strings.TrimSpace(bx.text(s[0], op[0])) == "" {
		// 。其中: the list breaks down the sentence before's last quantity
		// (全年肉类总产量33.78万吨，增长10.2%。其中，猪肉产量…)
		prev := bx.sentenceBefore(s[0])
		for _, f := range bx.figsIn(prev[0], prev[1]) {
			if isHead(f) {
				head = f
			}
		}
	}
	if head == nil || head.Count == "" || !countedThing(head.Count) {
		return
	}
	isPart := func(f *Figure) bool {
		return f.Unit == UnitCount && f.Count == head.Count && !f.Paren && !bx.countChange(f)
	}
	parts, sure, segmented := bx.listParts(s, op, figs, isPart)
	// a quantity is named as a level is (猪肉产量 of 猪肉产量26.05万吨)
	for _, f := range append([]*Figure{head}, parts...) {
		if f.Subject == "" {
			f.Subject = cleanSubject(bx.clauseBefore(f))
		}
	}
	if segmented && len(parts) > 0 {
		sure = bx.siblingRun(head.Subject, parts, sure)
	}
	if len(parts) == 1 && weighed(head.Count) && strings.Contains(bx.text(op[0], op[1]), "其中") {
		// one weighed part named by 其中 (猪牛羊禽肉产量…，其中猪肉产量…;
		// 油料产量…，其中油菜籽…) is some of its total: it may not exceed it
		t := &Total{Head: head, Heads: []*Figure{head}, Parts: parts, Sure: 1}
		t.Span = Span{Block: bx.b, Start: head.Start, End: parts[0].End}
		bx.set.Totals = append(bx.set.Totals, t)
		return
	}
	if len(parts) < 2 {
		return
	}
	if !exclusiveCounts[head.Count] && !weighed(head.Count) && !bx.grades(parts) &&
		!bx.set.vocab.closed(parts) && bx.set.bulletin() {
		// the leading parts that make the count are its parts after all
		// (职工医疗保险 + 城乡居民医疗保险 of 基本医疗保险, before 生育保险)
		if pre := completePrefix(parts, head); len(pre) >= 2 && sumOf(pre).Meets(head.Yuan()) {
			bx.set.mixLists = append(bx.set.mixLists, &Total{Head: head, Heads: []*Figure{head}, Parts: pre, Sure: len(pre)})
		}
		return
	}
	// a view (分产业看) or a list after its total's sentence is all of the
	// total only when named as its kind; what is consumed (全社会用电量) is
	// consumed by households too, beside the three sectors
	far := byViewRe.MatchString(bx.text(op[0], op[1])) || head.Start < s[0] || consumedRe.MatchString(head.Subject)
	t := &Total{Head: head, Heads: []*Figure{head}, Parts: parts, Sure: sure, far: far}
	t.Span = Span{Block: bx.b, Start: head.Start, End: t.Parts[len(t.Parts)-1].End}
	bx.set.Totals = append(bx.set.Totals, t)
}

// countChange: 较上年减少4个 is a change of a count, not a count.
func (bx *blockCtx) countChange(f *Figure) bool {
	w, to, _ := bx.dirBefore(f.Start)
	return w != "" && !to
}

// bracketLists finds a figure broken down in the brackets right after it:
// 获得科技奖励12项（其中：一等奖3项、二等奖4项…）, 公务用车购置及运行维护费
// 2883万元（其中公务用车购置100万元，公务用车运行2783万元）.
func (bx *blockCtx) bracketLists(s [2]int, figs []*Figure) {
	for i, head := range figs {
		open := head.End
		if head.Unit == UnitCount && bx.text(open, open+utf8.RuneCountInString(head.Count)) == head.Count {
			open += utf8.RuneCountInString(head.Count) // a count's span ends before its counted word
		}
		for open < s[1] && bx.rs[open] == ' ' {
			open++
		}
		if open >= s[1] || bx.rs[open] != '(' || head.Paren || head.Value.Sign() < 0 {
			continue
		}
		// the brackets open with 其中, or name the members of a complete
		// decomposition or places alone (72.77亿元（一般债券18.64亿元、专项
		// 债券54.13亿元）)
		from := open + 1
		opened := false
		if m := bx.find(openerRe, open+1, min(open+4, s[1])); len(m) > 0 && m[0][0] == open+1 {
			from, opened = m[0][1], true
		}
		close := open + 1
		for close < s[1] && !(bx.rs[close] == ')' && bx.depth[close] == bx.depth[open]) {
			close++
		}
		var isPart func(f *Figure) bool
		switch {
		case head.Unit.IsAmount() && head.Role == RoleLevel && !head.Earlier && !bx.perCapita(head):
			isPart = func(f *Figure) bool { return f.Unit.IsAmount() && f.Role == RoleLevel && !bx.isThreshold(f) }
		case head.Unit == UnitCount && head.Count != "" && countedThing(head.Count) && !bx.countChange(head):
			isPart = func(f *Figure) bool { return f.Unit == UnitCount && f.Count == head.Count }
		default:
			continue
		}
		var parts []*Figure
		for _, f := range figs[i+1:] {
			if f.Start >= close {
				break
			}
			if f.Start > from && isPart(f) && bx.depth[f.Start] == bx.depth[open] {
				parts = append(parts, f)
			}
		}
		// one part is checked too when 其中 names it a part: it may not
		// exceed its total (268,800万元（其中：国有土地使用权出让收入预计
		// 230,000万元）)
		if len(parts) < 2 && !(opened && len(parts) == 1 && head.Unit.IsAmount()) ||
			!opened && !bx.set.vocab.closed(parts) && !bx.places(parts) ||
			(head.Unit.IsAmount() && !bx.summable(parts, false)) {
			continue
		}
		t := &Total{Head: head, Heads: []*Figure{head}, Parts: parts, Sure: len(parts)}
		t.Span = Span{Block: bx.b, Start: head.Start, End: close}
		bx.set.Totals = append(bx.set.Totals, t)
	}
}
