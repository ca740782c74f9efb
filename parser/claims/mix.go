package claims

import "strings"

// Mix: a whole and the parts that make it up by definition (一般公共预算收入
// = 税收收入 + 非税收入), each stated with its change on the period before.
// The parts' last-period values must add up to the whole's, so their rates
// and the whole's rate bind each other even when no base is stated. A mix
// is not a claim of its own: it decides the changes it joins.
type Mix struct {
	Whole *Change
	Parts []*Change
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
