package claims

import (
	"math"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// A run of shares that name no whole (——教育支出119.06亿元，占比12.4%；
// ——科学技术支出66亿元，占比6.9%；…, or 占 5%；…占 4% in one sentence)
// after a paragraph that states the total without opening a list (共需筹集
// 175亿元安排各类支出。) has no whole of its own; its whole is one of the
// levels stated just before the run. Which one, only the run's figures can
// tell: the check takes the candidate most of the run's shares agree on.

// shareLists groups the shares with no whole into runs and lists each
// run's candidate wholes, nearest first.
func (s *Set) shareLists() {
	var run []*Share
	flush := func() {
		if len(run) >= 3 {
			wholes := s.levelsBefore(run)
			for _, sh := range run {
				sh.List, sh.ListWholes = run, wholes
			}
		}
		run = nil
	}
	for _, sh := range s.Shares {
		if !orphanShare(sh) {
			flush()
			continue
		}
		if len(run) > 0 && !s.nextInList(run[len(run)-1], sh) {
			flush()
		}
		run = append(run, sh)
	}
	flush()
}

// orphanShare: a share with its part and no whole, whose wording names
// none (占比, 占) or only a generic one (占支出的).
func orphanShare(sh *Share) bool {
	return sh.Part != nil && len(sh.Wholes) == 0 && !sh.Part.Paren && isGeneric(keyOf(sh.WholeName))
}

// nextInList: b follows a in the same block, or in a later one with only
// blocks without figures between (a list's items, each a paragraph).
func (s *Set) nextInList(a, b *Share) bool {
	if a.Block == b.Block {
		return true
	}
	blocks := s.Doc.Blocks
	if b.Block.Index <= a.Block.Index || b.Block.Index > a.Block.Index+3 {
		return false
	}
	for _, x := range blocks[a.Block.Index+1 : b.Block.Index] {
		if x.Kind == doc.KindHeading || len(s.byBlock[x]) > 0 {
			return false
		}
	}
	return true
}

// levelsBefore lists the amounts stated before a run of shares: in the
// run's first block before it, then in up to three blocks before, up to
// and including a heading; nearest first. The run's own parts are not
// candidates.
func (s *Set) levelsBefore(run []*Share) []*Figure {
	parts := map[*Figure]bool{}
	for _, sh := range run {
		parts[sh.Part] = true
	}
	first := run[0]
	var out []*Figure
	add := func(figs []*Figure, before int) {
		for i := len(figs) - 1; i >= 0; i-- {
			f := figs[i]
			if f.Start < before && !parts[f] && f.Role == RoleLevel && f.Unit.IsAmount() && !f.Paren && !f.Earlier && f.Value.Sign() > 0 {
				out = append(out, f)
			}
		}
	}
	add(s.byBlock[first.Block], first.Part.Start)
	if first.Block.Kind == doc.KindHeading {
		return out
	}
	blocks := s.Doc.Blocks
	for i := first.Block.Index - 1; i >= 0 && i >= first.Block.Index-3; i-- {
		b := blocks[i]
		if b.Kind == doc.KindTableCell || b.TOC {
			break
		}
		add(s.byBlock[b], math.MaxInt)
		if b.Kind == doc.KindHeading {
			break
		}
	}
	return out
}
