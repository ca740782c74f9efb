package mutate

import (
	"math/rand/v2"
	"regexp"
)

// antonyms are the direction words a drafter swaps; each pair has the same
// length, so the copy stays aligned with the original.
var antonyms = map[string]string{
	"增长": "下降", "下降": "增长", "上升": "下降",
	"增加": "减少", "减少": "增加",
	"增收": "减收", "减收": "增收",
	"增支": "减支", "减支": "增支",
	"提高": "降低", "降低": "提高",
	"增幅": "降幅", "降幅": "增幅",
}

var directionRe = regexp.MustCompile(`(增长|下降|上升|增加|减少|增收|减收|增支|减支|提高|降低|增幅|降幅)(了)?(为|达)?[ ]*` + numPat)

func init() {
	register("direction-rate", func(v *View, _ *rand.Rand) []*Site { return directionSites(v, true) })
	register("direction-amount", func(v *View, _ *rand.Rand) []*Site { return directionSites(v, false) })
}

// directionSites swaps the direction word before a rate (rates true) or
// before an amount (比上年增收52,015万元 → 减收).
func directionSites(v *View, rates bool) []*Site {
	op := "direction-amount"
	if rates {
		op = "direction-rate"
	}
	var out []*Site
	for _, p := range v.Paras {
		for _, m := range p.matches(directionRe) {
			f := p.figureAt(m[8])
			if f == nil || f.Percent != rates {
				continue
			}
			word := string(p.Fold[m[2]:m[3]])
			if string(p.Raw[m[2]:m[3]]) != word {
				continue
			}
			st := &Site{Op: op, Para: p, At: m[2], Old: []rune(word), New: []rune(antonyms[word])}
			st.Checkable, st.Why = v.directionEvidence(p.sentenceAt(f.Start), f.Group.Index, m[2], f)
			out = append(out, st)
		}
	}
	return out
}
