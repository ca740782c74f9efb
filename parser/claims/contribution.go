package claims

import (
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Contribution: how a whole's growth divides among the complete list of
// its parts — each part's contribution rate (贡献率: its share of the
// growth, in %) and its pull (拉动: the percentage points of the whole's
// rate it accounts for), given together (三次产业对全市经济增长的贡献率
// 分别为8.2%、44.6%和47.2%；分别拉动全市GDP增长0.8个、1.9个、2.9个百分点)
// or part by part (第一产业增加值…，对GDP的贡献率为15.9%；第二产业…). A
// part's pull is the change of its value over the whole's value the year
// before, so the pulls of a complete list add up to the whole's growth
// rate, its contributions to 100%, and a pull is its contribution times
// that rate. The parts are complete when they name every member of a
// decomposition (vocabulary rate_decompositions, collectives).
type Contribution struct {
	Span
	Names   []string  // the parts, in order
	Rates   []*Figure // their contribution rates, nil when not printed
	Pulls   []*Figure // their pulls, nil when not printed
	PullNeg []bool    // a pull written 下拉 (downward): its figure's sign is turned
	// Growth is the whole's growth printed before the list, nil if none.
	Growth *Change

	decomp int // the decomposition the parts make (an index of rateDecomps)
}

// Kind names the claim kind.
func (*Contribution) Kind() string { return "contribution" }

var (
	// contribLead ends the text before the first contribution of a list
	// or of a part: 对全市经济增长的贡献率分别为, 对GDP的贡献率为, 贡献率为.
	contribLead = regexp.MustCompile(`贡献率(?:分别)?(?:为|是|达到|达)?\s*$`)
	// pullLead ends the text before the first pull: 分别拉动全市GDP增长,
	// 拉动规上工业增加值增速, 下拉固定资产投资. Its group is the verb.
	pullLead = regexp.MustCompile(`(拉动|下拉)[^，,；;。:：\d]{0,20}?\s*$`)
	// listJoin: what stands between two terms of a list (个 of 0.8个、1.9个).
	listJoin = regexp.MustCompile(`^(?:个)?[\s、，,和及与]*$`)
	// pointsEnd: what follows a list of pulls.
	pointsEnd = regexp.MustCompile(`^\s*(?:个)?百分点`)
)

// pendingTerm is one part's contribution or pull read part by part, its
// part named by the clause it ends.
type pendingTerm struct {
	name string
	fig  *Figure
	pull bool
	neg  bool
}

// contributions reads sentence s's lists of contributions and pulls.
func (bx *blockCtx) contributions(s [2]int, figs []*Figure) {
	var lists []*Contribution
	var singles []pendingTerm
	for i := 0; i < len(figs); i++ {
		f := figs[i]
		cs := bx.clauseStart(f.Start, s[0])
		pre := bx.text(cs, f.Start)
		rate := f.Unit == UnitPercent && contribLead.MatchString(pre)
		pm := pullLead.FindStringSubmatchIndex(pre)
		if !rate && pm == nil || f.Paren {
			continue
		}
		terms := []*Figure{f}
		for j := i + 1; j < len(figs) && listJoin.MatchString(bx.text(bx.unitEndOf(terms[len(terms)-1]), figs[j].Start)); j++ {
			if rate != (figs[j].Unit == UnitPercent) || figs[j].Paren {
				break
			}
			terms = append(terms, figs[j])
		}
		i += len(terms) - 1
		last := terms[len(terms)-1]
		if !rate && !pointsEnd.MatchString(bx.text(last.NumEnd, last.NumEnd+6)) {
			continue
		}
		neg := pm != nil && pre[pm[2]:pm[3]] == "下拉"
		verb := cs // where the list's verb phrase starts: its subject ends there
		switch {
		case !rate:
			verb = cs + runeIndex(pre, pm[0])
		case strings.Contains(pre, "对"):
			verb = cs + runeIndex(pre, strings.LastIndex(pre, "对"))
		}
		subject := strings.TrimSuffix(cleanSubject(bx.text(cs, verb)), "分别")
		if len(terms) == 1 {
			singles = append(singles, pendingTerm{name: bx.partOfSegment(s, f.Start), fig: f, pull: !rate, neg: neg})
			continue
		}
		names := bx.set.vocab.expandNames(subject, len(terms))
		if subject == "" {
			names = bx.namesBefore(s, cs, lists, len(terms))
		}
		if names == nil {
			continue
		}
		// a list of pulls after a list of contributions of the same parts
		// is theirs (…贡献率分别为…，分别拉动…)
		var c *Contribution
		if n := len(lists); n > 0 && !rate && lists[n-1].Pulls == nil && sameNames(lists[n-1].Names, names) {
			c = lists[n-1]
		} else {
			c = &Contribution{Names: names, Span: Span{Block: bx.b, Start: f.Start}}
			lists = append(lists, c)
		}
		if rate {
			c.Rates = terms
		} else {
			c.Pulls, c.PullNeg = terms, make([]bool, len(terms))
			for k := range terms {
				c.PullNeg[k] = neg
			}
		}
		c.End = bx.termEnd(last, !rate)
	}
	lists = append(lists, bx.partByPart(singles)...)
	bx.set.Contributions = append(bx.set.Contributions, lists...)
}

// termEnd is where a contribution or a pull ends, 个百分点 included.
func (bx *blockCtx) termEnd(f *Figure, pull bool) int {
	if m := pointsEnd.FindStringIndex(bx.text(f.NumEnd, f.NumEnd+6)); pull && m != nil {
		return f.NumEnd + runeIndex(bx.text(f.NumEnd, f.NumEnd+6), m[1])
	}
	return bx.unitEndOf(f)
}

// unitEndOf is where a figure and the word of its unit end (个 of 0.8个
// is not part of a count's span).
func (bx *blockCtx) unitEndOf(f *Figure) int {
	if f.Unit == UnitCount && f.Count != "" && strings.HasPrefix(bx.text(f.NumEnd, f.NumEnd+len([]rune(f.Count))), f.Count) && f.Count == "个" {
		return f.NumEnd + 1
	}
	return f.End
}

// namesBefore names the parts of a list whose clause names none: the
// list of the sentence before it with as many parts (…贡献率分别为…，分别
// 拉动…), else the collective the clause before opens with (三次产业结构为
// 3.4:45.7:50.9，对经济增长的贡献率分别为…).
func (bx *blockCtx) namesBefore(s [2]int, cs int, lists []*Contribution, n int) []string {
	if k := len(lists); k > 0 && len(lists[k-1].Names) == n {
		return lists[k-1].Names
	}
	if cs <= s[0] {
		return nil
	}
	from := cs - 1 // the clause before, a ratio's colons in it
	for from > s[0] && !strings.ContainsRune("，,；;", bx.rs[from-1]) {
		from--
	}
	prev := strings.TrimSpace(bx.text(from, cs-1))
	for _, c := range bx.set.vocab.collectives {
		if len(c.members) != n {
			continue
		}
		for _, sp := range c.spellings {
			if lead, _, ok := strings.Cut(prev, sp); ok && spreadLead.MatchString(keyOf(lead)) {
				return append([]string(nil), c.members...)
			}
		}
	}
	return nil
}

// partOfSegment names the part a lone contribution or pull is of: the
// subject of the first amount or change of its ；-segment (第一产业增加值
// 230.26亿元，比上年增长5.4%，对GDP的贡献率为15.9%; 采矿业同比增长13.9%，
// …，贡献率为44.5%).
func (bx *blockCtx) partOfSegment(s [2]int, at int) string {
	start := s[0]
	for i := at - 1; i > s[0]; i-- {
		if bx.rs[i] == '；' || bx.rs[i] == ';' {
			start = i + 1
			break
		}
	}
	for _, f := range bx.figsIn(start, at) {
		if f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && f.Subject != "" {
			return f.Subject
		}
	}
	for _, c := range bx.blockChanges {
		if c.Start >= start && c.Start < at && c.Subject != "" {
			return c.Subject
		}
	}
	return ""
}

// partByPart joins the lone contributions and pulls of one sentence's
// segments into a list when their parts are the members of a
// decomposition, each named once, all of them contributions or pulls of
// the same kind (a pull and a contribution may share a segment).
func (bx *blockCtx) partByPart(singles []pendingTerm) []*Contribution {
	if len(singles) < 2 {
		return nil
	}
	var names []string
	byName := map[string]int{}
	c := &Contribution{Span: Span{Block: bx.b, Start: singles[0].fig.Start}}
	var rates, pulls []*Figure
	var negs []bool
	for _, t := range singles {
		if t.name == "" {
			return nil
		}
		k, seen := byName[t.name]
		if !seen {
			k = len(names)
			byName[t.name] = k
			names = append(names, t.name)
		}
		if t.pull {
			if len(pulls) != k {
				return nil
			}
			pulls, negs = append(pulls, t.fig), append(negs, t.neg)
		} else {
			if len(rates) != k {
				return nil
			}
			rates = append(rates, t.fig)
		}
		c.End = max(c.End, bx.termEnd(t.fig, t.pull))
	}
	if len(rates) > 0 && len(rates) != len(names) || len(pulls) > 0 && len(pulls) != len(names) {
		return nil
	}
	c.Names = names
	if len(rates) > 0 {
		c.Rates = rates
	}
	if len(pulls) > 0 {
		c.Pulls, c.PullNeg = pulls, negs
	}
	return []*Contribution{c}
}

// sameNames: two lists name the same parts in the same order.
func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if keyOf(a[i]) != keyOf(b[i]) {
			return false
		}
	}
	return true
}

