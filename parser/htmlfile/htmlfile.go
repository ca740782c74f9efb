// Package htmlfile reads HTML reports: it decodes the page (BOM, declared
// charset, detection), walks its tokens keeping the rune offset of every
// character in the decoded file, and returns one line per block element's
// text plus a grid per table.
package htmlfile

import (
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/textenc"
)

// sniffBytes bounds the search for a charset declaration: the HTML spec looks
// at the first 1024 bytes, but real pages put long scripts before their meta.
const sniffBytes = 16 << 10

// Read decodes data and returns its text as lines and its tables as grids.
// Source is the whole decoded file, markup included, because positions refer
// to the file the user opened.
func Read(data []byte) (*doc.Raw, error) {
	text, _, err := textenc.Decode(data, DeclaredCharset(data))
	if err != nil {
		return nil, err
	}
	// CRLF and lone CR become LF so that line numbers match what editors
	// show, as the text reader does.
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	raw := &doc.Raw{Format: doc.FormatHTML, Source: text}
	tok, dropped := blankServerCode(text)
	w := newWalker(text, tok, dropped)
	w.run()
	raw.Lines = w.lines
	raw.Tables = w.tables()
	return raw, nil
}

// charsetRe matches both <meta charset=x> and the charset parameter of
// <meta http-equiv=Content-Type content="text/html; charset=x">.
var charsetRe = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// DeclaredCharset returns the charset a page declares in a meta tag within
// its first few KB, or "".
func DeclaredCharset(data []byte) string {
	if len(data) > sniffBytes {
		data = data[:sniffBytes]
	}
	m := charsetRe.FindSubmatch(data)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// blankServerCode finds JSP/ASP blocks (<% … %>), which some saved pages
// carry as text outside tags, and returns text with them blanked for the
// tokenizer (same byte length, so offsets agree) and their byte ranges, whose
// characters the walker drops.
func blankServerCode(text string) (string, [][2]int) {
	i := strings.Index(text, "<%")
	if i < 0 {
		return text, nil
	}
	var spans [][2]int
	for i >= 0 {
		j := strings.Index(text[i+2:], "%>")
		if j < 0 {
			break // an unclosed "<%" is left as text rather than eat the page
		}
		end := i + 2 + j + 2
		spans = append(spans, [2]int{i, end})
		next := strings.Index(text[end:], "<%")
		if next < 0 {
			break
		}
		i = end + next
	}
	if spans == nil {
		return text, nil
	}
	b := []byte(text)
	for _, sp := range spans {
		for k := sp[0]; k < sp[1]; k++ {
			b[k] = ' '
		}
	}
	return string(b), spans
}
