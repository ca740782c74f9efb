// Package textfile reads plain-text reports: any encoding textenc knows,
// lines as written, form feeds as page breaks (page texts of PDFs).
package textfile

import (
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/textenc"
)

// Read decodes data and splits it into lines.
func Read(data []byte) (*doc.Raw, error) {
	text, _, err := textenc.Decode(data, "")
	if err != nil {
		return nil, err
	}
	// CRLF and lone CR become LF so that line numbers match what editors show.
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := &doc.Raw{Format: doc.FormatText, Source: text}
	raw.Lines = unreverse(SplitLines([]rune(text), 0))
	return raw, nil
}

// SplitLines cuts runes (starting at source offset base) into lines at LF;
// a form feed starts a new page and a new block. Leading white space is
// dropped from each line's text (its offset is kept); blank lines become
// block breaks.
func SplitLines(rs []rune, base int) []doc.Line {
	var lines []doc.Line
	page := 1
	hasPages := false
	for _, r := range rs {
		if r == '\f' {
			hasPages = true
			break
		}
	}
	brk := true
	start := 0
	flush := func(end int) {
		seg := rs[start:end]
		// split off form feeds inside the line: each starts a new page
		i := 0
		for i <= len(seg) {
			j := i
			for j < len(seg) && seg[j] != '\f' {
				j++
			}
			part := seg[i:j]
			k := 0
			for k < len(part) && isSpace(part[k]) {
				k++
			}
			e := len(part)
			for e > k && isSpace(part[e-1]) {
				e--
			}
			if e > k {
				l := doc.Line{Text: string(part[k:e]), Pos: doc.Span(base+start+i+k, e-k), Break: brk, Indent: k}
				if hasPages {
					l.Page = page
				}
				lines = append(lines, l)
				brk = false
			} else if i == 0 && j == len(seg) {
				brk = true // a blank line ends a paragraph
			}
			if j < len(seg) { // a form feed: a new page, but a sentence may go on across it
				page++
			}
			i = j + 1
		}
	}
	for i, r := range rs {
		if r == '\n' {
			flush(i)
			start = i + 1
		}
	}
	flush(len(rs))
	return lines
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\r' || r == '\ufeff'
}
