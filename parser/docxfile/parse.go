package docxfile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// paragraph is one w:p as read: its text, where a page break falls in it
// (rune index, -1 for none), and what it is.
type paragraph struct {
	text     []rune
	pageAt   []int // rune indices at which a new page starts
	kind     doc.Kind
	inTable  bool
	newBlock bool // first paragraph of a table cell, or any body paragraph
}

// reader walks document.xml's tokens. Paragraphs may nest inside table
// cells, text boxes and content controls, so state is kept per open element.
type reader struct {
	paras  []*paragraph
	cur    *paragraph
	depth  int // nesting of w:p (text boxes put paragraphs inside runs)
	inText bool
	skip   int // depth inside elements whose text is not document text

	// Word writes <w:br w:type="page"/> and then, in the next paragraph,
	// <w:lastRenderedPageBreak/> for the same break; a break with no text
	// since the previous one (or since the start) is the same page.
	runes, runesAtBreak int

	tables   []*tableBuilder // open tables, innermost last
	done     []*doc.Table
	pStyle   string
	outline  bool
	headings map[string]bool // paragraph style ids that are headings
}

func parseDocument(data []byte, headings map[string]bool) (*doc.Raw, error) {
	r := &reader{headings: headings}
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Drafts saved by old WPS versions declare GBK-named charsets on XML
	// that is in fact UTF-8; treat every declared charset as UTF-8.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w (word/document.xml: %v)", ErrNotDOCX, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			if r.inText && r.cur != nil && r.skip == 0 {
				rs := []rune(string(t))
				r.cur.text = append(r.cur.text, rs...)
				r.runes += len(rs)
			}
		}
	}
	return r.raw(), nil
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (r *reader) start(t xml.StartElement) {
	if r.skip > 0 {
		r.skip++
		return
	}
	switch t.Name.Local {
	case "Fallback", "delText", "instrText", "footnoteReference", "commentReference":
		// mc:Fallback repeats a text box's content for old readers;
		// deleted text and field codes are not what the reader sees.
		r.skip = 1
	case "p":
		r.depth++
		if r.depth == 1 {
			r.cur = &paragraph{kind: doc.KindParagraph, newBlock: true}
			r.pStyle, r.outline = "", false
			if tb := r.table(); tb != nil {
				r.cur.inTable = true
				r.cur.kind = doc.KindTableCell
				r.cur.newBlock = tb.cellParas == 0
			}
		}
	case "t":
		r.inText = true
	case "tab", "ptab":
		r.add('\t')
	case "br", "cr":
		if attr(t, "type") == "page" {
			r.pageBreak()
		} else {
			// A soft line break inside a paragraph; a space keeps words
			// apart, and the analysis drops it between CJK characters.
			r.add(' ')
		}
	case "lastRenderedPageBreak":
		r.pageBreak()
	case "noBreakHyphen":
		r.add('-')
	case "pStyle":
		r.pStyle = attr(t, "val")
	case "outlineLvl":
		r.outline = isOutline(attr(t, "val"))
	case "tbl":
		r.tables = append(r.tables, newTableBuilder())
	case "tr":
		if tb := r.table(); tb != nil {
			tb.startRow()
		}
	case "gridBefore":
		if tb := r.table(); tb != nil {
			tb.skipCols(atoi(attr(t, "val")))
		}
	case "tc":
		if tb := r.table(); tb != nil {
			tb.startCell()
		}
	case "gridSpan":
		if tb := r.table(); tb != nil && tb.cell != nil {
			tb.cell.ColSpan = int32(max(atoi(attr(t, "val")), 1))
		}
	case "vMerge":
		if tb := r.table(); tb != nil && tb.cell != nil {
			// <w:vMerge/> or val="continue" continues the cell above;
			// val="restart" starts a merged cell.
			tb.merge = attr(t, "val") != "restart"
		}
	}
}

func (r *reader) end(t xml.EndElement) {
	if r.skip > 0 {
		r.skip--
		return
	}
	switch t.Name.Local {
	case "t":
		r.inText = false
	case "p":
		r.depth--
		if r.depth == 0 && r.cur != nil {
			r.finishParagraph()
		}
	case "tc":
		if tb := r.table(); tb != nil {
			tb.endCell()
		}
	case "tbl":
		if n := len(r.tables); n > 0 {
			r.done = append(r.done, r.tables[n-1].table())
			r.tables = r.tables[:n-1]
		}
	}
}

func (r *reader) table() *tableBuilder {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *reader) add(c rune) {
	if r.cur != nil && r.skip == 0 {
		r.cur.text = append(r.cur.text, c)
		r.runes++
	}
}

func (r *reader) pageBreak() {
	if r.cur == nil || r.runes == r.runesAtBreak {
		return
	}
	r.runesAtBreak = r.runes
	r.cur.pageAt = append(r.cur.pageAt, len(r.cur.text))
}

func (r *reader) finishParagraph() {
	p := r.cur
	r.cur = nil
	if !p.inTable && (r.outline || r.headings[r.pStyle]) {
		p.kind = doc.KindHeading
	}
	idx := len(r.paras)
	r.paras = append(r.paras, p)
	if tb := r.table(); tb != nil {
		tb.addParagraph(idx, string(p.text))
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
		if n > 1<<16 {
			return n
		}
	}
	return n
}
