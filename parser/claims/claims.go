// Package claims finds figures and the claims made about them in a
// document's blocks: amounts, percentages, shares, changes, budget-versus-
// final statements, causes, totals with parts, and the report's year and kind.
package claims

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Vocabulary is the word lists the extractor needs, from the rule pack.
type Vocabulary map[string][]string

// Dir is the direction of a change.
type Dir int

const (
	DirNone Dir = iota
	DirUp
	DirDown
	DirFlat
)

func (d Dir) String() string {
	switch d {
	case DirUp:
		return "increase"
	case DirDown:
		return "decrease"
	case DirFlat:
		return "no change"
	}
	return ""
}

// Span is a claim's place: analysis runes [Start,End) of a block.
type Span struct {
	Block      *doc.Block
	Start, End int
}

// Set is everything extracted from one document.
type Set struct {
	Doc         *doc.Document
	Facts       Facts
	Figures     []*Figure
	Changes     []*Change
	Shares      []*Share
	DayShares   []*DayShare // shares of a count of days, of the year's (days.go)
	Gaps        []*Gap      // rates set against another's in points (gap.go)
	Completions []*Completion
	Comparisons []*Comparison
	Causes      []*Cause
	Totals      []*Total
	Items       []*Item
	Chains      []*Chain
	// Contributions are lists of the parts' contributions to a whole's
	// growth and their pulls on it (contribution.go).
	Contributions []*Contribution
	// Mixes join changes of a whole and its parts (not claims themselves).
	Mixes []*Mix
	// Sums join the change of a total and its parts' changes listed after 其中.
	Sums []*ChangeSum
	// Spreads join the growth rate of a whole and its parts' rates, values
	// printed or not: the whole's lies between the parts' (mix.go).
	Spreads []*Mix
	decomps [][]string
	// rateDecomps are decomps and the wholes whose growth at constant
	// prices is their parts' (生产总值 = 三次产业增加值): each a whole's
	// spellings, then each member's
	rateDecomps [][][]string
	vocab       *lexicon
	byBlock     map[*doc.Block][]*Figure
	// tail is the figures of the last sentence of the prose block just
	// before the one being read (nil after a table cell): a paragraph may
	// open on the outturn of the budget the one before closed on
	tail   []*Figure
	byTail map[string][]*Figure // level figures by the end of their key, for wholes named anywhere
	// isBulletin is 1 for a statistical bulletin, -1 for another report, 0 before it is known
	isBulletin int
	// mixLists are counts and their parts that the sum check leaves alone
	// (people under schemes that may overlap) but whose leading parts add
	// up to the count: their rates still bind each other
	mixLists []*Total
	// namedLists are the lists of shares of a complete list's members,
	// named together, whose parts are looked up once the document is read
	namedLists []*namedList

	// period and scope of amounts (period.go), and the headings' as the
	// extraction walks the blocks
	scopes    *scopeLexicon
	subjects  map[string]string // subjectOf by key: two regexps a call, asked for every earlier figure
	where     map[*Figure]where
	headYear  int
	headScope string
	title     titleCtx
	lead      leadCtx
}

// FigureCount is how many amounts and percentages were found.
func (s *Set) FigureCount() int {
	n := 0
	for _, f := range s.Figures {
		if f.Unit.IsAmount() || f.Unit == UnitPercent {
			n++
		}
	}
	return n
}

// Claim is any claim the extractor finds; every kind embeds its Span and
// names itself (change, share…) for coverage reasons and messages.
type Claim interface {
	Where() Span
	Kind() string
}

// Where is the claim's place.
func (s Span) Where() Span { return s }

// All returns every claim found, kind by kind, in the order each kind was found.
func (s *Set) All() []Claim {
	out := make([]Claim, 0, len(s.Changes)+len(s.Shares)+len(s.Completions)+len(s.Comparisons)+len(s.Causes)+len(s.Totals)+len(s.Items)+len(s.Chains)+len(s.Contributions)+len(s.DayShares)+len(s.Gaps))
	for _, c := range s.Changes {
		out = append(out, c)
	}
	for _, c := range s.Shares {
		out = append(out, c)
	}
	for _, c := range s.DayShares {
		out = append(out, c)
	}
	for _, c := range s.Completions {
		out = append(out, c)
	}
	for _, c := range s.Comparisons {
		out = append(out, c)
	}
	for _, c := range s.Causes {
		out = append(out, c)
	}
	for _, c := range s.Totals {
		out = append(out, c)
	}
	for _, c := range s.Items {
		out = append(out, c)
	}
	for _, c := range s.Chains {
		out = append(out, c)
	}
	for _, c := range s.Contributions {
		out = append(out, c)
	}
	for _, c := range s.Gaps {
		out = append(out, c)
	}
	return out
}

// ClaimCount is how many claims were found.
func (s *Set) ClaimCount() int { return len(s.All()) }

// BlockFigures returns the figures of one block.
func (s *Set) BlockFigures(b *doc.Block) []*Figure { return s.byBlock[b] }

