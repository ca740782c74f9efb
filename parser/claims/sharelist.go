package claims

import (
	"math"
	"strings"

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

// Siblings: the shares of one sentence's list, two or more, each clause's
// share of the same whole, named once or each time (A 37亿元，占财力的55.2%；
// B 6.7亿元，占财力的10%), the whole printed or not. Complete: their parts
// are the members of a complete list (第一产业, 第二产业, 第三产业), so the
// shares make the whole.
type Siblings struct {
	Shares   []*Share
	Complete bool
}

// shareSiblings groups the shares that found no whole into the lists of
// one sentence they stand in: consecutive shares of a block with no full
// stop, 其中 or 合计 between them (a 其中 opens the parts of a part, a 合计
// adds some of them up), naming
// the same whole or, after the first, none (占固定资产投资的1.4%；…，占61.0%).
// A list's shares are of one whole whether or not it is printed.
func (s *Set) shareSiblings() {
	var run []*Share
	name := ""
	flush := func() {
		if len(run) >= 2 {
			named := make([]*Figure, len(run))
			for i, name := range s.siblingNames(run) {
				named[i] = &Figure{Subject: name}
			}
			sib := &Siblings{Shares: run, Complete: s.vocab.closedStrict(named)}
			for _, sh := range run {
				sh.Siblings = sib
			}
		}
		run, name = nil, ""
	}
	for _, sh := range s.Shares {
		if sh.Siblings != nil || sh.Ratio || len(sh.Wholes) != 0 || sh.NoSign || sh.Part != nil && !sh.Part.Unit.IsAmount() {
			flush()
			continue
		}
		key := keyOf(sh.WholeName)
		if isGeneric(key) || key == "总额" || key == "总数" {
			key = ""
		}
		if len(run) > 0 {
			last := run[len(run)-1]
			between := ""
			if last.Block == sh.Block {
				between = doc.RuneSlice([]rune(sh.Block.Text), last.Pct.End, sh.Pct.Start)
			}
			if last.Block != sh.Block || strings.ContainsAny(between, "。") || strings.Contains(between, "其中") || strings.Contains(between, "合计") ||
				key != "" && key != name || (last.Part == nil) != (sh.Part == nil) || together(last) != together(sh) {
				flush()
			}
		}
		if len(run) == 0 {
			name = key
		}
		run = append(run, sh)
	}
	flush()
}

// siblingNames are the parts a list's shares are of: each share's part,
// else the subject of the change its clause group opens with (第一产业投资
// 下降58.2%，占固定资产投资的比重为1.4%), else, for shares given together
// (第一产业、第二产业、第三产业增加值占生产总值的比重分别为14.7%、20.6%、
// 64.7%), the names listed before them, in order.
func (s *Set) siblingNames(run []*Share) []string {
	names := make([]string, len(run))
	for i, sh := range run {
		names[i] = sh.PartName
		if names[i] != "" {
			continue
		}
		start := 0
		rs := []rune(sh.Block.Text)
		for j := sh.Pct.Start - 1; j >= 0; j-- {
			if strings.ContainsRune("。；;", rs[j]) {
				start = j + 1
				break
			}
		}
		if i > 0 && run[i-1].Pct.End > start {
			start = run[i-1].Pct.End
		}
		for _, c := range s.Changes {
			if c.Block == sh.Block && c.Start >= start && c.Start < sh.Pct.Start && c.Subject != "" {
				names[i] = c.Subject
				break
			}
		}
	}
	together := strings.Split(names[0], "、")
	if len(together) != len(run) {
		return names
	}
	for _, n := range names[1:] {
		if n != names[0] {
			return names
		}
	}
	rs := []rune(run[0].Block.Text)
	if !strings.Contains(doc.RuneSlice(rs, run[0].Start-len([]rune(names[0]))-20, run[0].Pct.Start), "分别") {
		return names
	}
	return together
}

// together is the names a share was given with others (第一产业、第二产业、
// 第三产业增加值 … 分别为14.7%、…): a list of such shares ends with them.
func together(sh *Share) string {
	if strings.Contains(sh.PartName, "、") {
		return sh.PartName
	}
	return ""
}
