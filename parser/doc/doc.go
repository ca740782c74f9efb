// Package doc holds the document model every reader produces and every
// check consumes: the source text a user can open, the lines it is made of,
// and the blocks (headings, paragraphs, list items, table cells) that the
// analysis reads, each rune of which maps back to a place in the source.
package doc

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Format names the kind of file a document was read from.
type Format string

const (
	FormatText Format = "text"
	FormatHTML Format = "html"
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
)

// Source is the text positions refer to: the decoded file for text and HTML,
// the extracted text (pages separated by form feeds) for PDF and DOCX.
// Positions are rune offsets; the text is kept as UTF-8 with an index from
// rune to byte offset, not as []rune, which would take four bytes for every
// character of a report of thousands of pages (a CJK character takes three
// in UTF-8, a digit one).
type Source struct {
	text  string
	runes int // length of text in runes
	// marks[i] is the byte offset of rune i*markEvery, so a rune offset
	// finds its byte by decoding fewer than markEvery runes; int32 as in
	// Offsets: a source of 2^31 bytes is far past what the readers accept
	marks      []int32
	lineStarts []int // rune offset of the first rune of each line
	pageStarts []int // rune offset of the first rune of each page (after a form feed)
	// PageLines makes Position report the line within the page (PDF) rather
	// than the line within the file (text files with form feeds).
	PageLines bool
}

// markEvery is how many runes lie between two byte offsets of Source.marks.
const markEvery = 32

// NewSource indexes text for position look-ups.
func NewSource(text string, pageLines bool) *Source {
	s := &Source{text: text, PageLines: pageLines}
	s.lineStarts = append(s.lineStarts, 0)
	s.pageStarts = append(s.pageStarts, 0)
	i := 0
	for b, r := range text {
		if i%markEvery == 0 {
			s.marks = append(s.marks, narrow(b))
		}
		switch r {
		case '\n':
			s.lineStarts = append(s.lineStarts, i+1)
		case '\f':
			s.pageStarts = append(s.pageStarts, i+1)
			if pageLines {
				// in page-line mode a form feed also starts a line
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
		i++
	}
	s.runes = i
	return s
}

// Text is the whole source text.
func (s *Source) Text() string { return s.text }

// Len is the length of the text in runes: offsets run from 0 to Len()-1.
func (s *Source) Len() int { return s.runes }

// byteOf is the byte offset in text of rune offset off (len(text) at the end).
func (s *Source) byteOf(off int) int {
	if off >= s.runes {
		return len(s.text)
	}
	b := int(s.marks[off/markEvery])
	for range off % markEvery {
		_, n := utf8.DecodeRuneInString(s.text[b:])
		b += n
	}
	return b
}

// At is the rune at offset off; like an index, it panics out of range.
func (s *Source) At(off int) rune {
	if off < 0 || off >= s.runes {
		panic(fmt.Sprintf("doc.Source: offset %d out of range [0:%d]", off, s.runes))
	}
	r, _ := utf8.DecodeRuneInString(s.text[s.byteOf(off):])
	return r
}

// Pages reports how many pages the source has (1 when it has no form feed).
func (s *Source) Pages() int { return len(s.pageStarts) }

// HasPages reports whether the source is split into pages by form feeds.
func (s *Source) HasPages() bool { return len(s.pageStarts) > 1 }

// Position is a place in the source, 1-based. Column counts characters.
// Page is 0 when the source has no pages.
type Position struct {
	Line   int
	Column int
	Page   int
}

// Position converts a rune offset into line, column and page.
func (s *Source) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > s.runes {
		off = s.runes
	}
	li := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off }) - 1
	p := Position{Line: li + 1, Column: off - s.lineStarts[li] + 1}
	if s.HasPages() {
		pi := sort.Search(len(s.pageStarts), func(i int) bool { return s.pageStarts[i] > off }) - 1
		p.Page = pi + 1
		if s.PageLines {
			first := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] >= s.pageStarts[pi] })
			p.Line = li - first + 1
		}
	}
	return p
}

