package claims

import (
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// lookBack bounds how many figures back a subject is looked for in a block.
const lookBack = 300

// lookupLevel finds the value a subject was given: the nearest level figure
// before position `before` of block b with the same subject, searching the
// block, then earlier blocks of the same section. Figures qualified
// differently (预算 vs 决算) do not match.
func (s *Set) lookupLevel(b *doc.Block, before int, key string, q Qual, kind Kind, exclude *Figure) *Figure {
	if key == "" {
		return nil
	}
	ok := func(f *Figure) bool {
		if f == exclude || f.Role != RoleLevel || !f.Unit.IsAmount() || f.Earlier || !sameSubject(key, f.Key) || f.RatioBase && q == QualNone {
			return false
		}
		return qualMatches(q, f.Qual, kind)
	}
	figs := s.byBlock[b]
	// search back from the position, at most lookBack figures: a report on
	// one line is one block, and a subject is stated near where it is used
	last := sort.Search(len(figs), func(i int) bool { return figs[i].Start >= before }) - 1
	first := max(0, last-lookBack)
	for i := last; i >= first; i-- {
		if ok(figs[i]) {
			return figs[i]
		}
	}
	// a subject written with its organisation's name in front (上海市普陀区
	// 生态环境局2025年度收入支出总计) is the same subject: in this block only
	for i := last; i >= first; i-- {
		f := figs[i]
		if f != exclude && f.Role == RoleLevel && f.Unit.IsAmount() && !f.Earlier && !(f.RatioBase && q == QualNone) &&
			len([]rune(key)) >= 4 && strings.HasSuffix(f.Key, key) && qualMatches(q, f.Qual, kind) {
			return f
		}
	}
	blocks := s.Doc.Blocks
	for i := b.Index - 1; i >= 0; i-- {
		pb := blocks[i]
		if b.Section >= 0 && pb.Index < b.Section {
			break
		}
		if b.Section < 0 && b.Index-i > 5 {
			break
		}
		fs := s.byBlock[pb]
		for j := len(fs) - 1; j >= 0; j-- {
			if ok(fs[j]) {
				return fs[j]
			}
		}
	}
	return nil
}

// lookupLevelLoose finds a named whole anywhere in the document: the nearest
// before, else the first after; a subject ending with the name counts.
func (s *Set) lookupLevelLoose(b *doc.Block, before int, key string) *Figure {
	if len([]rune(key)) < 4 {
		return nil
	}
	match := func(f *Figure) bool {
		return f.Role == RoleLevel && f.Unit.IsAmount() && f.Qual != QualBudget && f.Qual != QualExec &&
			(sameSubject(key, f.Key) || strings.HasSuffix(f.Key, key))
	}
	var best *Figure
	for _, pb := range s.Doc.Blocks {
		for _, f := range s.byBlock[pb] {
			if pb.Index > b.Index || (pb == b && f.Start >= before) {
				if best == nil && match(f) {
					return f
				}
				if best != nil {
					return best
				}
				continue
			}
			if match(f) {
				best = f
			}
		}
	}
	return best
}

func qualMatches(want, got Qual, kind Kind) bool {
	if want != QualNone {
		return got == want || got == QualNone && want == QualFinal && kind == KindFinal
	}
	switch got {
	case QualExec:
		return false
	case QualBudget, QualAdjusted:
		return kind == KindBudget
	case QualFinal:
		return kind != KindBudget
	}
	return true
}
