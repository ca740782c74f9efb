package parser

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
)

// flow decides where paragraphs end: a reader's lines are joined while a
// sentence is unfinished — across soft wraps, page breaks (page numbers,
// headers and footers are not body lines and are passed over) and odd line
// gaps — and split where a new paragraph or a numbered item starts.
type flow struct {
	format   doc.Format
	wrapAt   int             // width of a hard-wrapped text's full line, 0 if not wrapped
	indented bool            // the text indents each paragraph's first line
	margin   map[int]float64 // right edge of the body text per page (PDF)
	spacing  map[int]float64 // usual distance between lines per page (PDF)
	upside   map[int]bool    // pages whose lines were read bottom up
}

func newFlow(lines []doc.Line, f doc.Format) *flow {
	return &flow{
		format: f, wrapAt: wrapWidth(lines, f), indented: indentMarksParagraphs(lines),
		margin: rightMargins(lines), spacing: lineSpacing(lines), upside: bottomUp(lines),
	}
}

// bottomUp finds the pages whose lines were read bottom up, as some
// extractions of rotated or oddly built pages are: their numbered items
// count down (3. 2. 1., （五）（四）) more often than up. A sentence cannot
// be followed there from line to line. When a fifth of the pages with
// numbered lines are read so, every page is.
func bottomUp(lines []doc.Line) map[int]bool {
	type count struct{ up, down int }
	per := map[int]*count{}
	last := map[int]map[doc.Style]int{}
	for _, l := range lines {
		if l.Role != doc.RoleBody {
			continue
		}
		n := ParseNumber(foldedHead(l.Text))
		if n == nil {
			continue
		}
		if last[l.Page] == nil {
			last[l.Page], per[l.Page] = map[doc.Style]int{}, &count{}
		}
		switch v := last[l.Page][n.Style]; n.Value {
		case v + 1:
			per[l.Page].up++
		case v - 1:
			per[l.Page].down++
		}
		last[l.Page][n.Style] = n.Value
	}
	m := map[int]bool{}
	for p, c := range per {
		if c.down >= 2 && c.down > c.up {
			m[p] = true
		}
	}
	if len(m) >= 5 && len(m)*5 >= len(per) {
		// so many pages that the extraction is at fault, not a page's
		// layout: no page of the document can be trusted
		for _, l := range lines {
			m[l.Page] = true
		}
	}
	return m
}

// continues decides whether line l continues the paragraph that prev ended.
func (f *flow) continues(prev, l *doc.Line) bool {
	if prev == nil || prev.Kind == doc.KindHeading || l.Kind == doc.KindHeading || startsItem(l.Text) {
		return false
	}
	if f.upside[l.Page] || f.upside[prev.Page] {
		return false // the next line is not the sentence's next line
	}
	if marked(f.format) {
		// the markup says where paragraphs end (a line without a break is
		// the same paragraph, split at a page break); a break inside a
		// sentence (…489938 万<br>元，增长…) or after 主要原因是： is spacing
		return !l.Break || causeOpener(prev.Text) || (!endsSentence(prev.Text) && midSentenceRe.MatchString(l.Text))
	}
	if unfinished(prev.Text, l.Text) {
		return true
	}
	if prev.Placed() && l.Placed() {
		return f.wrapsAt(prev, l)
	}
	if l.Break {
		// a blank line inside an unfinished sentence (…比上年决算数增加
		// <blank> 23.25 亿元，增长 0.6%。) is spacing too, after a full line
		// or, where paragraphs start indented, before an unindented one
		if endsSentence(prev.Text) || l.Indent > 0 {
			return false
		}
		w := width(prev.Text)
		return (f.wrapAt > 0 && w*100 >= f.wrapAt*82) || (f.indented && w >= 40)
	}
	if f.indented {
		// the text marks each paragraph's first line with an indent: an
		// unindented line goes on with the paragraph above, also after a
		// full line that a wrap happened to end on a clause (…其中：) or a
		// sentence, unless it stands alone as a title would (a short line
		// ending without punctuation)
		switch {
		case l.Indent > 0:
			return false
		case !endsSentence(prev.Text):
			return true
		case f.wrapAt == 0 || width(prev.Text)*100 < f.wrapAt*82:
			return false
		case !endsFullStop(prev.Text):
			return true
		}
		return width(l.Text)*100 >= f.wrapAt*82 || endsSentence(l.Text)
	}
	if f.wrapAt == 0 {
		return false
	}
	w := width(prev.Text) * 100
	switch {
	case w >= f.wrapAt*82:
		return true // a full line wraps, whatever it ends with
	case endsSentence(prev.Text), w < f.wrapAt*60:
		return false
	case startsItem(prev.Text) && headingEnd.MatchString(prev.Text):
		return false // a numbered heading that fits on its line
	}
	return true
}

