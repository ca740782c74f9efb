package docxfile

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// raw lays the paragraphs out as the source: one line per paragraph, a form
// feed where a page starts. A page break at the very start of a paragraph
// replaces the line feed before it; one inside a paragraph splits it into
// two lines of the same block.
func (r *reader) raw() *doc.Raw {
	r.moveTrailingBreaks()
	hasPages := false
	for _, p := range r.paras {
		if len(p.pageAt) > 0 {
			hasPages = true
		}
	}
	var src strings.Builder
	off := 0 // runes written
	page := 1
	lineOf := make([]int, len(r.paras)) // paragraph → index of its first line, -1 if empty
	raw := &doc.Raw{Format: doc.FormatDOCX, PageLines: hasPages}
	for i, p := range r.paras {
		breaks := p.pageAt
		if i > 0 {
			sep := '\n'
			if len(breaks) > 0 && breaks[0] == 0 {
				sep, breaks = '\f', breaks[1:]
				page++
			}
			src.WriteRune(sep)
			off++
		}
		lineOf[i] = -1
		start, brk := 0, true
		for _, cut := range append(breaks, len(p.text)) {
			if cut < start {
				continue
			}
			if l, ok := makeLine(p, start, cut, off+start, brk); ok {
				if hasPages {
					l.Page = page
				}
				if lineOf[i] < 0 {
					lineOf[i] = len(raw.Lines)
				}
				raw.Lines = append(raw.Lines, l)
			}
			src.WriteString(string(p.text[start:cut]))
			if cut < len(p.text) {
				src.WriteRune('\f')
				off++
				page++
			}
			start, brk = cut, false
		}
		off += len(p.text)
	}
	raw.Source = src.String()
	raw.Tables = r.tablesWithLines(lineOf, raw.Lines)
	return raw
}

// makeLine builds the doc.Line for runes [a,b) of p, which start at source
// offset base, with leading and trailing white space dropped as the text
// reader drops them. Every body paragraph starts a block; further
// paragraphs of a table cell continue the cell's block.
func makeLine(p *paragraph, a, b, base int, first bool) (doc.Line, bool) {
	k, e := a, b
	for k < e && isSpace(p.text[k]) {
		k++
	}
	for e > k && isSpace(p.text[e-1]) {
		e--
	}
	if e <= k {
		return doc.Line{}, false
	}
	l := doc.Line{Text: string(p.text[k:e]), Pos: doc.Span(base+(k-a), e-k), Kind: p.kind, Indent: k - a, Break: first && p.newBlock}
	return l, true
}

// tablesWithLines maps the tables' paragraph indices to line indices and
// gives each table the page of its first line.
func (r *reader) tablesWithLines(lineOf []int, lines []doc.Line) []*doc.Table {
	toLine := func(para int) int {
		if para < 0 || para >= len(lineOf) {
			return -1
		}
		return lineOf[para]
	}
	for _, t := range r.done {
		t.FirstLine, t.LastLine = firstLineFrom(lineOf, t.FirstLine, t.LastLine), lastLineUpTo(lineOf, t.FirstLine, t.LastLine)
		for _, row := range t.Rows {
			for _, c := range row {
				c.Line = int32(toLine(int(c.Line)))
			}
		}
		if t.FirstLine >= 0 {
			t.Page = lines[t.FirstLine].Page
		}
	}
	return r.done
}

func firstLineFrom(lineOf []int, a, b int) int {
	for i := max(a, 0); i <= b && i < len(lineOf); i++ {
		if lineOf[i] >= 0 {
			return lineOf[i]
		}
	}
	return -1
}

// lastLineUpTo is the last line of paragraphs [a,b]; a paragraph split by a
// page break has two lines, so the next paragraph's first line bounds it.
func lastLineUpTo(lineOf []int, a, b int) int {
	for i := b; i >= max(a, 0) && i < len(lineOf); i-- {
		if lineOf[i] < 0 {
			continue
		}
		for j := i + 1; j < len(lineOf); j++ {
			if lineOf[j] >= 0 {
				return lineOf[j] - 1
			}
		}
		return lineOf[i] // the last paragraph of the document: its own first line is close enough
	}
	return -1
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\r' || r == '\ufeff'
}

// moveTrailingBreaks turns a page break at the end of a paragraph (the
// usual place of <w:br w:type="page"/>) into one at the start of the next,
// so the form feed replaces the line feed between them.
func (r *reader) moveTrailingBreaks() {
	for i, p := range r.paras {
		n := len(p.pageAt)
		if n == 0 || p.pageAt[n-1] < len(p.text) {
			continue
		}
		p.pageAt = p.pageAt[:n-1]
		if i+1 < len(r.paras) {
			next := r.paras[i+1]
			if len(next.pageAt) == 0 || next.pageAt[0] != 0 {
				next.pageAt = append([]int{0}, next.pageAt...)
			}
		}
	}
}
