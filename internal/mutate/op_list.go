package mutate

import (
	"math/rand/v2"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/num"
)

// part and total: in 收入X亿元，其中税收收入Y亿元、非税收入Z亿元, one part
// (part) or the total (total) gets another value.

// list is a total and the amounts listed after its 其中.
type list struct {
	total      *Figure
	totalPara  *Para
	parts      []*Figure
	exhaustive int // parts[:exhaustive] add up to the total; 0 when no prefix does
}

func init() {
	register("part", func(v *View, rng *rand.Rand) []*Site {
		var out []*Site
		for _, l := range v.lists {
			for i, f := range l.parts {
				st := numberSite("part", f.Group.sentence.Para, f, rng, nil)
				if st == nil {
					continue
				}
				st.Checkable, st.Why = v.partEvidence(l, i, st)
				out = append(out, st)
			}
		}
		return out
	})
	register("total", func(v *View, rng *rand.Rand) []*Site {
		var out []*Site
		for _, l := range v.lists {
			st := numberSite("total", l.totalPara, l.total, rng, nil)
			if st == nil {
				continue
			}
			st.Checkable, st.Why = v.totalEvidence(l, st)
			out = append(out, st)
		}
		return out
	})
}

// lists finds every 其中 with a total before it (in its sentence, or ending
// the sentence before when 其中 opens the sentence) and parts after it. A
// sentence holds one list per ；-clause that opens one (偿还本金442亿元，其中
// …；支付利息203.6亿元，其中…): each is read from its clause on, and the one
// before ends at that ；.
func lists(v *View) []*list {
	var out []*list
	for _, p := range v.Paras {
		for _, s := range p.Sentences {
			var ls []*list
			for _, c := range listClauses(p, s) {
				if l := readList(p, s, c); l != nil {
					ls = append(ls, l)
				}
			}
			for _, l := range append(ls, bracketLists(p, s)...) {
				if l.addsUp(v.Kind) {
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// perHeadRe: averages (人均可支配收入) do not add up to the average of all.
var perHeadRe = regexp.MustCompile(`人均|平均|每人|户均|生均`)

// exclusiveUnits are counts of things each in one category (a vehicle is
// for one use), and weights: such lists add up like money.
var exclusiveUnits = map[string]bool{"辆": true, "台": true, "套": true, "吨": true, "万吨": true}

// addsUp reports whether a list's parts are amounts that add up to its
// total, as a reader takes them: not averages of groups (城镇居民人均可支配
// 收入 above the average of all is no error), unless they are the parts of
// one average (工资性收入, 经营净收入…); and in a statistical bulletin not
// counts of institutions, listed by overlapping categories and run on past
// the list (检验检测机构67家，其中…，特种设备生产单位67家).
func (l *list) addsUp(kind string) bool {
	if perHeadRe.MatchString(l.total.Lead) && !completeNames(l.parts) {
		return false
	}
	if kind == "bulletin" && !l.total.Money() && !exclusiveUnits[l.total.Unit] && !completeNames(l.parts) {
		return false
	}
	return true
}

// bracketLists finds a figure broken down in the brackets right after it:
// opened by 其中 (268,800万元（其中：国有土地使用权出让收入230,000万元）), or
// naming all the members of a complete decomposition (4241.97亿元（一般债券
// 104.62亿元、专项债券4137.35亿元）).
func bracketLists(p *Para, s *Sentence) []*list {
	var out []*list
	for gi, g := range s.Groups {
		head := g.Amount
		if head == nil || head.Paren || !level(head) || bound(head) {
			continue
		}
		open := head.End
		if open >= len(p.Fold) || (p.Fold[open] != '(' && p.Fold[open] != '（') {
			continue
		}
		l := &list{total: head, totalPara: p}
		for _, h := range s.Groups[gi+1:] {
			f := h.Amount
			if f == nil || !p.inParen(f.Start) || p.depth[f.Start] != p.depth[open]+1 {
				break
			}
			if level(f) && !bound(f) && sameKind(f, head) {
				l.parts = append(l.parts, f)
			}
		}
		opened := strings.HasPrefix(string(p.Fold[open+1:min(open+4, len(p.Fold))]), "其中")
		if len(l.parts) == 0 || !opened && (len(l.parts) < 2 || !completeNames(l.parts)) {
			continue
		}
		if len(l.parts) >= 2 && interval(head.Value, head.Unit).Meets(sumOf(l.parts)) {
			l.exhaustive = len(l.parts)
		}
		out = append(out, l)
	}
	return out
}

// sumOf adds amounts' intervals.
func sumOf(fs []*Figure) num.Interval {
	sum := num.Int(0)
	for _, f := range fs {
		sum = sum.Add(interval(f.Value, f.Unit))
	}
	return sum
}

// clause is the span [from, to) of a sentence a list is read in, and where
// its 其中 stands.
type clause struct{ from, at, to int }

func listClauses(p *Para, s *Sentence) []clause {
	text := string(p.Fold[s.Start:s.End])
	var out []clause
	for off := 0; ; {
		k := strings.Index(text[off:], "其中")
		if k < 0 {
			break
		}
		at := s.Start + len([]rune(text[:off+k]))
		off += k + len("其中")
		if p.inParen(at) {
			continue // (其中…) lists its bracket's figure: bracketLists
		}
		if len(out) == 0 {
			out = append(out, clause{s.Start, at, s.End})
			continue
		}
		last := &out[len(out)-1]
		cut := -1
		for i := last.at; i < at; i++ {
			if p.Fold[i] == '；' || p.Fold[i] == ';' {
				cut = i
			}
		}
		if cut < 0 || strings.TrimSpace(string(p.Fold[cut+1:at])) == "" {
			continue // the same list goes on, or 其中 opens a clause of its own
		}
		last.to = cut
		out = append(out, clause{cut + 1, at, s.End})
	}
	return out
}

// readList reads the list whose 其中 stands at c.at.
func readList(p *Para, s *Sentence, c clause) *list {
	at := c.at
	l := &list{}
	for _, g := range s.Groups {
		if g.Amount != nil && g.Amount.Start >= c.from && g.Amount.End <= at && level(g.Amount) && !bound(g.Amount) && !g.Amount.Paren {
			l.total, l.totalPara = g.Amount, p
		}
	}
	if l.total != nil && !closeBefore(p, l.total.End, at) {
		l.total = nil // 其中 belongs to a later clause's subject
	}
	if l.total == nil && c.from == s.Start && at-s.Start <= 3 {
		if ps := s.previous(); ps != nil && len(ps.Groups) > 0 {
			if a := ps.Groups[len(ps.Groups)-1].Amount; level(a) && !bound(a) {
				l.total, l.totalPara = a, p
			}
		}
	}
	if l.total == nil {
		return nil
	}
	for _, g := range s.Groups {
		if g.Amount == nil || g.Amount.Start <= at {
			continue
		}
		if g.Amount.Start >= c.to || listEndRe.MatchString(g.Lead) || otherSide(l.total.Lead, g.Lead) {
			break // 加上上级补助…，收入合计: the list is over; so at 支出 after a 收入 total
		}
		if level(g.Amount) && !bound(g.Amount) && !g.Amount.Paren && sameKind(g.Amount, l.total) {
			l.parts = append(l.parts, g.Amount)
		}
	}
	if len(l.parts) == 0 {
		return nil
	}
	sum := num.Int(0)
	want := interval(l.total.Value, l.total.Unit)
	for i, f := range l.parts {
		sum = sum.Add(interval(f.Value, f.Unit))
		if i >= 1 && sum.Meets(want) {
			l.exhaustive = i + 1
			break
		}
	}
	return l
}

// otherSide reports whether two leads name opposite sides of an account,
// 收入 and 支出 (the last of the two each names): the spending stated after
// a revenue's 其中 is not one of its parts.
func otherSide(a, b string) bool {
	sa, sb := side(a), side(b)
	return sa != "" && sb != "" && sa != sb
}

// side is the last of 收入 and 支出 a lead names. The benchmark reads
// documents without the linter's claims package, so that the linter's
// readings do not decide what counts as checkable; hence its own copy.
func side(lead string) string {
	i, e := strings.LastIndex(lead, "收入"), strings.LastIndex(lead, "支出")
	switch {
	case i < 0 && e < 0:
		return ""
	case i > e:
		return "收入"
	}
	return "支出"
}

// closeBefore reports whether 其中 at rune at follows the total ending at
// rune end in the same clause chain: no ； between, at most 60 characters.
func closeBefore(p *Para, end, at int) bool {
	return at-end <= 60 && !strings.ContainsAny(string(p.Fold[end:at]), "；;")
}

// listEndRe: words after which an amount is no longer a part of the list.
var listEndRe = regexp.MustCompile(`合计|总计|总量|共计|加上|减去|扣除|收支相抵|结余|结转`)

// sum adds the exhaustive parts, part i replaced by repl (none when i < 0).
func (l *list) sum(i int, repl num.Interval) num.Interval {
	sum := num.Int(0)
	for k, f := range l.parts[:l.exhaustive] {
		if k == i {
			sum = sum.Add(repl)
		} else {
			sum = sum.Add(interval(f.Value, f.Unit))
		}
	}
	return sum
}

func planted(st *Site, f *Figure) num.Interval {
	d, _ := parseWritten(st.New)
	return interval(d, f.Unit)
}

// completeSets are decompositions whose names say the list is whole: a
// 其中 list naming all of one set leaves nothing out, so parts short of
// the total contradict it. Any other 其中 list may leave parts out.
var completeSets = [][]string{
	{"税收收入", "非税收入"},
	{"一般债务", "专项债务"},
	{"一般债券", "专项债券"},
	{"新增债券", "再融资债券"},
	{"第一产业", "第二产业", "第三产业"},
	{"出口", "进口"},
	{"固定电话", "移动电话"},
	{"夏粮", "秋粮"},
	{"货物", "工程", "服务"},
	// the four incomes that make a disposable income per head
	{"工资", "经营净收入", "财产净收入", "转移净收入"},
}

// complete reports whether the list's exhaustive parts name a whole set.
func (l *list) complete() bool { return completeNames(l.parts[:l.exhaustive]) }

// completeNames reports whether parts are the members of a whole set, one
// each: 新增债券 and 再融资债券 beside a third part are not all of it.
func completeNames(parts []*Figure) bool {
	for _, set := range completeSets {
		if len(set) != len(parts) {
			continue
		}
		found := 0
		for _, name := range set {
			for _, f := range parts {
				if strings.Contains(f.Lead, name) {
					found++
					break
				}
			}
		}
		if found == len(set) {
			return true
		}
	}
	return false
}

// sumEvidence judges a planted change to a list whose parts add up to its
// total: parts that now exceed the total contradict it; parts that now fall
// short contradict it only when the list is complete by name.
func (l *list) sumEvidence(sum, total num.Interval) (bool, string) {
	switch {
	case sum.Meets(total):
		return false, "planted value within the rounding of the parts' sum"
	case total.Below(sum):
		return true, "sentence: the parts (adding up to the total) now exceed it"
	case l.complete():
		return true, "sentence: the parts of a complete decomposition now fall short of the total"
	}
	return false, "the parts now fall short of the total: a 其中 list may leave parts out"
}

// changePinned reports whether group g's amount is pinned by its change
// printed both as an amount and as a rate (this year = last year + change,
// last year = change / rate).
func changePinned(g *Group) bool {
	s := g.sentence
	var amount, rate bool
	for i := g.Index; i <= g.Index+1 && i < len(s.Groups); i++ {
		h := s.Groups[i]
		if i > g.Index && !isChange(h.Amount) {
			break
		}
		amount = amount || (i > g.Index && isChange(h.Amount))
		for _, r := range h.Rates {
			rate = rate || isChange(r)
		}
	}
	return amount && rate
}

// partEvidence: a changed part is checkable when the parts added up to the
// total and no longer do (see sumEvidence), when it now exceeds the total,
// or when its share, its change (amount and rate) or a table row pin it.
func (v *View) partEvidence(l *list, i int, st *Site) (bool, string) {
	f := l.parts[i]
	total := interval(l.total.Value, l.total.Unit)
	switch {
	case i < l.exhaustive:
		return l.sumEvidence(l.sum(i, planted(st, f)), total)
	case total.Below(planted(st, f)):
		return true, "sentence: the part now exceeds the total"
	}
	for _, r := range f.Group.Rates {
		if isShareRate(r) {
			return true, "sentence: the part's share is printed"
		}
	}
	if changePinned(f.Group) {
		return true, "sentence: the part's change is printed as amount and rate"
	}
	if v.inTable(f) {
		return true, "table: the part stands in a table row"
	}
	return false, "list not exhaustive, and no share, change or table row for the part"
}

// totalEvidence: a changed total is checkable when the parts added up to
// it and no longer do (see sumEvidence), when a part now exceeds it, when
// the parts' shares of it are printed, or when its change (amount and
// rate) or a table row pin it.
func (v *View) totalEvidence(l *list, st *Site) (bool, string) {
	t := planted(st, l.total)
	if l.exhaustive > 0 {
		return l.sumEvidence(l.sum(-1, num.Interval{}), t)
	}
	for _, f := range l.parts {
		if t.Below(interval(f.Value, f.Unit)) {
			return true, "sentence: a part now exceeds the total"
		}
		for _, r := range f.Group.Rates {
			if isShareRate(r) {
				return true, "sentence: the parts' shares are printed"
			}
		}
	}
	if changePinned(l.total.Group) {
		return true, "sentence: the total's change is printed as amount and rate"
	}
	if v.inTable(l.total) {
		return true, "table: the total stands in a table row"
	}
	return false, "list not exhaustive, and no share, change or table row for the total"
}
