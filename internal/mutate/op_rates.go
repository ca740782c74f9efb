package mutate

import (
	"math/rand/v2"
	"regexp"

	"github.com/budgetlint/budgetlint/parser/num"
)

const numPat = `((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)`

// growth-rate: 比上年增长8.6% → another value.
var growthRe = regexp.MustCompile(`(增长|下降|增幅|降幅|上升|提高|降低|增加|减少)(了)?(为|达)?[ ]*` + numPat + `[ ]*%`)

// completion-rate: 完成预算的93.79%, 为调整预算的100.1%, 占预算的100.5%,
// 完成年初预算119.8亿元的100.1% → another value.
var completionRe = regexp.MustCompile(`(完成|为|占|达到|达)[^。；，%\d的]{0,8}?预算(数)?([ ]*\d[\d,.]*[ ]*(亿元|万元|元))?的[ ]*` + numPat + `[ ]*%`)

func init() {
	register("growth-rate", func(v *View, rng *rand.Rand) []*Site {
		return rateSites(v, rng, "growth-rate", growthRe, 4, func(s *Sentence, _ int, rate *Figure, planted num.Decimal) (bool, string) {
			return v.growthEvidence(s, rate, planted)
		})
	})
	register("completion-rate", func(v *View, rng *rand.Rand) []*Site {
		return rateSites(v, rng, "completion-rate", completionRe, 5, v.completionEvidence)
	})
}

// rateSites plants a new value in the percentage that submatch sub of re
// captures, and classifies it with evidence.
func rateSites(v *View, rng *rand.Rand, op string, re *regexp.Regexp, sub int, evidence func(s *Sentence, gi int, rate *Figure, planted num.Decimal) (bool, string)) []*Site {
	var out []*Site
	for _, p := range v.Paras {
		for _, m := range p.matches(re) {
			f := p.figureAt(m[2*sub])
			if f == nil || !f.Percent {
				continue
			}
			st := numberSite(op, p, f, rng, nil)
			if st == nil {
				continue
			}
			st.Checkable, st.Why = evidence(p.sentenceAt(f.Start), f.Group.Index, f, st.planted())
			out = append(out, st)
		}
	}
	return out
}
