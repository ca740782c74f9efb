package pdffile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/encoding/charmap"

	pdf "github.com/budgetlint/budgetlint/parser/pdffile/pdfobj"
)

// The text of one-byte codes in simple fonts: a base encoding (the font's
// /Encoding name, or its /BaseEncoding) changed by /Differences, which name
// glyphs. Glyph names are read with the Adobe Glyph List (glyph name →
// Unicode, as the Go authors' PDF reader shipped it, BSD licence), gzipped:
// "name HEX" a line.
//
//go:embed glyphlist.txt.gz
var glyphListGz []byte

var (
	glyphOnce sync.Once
	glyphList map[string]rune
)

// glyphNameRune reads a glyph name: the Adobe Glyph List, then uniXXXX,
// uXXXX and one-letter names.
func glyphNameRune(n string) (rune, bool) {
	glyphOnce.Do(func() {
		glyphList = map[string]rune{}
		zr, err := gzip.NewReader(bytes.NewReader(glyphListGz))
		if err != nil {
			return
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			name, hex, ok := strings.Cut(sc.Text(), " ")
			if v, err := strconv.ParseUint(hex, 16, 32); ok && err == nil {
				glyphList[name] = rune(v)
			}
		}
	})
	if r, ok := glyphList[n]; ok {
		return r, true
	}
	return glyphRune(n)
}

// baseEncoding is the text of each byte under a named encoding. Names other
// than WinAnsi and MacRoman (the standard encoding, a font's built-in one)
// read as PDFDocEncoding, which agrees with them on letters and figures.
func baseEncoding(name string) [256]string {
	var t [256]string
	for i := range t {
		c := byte(i)
		var r rune
		switch name {
		case "WinAnsiEncoding":
			r = charmap.Windows1252.DecodeByte(c)
		case "MacRomanEncoding":
			r = charmap.Macintosh.DecodeByte(c)
		default:
			r = pdf.PDFDocRune(c)
		}
		t[i] = string(r)
	}
	return t
}

// simpleTable fills the one-byte code table from the font's /Encoding.
func simpleTable(f *font, v pdf.Value) {
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		f.simple = baseEncoding(enc.Name())
	case pdf.Dict:
		f.simple = baseEncoding(enc.Key("BaseEncoding").Name())
		diffs := enc.Key("Differences")
		code := -1
		for i := 0; i < diffs.Len() && i < 1024; i++ {
			x := diffs.Index(i)
			switch x.Kind() {
			case pdf.Integer:
				code = int(x.Int64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					if r, ok := glyphNameRune(x.Name()); ok {
						f.simple[code] = string(r)
					}
				}
				code++
			}
		}
	default:
		f.simple = baseEncoding("")
	}
	for i, s := range f.simple {
		if s == "" || (len(s) == 1 && s[0] < 32) || s == "\ufffd" {
			f.simple[i] = noGlyph
		}
	}
}
