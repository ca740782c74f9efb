package mutate

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

// View is a document as a reader sees it: its narrative paragraphs as
// written, cut into sentences and figures, and the figures of its tables.
type View struct {
	Doc   *doc.Document
	Kind  string
	Paras []*Para
	rows  [][]cellFigure // the figures of each table row holding at least three
	units []string       // the money unit each row's table declares (单位：万元), "" when none
	lists []*list        // 其中 lists, found once
}

// Para is one narrative paragraph (a block that is not a table cell nor in
// the table of contents). Fold is Raw with full-width forms folded rune for
// rune, so an index into one is an index into the other.
type Para struct {
	Index     int
	Block     *doc.Block
	Raw       []rune
	Fold      []rune
	Sentences []*Sentence

	s     string  // string(Fold), for patterns
	b2r   []int   // byte offset in s → rune index
	depth []int32 // bracket depth at each rune
}

// Sentence is a run of a paragraph up to 。！？, with its figures grouped:
// each amount opens a group, and the rates after it belong to it.
type Sentence struct {
	Para       *Para
	Index      int // in Para.Sentences
	Start, End int
	Groups     []*Group
}

// Group is an amount and the rates that follow it before the next amount.
// Amount is nil for rates that no amount precedes in the sentence.
type Group struct {
	sentence *Sentence
	Index    int
	Lead     string // folded text between the previous figure (or sentence start) and the amount
	Amount   *Figure
	Rates    []*Figure
}

// Figure is a number with its unit as written: an amount or count (亿元,
// 万元, 个…) or a percentage.
type Figure struct {
	Start, End       int // runes of the whole figure, unit included
	NumStart, NumEnd int // runes of the number
	Value            num.Decimal
	Unit             string
	Percent          bool
	Group            *Group
	Lead             string // folded text between the previous figure of the sentence and this one
	Paren            bool   // inside brackets: a remark (含高新区72.94亿元), not a list's total or part
}

// Money reports whether the figure is an amount of money.
func (f *Figure) Money() bool {
	return strings.HasSuffix(f.Unit, "元") && !strings.HasSuffix(f.Unit, "美元")
}

var figureRe = regexp.MustCompile(`((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[ ]*(%|万亿元|亿元|万元|元|亿美元|万美元|万人次|万人|万户|万吨|万千瓦时|万千瓦|万平方米|平方米|公顷|万亩|亩|公里|千米|个|家|户|人|项|辆|所|座|件|台|套|吨|天)`)

// NewView reads a document's narrative and tables.
func NewView(d *doc.Document) *View {
	v := &View{Doc: d}
	for _, b := range d.Blocks {
		if b.Kind == doc.KindTableCell || b.TOC || len(b.Raw) == 0 {
			continue
		}
		p := newPara(b)
		p.Index = len(v.Paras)
		v.Paras = append(v.Paras, p)
	}
	for _, t := range d.Tables {
		for _, row := range t.Rows {
			var figs []cellFigure
			for _, c := range row {
				if c == nil {
					continue
				}
				cell := strings.ReplaceAll(strings.TrimSpace(string(foldRunes([]rune(c.Text)))), " ", "")
				if x, ok := num.ParseDecimal(strings.TrimSuffix(cell, "%")); ok {
					figs = append(figs, cellFigure{x, strings.HasSuffix(cell, "%")})
				}
			}
			if len(figs) >= 3 {
				v.rows = append(v.rows, figs)
				v.units = append(v.units, t.Unit)
			}
		}
	}
	v.Kind = kindOf(v)
	v.lists = lists(v)
	return v
}

// cellFigure is a figure of a table cell; a percent is never an amount.
type cellFigure struct {
	value   num.Decimal
	percent bool
}

// foldRunes folds full-width forms rune for rune (the length never changes).
func foldRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		switch {
		case r == '，':
			out[i] = r // a clause mark, never a thousands separator
		case r >= 0xFF01 && r <= 0xFF5E:
			out[i] = r - 0xFF01 + 0x21
		case r == '\u3000', r == '\u00a0', r == '\t', r == '\n', r == '\r', r == '\f':
			out[i] = ' '
		case r == '﹪':
			out[i] = '%'
		case r == pdfDecimalPoint:
			out[i] = '.'
		default:
			out[i] = r
		}
	}
	return out
}

// pdfDecimalPoint is a private-use code some PDF fonts map their decimal
// point to (２０７０􀆰５亿元): read as the point it shows.
const pdfDecimalPoint = '\U001001B0'

// fullStop reports a point that ends a sentence, as reports set in a
// scientific style print it (增长０．６％．其中，): after a character that is
// not a digit, before a Han character.
func fullStop(fold []rune, i int) bool {
	return fold[i] == '.' && i > 0 && i+1 < len(fold) && !isDigit(fold[i-1]) && unicode.Is(unicode.Han, fold[i+1])
}

