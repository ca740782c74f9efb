package claims

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

// A whole's make-up across the complete list of its parts, printed under
// a collective name of the parts (vocabulary `collectives`): as a ratio of
// the parts' shares in percent (三次产业结构为2.4:28.6:69.0), or as shares
// given together (三次产业增加值占地区生产总值比重分别为2.39%、28.56%、
// 69.05%). Each term is a part's share of the whole, so the ratio is read
// as Share claims of one complete list and the share checks decide it:
// each term against its part's amount and the whole's, when the list just
// before breaks the whole down into those parts (地区生产总值…。其中，第一
// 产业增加值…；第二产业…；第三产业…), else the terms' sum against 100%.

// collective is a name for all the members of a complete list, in order
// (三次产业 for 第一产业, 第二产业, 第三产业).
type collective struct {
	spellings []string
	members   []string
}

// parseCollectives reads "三次产业|第一、二、三产业=第一产业,第二产业,第三产业".
func parseCollectives(v Vocabulary) []collective {
	var out []collective
	for _, e := range v["collectives"] {
		names, members, ok := strings.Cut(e, "=")
		if !ok {
			continue
		}
		c := collective{spellings: splitTrim(names, "|"), members: splitTrim(members, ",")}
		if len(c.spellings) > 0 && len(c.members) >= 2 {
			out = append(out, c)
		}
	}
	return out
}

// structureLead: a collective name, what of the parts it measures (投资,
// 增加值, or nothing: their size), and the word that makes the ratio a
// structure (三次产业结构为, 三次产业比重为, 三次产业投资构成为).
func structureLead(cs []collective) *regexp.Regexp {
	var names []string
	for _, c := range cs {
		names = append(names, c.spellings...)
	}
	return regexp.MustCompile(`(` + alt(names) + `)(\p{Han}{0,6}?)(?:结构比例|结构比|结构|比重|比例|构成)(?:为|是)?\s*$`)
}

// ratioSep: the colon between two terms of a ratio, in any of its widths.
var ratioSep = regexp.MustCompile(`^\s*[:：∶︰]\s*$`)

// namedList is a list of shares whose parts are the members of a complete
// list in order, named together: each share's part as the list names it,
// its amount looked up once the document is read (namedListParts).
type namedList struct {
	shares []*Share
	names  []string
}

// structures reads the ratios of sentence s whose terms are the shares of
// a collective's members.
func (bx *blockCtx) structures(s [2]int, figs []*Figure) {
	lx := bx.set.vocab
	if len(lx.collectives) == 0 {
		return
	}
	for i := 0; i < len(figs); i++ {
		f := figs[i]
		cs := bx.clauseStart(f.Start, s[0])
		m := bx.find(lx.structureRe, cs, f.Start)
		if len(m) == 0 || f.Unit != UnitNone || f.Paren {
			continue
		}
		name, qual := bx.text(m[0][2], m[0][3]), bx.text(m[0][4], m[0][5])
		c := lx.collectiveNamed(name)
		if c == nil {
			continue
		}
		terms := []*Figure{f}
		for j := i + 1; j < len(figs) && ratioSep.MatchString(bx.text(terms[len(terms)-1].End, figs[j].Start)); j++ {
			terms = append(terms, figs[j])
		}
		i += len(terms) - 1
		last := terms[len(terms)-1]
		if len(terms) != len(c.members) || !bx.ratioEnds(last.End) || !percentTerms(terms) {
			continue // a ratio of other terms (城乡收入比2.05:1), or not the members'
		}
		nl := &namedList{}
		for k, t := range terms {
			if t.Unit != UnitNone || t.Paren {
				nl = nil
				break
			}
			sh := &Share{Pct: t, Span: Span{Block: bx.b, Start: t.Start, End: t.End}, Ratio: true}
			nl.shares = append(nl.shares, sh)
			nl.names = append(nl.names, c.members[k]+qual)
		}
		if nl == nil {
			continue
		}
		bx.set.Shares = append(bx.set.Shares, nl.shares...)
		bx.set.namedLists = append(bx.set.namedLists, nl)
	}
}

// ellipticRe: a share that names its part and leaves 占 and the whole
// to the share before it (…占地区生产总值比重为16.8%，第二产业增加值比重为
// 32.3%).
var ellipticRe = regexp.MustCompile(`^\s*(\p{Han}{2,20}?)比重(?:为|是|达到|达)?\s*$`)

