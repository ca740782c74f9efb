package claims

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	// words around a subject that say how the value came about, not what it is
	doneWords = regexp.MustCompile(`执行|完成|实现|安排|预计|累计|全年|共计|总计为|达到|达`)
	// fund names written with and without 预算: 政府性基金预算收入 is 政府性基金收入
	fundAlias = strings.NewReplacer("政府性基金预算", "政府性基金", "社会保险基金预算", "社会保险基金")
	// the base a reference names: 较2025年完成数, 比上年执行数, 比上年决算
	namedFinal = regexp.MustCompile(`完成数|完成额|执行数|执行额|决算数|决算|实际完成|实绩`)
	namedBud   = regexp.MustCompile(`预算`)
)

// subjectOf is a figure's key without its scope and wording of execution,
// for matching the same quantity across periods.
func (s *Set) subjectOf(f *Figure) string {
	if k, ok := s.subjects[f.Key]; ok {
		return k
	}
	k := s.scopes.re.ReplaceAllString(f.Key, "")
	k = doneWords.ReplaceAllString(k, "")
	k = fundAlias.Replace(k)
	if s.subjects == nil {
		s.subjects = map[string]string{}
	}
	s.subjects[f.Key] = k
	return k
}

// samePriorSubject: equal, or the shorter (of at least four characters) ends
// the longer (八、财政金融一般公共预算收入 is 一般公共预算收入).
func samePriorSubject(a, b string) bool {
	if a == "" || b == "" || isGeneric(a) || isGeneric(b) {
		return false
	}
	if a == b {
		return true
	}
	if len([]rune(a)) > len([]rune(b)) {
		a, b = b, a
	}
	return len([]rune(a)) >= 4 && strings.HasSuffix(b, a)
}

// priorBases finds, for each change whose sentence states no base, the
// values of its subject and scope for the period before stated elsewhere
// in the report: a budget draft's 2026年…收入283.83亿元，增长2% against the
// same report's 2025年…收入完成278.26亿元.
func (s *Set) priorBases() {
	bySubject := map[string][]*Figure{}
	for _, f := range s.Figures {
		if w, ok := s.where[f]; ok && w.Year != 0 && f.Role == RoleLevel && !f.Paren {
			k := s.subjectOf(f)
			bySubject[k] = append(bySubject[k], f)
		}
	}
	// the subjects each change's subject matches, found once per subject:
	// a long report states the same few subjects thousands of times (the
	// bases are sorted below, so the map's order does not matter)
	matching := map[string][]string{}
	for _, c := range s.Changes {
		if c.Base != nil || c.Current == nil || (c.Rate == nil && c.Amount == nil) {
			continue
		}
		w := s.where[c.Current]
		if w.Year == 0 {
			continue
		}
		want := w.Year - 1
		if m := yearInClause.FindStringSubmatch(c.Ref); m != nil {
			want, _ = strconv.Atoi(m[1])
		} else if namedBud.MatchString(c.Ref) && !lastYearRe.MatchString(c.Ref) {
			continue // 较预算数, 比年初预算: against this year's budget, not the year before
		}
		if want >= w.Year {
			continue // a comparison within the year (比预算) is not with the period before
		}
		budgetBase := namedBud.MatchString(c.Ref) && !namedFinal.MatchString(c.Ref)
		c.BaseNamed = namedFinal.MatchString(c.Ref)
		key := s.subjectOf(c.Current)
		keys, ok := matching[key]
		if !ok {
			for k := range bySubject {
				if samePriorSubject(k, key) {
					keys = append(keys, k)
				}
			}
			matching[key] = keys
		}
		for _, k := range keys {
			for _, f := range bySubject[k] {
				fw := s.where[f]
				if f == c.Current || fw.Year != want {
					continue
				}
				if w.Scope != "" && fw.Scope != "" && w.Scope != fw.Scope {
					continue
				}
				// a named base keeps to its kind; an unnamed one may be last
				// year's outturn or last year's budget (a draft against the
				// budget before it), and only a fit decides it
				switch f.Qual {
				case QualBudget, QualAdjusted:
					if c.BaseNamed {
						continue
					}
				default:
					if budgetBase {
						continue
					}
				}
				c.Bases = append(c.Bases, f)
			}
		}
		sort.Slice(c.Bases, func(i, j int) bool {
			a, b := c.Bases[i], c.Bases[j]
			if a.Block.Index != b.Block.Index {
				return a.Block.Index < b.Block.Index
			}
			return a.Start < b.Start
		})
	}
}
