package mutate

import (
	"math/rand/v2"
)

// copied-rate: the growth rate of the claim before (in the same paragraph
// or the one above) pasted over this claim's rate — a drafter's copy slip.
// Only pairs printed with the same number of characters and far enough
// apart by the change rule qualify.
func init() {
	register("copied-rate", func(v *View, _ *rand.Rand) []*Site {
		var out []*Site
		var prev *Figure
		var prevPara *Para
		for _, p := range v.Paras {
			if prevPara != nil && prevPara.Index < p.Index-1 {
				prev = nil
			}
			for _, m := range p.matches(growthRe) {
				f := p.figureAt(m[8])
				if f == nil || !f.Percent {
					continue
				}
				if prev != nil {
					old := p.Raw[f.NumStart:f.NumEnd]
					src := prevPara.Raw[prev.NumStart:prev.NumEnd]
					if len(old) == len(src) && farEnough(f.Value, prev.Value) {
						st := &Site{Op: "copied-rate", Para: p, At: f.NumStart, Old: append([]rune(nil), old...), New: append([]rune(nil), src...)}
						st.Checkable, st.Why = v.growthEvidence(p.sentenceAt(f.Start), f, prev.Value)
						out = append(out, st)
					}
				}
				prev, prevPara = f, p
			}
		}
		return out
	})
}
