package claims

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
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
var realGrowth = regexp.MustCompile(`增加值|生产总值|GDP|不变价|可比价|业务总量`)

// listMixes makes a mix of every total whose listed parts add up to it
// (their amounts prove the list complete; the check verifies that) when the
// total and each part are stated with their change: 人均可支配收入72117元，
// 增长3.5%，其中：工资性收入…，增长…；经营净收入…
func (s *Set) listMixes() {
	byCurrent := map[*Figure]*Change{}
	flat := map[*Figure]*Change{}
	for _, c := range s.Changes {
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
				if c := s.rateAfter(f); c != nil && byCurrent[f] == nil {
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
			s.Mixes = append(s.Mixes, m)
		}
	}
}

// rateAfter is the change stated as a rate alone right after quantity f,
// with nothing but 比上年, 同比 between: f's change, when no level was
// found for it.
func (s *Set) rateAfter(f *Figure) *Change {
	rs := []rune(f.Block.Text)
	end := f.End
	if t := doc.RuneSlice(rs, end, end+utf8.RuneCountInString(f.Count)+1); strings.HasPrefix(strings.TrimLeft(t, " "), f.Count) {
		end += utf8.RuneCountInString(f.Count) + len([]rune(t)) - len([]rune(strings.TrimLeft(t, " ")))
	}
	var next *Change
	for _, c := range s.Changes {
		if c.Block == f.Block && c.Rate != nil && c.Rate.Start >= end && (next == nil || c.Rate.Start < next.Rate.Start) {
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
}

// amountChange: a rise or fall stated as an amount of money.
func (c *Change) amountChange() bool {
	return c.Amount != nil && c.Amount.Unit.IsAmount() && (c.Dir == DirUp || c.Dir == DirDown) && c.RateDir == DirNone && !c.Flat && c.Base == nil
}

// sumOpenerRe: the list of parts opens right after the total's change
// (减少9923万元。其中：, 减少2761万元，其中，), its rate allowed between.
var sumOpenerRe = regexp.MustCompile(`^[，,。；;\s]*(?:(?:增长|下降)[\d.]+%[，,。；;\s]*)?其中[：:，,]?`)

// changeSums finds the changes of totals whose parts' changes follow in
// the same block, up to the end of the sentence holding the list.
func (s *Set) changeSums() {
	for i, c := range s.Changes {
		if !c.amountChange() {
			continue
		}
		rs := []rune(c.Block.Text)
		end := c.End
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
			if !o.amountChange() {
				parts = nil // a part changed by a rate alone: the amounts cannot be added
				break
			}
			parts = append(parts, o)
		}
		if len(parts) < 2 {
			continue
		}
		named := make([]*Figure, len(parts))
		for j, p := range parts {
			named[j] = &Figure{Subject: p.Subject}
		}
		s.Sums = append(s.Sums, &ChangeSum{Whole: c, Parts: parts, Closed: s.vocab.closedStrict(named)})
	}
}
