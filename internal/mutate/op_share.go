package mutate

import (
	"math/rand/v2"
	"regexp"
	"strings"
)

// share: 占一般公共预算支出的74.9% → another value. 占地, 占用 are not
// shares; 占预算的 is a completion rate (its own operator).
var shareRe = regexp.MustCompile(`占(比)?([^。；，、%\d]{0,30}?)[ ]*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[ ]*%`)

var wholeSuffixes = []string{"的", "比重", "比例", "为", "达到", "达", "约", "左右", "比", " "}

func init() {
	register("share", func(v *View, rng *rand.Rand) []*Site {
		var out []*Site
		for _, p := range v.Paras {
			for _, m := range p.matches(shareRe) {
				whole := string(p.Fold[m[4]:m[5]])
				if startsWithAny(whole, "地", "用", "有", "据") {
					continue
				}
				f := p.figureAt(m[6])
				if f == nil || !f.Percent || isCompletion(f) {
					continue
				}
				st := numberSite("share", p, f, rng, atMost100)
				if st == nil {
					continue
				}
				s := p.sentenceAt(f.Start)
				st.Checkable, st.Why = v.shareEvidence(s, f.Group.Index, wholeName(whole), f, st.planted())
				out = append(out, st)
			}
		}
		return out
	})
}

// wholeName is the whole a share names (占全市一般公共预算支出的 →
// 全市一般公共预算支出), or "" when it names none (占比).
func wholeName(s string) string {
	if i := strings.LastIndex(s, "的"); i > 0 {
		s = s[:i] // 占一般公共预算支出的比重保持在 → 一般公共预算支出
	}
	for changed := true; changed; {
		changed = false
		s = strings.TrimSpace(s)
		for _, suf := range wholeSuffixes {
			if strings.HasSuffix(s, suf) {
				s = strings.TrimSuffix(s, suf)
				changed = true
			}
		}
	}
	if len([]rune(s)) < 2 {
		return ""
	}
	return s
}

func startsWithAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// unnamedRun finds the run of consecutive paragraphs around p that each
// open with a share naming no whole (——教育方面22.7亿元，占13%。): the
// index of its first paragraph and its length, 0 when p is not in one.
func (v *View) unnamedRun(p *Para) (first, n int) {
	in := func(q *Para) bool {
		ms := q.matches(shareRe)
		return len(ms) > 0 && wholeName(string(q.Fold[ms[0][4]:ms[0][5]])) == ""
	}
	if !in(p) {
		return 0, 0
	}
	first, last := p.Index, p.Index
	for first > 0 && in(v.Paras[first-1]) {
		first--
	}
	for last+1 < len(v.Paras) && in(v.Paras[last+1]) {
		last++
	}
	return first, last - first + 1
}
