package claims

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ratioBasis is the basis words before a completion's 预算, longest first.
const ratioBasis = `((?:汇总)?(?:年初|年度调整|年度变动|调整及变动|调整后|调整|变动|全年|当年|年度|年)?)`

var (
	yearInClause = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	periodRe     = regexp.MustCompile(`(?:与|和|同)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|上一年度?|去年|上年同期|同期|年初)[^，,；;]{0,16}?(?:相比|比较|对比)|(?:比|较)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|上一年度?|去年|上年同期|同期|年初)?(?:\d(?:[,，]\d{3})+|[^，,；;增减上下提降持无]){0,14}|同比|环比`)
	// ratioRe: the lead of a completion rate. Its group is the basis as
	// printed (completionBasis reads it): 年初, 调整, 变动 (the adjusted budget
	// with transfers, 调整及变动预算), 汇总 (the levels' budgets added up),
	// 年度 (unspecified); a note (以下简称预算) or a footnote mark [4] may
	// follow 预算, and only 完成 takes 预算收入 / 预算支出 (占预算支出的 is a share).
	ratioRe = regexp.MustCompile(`(?:(?:完成|为|达到|达|占)(?:了)?` + ratioBasis + `(?:预算|计划)(?:调整)?(?:数)?|完成(?:了)?` + ratioBasis + `预算(?:收入|支出))` +
		`(?:\[\d{1,2}\])?(?:[(（]以下简称[^()（）]{1,8}[)）])?(?:\s*[\d,]+(?:\.\d+)?\s*(?:亿|万)?元)?(?:的)?\s*$`)

	bareShareRe = regexp.MustCompile(`占(?:[^\d占地用有图表，,；;:：]{0,20}?的)?(?:比重|比例)?(?:为)?\s*$`)

	lastYearRe = regexp.MustCompile(`上年|上一年|去年|上年度`)

	// bracketNote is a note in brackets inside a subject: （包括…，下同）
	bracketNote = regexp.MustCompile(`[（(][^（）()]*[）)]`)
)

func (bx *blockCtx) extract() {
	lx := bx.set.vocab
	bx.mask = make([]bool, len(bx.rs))
	for _, m := range bx.find(lx.altRe, 0, len(bx.rs)) {
		for i := m[0]; i < m[1]; i++ {
			bx.mask[i] = true
		}
	}
	bx.depth = parenDepth(bx.rs)
	bx.sents = bx.sentences()
	depth, sents := bx.depth, bx.sents
	for _, f := range bx.figs {
		f.Paren = f.Start < len(depth) && depth[f.Start] > 0
	}
	for _, s := range sents {
		figs := bx.figsIn(s[0], s[1])
		bx.roles(s, figs)
		bx.subjects(s, figs)
	}
	bx.locate(bx.set.head(bx.b))
	for si, s := range sents {
		figs := bx.figsIn(s[0], s[1])
		bx.changes(s, figs)
		bx.structures(s, figs)
		bx.dayShares(s, figs)
		bx.shares(s, figs)
		bx.ellipticShares(s, figs)
		bx.completions(s, figs)
		var prev [2]int
		if si > 0 {
			prev = sents[si-1]
		}
		bx.totals(s, prev, figs)
		bx.chains(s, prev, figs)
		bx.trailingSums(s, figs)
		bx.tallies(s, figs)
		bx.contributions(s, figs)
		bx.gaps(s, figs)
	}
	bx.comparisons()
	bx.causes(sents)
	bx.items()
}

// figsIn returns the figures starting in [s,e) (figures are in text order).
func (bx *blockCtx) figsIn(s, e int) []*Figure {
	i := sort.Search(len(bx.figs), func(i int) bool { return bx.figs[i].Start >= s })
	j := sort.Search(len(bx.figs), func(i int) bool { return bx.figs[i].Start >= e })
	if j < i {
		j = i
	}
	return bx.figs[i:j]
}

