package pdffile

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Exported for the external tests (package pdffile_test), which read the
// generated files through the parser and the tables package.

// Page is one page of a generated PDF: its content stream and /Rotate.
type Page struct {
	Content string
	Rotate  int
}

// Metrics of the generated font, in units of the font size.
const (
	WideEm   = 1.0 // CJK characters and full-width forms
	NarrowEm = 0.5 // ASCII
)

// MakeCJKPDF writes an A4 PDF whose font /F1 is a Type0 Identity-H font:
// each code is the character's code point, CJK glyphs are 1 em wide and
// ASCII 0.5 em, and a ToUnicode CMap maps the codes back.
func MakeCJKPDF(pages ...Page) []byte {
	codes := map[uint64]bool{}
	hexRe := regexp.MustCompile(`<([0-9A-F]+)>`)
	for _, p := range pages {
		for _, m := range hexRe.FindAllStringSubmatch(p.Content, -1) {
			for i := 0; i+4 <= len(m[1]); i += 4 {
				c, _ := strconv.ParseUint(m[1][i:i+4], 16, 32)
				codes[c] = true
			}
		}
	}
	var sorted []uint64
	for c := range codes {
		sorted = append(sorted, c)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < len(sorted); i += 100 {
		chunk := sorted[i:min(i+100, len(sorted))]
		fmt.Fprintf(&cm, "%d beginbfchar\n", len(chunk))
		for _, c := range chunk {
			fmt.Fprintf(&cm, "<%04X> <%04X>\n", c, c)
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end")

	n := len(pages)
	// objects: 1 catalog, 2 pages, 3 font, 4 descendant, 5 ToUnicode,
	// then a page and its content per page
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 6+2*i)
	}
	tu := deflate(cm.String())
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
		fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 126 %d] >>", int(NarrowEm*1000)),
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(tu), tu),
	}
	for i, p := range pages {
		st := deflate(p.Content)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>", p.Rotate, 7+2*i),
			fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(st), st))
	}
	return writePDF(objs, "")
}

// Text draws s with its baseline starting at (x, y), user space, in /F1.
func Text(x, y, size float64, s string) string {
	var h strings.Builder
	for _, r := range s {
		fmt.Fprintf(&h, "%04X", r)
	}
	return fmt.Sprintf("BT /F1 %g Tf 1 0 0 1 %g %g Tm <%s> Tj ET", size, x, y, h.String())
}

// Advance is how far s advances at size in the generated font.
func Advance(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 32 && r <= 126 {
			w += NarrowEm
		} else {
			w += WideEm
		}
	}
	return w * size
}

// Rule strokes a line from (x0, y0) to (x1, y1).
func Rule(x0, y0, x1, y1 float64) string {
	return fmt.Sprintf("0.5 w %g %g m %g %g l S", x0, y0, x1, y1)
}
