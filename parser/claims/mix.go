package claims

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

// Mix: a whole and the parts that make it up by definition (一般公共预算收入
// = 税收收入 + 非税收入), each stated with its change on the period before.
// The parts' last-period values must add up to the whole's, so their rates
// and the whole's rate bind each other even when no base is stated. A mix
// is not a claim of its own: it decides the changes it joins.
type Mix struct {
	Whole *Change
	Parts []*Change
	// ByScope: the parts are the whole's levels of government (市本级 and
	// 县区 of 全市), whose rates a change of responsibilities between levels
	// can put on another basis: a fit decides them, a misfit is not reported.
	ByScope bool
}

// decompositions reads the vocabulary's "whole=part+part" entries.
func decompositions(v Vocabulary) [][]string {
	var out [][]string
	for _, e := range v["decompositions"] {
		whole, parts, ok := strings.Cut(e, "=")
		if !ok {
			continue
		}
		d := []string{mixName(strings.TrimSpace(whole))}
		for _, p := range strings.Split(parts, "+") {
			d = append(d, mixName(strings.TrimSpace(p)))
		}
		out = append(out, d)
	}
	return out
}

// usable: a change with a current value and a simple rate.
func (c *Change) usable() bool {
	return c.Current != nil && c.Rate != nil && c.RateDir == DirNone && !c.Comparable && !c.Annual &&
		(c.Dir == DirUp || c.Dir == DirDown)
}

// unchanged: a part said to be 持平 (返还性收入43.3亿元，较上年持平), whose
// value last year is this year's within a rounding of the rate to 0%.
func (c *Change) unchanged() bool {
	return c.Dir == DirFlat && c.Current != nil && c.Rate == nil && c.Amount == nil && !c.Comparable
}

// realGrowth: value added and output grow at constant prices, which do not
// add up the way the printed current-price values do.
var realGrowth = regexp.MustCompile(`增加值|生产总值|GDP|不变价|可比价|业务总量|农林牧渔业?总产值`)

// listMixes makes a mix of every total whose listed parts add up to it
// (their amounts prove the list complete; the check verifies that) when the
// total and each part are stated with their change: 人均可支配收入72117元，
// 增长3.5%，其中：工资性收入…，增长…；经营净收入…
func (s *Set) listMixes() {
	byCurrent := map[*Figure]*Change{}
	flat := map[*Figure]*Change{}
	rated := map[*doc.Block][]*Change{} // the changes stated with a rate, by block, for rateAfter
	for _, c := range s.Changes {
		if c.Rate != nil {
			rated[c.Block] = append(rated[c.Block], c)
		}
		if c.usable() {
			if _, dup := byCurrent[c.Current]; !dup {
				byCurrent[c.Current] = c
			}
		} else if c.unchanged() {
			flat[c.Current] = c
		}
	}
	for _, t := range append(append([]*Total{}, s.Totals...), s.mixLists...) {
		if t.Head.Unit == UnitCount {
			// a quantity's change has no level of its own to find by
			// subject: its rate follows it (猪肉产量26.05万吨，增长12.2%)
			for _, f := range append([]*Figure{t.Head}, t.Parts...) {
				if c := rateAfter(f, rated[f.Block]); c != nil && byCurrent[f] == nil {
					c.Current = f
					if c.usable() {
						byCurrent[f] = c
					}
				}
			}
		}
		whole := byCurrent[t.Head]
		if whole == nil || len(t.Parts) < 2 || realGrowth.MatchString(t.Head.Subject) {
			continue
		}
		m := &Mix{Whole: whole}
		for _, p := range t.Parts {
			pc := byCurrent[p]
			if pc == nil {
				pc = flat[p]
			}
			if pc == nil || pc == whole || realGrowth.MatchString(p.Subject) {
				m = nil
				break
			}
			m.Parts = append(m.Parts, pc)
		}
		if m != nil {
			scoped := 0
			for _, p := range t.Parts {
				if s.scopes.only(p.Subject) != "" {
					scoped++
				}
			}
			m.ByScope = scoped >= 2
			if !s.hasMix(m) {
				s.Mixes = append(s.Mixes, m)
			}
		}
	}
}

