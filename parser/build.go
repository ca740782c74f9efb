package parser

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/tables"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
)

// Build turns a reader's lines into a document of blocks: soft-wrapped lines
// are joined into paragraphs (across pages too), page numbers are left out,
// and numbering, sections, the table of contents and attachments are marked.
// It marks raw's page-number lines, adds the tables it finds to raw and
// empties raw.Source once the document's Source holds it.
func Build(path string, raw *doc.Raw) *doc.Document { return BuildWith(path, raw, nil) }

// BuildWith is Build reading tables with the given templates (nil: the
// embedded pack's).
func BuildWith(path string, raw *doc.Raw, cat *tables.Catalog) *doc.Document {
	if cat == nil {
		cat = tables.Default()
	}
	d := &doc.Document{
		Path: path, Format: raw.Format,
		Source: doc.NewSource(raw.Source, raw.PageLines),
		Tables: raw.Tables, NoText: raw.NoText, Warnings: raw.Warnings, Damage: raw.Damage,
	}
	// the text is in d.Source now; a second copy, as large as the file,
	// need not live through the building of the blocks
	raw.Source = ""
	if raw.Pages != nil {
		d.Geometry = doc.NewGeometry(raw.Lines, raw.Pages)
	}
	if raw.Format == doc.FormatText || raw.Format == doc.FormatPDF {
		// tables in page text are rows of figures: find them before the
		// narrative is read, so their rows are not taken for sentences
		raw.Tables = append(raw.Tables, cat.Detect(raw)...)
		d.Tables = raw.Tables
	}
	for _, t := range d.Tables {
		shareCells(t, d.Source)
	}
	format, lines := raw.Format, raw.Lines
	if format != xlsxfile.Format {
		// a sheet's pages are its tabs: a cell holding 3 at the end of one is a figure
		markPageNumbers(lines)
	}
	inTable := tableLines(raw)
	fl := newFlow(lines, format)
	if n := len(fl.upside); n > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("the lines of %d page(s) were read bottom up (numbered items count down): their sentences are read line by line", n))
	}

	var bb *blockBuilder // the block being built, nil between blocks
	builder := &blockBuilder{source: d.Source}
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
		if bb != nil && (kind == doc.KindTableCell || !fl.continues(prev, l)) {
			flush()
		}
		if bb == nil {
			bb = builder
			bb.start(kind, l.Page)
		}
		bb.appendLine(l.Text, l.Pos)
		prev = l
		if kind == doc.KindTableCell {
			flush()
		}
	}
	flush()
	// neither raw nor lines is read from here on, so the lines — the
	// largest part of a report of thousands of pages — can be collected
	// while the structure is built
	d.Blocks = splitInline(d.Blocks, d.Source)
	structure(d)
	if marked(format) {
		tables.LinkGrids(d) // a grid's title and unit stand in the paragraphs before it
		for _, t := range d.Tables {
			cat.Recognize(t) // the document is complete when it is opened: checks only read it
		}
	}
	return d
}

// shareCells lets the cells of a table, hundreds of thousands in a large
// report, show their characters from the source or their own analysis
// text rather than a copy each.
func shareCells(t *doc.Table, src *doc.Source) {
	for _, row := range t.Rows {
		for _, c := range row {
			if b := c.Block; b != nil {
				if run, ok := src.Run(b.SrcAt); ok && run == b.Raw {
					b.Raw = run
				} else if b.Raw == b.Text {
					b.Raw = b.Text
				}
			}
		}
	}
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
// the page-number role, so it does not end up inside a sentence. It marks
// the lines in place: a copy of them would double a large report's peak.
func markPageNumbers(lines []doc.Line) {
	if len(lines) == 0 {
		return
	}
	if lines[len(lines)-1].Page == 0 {
		// text without form feeds still carries its PDF's page numbers in
		// the forms nobody writes in running text: - 42 -, 第 3 页
		for i := range lines {
			if lines[i].Role == doc.RoleBody && decoratedPageNumberRe.MatchString(strings.TrimSpace(lines[i].Text)) {
				lines[i].Role = doc.RolePageNumber
			}
		}
		return
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
	markRunningHeads(lines)
}

// markRunningHeads gives the first or last body line of a page the header
// or footer role when, digits aside, the same line stands there on at
// least three pages and a third of them — the report's title or a page
// foot repeated by the page texts of a PDF, which would otherwise land in
// the middle of a sentence running across the page break.
func markRunningHeads(lines []doc.Line) {
	type edge struct {
		top  bool
		text string
	}
	key := func(l doc.Line) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r >= '0' && r <= '9', r >= '０' && r <= '９':
				return '#'
			case r == ' ', r == '\u3000':
				return -1
			}
			return r
		}, l.Text)
	}
	// the first and last body line of each page
	firsts, lasts := map[int]int{}, map[int]int{}
	for i, l := range lines {
		if l.Role != doc.RoleBody || l.Page == 0 {
			continue
		}
		if _, ok := firsts[l.Page]; !ok {
			firsts[l.Page] = i
		}
		lasts[l.Page] = i
	}
	pages := len(firsts)
	if pages < 3 {
		return
	}
	seen := map[edge]int{}
	for p, i := range firsts {
		seen[edge{true, key(lines[i])}]++
		if j := lasts[p]; j != i {
			seen[edge{false, key(lines[j])}]++
		}
	}
	need := max(3, pages/3)
	for p, i := range firsts {
		if seen[edge{true, key(lines[i])}] >= need {
			lines[i].Role = doc.RoleHeader
		}
		if j := lasts[p]; j != i && seen[edge{false, key(lines[j])}] >= need {
			lines[j].Role = doc.RoleFooter
		}
	}
}

// blockBuilder accumulates the runes of one block.
type blockBuilder struct {
	kind         doc.Kind
	page         int
	source       *doc.Source // the document's, whose runes a block on one line shares
	raw          []rune
	src          doc.Offsets
	text         []rune
	rawAt        []int
	pendingSpace bool
}

// start begins a block of kind on page, keeping the buffers of the block
// before: a block copies what it keeps out of them when it is made, and
// buffers made anew for each of a large report's blocks would be millions
// of allocations among the document's own objects.
func (bb *blockBuilder) start(kind doc.Kind, page int) {
	*bb = blockBuilder{kind: kind, page: page, source: bb.source,
		raw: bb.raw[:0], text: bb.text[:0], rawAt: bb.rawAt[:0]}
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
	text, rawAt := joinThousands(bb.text, bb.rawAt, k == doc.KindTableCell)
	b := &doc.Block{Kind: k, Text: string(text), RawAt: doc.OffsetsOf(rawAt), SrcAt: bb.src, Page: int32(bb.page)}
	b.Raw = bb.rawString(b.Text)
	return b
}

// rawString is the block's characters as written: a string the document
// holds anyway when one reads the same (the source at a block on one line,
// or the block's analysis text), else a copy of their own; a document of
// thousands of pages keeps every block.
func (bb *blockBuilder) rawString(text string) string {
	if run, ok := bb.source.Run(bb.src); ok && doc.SameRunes(run, bb.raw) {
		return run
	}
	if doc.SameRunes(text, bb.raw) {
		return text
	}
	return string(bb.raw)
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
