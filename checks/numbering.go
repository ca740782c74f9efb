package checks

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
)

// numbering checks heading and item numbering: gaps (八、 then 十、, 第二部分
// then 第四部分), headings that lost their number among numbered siblings,
// and a lone （一） with no （二）.
type numbering struct {
	Suffixes []string `yaml:"heading_suffixes"`
	report   numberingFault
}

// numberingFault is what one numbering test reports of the walk they share.
type numberingFault int

const (
	numberingGap numberingFault = iota
	numberingUnnumbered
	numberingLone
)

func init() {
	test := func(f numberingFault) func(numbering) Test {
		return func(p numbering) Test { p.report = f; return p.run }
	}
	Register("numbering", numbering{Suffixes: []string{"情况说明", "说明", "情况"}}, map[string]func(numbering) Test{
		"gap":        test(numberingGap),
		"unnumbered": test(numberingUnnumbered),
		"lone":       test(numberingLone),
	}, Options{Vars: []string{"stated", "expected", "previous"}})
}

type seq struct {
	last  *doc.Block
	value int
	count int
	first *doc.Block
}

// bareFigureRe: a number standing alone, with no unit after it: a table
// cell's figure. A year (2023 全市…, 〔2020〕) is not one.
var bareFigureRe = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)(?:$|[^\d.,%年月日号期届次个项万亿元千])`)

// tableLike: a numbered row of a table — a label and bare figures (or
// dashes standing for empty cells), no sentence.
func tableLike(s string) bool {
	if sentencePunctRe.MatchString(s) {
		return false
	}
	if emptyCellsRe.MatchString(s) {
		return true
	}
	for _, m := range bareFigureRe.FindAllStringSubmatch(s, -1) {
		if f := m[1]; len(f) >= 2 && !yearRe.MatchString(f) {
			return true
		}
	}
	return false
}

var (
	yearRe       = regexp.MustCompile(`^(?:19|20)\d\d$`)
	emptyCellsRe = regexp.MustCompile(`(?:\s[-—－–]+){2,}\s*$`)
)

// sentencePunctRe: a comma or stop of running text (an ASCII comma only
// when it does not separate thousands).
var sentencePunctRe = regexp.MustCompile(`[，。；;]|,\D`)

var terminalRe = regexp.MustCompile(`[。；;:：,，!！?？]`)

// noteRe: the notes under a table (注：1.本表… 2.…), which number themselves.
var noteRe = regexp.MustCompile(`^(?:备注|注释|注|说明)[:：]`)

func (s numbering) run(c *Context) {
	blocks := c.Doc.Blocks
	active := map[doc.Style]*seq{}
	inTOC, inAppendix := false, false
	// A list whose numbers jump by more than three somewhere (一、 then 七、)
	// was read out of order — a page's boxes in layout order, a 十一、 that
	// lost its 十 — so its small gaps say nothing either: they wait until
	// the list closes and are reported only if it never jumped.
	gaps := map[doc.Style][]func(){}
	jumped := map[doc.Style]bool{}
	flush := func(k doc.Style) {
		if !jumped[k] {
			for _, report := range gaps[k] {
				report()
			}
		}
		delete(gaps, k)
		delete(jumped, k)
	}
	closeDeeper := func(st doc.Style) {
		for k, q := range active {
			if k > st {
				s.lone(c, k, q)
				delete(active, k)
			}
		}
		for k := range gaps {
			if k > st {
				flush(k)
			}
		}
		for k := range jumped {
			if k > st {
				delete(jumped, k) // a list that jumped but had no gap waiting
			}
		}
	}
	fresh := false // the next 1. or (1) item starts a list of its own (notes under a table)
	for _, b := range blocks {
		if b.Kind == doc.KindTableCell {
			continue
		}
		if b.TOC != inTOC || b.Appendix != inAppendix {
			// the contents and each attachment number themselves afresh
			closeDeeper(doc.StyleNone)
			inTOC, inAppendix = b.TOC, b.Appendix
		}
		if b.TOC || tableRow(blocks, int(b.Index)) {
			continue // a table row numbered 一、二、 has its own order, often split across columns
		}
		n := b.Number
		if n == nil {
			if noteRe.MatchString(b.Text) {
				s.note(active, b)
				fresh = true
				continue
			}
			if st, ok := s.lostNumber(blocks, b, active); ok {
				q := active[st]
				if s.report == numberingUnnumbered {
					c.Report(b, 0, utf8.RuneCountInString(b.Text), Vars{
						"stated": b.Text, "expected": markerFor(st, q.value+1), "previous": markerFor(st, q.value),
					})
				}
				q.value++ // the lost number is taken: the next sibling is not a gap too
			}
			continue
		}
		closeDeeper(n.Style)
		q := active[n.Style]
		switch {
		case q == nil || n.Value <= q.value || (fresh && n.Style >= doc.StyleArabic):
			if q != nil {
				s.lone(c, n.Style, q)
			}
			active[n.Style] = &seq{last: b, value: n.Value, count: 1, first: b}
		case n.Value == q.value+1:
			q.last, q.value = b, n.Value
			q.count++
		default:
			titled := presentUnnumbered(blocks, q.last, b, q.value)
			if s.report == numberingUnnumbered {
				for i, t := range titled {
					c.Report(t.b, t.start, t.end, Vars{
						"stated": string([]rune(t.b.Text)[t.start:t.end]), "expected": markerFor(n.Style, q.value+1+i), "previous": marker(q.last),
					})
				}
			}
			if n.Value-q.value > 3 {
				jumped[n.Style] = true
			}
			if s.report == numberingGap && titled == nil && n.Value-q.value <= 3 && hasContent(blocks, q.last, b) && !orderBroken(blocks, b, q.value) {
				b, vars := b, Vars{"stated": marker(b), "expected": markerFor(n.Style, q.value+1), "previous": marker(q.last)}
				gaps[n.Style] = append(gaps[n.Style], func() { c.Report(b, 0, utf8.RuneCountInString(b.Text), vars) })
			}
			q.last, q.value = b, n.Value
			q.count++
		}
		fresh = false
	}
	closeDeeper(doc.StyleNone)
}

// note starts the numbering of a table's notes: 注：1.本表… is item 1 of a
// list of its own.
func (s numbering) note(active map[doc.Style]*seq, b *doc.Block) {
	loc := noteRe.FindStringIndex(b.Text)
	n := parser.ParseNumber(strings.TrimSpace(b.Text[loc[1]:]))
	if n == nil {
		return
	}
	for k := range active {
		if k >= n.Style {
			delete(active, k)
		}
	}
	active[n.Style] = &seq{last: b, value: n.Value, count: 1, first: b}
}

// tableRow reports a block that is a row of a table the reader did not
// recognise: a label with bare figures, or a label alone (a row of empty
// cells, a name wrapped over its figures) between two such rows.
func tableRow(blocks []*doc.Block, i int) bool {
	b := blocks[i]
	if tableLike(b.Text) {
		return true
	}
	if sentencePunctRe.MatchString(b.Text) {
		return false
	}
	return tabular(neighbour(blocks, i, -1)) && tabular(neighbour(blocks, i, +1))
}

// neighbour is the nearest block before (dir −1) or after (+1) block i
// that is more than a fragment of a wrapped cell (收入, 的支出).
func neighbour(blocks []*doc.Block, i, dir int) *doc.Block {
	for j := i + dir; j >= 0 && j < len(blocks) && j != i+4*dir; j += dir {
		if b := blocks[j]; b.Kind == doc.KindTableCell || utf8.RuneCountInString(b.Text) > 6 || strings.ContainsAny(b.Text, "0123456789") {
			return b
		}
	}
	return nil
}

func tabular(b *doc.Block) bool {
	return b != nil && (b.Kind == doc.KindTableCell || tableLike(b.Text) || onlyFiguresRe.MatchString(b.Text))
}

// onlyFiguresRe: a line of figures alone (a row's figures on their own
// baseline, its name wrapped above and below).
var onlyFiguresRe = regexp.MustCompile(`^[-—\d.,%\s]+$`)

// orderBroken reports a list read out of order, not a number left out: a
// number missing after last turns up among the same list's items (the
// items between the two nearest headings of a higher level), written in
// full or without its stop (2 公共安全支出), or the list runs backwards
// (13. 12. 11.: a page's lines read bottom up).
func orderBroken(blocks []*doc.Block, b *doc.Block, last int) bool {
	st := b.Number.Style
	missing := map[int]bool{}
	for v := last + 1; v < b.Number.Value; v++ {
		missing[v] = true
	}
	lo, hi := listBounds(blocks, int(b.Index), st)
	prev := 0
	for _, x := range blocks[lo:hi] {
		if x.Kind == doc.KindTableCell || x.TOC {
			continue
		}
		v := 0
		switch {
		case x.Number != nil && x.Number.Style == st:
			v = x.Number.Value
		case st == doc.StyleArabic:
			if m := bareMarkerRe.FindStringSubmatch(x.Raw); m != nil {
				v, _ = strconv.Atoi(m[1])
			}
		}
		if inlineItem(x.Text, st, missing) || strayMarker(x.Text, st, missing) {
			return true
		}
		if v == 0 {
			continue
		}
		if missing[v] || (prev > 0 && v < prev && v != 1) {
			return true
		}
		prev = v
	}
	return false
}

// inlineItem reports an item of style st numbered as one of want written on
// inside a block, after a full stop or a semicolon (注：1.本表…；2.本表…).
func inlineItem(text string, st doc.Style, want map[int]bool) bool {
	rs := []rune(text)
	for i := 1; i < len(rs); i++ {
		if rs[i-1] != '。' && rs[i-1] != ';' && rs[i-1] != '；' {
			continue
		}
		if n := parser.ParseNumber(string(rs[i:min(len(rs), i+12)])); n != nil && n.Style == st && want[n.Value] {
			return true
		}
	}
	return false
}

// strayMarker reports a bracketed marker of style st numbered as one of
// want printed inside a block's text: text taken from a PDF can carry a
// heading into the middle of a line (2025（二）支出执行情况年全市…), and the
// number is there, only out of place.
func strayMarker(text string, st doc.Style, want map[int]bool) bool {
	if st != doc.StyleParenCJK && st != doc.StyleParenArab {
		return false
	}
	t := strings.NewReplacer("（", "(", "）", ")", " ", "").Replace(text)
	for v := range want {
		m := strings.NewReplacer("（", "(", "）", ")").Replace(markerFor(st, v))
		if i := strings.Index(t, m); i > 0 {
			return true
		}
	}
	return false
}

// bareMarkerRe: an item number written without its stop, a space instead.
var bareMarkerRe = regexp.MustCompile(`^\s*(\d{1,2})\s+\p{Han}`)

// listBounds is the range of blocks of the list block i belongs to: from
// after the nearest item of a higher level before it to the next one after.
func listBounds(blocks []*doc.Block, i int, st doc.Style) (lo, hi int) {
	higher := func(x *doc.Block) bool {
		return x.Number != nil && x.Number.Style < st && x.Kind != doc.KindTableCell && !x.TOC && !tableLike(x.Text)
	}
	lo = i
	for lo > 0 && !higher(blocks[lo-1]) && blocks[lo-1].Appendix == blocks[i].Appendix {
		lo--
	}
	hi = i + 1
	for hi < len(blocks) && !higher(blocks[hi]) && blocks[hi].Appendix == blocks[i].Appendix {
		hi++
	}
	return lo, hi
}

// lostNumber finds the style a heading without a number belongs to when it
// reads like its numbered siblings (八、…情况说明 followed by …情况说明 where
// 九、 belongs) and its own text follows it.
func (s numbering) lostNumber(blocks []*doc.Block, b *doc.Block, active map[doc.Style]*seq) (doc.Style, bool) {
	if utf8.RuneCountInString(b.Text) > 30 || terminalRe.MatchString(b.Text) || strings.ContainsAny(b.Text, "0123456789") {
		return doc.StyleNone, false
	}
	suffix := ""
	for _, sf := range s.Suffixes {
		if strings.HasSuffix(b.Text, sf) {
			suffix = sf
			break
		}
	}
	if suffix == "" {
		return doc.StyleNone, false
	}
	for _, st := range []doc.Style{doc.StyleCJK, doc.StyleParenCJK} {
		q := active[st]
		// a sibling reads like its neighbours and stands near them
		if q == nil || !strings.HasSuffix(q.last.Text, suffix) || q.last.Kind != doc.KindHeading || b.Index-q.last.Index > 25 {
			continue
		}
		// the deepest active style must be this one, or the heading belongs lower
		deeper := false
		for k := range active {
			if k > st && k <= doc.StyleParenCJK {
				deeper = true
			}
		}
		if deeper || !contentFollows(blocks, b, st) {
			continue
		}
		return st, true
	}
	return doc.StyleNone, false
}

// contentFollows reports a heading's own text after it: a sentence, or an
// item of a deeper list. A table's header cells (绩效指标设置情况 over
// 申报预算 项目实施…) are followed by more header cells.
func contentFollows(blocks []*doc.Block, b *doc.Block, st doc.Style) bool {
	if int(b.Index)+1 >= len(blocks) {
		return false
	}
	next := blocks[b.Index+1]
	if next.Kind == doc.KindTableCell {
		return false
	}
	if next.Number != nil {
		return next.Number.Style > st
	}
	return strings.ContainsAny(next.Text, "，。；")
}

func (s numbering) lone(c *Context, st doc.Style, q *seq) {
	if s.report != numberingLone || q.count != 1 || st != doc.StyleParenCJK || q.value != 1 {
		return
	}
	b := q.first
	c.Report(b, 0, b.Number.Len, Vars{"stated": marker(b), "expected": markerFor(st, 2)})
}

// markerFor writes the marker of number v in a style.
func markerFor(st doc.Style, v int) string {
	cjk := cjkNumeral(v)
	switch st {
	case doc.StylePart:
		return "第" + cjk + "部分"
	case doc.StyleCJK:
		return cjk + "、"
	case doc.StyleParenCJK:
		return "（" + cjk + "）"
	case doc.StyleParenArab:
		return "（" + strconv.Itoa(v) + "）"
	case doc.StyleCircled:
		return string(rune('①' + v - 1))
	}
	return strconv.Itoa(v) + "."
}

func cjkNumeral(v int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case v < 10:
		return d[v]
	case v == 10:
		return "十"
	case v < 20:
		return "十" + d[v-10]
	case v%10 == 0:
		return d[v/10] + "十"
	}
	return d[v/10] + "十" + d[v%10]
}

// hasContent reports whether text runs between two numbered siblings. Rows
// of a table numbered 一、二、… follow each other with nothing between (and
// are split across columns, so their order has gaps); headings have text.
func hasContent(blocks []*doc.Block, from, to *doc.Block) bool {
	for i := int(from.Index) + 1; i < int(to.Index) && i < len(blocks); i++ {
		b := blocks[i]
		if b.Kind == doc.KindTableCell {
			continue
		}
		if strings.Contains(b.Text, "。") || (strings.Contains(b.Text, "，") && utf8.RuneCountInString(b.Text) > 10) {
			return true
		}
	}
	return strings.Contains(from.Text, "。") && utf8.RuneCountInString(from.Text) > 40
}

// marker is a block's numbering as written (（二）, not the folded (二)).
func marker(b *doc.Block) string {
	if b.Number == nil {
		return ""
	}
	return strings.TrimSpace(b.RawRange(0, b.Number.Len))
}

// presentUnnumbered returns, for numbers skipped between last and b, the
// titles that stand for them in the body: the contents list the section
// (第二部分 …2025年度部门决算表) and its title stands between the two
// headings without its number. The section is there and its heading lost
// its number (numbering-unnumbered), rather than a section missing (a
// gap). nil unless every skipped number has its title.
func presentUnnumbered(blocks []*doc.Block, last, b *doc.Block, from int) []titleAt {
	st := b.Number.Style
	var out []titleAt
	for v := from + 1; v < b.Number.Value; v++ {
		title := ""
		for _, x := range blocks {
			if x.TOC && x.Number != nil && x.Number.Style == st && x.Number.Value == v {
				title = tocTitle(x)
				break
			}
		}
		if utf8.RuneCountInString(title) < 4 {
			return nil
		}
		var found *titleAt
		for _, x := range blocks[last.Index+1 : b.Index] {
			if x.TOC || x.Kind == doc.KindTableCell || x.Number != nil {
				continue
			}
			// the title on its own line, or run into the paragraph before
			// it when the lines were joined (…服务中心上海市…部门决算表)
			if start := suffixAt(x.Text, title); start >= 0 {
				found = &titleAt{x, start, utf8.RuneCountInString(x.Text)}
				break
			}
			// the body's title may name the unit a little differently
			// (上海市规划和自然资源局… for 上海市普陀区规划和自然资源局…):
			// a line of its own that ends like most of the entry
			if t := tocTitle(x); utf8.RuneCountInString(t) <= 40 && !terminalRe.MatchString(t) &&
				2*doc.CommonSuffix(t, title) >= utf8.RuneCountInString(title)+utf8.RuneCountInString(t)/2 {
				found = &titleAt{x, 0, utf8.RuneCountInString(x.Text)}
				break
			}
		}
		if found == nil {
			return nil
		}
		out = append(out, *found)
	}
	return out
}

// suffixAt returns the rune index where text ends with title, spaces in
// text not counted, or -1.
func suffixAt(text, title string) int {
	rs, ts := []rune(strings.TrimRightFunc(text, unicode.IsSpace)), []rune(title)
	i, j := len(rs)-1, len(ts)-1
	for ; i >= 0 && j >= 0; i-- {
		switch {
		case unicode.IsSpace(rs[i]):
		case rs[i] == ts[j]:
			j--
		default:
			return -1
		}
	}
	if j >= 0 {
		return -1
	}
	return i + 1
}

// titleAt is a title's place in a block, in runes.
type titleAt struct {
	b          *doc.Block
	start, end int
}

// tocTitle is a heading's or contents entry's title without its number,
// its leader dots and page number, and its spaces.
func tocTitle(b *doc.Block) string {
	rs := []rune(b.Text)
	if b.Number != nil {
		rs = rs[min(b.Number.Len, len(rs)):]
	}
	t := strings.Join(strings.Fields(string(rs)), "")
	t = tocLeaderRe.ReplaceAllString(t, "")
	return t
}

var tocLeaderRe = regexp.MustCompile(`[.…·．]{2,}\d*$|\d+$`)