// hasMix reports a mix of the same whole and parts found already (by a
// named decomposition, 一般公共预算收入 = 税收收入 + 非税收入, before its list).
func (s *Set) hasMix(m *Mix) bool {
	for _, o := range s.Mixes {
		if o.Whole == m.Whole && len(o.Parts) == len(m.Parts) {
			same := true
			for i := range o.Parts {
				same = same && o.Parts[i] == m.Parts[i]
			}
			if same {
				return true
			}
		}
	}
	return false
}

// rateAfter is the change stated as a rate alone right after quantity f,
// with nothing but 比上年, 同比 between: f's change, when no level was
// found for it. rated are the changes with a rate in f's block.
func rateAfter(f *Figure, rated []*Change) *Change {
	rs := []rune(f.Block.Text)
	end := countEnd(rs, f)
	var next *Change
	for _, c := range rated {
		if c.Rate.Start >= end && (next == nil || c.Rate.Start < next.Rate.Start) {
			next = c
		}
	}
	if next == nil || next.Current != nil || next.Amount != nil {
		return nil
	}
	between := strings.TrimRight(doc.RuneSlice(rs, end, next.Rate.Start), " ")
	if !joinable(strings.TrimSuffix(between, next.DirWord)) {
		return nil
	}
	return next
}

// countEnd is where a count's unit ends: its counted word (万吨) and the
// rest of the word (万人次, 亿美元) are not part of its span but belong to it.
func countEnd(rs []rune, f *Figure) int {
	end := f.End
	if t := doc.RuneSlice(rs, end, end+utf8.RuneCountInString(f.Count)+1); f.Count != "" && strings.HasPrefix(strings.TrimLeft(t, " "), f.Count) {
		end += utf8.RuneCountInString(f.Count) + len([]rune(t)) - len([]rune(strings.TrimLeft(t, " ")))
		end += unitTail(rs, end)
	}
	return end
}

// unitTail is the length of the rest of a counted word whose first runes
// are the figure's Count (次 of 万人次, 元 of 亿美元, 千瓦时 after 亿): Han
// runes up to the next mark, none of them a word of comparison.
func unitTail(rs []rune, at int) int {
	n := 0
	for at+n < len(rs) && unicode.Is(unicode.Han, rs[at+n]) {
		if strings.ContainsRune("比较同增减降升涨持与", rs[at+n]) || n == 4 {
			return 0
		}
		n++
	}
	return n
}

// mixes finds each whole of a decomposition stated with its change and,
// after it in the next few paragraphs, its parts stated with theirs, in the
// same year and scope.
func (s *Set) mixes() {
	for _, d := range s.decomps {
		whole, parts := d[0], d[1:]
		for i, c := range s.Changes {
			if !c.usable() || !strings.HasSuffix(mixName(s.subjectOf(c.Current)), whole) {
				continue
			}
			w := s.where[c.Current]
			found := make([]*Change, len(parts))
			n := 0
		search:
			for _, o := range s.Changes[i+1:] {
				if o.Block.Index > c.Block.Index+3 {
					break
				}
				if !o.usable() {
					continue
				}
				ow := s.where[o.Current]
				sub := mixName(s.subjectOf(o.Current))
				if strings.HasSuffix(sub, whole) {
					break // the next whole (市本级 after 全市) starts its own mix
				}
				if ow.Year != w.Year || (w.Scope != "" && ow.Scope != "" && w.Scope != ow.Scope) {
					continue
				}
				for j, p := range parts {
					if found[j] == nil && strings.HasSuffix(sub, p) {
						found[j] = o
						n++
						if n == len(parts) {
							break search
						}
						break
					}
				}
			}
			if n == len(parts) {
				s.Mixes = append(s.Mixes, &Mix{Whole: c, Parts: found})
			}
		}
	}
}

// mixName drops the words that only say "amount of" (出口额, 进出口总额).
func mixName(k string) string {
	for _, suf := range []string{"总额", "总值", "额"} {
		if t := strings.TrimSuffix(k, suf); t != k && t != "" {
			return t
		}
	}
	return k
}

// ChangeSum: the change of a total followed by 其中 and the changes of its
// parts (“三公”经费支出减少9923万元。其中：因公出国（境）支出减少2317万元；
// 公务用车购置费支出减少1107万元；…). The parts' signed amounts add up to
// the total's when the list names every part (Closed); a 其中 list may
// leave parts out, so a shortfall counts only then. Not a claim of its own:
// it decides the changes it joins.
type ChangeSum struct {
	Whole  *Change
	Parts  []*Change
	Closed bool
	// Names are the parts' names: their own subjects, else the subject of
	// the count they change (固定电话用户118.20万户，减少3.10万户).
	Names []string
}