// Run is the source's characters at the offsets src maps to, when they are
// one run (a block on one line of a text or a PDF); ok is false otherwise.
// It is a part of the source string, not a copy: a block whose characters
// as written read the same keeps this rather than a string of its own.
func (s *Source) Run(src Offsets) (run string, ok bool) {
	a, b := int(src.first), int(src.first)+src.Len()
	if src.Len() == 0 || src.more != nil || a < 0 || b > s.runes {
		return "", false
	}
	return s.text[s.byteOf(a):s.byteOf(b)], true
}

// Slice returns the source text between two rune offsets, the bounds
// clamped to the text.
func (s *Source) Slice(start, end int) string {
	start, end = max(start, 0), min(end, s.runes)
	if start >= end {
		return ""
	}
	return s.text[s.byteOf(start):s.byteOf(end)]
}

// SameRunes reports whether s holds exactly the runes rs.
func SameRunes(s string, rs []rune) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return i == len(rs)
}

// CommonSuffix counts the runes a and b end with alike.
func CommonSuffix(a, b string) int {
	x, y := []rune(a), []rune(b)
	n := 0
	for n < len(x) && n < len(y) && x[len(x)-1-n] == y[len(y)-1-n] {
		n++
	}
	return n
}

// DisplayWidth is the width of a line in columns: CJK characters and
// full-width forms take two.
func DisplayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r > 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// RuneSlice returns rs[start:end] as a string, the bounds clamped to rs.
func RuneSlice(rs []rune, start, end int) string {
	if start < 0 {
		start = 0
	}
	if end > len(rs) {
		end = len(rs)
	}
	if start >= end {
		return ""
	}
	return string(rs[start:end])
}

// Substring returns the runes [start,end) of s, the bounds clamped to s.
// It shares s's bytes; finding them takes a scan from the start.
func Substring(s string, start, end int) string {
	start = max(start, 0)
	if start >= end {
		return ""
	}
	a, i := len(s), 0
	for b := range s {
		if i == start {
			a = b
		}
		if i == end {
			return s[a:b]
		}
		i++
	}
	return s[a:]
}

// Line is one line of source text as a reader sees it, before blocks are made.
type Line struct {
	Text   string  // the line's characters, entities decoded
	Pos    Offsets // source rune offset of each rune of Text
	Page   int     // 1-based page, 0 when the source has no pages
	Role   Role    // what the line is, when the reader knows
	Break  bool    // a block boundary precedes this line (blank line, <p>, <br>...)
	Kind   Kind    // block kind the reader knows (heading, table cell...), or KindUnknown
	Indent int     // leading spaces dropped from Text

	// Geo is where the line stands on its page, for readers that have
	// geometry (PDF); nil otherwise. Behind a pointer because a text report
	// of hundreds of thousands of lines would carry 88 zero bytes in each.
	Geo *LineGeo
	// Row, for a line of a table row printed over several lines (a name
	// wrapped around centred figures), numbers that row on the document:
	// lines with the same non-zero Row are one row. 0 when not known.
	Row int
}

// LineGeo is a line's place on its page: its baseline and extent in page
// units (y grows downwards from the top of the page), and its runs of glyphs
// split at gaps wide enough to separate table columns. Segment.Start is a
// rune index into the line's Text.
type LineGeo struct {
	Y, X0, X1, Size float64
	Segments        []Segment
	// X holds, for each rune of the line's Text, the left edge of its glyph
	// along the baseline, then the right edge of the last one (runes+1), so
	// rune i spans X[i]..X[i+1]; a space the reader inserted spans the gap
	// it stands for. float32 keeps it at four bytes a rune. nil when unknown.
	X []float32
	// Rot is the line's writing direction on the displayed page: 0 left to
	// right, 1 top to bottom, 2 upside down, 3 bottom to top. Y, X0, X1 and
	// X are in that direction's frame (see Geometry.Rects).
	Rot int
}

// Placed reports whether the line has geometry with an extent (X1 > 0).
func (l *Line) Placed() bool { return l.Geo != nil && l.Geo.X1 > 0 }

// Segments is the line's runs of glyphs, nil without geometry.
func (l *Line) Segments() []Segment {
	if l.Geo == nil {
		return nil
	}
	return l.Geo.Segments
}

// Segment is a run of a line's glyphs with no column-sized gap inside.
type Segment struct {
	Text   string
	Start  int // rune index of the segment's first rune in Line.Text
	X0, X1 float64
}

// Role marks lines that are not part of the running text.
type Role uint8

