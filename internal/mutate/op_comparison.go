package mutate

import (
	"math/rand/v2"
	"regexp"
)

// comparison-word: 决算数小于预算数 → 大于; 高于 ↔ 低于 — where the words
// around compare a budget with its outturn (预算 on one side, 决算, 执行 or
// 完成 on the other, within a few characters).
var comparisonRe = regexp.MustCompile(`(预算|决算|执行|完成|实际)[^。；，]{0,8}?(大于|小于|高于|低于)[^。；，]{0,8}?(预算|决算|执行|完成|实际)`)

var comparisonSwap = map[string]string{"大于": "小于", "小于": "大于", "高于": "低于", "低于": "高于"}

func init() {
	register("comparison-word", func(v *View, _ *rand.Rand) []*Site {
		var out []*Site
		for _, p := range v.Paras {
			for _, m := range p.matches(comparisonRe) {
				a, b := string(p.Fold[m[2]:m[3]]), string(p.Fold[m[6]:m[7]])
				if (a == "预算") == (b == "预算") {
					continue // budget against outturn, not two outturns
				}
				word := string(p.Fold[m[4]:m[5]])
				st := &Site{Op: "comparison-word", Para: p, At: m[4], Old: []rune(word), New: []rune(comparisonSwap[word])}
				st.Checkable, st.Why = false, "budget and outturn not both stated"
				s := p.sentenceAt(m[4])
				n := 0
				for _, t := range []*Sentence{s, s.previous()} {
					if t == nil {
						continue
					}
					for _, g := range t.Groups {
						if g.Amount != nil && g.Amount.Money() {
							n++
						}
					}
				}
				if n >= 2 {
					st.Checkable, st.Why = true, "sentence: both amounts"
				}
				out = append(out, st)
			}
		}
		return out
	})
}