// amountChange: a rise or fall stated as an amount of money.
func (c *Change) amountChange() bool {
	return c.Amount != nil && c.Amount.Unit.IsAmount() && (c.Dir == DirUp || c.Dir == DirDown) && c.RateDir == DirNone && !c.Flat && c.Base == nil
}

// countChange: a rise or fall stated as a number of things (增加5.30万人).
func (c *Change) countChange() bool {
	return c.countMoved() && c.RateDir == DirNone
}

// countMoved: a count changed by an amount in its unit, whatever the word
// before its rate says (增加2.6万吨，减产5.7% still follows its level).
func (c *Change) countMoved() bool {
	return c.Amount != nil && c.Amount.Unit == UnitCount && c.Amount.Count != "" && countedThing(c.Amount.Count) &&
		(c.Dir == DirUp || c.Dir == DirDown) && !c.Flat && c.Base == nil
}

// addable: o's change adds to c's, both in money or both counting the
// same things in the same unit.
func addable(c, o *Change) bool {
	if c.amountChange() {
		return o.amountChange()
	}
	return o.countChange() && o.Amount.Count == c.Amount.Count
}

// countBefore is the subject of the count a change follows (countLevel),
// or "".
func (s *Set) countBefore(c *Change) string {
	if f := s.countLevel(c); f != nil {
		return f.Subject
	}
	return ""
}

// countLevel is the count a change follows, in the same unit with nothing
// but 比上年 and the like between (移动电话用户1132.16万户，增加13.50万户;
// 粮食产量50.49万吨，比上年增加0.57万吨), or nil.
func (s *Set) countLevel(c *Change) *Figure {
	rs := []rune(c.Block.Text)
	var last *Figure
	for _, f := range s.byBlock[c.Block] {
		if f.End <= c.Start && f.Unit == UnitCount && f.Count == c.Amount.Count && (last == nil || f.End > last.End) {
			last = f
		}
	}
	if last == nil || !joinable(doc.RuneSlice(rs, countEnd(rs, last), c.Start)) {
		return nil
	}
	return last
}

// countLevels gives a change of a count by an amount in its unit the
// count it follows as its current value (粮食产量50.49万吨，比上年增加0.57万吨，
// 增长1.1%), as a money change takes the level its subject names: the
// level and the amount give last year's count and the rate.
func (s *Set) countLevels() {
	for _, c := range s.Changes {
		if c.Current == nil && c.countMoved() && !c.Amount.Paren {
			c.Current = s.countLevel(c)
		}
	}
}

// sumOpenerRe: the list of parts opens right after the total's change
// (减少9923万元。其中：, 减少2761万元，其中，), its rate allowed between.
var sumOpenerRe = regexp.MustCompile(`^[，,。；;\s]*(?:(?:增长|下降)[\d.]+%[，,。；;\s]*)?其中[：:，,]?`)

// changeSums finds the changes of totals whose parts' changes follow in
// the same block, up to the end of the sentence holding the list.
func (s *Set) changeSums() {
	for i, c := range s.Changes {
		if !c.amountChange() && !c.countChange() {
			continue
		}
		rs := []rune(c.Block.Text)
		end := c.End
		if c.Amount.Unit == UnitCount {
			end = max(end, countEnd(rs, c.Amount))
		}
		if c.Rate != nil && c.Rate.End > end {
			end = c.Rate.End
		}
		rest := doc.RuneSlice(rs, end, end+20)
		m := sumOpenerRe.FindStringIndex(rest)
		if m == nil {
			continue
		}
		open := end + runeIndex(rest, m[1])
		stop := open
		for stop < len(rs) && rs[stop] != '。' {
			stop++
		}
		var parts []*Change
		for _, o := range s.Changes[i+1:] {
			if o.Block != c.Block || o.Start >= stop {
				break
			}
			if o.Start < open || o.Amount != nil && o.Amount.Paren {
				continue // a remark in brackets (主要是…增加0.6亿元) is no part
			}
			if !addable(c, o) {
				parts = nil // a part changed by a rate alone, or in another unit: the amounts cannot be added
				break
			}
			parts = append(parts, o)
		}
		if len(parts) < 2 {
			continue
		}
		named := make([]*Figure, len(parts))
		names := make([]string, len(parts))
		for j, p := range parts {
			names[j] = p.Subject
			if names[j] == "" && p.Amount.Unit == UnitCount {
				names[j] = s.countBefore(p)
			}
			named[j] = &Figure{Subject: names[j]}
		}
		s.Sums = append(s.Sums, &ChangeSum{Whole: c, Parts: parts, Closed: s.vocab.closedStrict(named), Names: names})
	}
}

