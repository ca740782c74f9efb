package htmlfile

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// maxDepth bounds the open-element stack so that malformed pages (thousands
// of unclosed divs) cost at most this much per tag instead of going quadratic.
const maxDepth = 256

// walker turns the token stream into lines and tables.
type walker struct {
	src     string   // decoded page: characters and rune offsets come from it
	tok     string   // src with server code blanked, for the tokenizer
	dropped [][2]int // byte ranges of server code, whose text is dropped
	di      int      // first dropped range not yet passed

	byteOff, runeOff int // start of the current token

	stack []atom.Atom // open structural elements (inline ones are not kept)
	pre   int         // open pre-like elements in stack

	inHead, inTitle bool
	skip            atom.Atom // element whose content is being skipped, or 0
	skipNest        int

	buf []rune // the line being gathered
	pos []int  // source rune offset of each rune of buf

	tabs  []*tableCtx // open tables, innermost last
	all   []*doc.Table
	lines []doc.Line
}

func newWalker(src, tok string, dropped [][2]int) *walker {
	return &walker{src: src, tok: tok, dropped: dropped}
}

func (w *walker) run() {
	z := html.NewTokenizer(strings.NewReader(w.tok))
	for {
		tt := z.Next()
		n := len(z.Raw())
		a, b := w.byteOff, w.byteOff+n
		if b > len(w.src) { // cannot happen; never index past the page
			b = len(w.src)
		}
		if tt == html.ErrorToken {
			break
		}
		w.token(z, tt, a, b)
		w.runeOff += runeCount(w.src, a, b)
		w.byteOff = b
	}
	w.flush(w.runeOff)
	w.truncate(0)
}

func (w *walker) token(z *html.Tokenizer, tt html.TokenType, a, b int) {
	switch tt {
	case html.TextToken:
		if w.skip == 0 && (!w.inHead || w.inTitle) {
			w.text(a, b)
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		el := atom.Lookup(name)
		if w.skipping(el, true) {
			return
		}
		var attrs map[string]string
		if hasAttr && (el == atom.Td || el == atom.Th) {
			attrs = spanAttrs(z)
		}
		w.start(el, attrs)
		if tt == html.SelfClosingTagToken && !rawText[el] && !isVoid(el) {
			w.end(el) // <div/> in XHTML-ish pages: treat as empty
		}
	case html.EndTagToken:
		name, _ := z.TagName()
		el := atom.Lookup(name)
		if w.skipping(el, false) {
			return
		}
		w.end(el)
	}
}

// skipping tracks elements whose content is not text (script, style…) and
// reports whether the tag is inside one (or opens one).
func (w *walker) skipping(el atom.Atom, start bool) bool {
	if w.skip != 0 {
		if el == w.skip {
			if start {
				w.skipNest++
			} else if w.skipNest--; w.skipNest == 0 {
				w.skip = 0
			}
		}
		return true
	}
	if start && skipped[el] {
		w.skip, w.skipNest = el, 1
		return true
	}
	return false
}

// text adds the characters of src[a:b] to the line, decoding entities and
// collapsing white space; every rune gets its source rune offset.
func (w *walker) text(a, b int) {
	ro := w.runeOff
	for i := a; i < b; {
		if e, ok := w.droppedAt(i); ok {
			if e > b {
				e = b
			}
			ro += runeCount(w.src, i, e)
			i = e
			continue
		}
		c := w.src[i]
		if c == '&' {
			if s, n := entityAt(w.src[i:b]); n > 0 {
				for _, r := range s {
					w.add(r, ro)
				}
				i += n
				ro += n // references are ASCII: bytes are runes
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(w.src[i:b])
		w.add(r, ro)
		i += n
		ro++
	}
}

// droppedAt reports whether byte i is in server code, and where that ends.
func (w *walker) droppedAt(i int) (int, bool) {
	for w.di < len(w.dropped) && w.dropped[w.di][1] <= i {
		w.di++
	}
	if w.di < len(w.dropped) && w.dropped[w.di][0] <= i {
		return w.dropped[w.di][1], true
	}
	return 0, false
}

// add appends one character at source offset at.
func (w *walker) add(r rune, at int) {
	if w.pre > 0 {
		if r == '\n' {
			w.flush(at)
			return
		}
		if r == '\r' || r == '\f' {
			r = ' '
		}
	} else if isHTMLSpace(r) {
		if len(w.buf) > 0 && w.buf[len(w.buf)-1] != ' ' {
			w.buf = append(w.buf, ' ')
			w.pos = append(w.pos, at)
		}
		return
	}
	if r < 0x20 && r != '\t' || r == 0x7f {
		return // control characters are not text a reader sees
	}
	w.buf = append(w.buf, r)
	w.pos = append(w.pos, at)
}

// flush ends the line being gathered; sep is the offset of the tag that
// ends it (a joining space inside a table cell points there).
func (w *walker) flush(sep int) {
	rs, ps, indent := trim(w.buf, w.pos)
	w.buf, w.pos = w.buf[:0], w.pos[:0]
	if len(rs) == 0 {
		return
	}
	// copies: buf is reused for the next line
	rs = append([]rune(nil), rs...)
	ps = append([]int(nil), ps...)
	kind := w.kind()
	if t := w.table(); t != nil && t.cell != nil {
		t.cell.add(part{runes: rs, pos: ps, sep: sep, kind: kind, indent: indent})
		return
	}
	if kind == doc.KindCaption {
		if t := w.table(); t != nil && t.t.Title == "" {
			t.t.Title = string(rs)
		}
	}
	w.emit(rs, ps, kind, indent)
}

func (w *walker) emit(rs []rune, ps []int, kind doc.Kind, indent int) {
	w.lines = append(w.lines, doc.Line{Text: string(rs), Pos: doc.OffsetsOf(ps), Break: true, Kind: kind, Indent: indent})
}

// trim drops spaces at both ends and reports how many led.
func trim(rs []rune, ps []int) ([]rune, []int, int) {
	i := 0
	for i < len(rs) && isTrimSpace(rs[i]) {
		i++
	}
	j := len(rs)
	for j > i && isTrimSpace(rs[j-1]) {
		j--
	}
	return rs[i:j], ps[i:j], i
}

// kind is the block kind of text at the current point, from the innermost
// element that decides it; a table cell's text is a table cell (the cell
// records it), a caption a caption.
func (w *walker) kind() doc.Kind {
	if w.inTitle {
		return doc.KindHeading
	}
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch el := w.stack[i]; el {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return doc.KindHeading
		case atom.Li:
			return doc.KindListItem
		case atom.Caption:
			return doc.KindCaption
		case atom.Td, atom.Th, atom.Table:
			return doc.KindParagraph
		}
	}
	return doc.KindParagraph
}