// unfinished reports a sentence that plainly goes on in the next line: the
// line ends on a comma or an enumeration comma, on an announced cause
// (主要原因是：), or the next line starts with what no sentence starts with
// (a unit, a closing bracket, a comma).
func unfinished(prev, next string) bool {
	p := strings.TrimRight(prev, " ")
	return strings.HasSuffix(p, "，") || strings.HasSuffix(p, "、") || strings.HasSuffix(p, ",") ||
		causeOpener(p) || (midSentenceRe.MatchString(next) && !endsSentence(p))
}

// causeOpenerRe: a cause announced at the end of a line, its text to follow.
var causeOpenerRe = regexp.MustCompile(`(?:原因(?:是|为)[:：]?|原因[:：]|主要是[:：]?)\s*$`)

func causeOpener(s string) bool { return causeOpenerRe.MatchString(s) }

// wrapsAt decides with the page geometry of a PDF. The reader marks a
// break after every line that stops short, but a line also stops short when
// its next word (a figure such as 6.8%，or 19号）) does not fit: then the
// gap at its end is no wider than that word, or the line is full. A
// first-line indent (deeper than the line before: a note may be indented as
// a whole), a gap between the lines wider than their spacing or a table row
// ends the paragraph.
func (f *flow) wrapsAt(prev, l *doc.Line) bool {
	if l.Break && (tableRow(prev) || tableRow(l)) {
		return false
	}
	if l.Indent > prev.Indent || (l.Break && endsSentence(prev.Text)) {
		return false
	}
	pg, lg := prev.Geo, l.Geo
	size := maxf(pg.Size, 5)
	if d := lg.Y - pg.Y; l.Break && l.Page == prev.Page {
		// a gap clearly wider than the line spacing is a paragraph's end
		// (or a title page's lines set far apart)
		if sp := f.spacing[l.Page]; d < 0 || d > 2.2*size || (sp > 0 && d > 1.4*sp) {
			return false
		}
	}
	if startsItem(prev.Text) && headingEnd.MatchString(prev.Text) {
		return false // a numbered heading that fits on its line
	}
	short := f.margin[prev.Page] - pg.X1
	if short <= 2*size {
		return true // a full line wraps, whatever it ends with
	}
	return !endsSentence(prev.Text) && len(lg.Segments) <= 1 && short <= leadWidth(l.Text, lg.Size)+2*size
}

// tableRow: a line of separate runs (columns) that holds no sentence.
func tableRow(l *doc.Line) bool {
	return len(l.Segments()) > 1 && !strings.ContainsAny(l.Text, "，。；")
}

// leadWidth estimates the width of a line's first unbreakable word: the
// figures and Latin letters it starts with, and the punctuation that may
// not start a line after them (6.8%，). Full-width characters are one em.
// A word followed by a space (3.18 2023年…, a section number) could have
// been set on the line before: 0.
func leadWidth(s string, size float64) float64 {
	size = maxf(size, 5)
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			return 0
		case r < 0x80:
			w += 0.55 * size
		case strings.ContainsRune("，。、；：）》”％", r):
			w += size
		default:
			return w
		}
	}
	return w
}

// startsItem reports a line that starts a numbered item or an attachment:
// 一、 （二） 3. 4、 ① 第二部分 附件, as written (full-width forms, spaces).
func startsItem(s string) bool {
	head := foldedHead(s)
	if tailOfBracket(s) {
		return false
	}
	return ParseNumber(head) != nil || strings.HasPrefix(head, "附件") || strings.HasPrefix(head, "附表")
}

// tailOfBracket: a line that closes a bracket it never opened (三十二、表三十三）
// after （表三十一、表) goes on with a list wrapped from the line before; the
// numeral it starts with is a list member, not an item's number.
func tailOfBracket(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth--; depth < 0 {
				return true
			}
		case '。', '；', ';':
			return false // a sentence ended first: the bracket is another matter
		}
	}
	return false
}

// foldedHead is the start of a line in analysis form, spaces dropped, long
// enough to read a marker from.
func foldedHead(s string) string {
	var b strings.Builder
	b.Grow(min(len(s), 16*utf8.UTFMax)) // one allocation for the 16 runes at most
	n := 0
	for _, r := range s {
		if n == 16 {
			break
		}
		if f := fold(r); f != ' ' && f != 0 {
			b.WriteRune(f)
			n++
		}
	}
	return b.String()
}

// midSentenceRe: what no sentence starts with: a unit, a percent sign,
// punctuation that closes or continues a clause, or the decimals of a
// figure broken before its point (519 / .7 亿元, as text copied out of
// some PDFs breaks it).
var midSentenceRe = regexp.MustCompile(`^(?:万元|亿元|元|%|％|[，。、；：）)”]|[.．][0-9０-９])`)