// parenDepth is the bracket depth at each rune. A closing bracket with no
// opening one before it in the block closes a bracket the block began
// inside (its opening lost to a line or page break the flow could not
// mend: 支出452.2亿元，…；项目支出920亿元，占比67%），比上年减少31.7亿元): what
// stands before it is a remark too.
func parenDepth(rs []rune) []int {
	d := make([]int, len(rs))
	n := 0
	lastOpen := -1 // the last unmatched closer
	for i, r := range rs {
		if r == '(' || r == '[' {
			n++
		}
		d[i] = n
		if r == ')' || r == ']' {
			if n > 0 {
				n--
			} else {
				lastOpen = i
			}
		}
	}
	if lastOpen >= 0 {
		open := 0
		for i := lastOpen; i >= 0; i-- {
			if r := rs[i]; (r == ')' || r == ']') && d[i] == 0 {
				open++
			}
			d[i] += open
		}
	}
	return d
}

// dirBefore reports the direction word that ends text (allowing 了 and a
// trailing 为/至/到 that turns the figure into the new value).
func (bx *blockCtx) dirBefore(end int) (word string, to bool, at int) {
	t := bx.text(end-8, end)
	t = strings.TrimRight(t, " ")
	base := end - 8
	if base < 0 {
		base = 0
	}
	for _, suffix := range []string{"", "了", "为", "至", "到", "了约", "约"} {
		tt := strings.TrimSuffix(t, suffix)
		if suffix != "" && tt == t {
			continue
		}
		locs := bx.set.vocab.dirRe.FindAllStringIndex(tt, -1)
		if len(locs) == 0 {
			continue
		}
		last := locs[len(locs)-1]
		if last[1] != len(tt) {
			continue
		}
		at = base + runeIndex(tt, last[0])
		if bx.masked(at) {
			return "", false, 0
		}
		return tt[last[0]:last[1]], suffix == "为" || suffix == "至" || suffix == "到", at
	}
	return "", false, 0
}

// roles decides what each figure of a sentence does.
func (bx *blockCtx) roles(s [2]int, figs []*Figure) {
	for _, f := range figs {
		cs := bx.clauseStart(f.Start, s[0])
		pre := bx.text(cs, f.Start)
		switch {
		case f.Unit == UnitPercent:
			if w, _, _ := bx.dirBefore(f.Start); w != "" {
				f.Role = RoleRate
			} else if m := ratioRe.FindStringIndex(pre); m != nil {
				f.Role = RoleRatio
				bx.markRatioBase(cs+utf8.RuneCountInString(pre[:m[0]]), f.Start, figs)
			} else if strings.Contains(pre, "占") {
				f.Role = RoleShare
			} else {
				f.Role = RoleOther
			}
		case f.Unit.IsAmount():
			if w, to, _ := bx.dirBefore(f.Start); w != "" && !to {
				f.Role = RoleDelta
			} else {
				f.Role = RoleLevel
			}
		case f.Unit == UnitCount && f.Count != "" && !yearLikeCount(f.Count):
			// a counted or measured quantity can change too (比上年增加1.83万吨，
			// 增长5.3%): its direction words must agree with its rate's
			if w, to, _ := bx.dirBefore(f.Start); w != "" && !to {
				f.Role = RoleDelta
			} else {
				f.Role = RoleOther
			}
		case f.Unit == UnitNone && bareShareRe.MatchString(pre) && bx.endsClause(f.End):
			f.Role = RoleShare // a share written without its % sign
		default:
			f.Role = RoleOther
		}
	}
}

// markRatioBase marks the amounts inside a ratio's lead [from, to): the
// budget of 为年初预算513000万元的100.48% (completion.go still pairs it).
func (bx *blockCtx) markRatioBase(from, to int, figs []*Figure) {
	for _, g := range figs {
		if g.Start >= from && g.End <= to && g.Unit.IsAmount() {
			g.RatioBase = true
		}
	}
}

