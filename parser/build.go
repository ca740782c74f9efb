package parser

import (
	"regexp"
	"slices"

	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/parser/tables"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Build turns a reader's lines into a document of blocks: soft-wrapped lines
// are joined into paragraphs (across pages too), page numbers are left out,
// and numbering, sections, the table of contents and attachments are marked.
func Build(path string, raw *doc.Raw) *doc.Document {
	d := &doc.Document{
		Path: path, Format: raw.Format,
		Source: doc.NewSource(raw.Source, raw.PageLines),
		Tables: raw.Tables, NoText: raw.NoText, Warnings: raw.Warnings, Damage: raw.Damage,
	}
	if raw.Pages != nil {
		d.Geometry = doc.NewGeometry(raw.Lines, raw.Pages)
	}
	if raw.Format == doc.FormatText || raw.Format == doc.FormatPDF {
		// tables in page text are rows of figures: find them before the
		// narrative is read, so their rows are not taken for sentences
		raw.Tables = append(raw.Tables, tables.Detect(raw)...)
		d.Tables = raw.Tables
	}
	lines := markPageNumbers(raw.Lines)
	inTable := tableLines(raw)
	wrapAt := wrapWidth(lines, raw.Format)
	margin := rightMargins(lines)
	indented := indentMarksParagraphs(lines)

	var bb *blockBuilder
	flush := func() {
		if bb != nil {
			if b := bb.block(); b != nil {
				d.Blocks = append(d.Blocks, b)
			}
			bb = nil
		}
	}
	var prev *doc.Line
	for i := range lines {
		l := &lines[i]
		if l.Role != doc.RoleBody {
			continue
		}
		kind := l.Kind
		if inTable[i] && !prose(l.Text) {
			kind = doc.KindTableCell
		}
		if bb != nil && (kind == doc.KindTableCell || !continues(prev, l, wrapAt, margin, indented)) {
			flush()
		}
		if bb == nil {
			bb = &blockBuilder{kind: kind, page: l.Page}
		}
		bb.appendLine(lineRef{text: l.Text, pos: l.Pos})
		prev = l
		if kind == doc.KindTableCell {
			flush()
		}
	}
	flush()
	structure(d)
	if raw.Format == doc.FormatHTML || raw.Format == doc.FormatDOCX {
		tables.LinkGrids(d) // a grid's title and unit stand in the paragraphs before it
		for _, t := range d.Tables {
			tables.Recognize(t) // the document is complete when it is opened: checks only read it
		}
	}
	return d
}

// tableLines marks the lines that tables found by a reader or by table
// detection occupy, so table rows are not read as narrative.
func tableLines(raw *doc.Raw) map[int]bool {
	m := map[int]bool{}
	for _, t := range raw.Tables {
		if t.LastLine <= 0 && t.FirstLine <= 0 {
			continue
		}
		for i := t.FirstLine; i <= t.LastLine && i < len(raw.Lines); i++ {
			if i >= 0 {
				m[i] = true
			}
		}
	}
	return m
}

var pageNumberRe = regexp.MustCompile(`^(?:[-－—]\s*\d{1,4}\s*[-－—]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})$`)

var decoratedPageNumberRe = regexp.MustCompile(`^(?:[-－—]\s*\d{1,4}\s*[-－—]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?)$`)

// markPageNumbers gives a bare page number at the top or bottom of a page
// the page-number role, so it does not end up inside a sentence.
func markPageNumbers(in []doc.Line) []doc.Line {
	lines := append([]doc.Line(nil), in...)
	if len(lines) == 0 {
		return lines
	}
	if lines[len(lines)-1].Page == 0 {
		// text without form feeds still carries its PDF's page numbers in
		// the forms nobody writes in running text: - 42 -, 第 3 页
		for i := range lines {
			if lines[i].Role == doc.RoleBody && decoratedPageNumberRe.MatchString(strings.TrimSpace(lines[i].Text)) {
				lines[i].Role = doc.RolePageNumber
			}
		}
		return lines
	}
	for i := range lines {
		if lines[i].Role != doc.RoleBody || !pageNumberRe.MatchString(strings.TrimSpace(lines[i].Text)) {
			continue
		}
		first := i == 0 || lines[i-1].Page != lines[i].Page
		last := i == len(lines)-1 || lines[i+1].Page != lines[i].Page
		if first || last {
			lines[i].Role = doc.RolePageNumber
		}
	}
	return lines
}

// wrapWidth finds the width at which a hard-wrapped document (page text of
// a PDF) breaks its lines, or 0 when lines are not wrapped at a width.
func wrapWidth(lines []doc.Line, f doc.Format) int {
	if f == doc.FormatHTML || f == doc.FormatDOCX {
		return 0
	}
	var ws []int
	for _, l := range lines {
		if l.Role == doc.RoleBody {
			if w := width(l.Text); w >= 20 {
				ws = append(ws, w)
			}
		}
	}
	if len(ws) < 10 {
		return 0
	}
	sort.Ints(ws)
	w := ws[len(ws)*9/10]
	near := 0
	for _, x := range ws {
		if x*100 >= w*80 && x <= w+w/10 {
			near++
		}
	}
	// wrapped text has a crowd of lines at nearly the same width
	if near*100 < len(ws)*35 {
		return 0
	}
	return w
}

// midSentenceRe: what no sentence starts with: a unit, a percent sign, or
// punctuation that closes or continues a clause.
var midSentenceRe = regexp.MustCompile(`^(?:万元|亿元|元|%|％|[，。、；：）)”])`)

var markerStart = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}、|\d{1,2}[.．](?:[^\d]|$)|[①-⑳]|附件|附表)`)

// continues decides whether line l continues the paragraph that prev ended.
func continues(prev, l *doc.Line, wrapAt int, margin map[int]float64, indented bool) bool {
	if prev == nil {
		return false
	}
	if l.Break {
		// a blank line inside a sentence (…489938 万 / 元，增长…) is spacing
		return midSentenceRe.MatchString(l.Text) && !endsSentence(prev.Text)
	}
	if markerStart.MatchString(l.Text) {
		return false
	}
	if prev.Kind == doc.KindHeading || l.Kind == doc.KindHeading {
		return false
	}
	if prev.X1 > 0 && l.X1 > 0 {
		// geometry from the PDF reader: the reader sets Break on paragraph
		// starts; a line that stops well short of the margin ends its paragraph
		return prev.X1 >= margin[prev.Page]-2*maxf(prev.Size, 5)
	}
	if indented && prev.X1 == 0 {
		// the text marks each paragraph's first line with an indent: an
		// unindented line goes on with the paragraph above
		return l.Indent == 0 && !endsSentence(prev.Text)
	}
	if wrapAt == 0 {
		return false
	}
	w := width(prev.Text) * 100
	switch {
	case w >= wrapAt*82:
		return true // a full line wraps, whatever it ends with
	case endsSentence(prev.Text), w < wrapAt*60:
		return false
	case markerStart.MatchString(prev.Text) && headingEnd.MatchString(prev.Text):
		return false // a numbered heading that fits on its line
	}
	return true
}

var headingEnd = regexp.MustCompile(`(?:情况|说明|概况|职能|构成|解释|表|情况说明|设置|职责|名词解释|其他|事项)[)）]?$`)

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	for _, suf := range []string{"。", "；", ";", "：", ":", "！", "？", "!", "?", "”。"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

type lineRef struct {
	text string
	pos  []int
}

// blockBuilder accumulates the runes of one block.
type blockBuilder struct {
	kind         doc.Kind
	page         int
	raw          []rune
	src          []int
	text         []rune
	rawAt        []int
	pendingSpace bool
}

func (bb *blockBuilder) lastText() rune {
	if len(bb.text) == 0 {
		return 0
	}
	return bb.text[len(bb.text)-1]
}

func (bb *blockBuilder) block() *doc.Block {
	if len(bb.text) == 0 {
		return nil
	}
	k := bb.kind
	if k == doc.KindUnknown {
		k = doc.KindParagraph
	}
	// exact-size copies: the builder's slices grew by doubling, and a
	// document of thousands of pages keeps every block
	return &doc.Block{Kind: k, Text: string(bb.text), Raw: slices.Clone(bb.raw), RawAt: slices.Clone(bb.rawAt),
		SrcAt: slices.Clone(bb.src), Page: bb.page}
}

// rightMargins is the right edge of the text on each page (PDF geometry).
func rightMargins(lines []doc.Line) map[int]float64 {
	m := map[int]float64{}
	for _, l := range lines {
		if l.Role == doc.RoleBody && l.X1 > m[l.Page] {
			m[l.Page] = l.X1
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

// prose reports a line that reads as running text even inside a table's
// lines: a table's end is not always seen, and the narrative after it
// (2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：) must still be read.
func prose(s string) bool {
	if !strings.ContainsAny(s, "，。；") || spacedFiguresRe.MatchString(s) {
		return false
	}
	n := 0
	for _, r := range s {
		if IsCJK(r) {
			n++
		}
	}
	return n >= 12
}

// spacedFiguresRe: two figures side by side, as in a table row.
var spacedFiguresRe = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?\s+-?\d[\d,]*(?:\.\d+)?(?:\s|$)`)