const (
	RoleBody Role = iota
	RolePageNumber
	RoleHeader
	RoleFooter
)

// Kind is the kind of a block. A byte, so that it packs with a block's
// flags: a large report keeps hundreds of thousands of blocks.
type Kind uint8

const (
	KindUnknown Kind = iota
	KindParagraph
	KindHeading
	KindListItem
	KindTableCell
	KindCaption
)

func (k Kind) String() string {
	switch k {
	case KindParagraph:
		return "paragraph"
	case KindHeading:
		return "heading"
	case KindListItem:
		return "list-item"
	case KindTableCell:
		return "table-cell"
	case KindCaption:
		return "caption"
	}
	return "unknown"
}

// Block is a unit of analysis: a heading, a paragraph (soft-wrapped lines
// joined), a list item or a table cell. Text is normalised for analysis
// (full-width forms folded, stray spaces between CJK characters dropped);
// Raw keeps the characters as written, and the maps lead from Text to Raw to
// the source.
type Block struct {
	Kind     Kind
	TOC      bool // inside a table of contents (structure pass)
	Appendix bool // inside an attached document (附件) that may speak of its own year (structure pass)
	// Page, Section and Index are int32, Page next to the flags: a large
	// report keeps hundreds of thousands of blocks, table cells included,
	// and this makes each 16 bytes smaller
	Page int32
	Text string // normalised analysis text
	// Raw is the characters as written, soft wraps removed. When they read
	// the same as Text, or as one run of the source, Raw is that string
	// rather than a copy.
	Raw   string
	RawAt Offsets // for each rune of Text, its index in Raw
	SrcAt Offsets // for each rune of Raw, its rune offset in the source

	// Filled by the structure pass.
	Number  *Number // heading or item number, when the block starts with one
	Section int32   // index of the nearest heading block before or at this one, -1 if none
	Index   int32   // position in Document.Blocks
}

// Number is a heading or list numbering as written: 一、 （二） 第三部分 4. (5)
type Number struct {
	Style Style
	Value int
	Text  string // the marker as written in the analysis text, e.g. "(二)"
	Len   int    // runes of Text the marker occupies
}

// Style identifies a numbering sequence; each style nests under the ones before it.
type Style int

const (
	StyleNone      Style = iota
	StylePart            // 第一部分
	StyleCJK             // 一、
	StyleParenCJK        // (一)
	StyleArabic          // 1. 1、 1．
	StyleParenArab       // (1)
	StyleCircled         // ①
)

func (s Style) String() string {
	switch s {
	case StylePart:
		return "第X部分"
	case StyleCJK:
		return "X、"
	case StyleParenCJK:
		return "（X）"
	case StyleArabic:
		return "N."
	case StyleParenArab:
		return "（N）"
	case StyleCircled:
		return "①"
	}
	return ""
}

// TextRange returns the runes [start,end) of the analysis text as a string.
func (b *Block) TextRange(start, end int) string { return RuneSlice([]rune(b.Text), start, end) }

// RawRange returns the characters as written behind analysis runes [start,end).
func (b *Block) RawRange(start, end int) string {
	if start >= end || start >= b.RawAt.Len() {
		return ""
	}
	if end > b.RawAt.Len() {
		end = b.RawAt.Len()
	}
	// a copy: Raw may be a part of the whole source, which a finding
	// quoting it must not keep alive after the document is let go
	return strings.Clone(Substring(b.Raw, b.RawAt.At(start), b.RawAt.At(end-1)+1))
}

// SourceSpan returns the source rune offsets behind analysis runes [start,end).
func (b *Block) SourceSpan(start, end int) (int, int) {
	n := b.RawAt.Len()
	if n == 0 {
		return 0, 0
	}
	if start >= n {
		start = n - 1
	}
	if end > n {
		end = n
	}
	if end <= start {
		end = start + 1
	}
	return b.SrcAt.At(b.RawAt.At(start)), b.SrcAt.At(b.RawAt.At(end-1)) + 1
}

// RuneLen is the length of the analysis text in runes.
func (b *Block) RuneLen() int { return utf8.RuneCountInString(b.Text) }