// contributionWholes keeps the lists whose parts make a whole of the
// vocabulary's decompositions, every member named once, and gives each
// the whole's growth printed before it: the nearest change of the whole
// (not per head) in its paragraph or the two before.
func (s *Set) contributionWholes() {
	k := 0
	for _, c := range s.Contributions {
		c.decomp = s.decompOf(c.Names)
		if c.decomp < 0 {
			continue
		}
		c.Growth = s.growthBefore(c, s.rateDecomps[c.decomp])
		s.Contributions[k] = c
		k++
	}
	s.Contributions = s.Contributions[:k]
}

// decompOf is the decomposition whose members the names are, one each,
// -1 for none.
func (s *Set) decompOf(names []string) int {
	for i, d := range s.rateDecomps {
		members := d[1:]
		if len(members) != len(names) {
			continue
		}
		used := map[int]bool{}
		for _, n := range names {
			key := mixName(keyOf(bracketed.ReplaceAllString(n, "")))
			for j, sp := range members {
				if !used[j] && namesPart(key, sp) {
					used[j] = true
					break
				}
			}
		}
		if len(used) == len(members) {
			return i
		}
	}
	return -1
}

// growthBefore is the whole's growth a list's pulls add up to.
func (s *Set) growthBefore(c *Contribution, d [][]string) *Change {
	var best *Change
	for _, o := range s.Changes {
		if o.Block.Index > c.Block.Index || o.Block == c.Block && o.Start >= c.Start {
			break
		}
		if o.Block.Index < c.Block.Index-2 || o.Rate == nil || o.RateDir != DirNone || o.Annual ||
			o.Dir != DirUp && o.Dir != DirDown || monthly(o) {
			continue
		}
		raw := o.Subject // the key drops 均 of 人均
		if o.Current != nil {
			raw += o.Current.Subject
		}
		name := s.spreadName(o)
		if namesWhole(name, d[0]) && !namesAnyPart(name, d[1:]) && !perCapitaRe.MatchString(raw) {
			best = o
		}
	}
	if best != nil && !s.noOtherWhole(best, c) {
		return nil
	}
	return best
}

// noOtherWhole: between the whole's change and the list no paragraph
// heading starts another subject.
func (s *Set) noOtherWhole(g *Change, c *Contribution) bool {
	for _, b := range s.Doc.Blocks[g.Block.Index : c.Block.Index+1] {
		if b != g.Block && b.Kind == doc.KindHeading {
			return false
		}
	}
	return true
}