// ellipticShares reads the shares of sentence s written after a share of
// a named whole with 占 and the whole left out: they are of that whole.
func (bx *blockCtx) ellipticShares(s [2]int, figs []*Figure) {
	var prev *Share
	for _, f := range figs {
		if n := len(bx.set.Shares); n > 0 && bx.set.Shares[n-1].Pct == f {
			prev = bx.set.Shares[n-1]
			continue
		}
		if f.Unit != UnitPercent || f.Role != RoleOther || f.Paren || prev == nil || prev.Block != bx.b || prev.Pct.Start < s[0] || prev.named == "" {
			prev = nil
			continue
		}
		cs := bx.clauseStart(f.Start, s[0])
		m := ellipticRe.FindStringSubmatch(bx.text(cs, f.Start))
		if m == nil || !strings.Contains(bx.text(prev.Pct.Start-12, prev.Pct.Start), "比重") || bx.hasFigure(prev.Pct.End, cs) {
			prev = nil
			continue
		}
		name := cleanSubject(m[1])
		sh := &Share{Pct: f, PartName: name, WholeName: prev.WholeName, Whole: prev.Whole,
			named: prev.named, namedQual: prev.namedQual, at: cs, Span: Span{Block: bx.b, Start: f.Start, End: f.End}}
		sh.Part = bx.set.lookupLevel(bx.b, cs, keyOf(name), QualNone, bx.set.Facts.Kind, nil)
		if sh.Part == nil {
			sh.Part = bx.namedBefore(s, cs, keyOf(name))
		}
		f.Role = RoleShare
		bx.set.Shares = append(bx.set.Shares, sh)
		prev = sh
	}
}

// ratioEnds: nothing after a ratio's last term carries it on (another
// colon, a unit, a digit).
func (bx *blockCtx) ratioEnds(end int) bool {
	next := strings.TrimLeft(bx.text(end, end+2), " ")
	if next == "" {
		return true
	}
	r := []rune(next)[0]
	return !strings.ContainsRune(":：∶︰%％‰.", r) && !isDigit(r) && !strings.ContainsRune("个倍万亿元", r)
}

// percentTerms: the terms of a structure are percentages when they add up
// to about 100 — within half of it, so that a term printed wrong is still
// read and reported; a ratio to 1 or to 10 adds up far from it.
func percentTerms(terms []*Figure) bool {
	sum := num.Point(terms[0].Value.Rat())
	for _, t := range terms[1:] {
		sum = sum.Add(num.Point(t.Value.Rat()))
	}
	return sum.Meets(num.Interval{Lo: big.NewRat(50, 1), Hi: big.NewRat(150, 1)})
}

// collectiveNamed is the collective one of whose spellings name is.
func (lx *lexicon) collectiveNamed(name string) *collective {
	for i, c := range lx.collectives {
		for _, sp := range c.spellings {
			if sp == name {
				return &lx.collectives[i]
			}
		}
	}
	return nil
}

// expandNames is the parts a subject names together, in order: a
// collective's members with what the subject says after the name (三次产业
// 增加值: 第一产业增加值, …), or the names it joins with 、 (第一产业、第二
// 产业、第三产业增加值). nil when it names no complete list of n.
func (lx *lexicon) expandNames(subject string, n int) []string {
	for _, c := range lx.collectives {
		if len(c.members) != n {
			continue
		}
		for _, sp := range c.spellings {
			lead, rest, ok := strings.Cut(subject, sp)
			if !ok || !spreadLead.MatchString(keyOf(lead)) || strings.ContainsAny(rest, "、，,") {
				continue
			}
			out := make([]string, n)
			for k, m := range c.members {
				out[k] = m + rest
			}
			return out
		}
	}
	names := strings.Split(subject, "、")
	if len(names) != n {
		return nil
	}
	named := make([]*Figure, n)
	for k, x := range names {
		named[k] = &Figure{Subject: x}
	}
	if !lx.closedStrict(named) {
		return nil
	}
	return names
}

// togetherLists finds the shares given together under one subject that
// names a complete list (第一、二、三产业增加值占地区生产总值的比重分别为
// 3.1%、35.0%和61.9%): consecutive shares of a block with that subject,
// only list marks between them, 分别 before the first.
func (s *Set) togetherLists() {
	sep := regexp.MustCompile(`^[\s、，,和及与]*$`)
	for _, run := range s.shareRuns(func(sh, prev, o *Share) bool {
		return !sh.Ratio && sh.Part == nil && sh.PartName != "" && !o.Ratio && o.Part == nil && o.PartName == sh.PartName &&
			sep.MatchString(doc.RuneSlice([]rune(sh.Block.Text), prev.Pct.End, o.Pct.Start))
	}) {
		sh := run[0]
		rs := []rune(sh.Block.Text)
		if !strings.Contains(doc.RuneSlice(rs, sh.Pct.Start-30, sh.Pct.Start), "分别") {
			continue
		}
		names := s.vocab.expandNames(sh.PartName, len(run))
		if names == nil {
			continue
		}
		s.namedLists = append(s.namedLists, &namedList{shares: append([]*Share(nil), run...), names: names})
	}
}

