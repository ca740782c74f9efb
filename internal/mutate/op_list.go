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
// the sentence before when 其中 opens the sentence) and parts after it.
func lists(v *View) []*list {
	var out []*list
	for _, p := range v.Paras {
		for _, s := range p.Sentences {
			text := string(p.Fold[s.Start:s.End])
			k := strings.Index(text, "其中")
			if k < 0 {
				continue
			}
			at := s.Start + len([]rune(text[:k]))
			l := &list{}
			for _, g := range s.Groups {
				if g.Amount != nil && g.Amount.End <= at && level(g.Amount) {
					l.total, l.totalPara = g.Amount, p
				}
			}
			if l.total == nil && at-s.Start <= 3 {
				if ps := s.previous(); ps != nil && len(ps.Groups) > 0 {
					if a := ps.Groups[len(ps.Groups)-1].Amount; level(a) {
						l.total, l.totalPara = a, p
					}
				}
			}
			if l.total == nil {
				continue
			}
			for _, g := range s.Groups {
				if g.Amount == nil || g.Amount.Start <= at {
					continue
				}
				if listEndRe.MatchString(g.Lead) {
					break // 加上上级补助…，收入合计: the list is over
				}
				if level(g.Amount) && sameKind(g.Amount, l.total) {
					l.parts = append(l.parts, g.Amount)
				}
			}
			if len(l.parts) == 0 {
				continue
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
			out = append(out, l)
		}
	}
	return out
}

// listEndRe: words after which an amount is no longer a part of the list.
var listEndRe = regexp.MustCompile(`合计|总计|总量|共计|加上|减去|扣除|收支相抵|结余|结转`)

// sumMeets reports whether the exhaustive parts, part i replaced by repl
// (none when i < 0), can add up to total.
func (l *list) sumMeets(i int, repl, total num.Interval) bool {
	sum := num.Int(0)
	for k, f := range l.parts[:l.exhaustive] {
		if k == i {
			sum = sum.Add(repl)
		} else {
			sum = sum.Add(interval(f.Value, f.Unit))
		}
	}
	return sum.Meets(total)
}

func planted(st *Site, f *Figure) num.Interval {
	d, _ := parseWritten(st.New)
	return interval(d, f.Unit)
}

// partEvidence: a changed part is checkable when the parts add up to the
// total, when it now exceeds the total, or when its share, its change or a
// table row pins it.
func (v *View) partEvidence(l *list, i int, st *Site) (bool, string) {
	f := l.parts[i]
	switch {
	case i < l.exhaustive:
		if l.sumMeets(i, planted(st, f), interval(l.total.Value, l.total.Unit)) {
			return false, "planted value within the rounding of the parts' sum"
		}
		return true, "sentence: the parts add up to the total"
	case interval(l.total.Value, l.total.Unit).Below(planted(st, f)):
		return true, "sentence: the part now exceeds the total"
	}
	for _, r := range f.Group.Rates {
		if isShareRate(r) {
			return true, "sentence: the part's share is printed"
		}
	}
	s := f.Group.sentence
	if gi := f.Group.Index; gi+1 < len(s.Groups) && isChange(s.Groups[gi+1].Amount) {
		return true, "sentence: the part's change is printed"
	}
	if v.inTable(f) {
		return true, "table: the part stands in a table row"
	}
	return false, "list not exhaustive, and no share, change or table row for the part"
}

// totalEvidence: a changed total is checkable when the parts add up to it,
// when a part now exceeds it, when the parts' shares of it are printed, or
// when its own rates or a table row pin it.
func (v *View) totalEvidence(l *list, st *Site) (bool, string) {
	t := planted(st, l.total)
	if l.exhaustive > 0 {
		if l.sumMeets(-1, num.Interval{}, t) {
			return false, "planted value within the rounding of the parts' sum"
		}
		return true, "sentence: the parts add up to the total"
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
	s := l.total.Group.sentence
	gi := l.total.Group.Index
	if gi+1 < len(s.Groups) && isChange(s.Groups[gi+1].Amount) {
		return true, "sentence: the total's change is printed"
	}
	if v.inTable(l.total) {
		return true, "table: the total stands in a table row"
	}
	return false, "list not exhaustive, and no share, change or table row for the total"
}
