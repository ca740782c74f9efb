package claims

import "regexp"

// Comparison: 决算数大于/小于/等于预算数, 持平.
type Comparison struct {
	Span
	Budget *Figure
	Final  *Figure
	Word   string
	Rel    int // -1 final < budget, 0 equal, +1 final > budget
}

// Kind names the claim kind.
func (*Comparison) Kind() string { return "comparison" }

var compRe = regexp.MustCompile(`决算(?:数)?(?:与|和)?(?:年初)?(?:预算(?:数)?)?(大于|小于|等于|高于|低于|超过|超出|少于|持平)(?:年初)?(?:预算(?:数)?)?`)

// comparisons finds 决算数大于/小于/等于预算数 and the pair it speaks of,
// within the same block.
func (bx *blockCtx) comparisons() {
	for _, m := range bx.find(compRe, 0, len(bx.rs)) {
		if bx.masked(m[0]) || bx.masked(m[2]) {
			continue
		}
		word := bx.text(m[2], m[3])
		c := &Comparison{Word: word}
		switch word {
		case "大于", "高于", "超过", "超出":
			c.Rel = 1
		case "小于", "低于", "少于":
			c.Rel = -1
		}
		for _, f := range bx.figs {
			if f.Start >= m[0] {
				break
			}
			if f.Role != RoleLevel || !f.Unit.IsAmount() {
				continue
			}
			switch f.Qual {
			case QualBudget:
				c.Budget = f
			case QualFinal:
				c.Final = f
			}
		}
		c.Span = Span{Block: bx.b, Start: m[0], End: m[1]}
		bx.set.Comparisons = append(bx.set.Comparisons, c)
	}
}