// rateDecompositions reads "whole=part+part" entries of decompositions and
// rate_decompositions, each name with its other spellings after "|"
// (生产总值|GDP=第一产业增加值|第一产业+…).
func rateDecompositions(v Vocabulary) [][][]string {
	var out [][][]string
	for _, e := range append(append([]string{}, v["decompositions"]...), v["rate_decompositions"]...) {
		whole, parts, ok := strings.Cut(e, "=")
		if !ok {
			continue
		}
		d := [][]string{spellings(whole)}
		price := strings.Contains(whole, "价格")
		for _, p := range strings.Split(parts, "+") {
			sp := spellings(p)
			if price {
				sp = priceSpellings(sp)
			}
			d = append(d, sp)
		}
		out = append(out, d)
	}
	return out
}

// spellings are a name's spellings as keys, without the words that only
// say "amount of".
func spellings(names string) []string {
	var out []string
	for _, n := range strings.Split(names, "|") {
		if n = mixName(keyOf(strings.TrimSpace(n))); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// priceSpellings adds the ways a price index's member is named: 衣着,
// 衣着类, 衣着价格, 衣着类价格.
func priceSpellings(sp []string) []string {
	out := append([]string{}, sp...)
	for _, p := range sp {
		if strings.HasSuffix(p, "价格") {
			continue
		}
		out = append(out, p+"价格")
		if !strings.HasSuffix(p, "类") {
			out = append(out, p+"类", p+"类价格")
		}
	}
	return out
}

// spreadLead: what may stand before a part's name in its clause without
// making it another quantity (其中，第一产业增加值…; 分门类看，采矿业…).
var spreadLead = regexp.MustCompile(`^(?:其中|全年|全市|全州|全省|全区|全县|全盟|全地区|(?:分|按|从)(?:三次)?(?:产业|门类|经营地|经营单位所在地|贸易方式)(?:看|分|来看)?)*$`)

// bracketed drops a remark in brackets from a subject: 生产总值(GDP),
// 固定资产投资(不含农户), and a bulletin's note mark, 地区生产总值[2].
var bracketed = regexp.MustCompile(`[(（][^()（）]*[)）]|\[\d{1,2}\]`)

// spreadName is the key a rate's subject names, scopes left out: its own
// subject, else its value's.
func (s *Set) spreadName(c *Change) string {
	subj := c.Subject
	if isGeneric(keyOf(subj)) && c.Current != nil {
		subj = c.Current.Subject
	}
	if subj == c.Subject {
		subj = openBracket(c, subj)
	}
	k := keyOf(bracketed.ReplaceAllString(subj, ""))
	k = comparedWith.ReplaceAllString(k, "") // 固定资产投资与上年持平
	k = soFar.ReplaceAllString(k, "")
	return mixName(s.scopes.re.ReplaceAllString(k, ""))
}

// soFar: a word after the name that says how the figure stands, not what
// it is (一般公共预算收入预计增长3%, 一般公共预算收入累计完成65.42亿元).
var soFar = regexp.MustCompile(`(?:预计|累计)$`)

// comparedWith: the word left of a comparison whose period the key drops
// (与上年持平 keys as 与).
var comparedWith = regexp.MustCompile(`(?:与|同|较|比|和)$`)

// spreadWhere is a rate's period and scope: its value's, else the scope
// its subject names.
func (s *Set) spreadWhere(c *Change) where {
	if c.Current != nil {
		if w, ok := s.where[c.Current]; ok {
			return w
		}
	}
	return where{Scope: s.scopes.last(c.Subject)}
}

// openBracket: a subject cut at a comma inside brackets (下同) of
// 固定资产投资(不含农户，下同)比上年增长5.8%) reaches back to the clause
// before the bracket opens.
func openBracket(c *Change, subj string) string {
	close := strings.IndexAny(subj, ")）")
	if close < 0 || strings.ContainsAny(subj[:close], "(（") {
		return subj
	}
	rs := []rune(c.Block.Text)
	// a change quoting its subject starts at its clause
	for i := c.Start - 1; i >= 0 && c.Start-i <= 40; i-- {
		switch rs[i] {
		case '(', '（':
			j := i
			for j > 0 && !strings.ContainsRune("，,。；;：:", rs[j-1]) {
				j--
			}
			return doc.RuneSlice(rs, j, c.Start) + subj
		case ')', '）', '。', '；', ';':
			return subj
		}
	}
	return subj
}

// namesWhole: key ends with one of a whole's spellings.
func namesWhole(key string, spell []string) bool {
	for _, w := range spell {
		if strings.HasSuffix(key, w) {
			return true
		}
	}
	return false
}

// namesAnyPart: key names one of the members.
func namesAnyPart(key string, parts [][]string) bool {
	for _, p := range parts {
		if namesPart(key, p) {
			return true
		}
	}
	return false
}

// namesPart: key is one of a member's spellings, with at most a lead-in
// before it (高技术制造业 is not 制造业).
func namesPart(key string, spell []string) bool {
	for _, p := range spell {
		if head, ok := strings.CutSuffix(key, p); ok && spreadLead.MatchString(head) {
			return true
		}
	}
	return false
}

// spreads finds each whole of a decomposition stated with its growth rate
// and, after it in the same or the next two paragraphs, every part named
// as the vocabulary's member with its own rate, in the same year and scope
// and none on a comparable basis: the whole's rate is the mean of the parts' rates
// weighted by their values the year before, so it lies between them — at
// constant prices too, as value added and GDP are added up at the prices
// of a base year. The values need not be printed. A whole already joined
// with its parts' values (Mixes) is judged there.
func (s *Set) spreads() {
	inMix := map[*Change]bool{}
	for _, m := range s.Mixes {
		inMix[m.Whole] = true
	}
	// a rate on a comparable basis (可比增长, 同口径) may stand beside a
	// nominal one of the same whole: which basis a member's rate is on is
	// not certain
	// 持平 without a rate stands for a rate of 0% rounded to a whole percent
	rated := func(c *Change) bool {
		if c.Dir == DirFlat && c.Rate == nil && c.Amount == nil && !c.Comparable {
			return true
		}
		return c.Rate != nil && c.RateDir == DirNone && !c.Annual && (!c.Comparable || atComparablePrices(c)) && (c.Dir == DirUp || c.Dir == DirDown)
	}
	// each change's name, worked out once rather than once per
	// decomposition and again for every whole it might be listed under
	names := make([]string, len(s.Changes))
	for i, c := range s.Changes {
		names[i] = s.spreadName(c)
	}
	for _, d := range s.rateDecomps {
		whole, parts := d[0], d[1:]
		for i, c := range s.Changes {
			wholeName := names[i]
			if !rated(c) || inMix[c] || !namesWhole(wholeName, whole) || monthly(c) {
				continue
			}
			w := s.spreadWhere(c)
			found := make([]*Change, len(parts))
			n := 0
			narrowed := false
		search:
			for k, o := range s.Changes[i+1:] {
				if o.Block.Index > c.Block.Index+2 || n == len(parts) {
					break
				}
				name := names[i+1+k]
				if namesWhole(name, whole) && !namesAnyPart(name, parts) {
					break // the next whole starts its own list (not a part named after it: 城镇社会消费品零售总额)
				}
				if monthly(o) {
					break // a month's rates follow, not the year's
				}
				// the list that follows may divide the large units' sales
				// (限额以上消费品零售额增长1.7%。…按消费类型分), unless its
				// values make the whole's
				narrowed = narrowed || narrower(name, wholeName)
				ow := s.spreadWhere(o)
				if !rated(o) || (w.Year != 0 && ow.Year != 0 && ow.Year != w.Year) || (w.Scope != "" && ow.Scope != "" && w.Scope != ow.Scope) {
					continue
				}
				for j, p := range parts {
					if namesPart(name, p) {
						if found[j] != nil {
							break search // a member named twice: a list of something else
						}
						found[j] = o
						n++
						break
					}
				}
			}
			if n == len(parts) && s.viewOf(c, found[0], whole) && addsUp(c, found) && (!narrowed || printedSum(c, found)) {
				s.Spreads = append(s.Spreads, &Mix{Whole: c, Parts: found})
			}
		}
	}
}

// narrowRe: words that make a quantity a narrower one than the same
// quantity without them (限额以上消费品零售额 of 社会消费品零售总额).
var narrowRe = regexp.MustCompile(`限额以上|限上|规模以上|规上|地方`)

// narrower: name is qualified by a narrowing word the whole's name lacks.
func narrower(name, whole string) bool {
	for _, m := range narrowRe.FindAllString(name, -1) {
		if !strings.Contains(whole, m) {
			return true
		}
	}
	return false
}

// monthRe: a month's figure (12月，…; 12月份), not a month's end.
var monthRe = regexp.MustCompile(`\d{1,2}月(?:份)?(?:[^末底\d]|$)`)

// monthly: the sentence of a change names a month before it, so its rate
// may be that month's, not the year's.
func monthly(c *Change) bool {
	before := doc.RuneSlice([]rune(c.Block.Text), 0, c.Start)
	if i := strings.LastIndexAny(before, "。；;"); i >= 0 {
		before = before[i:]
	}
	return monthRe.MatchString(before)
}

// comparablePrices: reckoned at comparable prices (按可比价格计算), as
// volumes grow; comparableBasis: any other comparable basis (可比口径,
// 剔除…因素) whose bases are not printed.
var (
	comparablePrices = regexp.MustCompile(`(?:按|以)?可比价(?:格)?(?:计算)?`)
	comparableBasis  = regexp.MustCompile(`剔除|可比|口径`)
)

// atComparablePrices: a change marked comparable only for being reckoned
// at comparable prices — a volume's growth, still the mean of its parts'.
func atComparablePrices(c *Change) bool {
	rs := []rune(c.Block.Text)
	start, end := c.Start, c.End
	for start > 0 && !strings.ContainsRune("。！？!?", rs[start-1]) {
		start--
	}
	for end < len(rs) && !strings.ContainsRune("。！？!?", rs[end]) {
		end++
	}
	t := doc.RuneSlice(rs, start, end)
	return comparablePrices.MatchString(t) && !comparableBasis.MatchString(comparablePrices.ReplaceAllString(t, ""))
}

// viewRe: a clause that names what a list divides, 在地方规模以上工业中 or
// 限额以上零售总额按经营地统计.
var viewRe = regexp.MustCompile(`^(?:在(\p{Han}+)中|(\p{Han}+?)(?:按|分)\p{Han}*(?:统计|看|分|划分))$`)

// viewOf: the clauses between a whole's rate and its first part name no
// other whole the parts divide (在地方规模以上工业中，分门类看 lists the
// local industry's parts, not all industry's).
func (s *Set) viewOf(whole, first *Change, spell []string) bool {
	var between string
	if first.Block == whole.Block {
		between = doc.RuneSlice([]rune(whole.Block.Text), whole.End, first.Start)
	} else {
		between = doc.RuneSlice([]rune(first.Block.Text), 0, first.Start)
	}
	if i := strings.LastIndexAny(between, "。；;"); i >= 0 {
		between = between[i:]
	}
	for _, cl := range strings.FieldsFunc(between, func(r rune) bool { return strings.ContainsRune("。；;，,：:", r) }) {
		m := viewRe.FindStringSubmatch(strings.TrimSpace(cl))
		if m == nil {
			continue
		}
		k := mixName(keyOf(m[1] + m[2]))
		if k == "" || spreadLead.MatchString(k) {
			continue
		}
		named := false
		for _, w := range spell {
			named = named || strings.HasPrefix(w, k) || strings.HasSuffix(k, w)
		}
		if !named {
			return false
		}
	}
	return true
}

// printedSum: the whole and every part are stated with their values, and
// the parts' make the whole's.
func printedSum(whole *Change, parts []*Change) bool {
	if whole.Current == nil || !whole.Current.Unit.IsAmount() {
		return false
	}
	for _, p := range parts {
		if p.Current == nil || !p.Current.Unit.IsAmount() {
			return false
		}
	}
	return addsUp(whole, parts)
}

// addsUp: when the whole and every part are stated with their values, the
// parts' values make the whole's (else the list divides another whole).
func addsUp(whole *Change, parts []*Change) bool {
	if whole.Current == nil || !whole.Current.Unit.IsAmount() {
		return true
	}
	var sum num.Interval
	for i, p := range parts {
		if p.Current == nil || !p.Current.Unit.IsAmount() {
			return true
		}
		if i == 0 {
			sum = p.Current.Yuan()
		} else {
			sum = sum.Add(p.Current.Yuan())
		}
	}
	return sum.Meets(whole.Current.Yuan())
}