func newPara(b *doc.Block) *Para {
	raw := []rune(b.Raw)
	p := &Para{Block: b, Raw: raw, Fold: foldRunes(raw)}
	p.s = string(p.Fold)
	p.depth = bracketDepth(p.Fold)
	p.b2r = make([]int, len(p.s)+1)
	ri := 0
	for bi := range p.s {
		p.b2r[bi] = ri
		ri++
	}
	p.b2r[len(p.s)] = ri
	start := 0
	for i, r := range p.Fold {
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || fullStop(p.Fold, i) {
			p.addSentence(start, i+1)
			start = i + 1
		}
	}
	if start < len(p.Fold) {
		p.addSentence(start, len(p.Fold))
	}
	return p
}

func (p *Para) addSentence(start, end int) {
	s := &Sentence{Para: p, Index: len(p.Sentences), Start: start, End: end}
	p.Sentences = append(p.Sentences, s)
	text := string(p.Fold[start:end])
	rc := doc.RuneCounter{S: text}
	prev := 0
	var g *Group
	for _, m := range figureRe.FindAllStringSubmatchIndex(text, -1) {
		a, e := start+rc.At(m[0]), start+rc.At(m[1])
		ns, ne := start+rc.At(m[2]), start+rc.At(m[3])
		unit := text[m[4]:m[5]]
		if unit == "个" && strings.HasPrefix(text[m[5]:], "百分点") {
			continue // 2.07个百分点 is a difference of rates, not a count
		}
		if a > start && (isDigit(p.Fold[a-1]) || p.Fold[a-1] == '.') {
			continue
		}
		val, ok := num.ParseDecimal(text[m[2]:m[3]])
		if !ok {
			continue
		}
		f := &Figure{Start: a, End: e, NumStart: ns, NumEnd: ne, Value: val, Unit: unit, Percent: unit == "%",
			Lead: string(p.Fold[start+prev : a]), Paren: p.inParen(a)}
		if !f.Percent || g == nil {
			g = &Group{sentence: s, Index: len(s.Groups), Lead: string(p.Fold[start+prev : a])}
			s.Groups = append(s.Groups, g)
			if !f.Percent {
				g.Amount = f
			}
		}
		if f.Percent {
			g.Rates = append(g.Rates, f)
		}
		f.Group = g
		prev = e - start
	}
}

// inParen reports whether rune i of the paragraph is inside brackets.
func (p *Para) inParen(i int) bool { return p.depth[i] > 0 }

// bracketDepth is the bracket depth at each rune, worked out once: a
// report on one line is one paragraph of megabytes.
func bracketDepth(fold []rune) []int32 {
	out := make([]int32, len(fold)+1)
	d := int32(0)
	for i, r := range fold {
		out[i] = d
		switch r {
		case '(', '（':
			d++
		case ')', '）':
			d = max(d-1, 0)
		}
	}
	out[len(fold)] = d
	return out
}

// sentenceAt returns the sentence holding rune i of the paragraph.
func (p *Para) sentenceAt(i int) *Sentence {
	for _, s := range p.Sentences {
		if i >= s.Start && i < s.End {
			return s
		}
	}
	return nil
}

// figureAt returns the figure whose number starts at rune i, if any.
func (p *Para) figureAt(i int) *Figure {
	s := p.sentenceAt(i)
	if s == nil {
		return nil
	}
	for _, g := range s.Groups {
		if g.Amount != nil && g.Amount.NumStart == i {
			return g.Amount
		}
		for _, r := range g.Rates {
			if r.NumStart == i {
				return r
			}
		}
	}
	return nil
}

// matches runs a pattern over the folded paragraph and returns, per match,
// the rune offsets of the submatches (−1 for those that did not take part).
func (p *Para) matches(re *regexp.Regexp) [][]int {
	var out [][]int
	for _, m := range re.FindAllStringSubmatchIndex(p.s, -1) {
		r := make([]int, len(m))
		for i, x := range m {
			if x < 0 {
				r[i] = -1
			} else {
				r[i] = p.b2r[x]
			}
		}
		out = append(out, r)
	}
	return out
}

// kindWords name the kinds of report by their title words, strongest
// first (预算执行情况 is an execution report, not a budget).
var kindWords = []struct{ word, kind string }{
	{"统计公报", "bulletin"}, {"国民经济和社会发展", "bulletin"}, {"经济运行", "bulletin"},
	{"执行情况", "execution"}, {"决算", "final"},
	{"债务", "debt"}, {"债券", "debt"}, {"预算", "budget"},
}

var titleRe = regexp.MustCompile(`报告|公报|说明|情况`)

// kindOf names the kind of report from its title: the first of the opening
// paragraphs that reads like a title (报告, 公报, 说明, 情况) and names a
// kind, else the first that names one (web pages open with navigation).
// "other" when none does.
func kindOf(v *View) string {
	kindIn := func(s string) string {
		for _, kw := range kindWords {
			if strings.Contains(s, kw.word) {
				return kw.kind
			}
		}
		return ""
	}
	first, n := "", 0
	for _, p := range v.Paras {
		if k := kindIn(p.s); k != "" {
			if titleRe.MatchString(p.s) {
				return k
			}
			if first == "" {
				first = k
			}
		}
		if n += len(p.Fold); n > 1500 {
			break
		}
	}
	if first == "" {
		return "other"
	}
	return first
}