var headingEnd = regexp.MustCompile(`(?:情况|说明|概况|职能|构成|解释|表|情况说明|设置|职责|名词解释|其他|事项)[)）]?$`)

// marked reports a format whose reader knows where paragraphs and table
// cells start (HTML, DOCX, XLSX), so lines are not joined by guesswork.
func marked(f doc.Format) bool {
	return f == doc.FormatHTML || f == doc.FormatDOCX || f == xlsxfile.Format
}

// endsFullStop: the line ends a sentence for good (。！？), not a clause
// that may open a list (：；).
func endsFullStop(s string) bool { return endsWith(s, "。", "！", "？", "!", "?") }

// endsSentence: the line ends a sentence or a clause that opens a list.
func endsSentence(s string) bool { return endsFullStop(s) || endsWith(s, "；", ";", "：", ":") }

func endsWith(s string, sufs ...string) bool {
	s = strings.TrimRight(s, " ")
	for _, suf := range sufs {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// wrapWidth finds the width at which a hard-wrapped document (page text of
// a PDF) breaks its lines, or 0 when lines are not wrapped at a width.
func wrapWidth(lines []doc.Line, f doc.Format) int {
	if marked(f) {
		return 0
	}
	var all, prose []int
	for _, l := range lines {
		if l.Role == doc.RoleBody {
			if w := width(l.Text); w >= 20 {
				all = append(all, w)
				if strings.ContainsAny(l.Text, "，。；、") {
					prose = append(prose, w)
				}
			}
		}
	}
	if w := crowdWidth(all); w > 0 {
		return w
	}
	// a report that prints its tables as lines of their own, wider than
	// its prose, and runs a few lines of prose together: the prose's own
	// crowd, at the width most of its lines come up to
	if len(prose) < 10 {
		return 0
	}
	sort.Ints(prose)
	best, most := 0, 0
	for i, x := range prose {
		if i > 0 && x == prose[i-1] {
			continue
		}
		if n := near(prose, x); n > most {
			best, most = x, n
		}
	}
	if most*100 >= len(prose)*50 {
		return best
	}
	return 0
}

// crowdWidth is the width of the tenth widest of ws when a crowd of lines
// (35%) is nearly as wide: wrapped text.
func crowdWidth(ws []int) int {
	if len(ws) < 10 {
		return 0
	}
	sort.Ints(ws)
	w := ws[len(ws)*9/10]
	if near(ws, w)*100 < len(ws)*35 {
		return 0
	}
	return w
}

// near counts the widths of ws from 80% of w to a tenth above it.
func near(ws []int, w int) int {
	n := 0
	for _, x := range ws {
		if x*100 >= w*80 && x <= w+w/10 {
			n++
		}
	}
	return n
}

// rightMargins is the right edge of the text on each page (PDF geometry).
// A page of a few lines (a cover, a part's title page) shows no margin of
// its own: it gets the widest margin of the document's fuller pages.
func rightMargins(lines []doc.Line) map[int]float64 {
	m := map[int]float64{}
	n := map[int]int{}
	for _, l := range lines {
		if l.Role == doc.RoleBody && l.Placed() {
			n[l.Page]++
			m[l.Page] = maxf(m[l.Page], l.Geo.X1)
		}
	}
	widest := 0.0
	for p, x := range m {
		if n[p] >= 5 {
			widest = maxf(widest, x)
		}
	}
	for p := range m {
		if n[p] < 5 && widest > 0 {
			m[p] = widest
		}
	}
	return m
}

// lineSpacing is the median distance between consecutive body lines of a
// page (PDF geometry), 0 when the page has too few.
func lineSpacing(lines []doc.Line) map[int]float64 {
	gaps := map[int][]float64{}
	var prev *doc.Line
	for i := range lines {
		l := &lines[i]
		if l.Role != doc.RoleBody || l.Geo == nil || l.Geo.X1 == 0 {
			continue
		}
		if prev != nil && prev.Page == l.Page {
			if d := l.Geo.Y - prev.Geo.Y; d > 0.8*l.Geo.Size && d < 3*l.Geo.Size {
				gaps[l.Page] = append(gaps[l.Page], d)
			}
		}
		prev = l
	}
	m := map[int]float64{}
	for p, g := range gaps {
		if len(g) >= 3 {
			sort.Float64s(g)
			m[p] = g[len(g)/2]
		}
	}
	return m
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

// indentMarksParagraphs reports whether a text indents the first line of its
// paragraphs (some lines indented, most not), as text copied from PDFs does.
func indentMarksParagraphs(lines []doc.Line) bool {
	n, ind := 0, 0
	for _, l := range lines {
		if l.Role != doc.RoleBody || l.Kind != doc.KindUnknown {
			continue
		}
		n++
		if l.Indent >= 2 {
			ind++
		}
	}
	return n >= 20 && ind*100 >= n*10 && ind*100 <= n*60
}