// seriesLists finds the shares of one sentence, each naming its part,
// of one named whole, whose parts are the members of a complete list
// (第一产业增加值占地区生产总值比重为16.8%，第二产业增加值比重为32.3%，
// 第三产业增加值比重为50.9%).
func (s *Set) seriesLists() {
	listed := map[*Share]bool{}
	for _, nl := range s.namedLists {
		for _, sh := range nl.shares {
			listed[sh] = true
		}
	}
	for _, run := range s.shareRuns(func(sh, prev, o *Share) bool {
		return !sh.Ratio && sh.named != "" && sh.PartName != "" && !listed[sh] && !o.Ratio && !listed[o] &&
			o.named == sh.named && o.PartName != "" &&
			!strings.ContainsRune(doc.RuneSlice([]rune(sh.Block.Text), prev.Pct.End, o.Pct.Start), '。')
	}) {
		names := make([]string, len(run))
		named := make([]*Figure, len(run))
		for k, o := range run {
			names[k] = o.PartName
			named[k] = &Figure{Subject: o.PartName}
		}
		if s.vocab.closedStrict(named) {
			s.namedLists = append(s.namedLists, &namedList{shares: append([]*Share(nil), run...), names: names})
		}
	}
}

// shareRuns splits the document's shares into runs of two or more
// consecutive shares of one block, each joining the run its first share
// opened while joins(first, the one before, it) holds.
func (s *Set) shareRuns(joins func(first, prev, o *Share) bool) [][]*Share {
	var runs [][]*Share
	for i := 0; i < len(s.Shares); {
		j := i + 1
		for j < len(s.Shares) && s.Shares[j].Block == s.Shares[i].Block && joins(s.Shares[i], s.Shares[j-1], s.Shares[j]) {
			j++
		}
		if j-i >= 2 {
			runs = append(runs, s.Shares[i:j])
		}
		i = j
	}
	return runs
}

// namedListParts gives each share of a named list its part and whole from
// the breakdown stated just before the list. A list whose breakdown is not
// printed (a note that gives last year's revised ratio without its amounts)
// is still a complete list: its shares add up to 100%.
func (s *Set) namedListParts() {
	for _, nl := range s.namedLists {
		first := nl.shares[0]
		sib := &Siblings{Shares: nl.shares, Complete: true}
		for _, sh := range nl.shares {
			sh.Siblings = sib
		}
		t, parts := s.breakdownBefore(first.Block, first.Pct.Start, nl.names)
		if t == nil {
			continue
		}
		for k, sh := range nl.shares {
			sh.Part, sh.PartName = parts[k], nl.names[k]
			switch {
			case sh.named != "":
				sh.heads = append(sh.heads, t.Head)
			case sh.Whole == nil:
				sh.Whole, sh.Wholes = t.Head, []*Figure{t.Head}
			}
		}
	}
}

// breakdownBefore is the list stated just before (b, at) that breaks a
// whole into the named parts (the Total of the ratio's sentence or of the
// paragraph before it), and its part for each name; nil when the nearest
// list before is another one, or another amount stands between it and at
// (a whole of another year, printed without its parts; a figure per head,
// 人均地区生产总值, is none).
func (s *Set) breakdownBefore(b *doc.Block, at int, names []string) (*Total, []*Figure) {
	var t *Total
	for i := len(s.Totals) - 1; i >= 0; i-- {
		o := s.Totals[i]
		if o.Block == b && o.End <= at || o.Block.Index < b.Index {
			t = o
			break
		}
	}
	if t == nil || len(t.Parts) != len(names) || t.Block.Index < b.Index-2 {
		return nil, nil
	}
	for _, x := range s.Doc.Blocks[t.Block.Index : b.Index+1] {
		if x != t.Block && x != b && (x.Kind == doc.KindHeading || x.Kind == doc.KindTableCell) {
			return nil, nil
		}
		for _, f := range s.byBlock[x] {
			after := x != t.Block || f.Start >= t.End
			before := x != b || f.Start < at
			if after && before && f.Role == RoleLevel && f.Unit.IsAmount() && !perCapitaRe.MatchString(f.Subject) {
				return nil, nil
			}
		}
	}
	parts := make([]*Figure, len(names))
	used := map[*Figure]bool{}
	for k, n := range names {
		for _, p := range t.Parts {
			if !used[p] && s.sameMember(p.Subject, n) {
				parts[k], used[p] = p, true
				break
			}
		}
		if parts[k] == nil {
			return nil, nil
		}
	}
	return t, parts
}

// sameMember: a part's subject and a name say the same member — the same
// key but for a lead (其中, 全市), or two spellings of one member of a
// decomposition (第一产业 and 第一产业增加值).
func (s *Set) sameMember(subject, name string) bool {
	a, b := mixName(keyOf(subject)), mixName(keyOf(name))
	if a == "" || b == "" {
		return false
	}
	if head, ok := strings.CutSuffix(a, b); ok && spreadLead.MatchString(head) {
		return true
	}
	for _, d := range s.rateDecomps {
		for _, sp := range d[1:] {
			if namesPart(a, sp) && namesPart(b, sp) {
				return true
			}
		}
	}
	return false
}