// subjects fills in what each level figure is the value of.
func (bx *blockCtx) subjects(s [2]int, figs []*Figure) {
	head := ""
	for i, f := range figs {
		if f.Role != RoleLevel {
			continue
		}
		from := bx.clauseStart(f.Start, s[0])
		note := false
		if !bx.inParen(f.Start) {
			// a note in brackets between the subject and its figure
			// (全市社会保险基金预算（包括…，下同）收入) does not end the clause
			for from > s[0] && bx.inParen(from-1) {
				before := bx.clauseStart(from-1, s[0])
				if before >= from {
					break // a numbered item's marker: （一）
				}
				from, note = before, true
			}
		}
		if i > 0 && figs[i-1].End > from && (figs[i-1].Unit.IsAmount() || figs[i-1].Unit == UnitPercent) {
			from = figs[i-1].End
		}
		raw := bx.text(from, f.Start)
		if note {
			raw = bracketNote.ReplaceAllString(raw, "")
		}
		if m := yearInClause.FindStringSubmatch(raw); m != nil {
			f.Year, _ = strconv.Atoi(m[1])
		}
		f.Subject = cleanSubject(raw)
		f.Qual = qualOf(raw)
		f.Earlier = periodRe.MatchString(raw) || lastYearRe.MatchString(raw)
		f.Key = keyOf(f.Subject)
		if isGeneric(f.Key) {
			switch {
			case head != "":
				f.Key = bareSide(head, f.Key)
			case bx.lastHead != "" && sideSwap(bx.lastHead, f.Key) != "":
				// 全市一般公共预算收入完成151.16亿元，…。支出完成300.55亿元: a
				// sentence that opens on the other side speaks of the
				// paragraph's fund
				f.Key = sideSwap(bx.lastHead, f.Key)
			default:
				f.Key = bx.blockSubject()
			}
		} else if head == "" {
			head = f.Key
		}
	}
	if fundHead.MatchString(head) {
		bx.lastHead = head // not 税收收入 or 非税收入 of a breakdown
	}
}

// fundHead: a subject naming a fund, whose two sides a paragraph states
// one after the other.
var fundHead = regexp.MustCompile(`预算|基金`)

// bareSide is the key of a bare 收入 or 支出 after head: head itself, or
// head with its side turned (失业保险基金收入完成1.1亿元；支出完成1亿元 is
// the fund's spending, not its income).
func bareSide(head, key string) string {
	if k := sideSwap(head, key); k != "" {
		return k
	}
	return head
}

// sideSwap is head with its closing 收入 turned into 支出 or back, when key
// is the other side; "" otherwise.
func sideSwap(head, key string) string {
	for _, p := range [][2]string{{"收入", "支出"}, {"支出", "收入"}} {
		if key == p[1] && strings.HasSuffix(head, p[0]) && utf8.RuneCountInString(head) > 2 {
			return strings.TrimSuffix(head, p[0]) + p[1]
		}
	}
	return ""
}

// blockSubject is a numbered item's name, the subject of its generic figures.
func (bx *blockCtx) blockSubject() string {
	start := 0
	if bx.b.Number != nil {
		start = bx.b.Number.Len
	}
	end := start
	for end < len(bx.rs) && !bx.isClauseSep(end) {
		end++
	}
	k := keyOf(cleanSubject(bx.text(start, end)))
	if len([]rune(k)) < 2 {
		return ""
	}
	return k
}

func (bx *blockCtx) inParen(i int) bool {
	return i >= 0 && i < len(bx.depth) && bx.depth[i] > 0
}

// endsClause: the figure is the last thing of its clause (占 76.23；).
func (bx *blockCtx) endsClause(end int) bool {
	for end < len(bx.rs) && bx.rs[end] == ' ' {
		end++
	}
	return end >= len(bx.rs) || bx.isClauseSep(end)
}

// hasFigure reports whether an amount or percentage lies in [s,e) (a year does not count).
func (bx *blockCtx) hasFigure(s, e int) bool {
	for _, f := range bx.figsIn(s, e) {
		if f.Unit.IsAmount() || f.Unit == UnitPercent {
			return true
		}
	}
	return false
}

// yearLikeCount: counted words that are periods or ranks, not quantities.
func yearLikeCount(w string) bool {
	switch w {
	case "年", "月", "日", "号", "期", "级", "届", "号文", "号)", "个百分点", "百分点", "倍", "分", "岁", "类", "款":
		return true
	}
	return false
}