// Extract finds figures and claims in every narrative block of d.
func Extract(d *doc.Document, v Vocabulary) *Set {
	s := &Set{Doc: d, vocab: newLexicon(v), byBlock: map[*doc.Block][]*Figure{},
		scopes: newScopeLexicon(v), where: map[*Figure]where{}, decomps: decompositions(v), rateDecomps: rateDecompositions(v)}
	s.Facts = findFacts(d)
	if d.NoText != "" {
		return s
	}
	for _, b := range d.Blocks {
		if b.Kind == doc.KindTableCell || b.TOC {
			s.tail = nil
			continue
		}
		s.followHeading(b)
		figs := findFigures(b)
		if b.Number != nil {
			// the item's own number is not a figure
			k := 0
			for _, f := range figs {
				if f.Start >= b.Number.Len {
					figs[k] = f
					k++
				}
			}
			figs = figs[:k]
		}
		s.byBlock[b] = figs
		s.Figures = append(s.Figures, figs...)
		bx := &blockCtx{set: s, b: b, rs: []rune(b.Text), figs: figs}
		bx.extract()
		s.followLead(bx)
		s.tail = nil
		if n := len(bx.sents); n > 0 {
			s.tail = bx.figsIn(bx.sents[n-1][0], bx.sents[n-1][1])
		}
	}
	s.blockLists()
	s.togetherLists()
	s.seriesLists()
	s.namedListParts()
	s.shareWholes()
	s.shareLists()
	s.shareSiblings()
	s.priorBases()
	s.completionBudgets()
	s.countLevels()
	s.mixes()
	s.listMixes()
	s.spreads()
	s.contributionWholes()
	s.changeSums()
	for _, t := range s.Totals {
		// a complete decomposition is all of a total stated with it, or of
		// one named as its kind or as the whole the list makes (政府采购预算
		// 5.4亿元。其中：货物类…): 项目资金310.85亿元。其中新增专项债券…，新增
		// 一般债券… lists only the bonds among the funds; 政府债务转贷收入 is
		// all of 新增债券转贷收入 and 再融资债券转贷收入, the parts naming
		// after their members what the total is
		ok, kind := s.vocab.closedKind(t.Parts)
		rest, whole := s.vocab.closedRest(t.Parts), s.vocab.closedWhole(t.Parts)
		t.Closed = ok && (!t.far && s.vocab.closedUnnamed(t.Parts) || kind != "" && strings.Contains(t.Head.Subject, kind) ||
			whole != "" && strings.Contains(t.Head.Subject, whole) ||
			t.Head.Unit.IsAmount() && utf8.RuneCountInString(rest) >= 2 && strings.HasSuffix(t.Head.Subject, rest))
	}
	return s
}

// blockCtx is the extraction state for one block.
type blockCtx struct {
	set  *Set
	b    *doc.Block
	rs   []rune
	figs []*Figure
	mask []bool // runes inside template leftovers (增加/减少): no claims there

	// computed once per block: a report on one line is one huge block, and
	// recomputing these per claim made extraction quadratic
	sents        [][2]int
	depth        []int     // bracket depth at each rune
	blockChanges []*Change // the changes found in this block so far
	lastHead     string    // the last fund a sentence of the block opened on
}

func (bx *blockCtx) text(s, e int) string { return doc.RuneSlice(bx.rs, s, e) }

// sentences splits the block at 。！？ into rune ranges.
func (bx *blockCtx) sentences() [][2]int {
	var out [][2]int
	start := 0
	for i, r := range bx.rs {
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || bx.asciiStop(i) {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(bx.rs) {
		out = append(out, [2]int{start, len(bx.rs)})
	}
	return out
}

// isClauseSep: a clause ends at ，；： (an ASCII comma only when not between digits).
func (bx *blockCtx) isClauseSep(i int) bool {
	switch bx.rs[i] {
	case '，', ';', '；', ':', '：', '。', '!', '?':
		return true
	case ',':
		return !bx.thousandsComma(i)
	case '.':
		return bx.asciiStop(i)
	}
	return false
}

// asciiStop: a full stop printed as an ASCII point, as some typesetting
// fonts print 。 (亿元.预算总收入为…, 增长0.6%.其中): a point after a word,
// a percent sign or a closing mark, before a word, a figure or an opening
// mark. A decimal point or a list number's point follows a digit.
func (bx *blockCtx) asciiStop(i int) bool {
	if bx.rs[i] != '.' || i == 0 {
		return false
	}
	prev := bx.rs[i-1]
	if !(unicode.Is(unicode.Han, prev) || prev == '%' || prev == ')' || prev == '）' || prev == '”') {
		return false
	}
	if i+1 == len(bx.rs) {
		return true
	}
	next := bx.rs[i+1]
	return unicode.Is(unicode.Han, next) || isDigit(next) || next == '“' || next == '(' || next == '（'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// thousandsComma: an ASCII comma between digits separates thousands
// (215,866万元); it ends no clause nor list.
func (bx *blockCtx) thousandsComma(i int) bool {
	return bx.rs[i] == ',' && i > 0 && i+1 < len(bx.rs) && isDigit(bx.rs[i-1]) && isDigit(bx.rs[i+1])
}

// clauseStart finds where the clause holding rune i begins; a numbered
// block's marker (1. 15、) is never part of a clause.
func (bx *blockCtx) clauseStart(i, floor int) int {
	if bx.b.Number != nil && floor < bx.b.Number.Len {
		floor = bx.b.Number.Len
	}
	for j := i - 1; j >= floor; j-- {
		if bx.isClauseSep(j) {
			return j + 1
		}
	}
	return floor
}

func (bx *blockCtx) masked(i int) bool { return i >= 0 && i < len(bx.mask) && bx.mask[i] }

func runeIndex(s string, byteOff int) int { return utf8.RuneCountInString(s[:byteOff]) }

// find returns rune ranges of re's matches inside [s,e).
func (bx *blockCtx) find(re *regexp.Regexp, s, e int) [][]int {
	t := bx.text(s, e)
	var out [][]int
	rc := doc.RuneCounter{S: t}
	for _, m := range re.FindAllStringSubmatchIndex(t, -1) {
		r := make([]int, len(m))
		for i, x := range m {
			if x < 0 {
				r[i] = -1
			} else {
				r[i] = s + rc.At(x)
			}
		}
		out = append(out, r)
	}
	return out
}