// Document is everything read from one file.
type Document struct {
	Path     string
	Format   Format
	Source   *Source
	Blocks   []*Block
	Tables   []*Table
	Warnings []string // problems that did not stop reading
	// NoText is set when the file has no usable text layer (scanned or garbled PDF).
	NoText string
	// Geometry is where each source rune stands on its page (PDF); nil for
	// formats without page geometry.
	Geometry *Geometry
	// Damage is set when the file's structure was broken (a truncated or
	// badly written PDF) and it was read only as far as it goes.
	Damage *Damage
}

// Damage says how a file was damaged and how much of it was read.
type Damage struct {
	Problems      []string // what was repaired or lost, one phrase each
	PagesRead     int      // pages whose content was read
	PagesDeclared int      // pages the file says it has, 0 when it does not say
	// TrailingBytes counts unknown bytes after the file's end-of-file
	// marker. With no Problems the file was read whole and they are all
	// there is to say; with Problems they are one of them too.
	TrailingBytes int
}

// Table is a grid of cells read from a report table. The tables issue fills
// it in; the core keeps cells as text blocks as well.
type Table struct {
	Title string
	Page  int
	Unit  string
	Rows  [][]*Cell
	// For line-based formats (text, PDF): the indices in Raw.Lines of the
	// table's first and last line, so the narrative analysis can leave table
	// rows out of its paragraphs. -1 when not known.
	FirstLine, LastLine int

	// Filled by the tables package's recognition.
	Standard string   // canonical name of the standard table (收入支出决算总表…), "" if not one
	Kind     string   // "final" (决算) or "budget" (预算), "" when the title does not say
	Empty    bool     // the table says it has no data (本表无数据), which is correct, not missing
	Header   []string // header lines as read, top to bottom, for printing and role matching
	Notes    []string // 注： and 说明： lines under the table
	// Columns name the figure columns (of the first half) as the header
	// says them, for templates whose columns are found by their header
	// words (预算数, 执行数, 为预算%); nil otherwise.
	Columns []string
	// Unmatched names the template whose title the table has but whose
	// header it does not match, and why; the table is not checked.
	Unmatched string
	// Scattered: its cells stand one per line, as text copied out of a PDF
	// without its layout has them, so its rows cannot be told.
	Scattered bool
}

// Cell is one table cell. The spans, Line and Group are int32, two to a
// word: a large report holds hundreds of thousands of cells, each kept for
// the whole run.
type Cell struct {
	Text    string
	Row     int
	Col     int
	RowSpan int32
	ColSpan int32
	Block   *Block // the cell's text as a block, for positions

	// For tables read from lines (text, PDF): the index in Raw.Lines the
	// cell was read from (-1 when not known), which half of a side-by-side
	// table (收入 | 支出) it belongs to, 0 or 1, and what the cell holds
	// ("code", "name", "value"; "" when unknown, as for HTML grids).
	Line  int32
	Group int32
	Role  string
	// X0, X1: the horizontal extent of the cell's text in page units, for
	// readers with geometry (PDF), so figures can be put in the column they
	// stand under when blank cells leave a row short; 0 when unknown.
	X0, X1 float64
}

// Raw is what a format reader returns: the source text positions refer to,
// the lines it is made of (with their offsets into it), and any tables.
// The parser turns it into a Document (blocks, structure).
type Raw struct {
	Format    Format
	Source    string
	Lines     []Line
	PageLines bool // positions are reported as page + line within the page (PDF, DOCX)
	Tables    []*Table
	NoText    string // set when the file has no usable text layer, with the reason
	Warnings  []string
	// Pages are the visible boxes of a PDF's pages, Pages[i] for page i+1;
	// nil for formats without pages of their own.
	Pages  []PageBox
	Damage *Damage // set when the file's structure was broken
}

// RuneCounter converts byte offsets of S into rune offsets, in constant
// time per call when the offsets come in increasing order (as regexp
// matches do); counting from the start each time is quadratic on a report
// written on one line.
type RuneCounter struct {
	S            string
	bytes, runes int
}

// At is the rune offset of byte offset off.
func (rc *RuneCounter) At(off int) int {
	if off < rc.bytes {
		rc.bytes, rc.runes = 0, 0
	}
	rc.runes += utf8.RuneCountInString(rc.S[rc.bytes:off])
	rc.bytes = off
	return rc.runes
}
