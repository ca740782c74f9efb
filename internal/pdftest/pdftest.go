// Package pdftest writes small PDFs for tests: pages of Helvetica text at
// known positions, laid out the ways real producers lay files out (a
// cross-reference table, or object and cross-reference streams; rotated
// and cropped pages; pages with annotations already).
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strings"
)

// Text is a run of text drawn with its baseline at (X, Y) in user space.
type Text struct {
	X, Y, Size float64
	S          string
}

// Page is one page to write.
type Page struct {
	Texts   []Text
	Rotate  int
	Media   [4]float64 // zero: A4 portrait
	Crop    [4]float64 // zero: none
	Annots  int        // existing link annotations to give the page
	Inherit bool       // the media box is on the page tree, not the page
}

// Options choose the file's layout.
type Options struct {
	// Streams packs the non-stream objects into a compressed object stream
	// and indexes them with a cross-reference stream (PDF 1.5 and later).
	Streams bool
	// IndirectAnnots puts a page's annotation array in an object of its own.
	IndirectAnnots bool
	// Tail is written after %%EOF (a signature's padding, a producer's junk).
	Tail string
}

// Width of a Helvetica glyph in text space units per 1000 (ASCII subset
// the tests use); unknown characters take 556.
var helv = map[rune]int{' ': 278, '.': 278, ',': 278, '%': 889, ':': 278, '-': 333, '(': 333, ')': 333, 'I': 278, 'i': 222, 'l': 222, 'j': 222, 't': 278, 'f': 278, 'r': 333, 'm': 833, 'w': 722, 'W': 944, 'M': 833}

// Advance is the width of s at size in points, as a reader measures it,
// in the font a text holding s is drawn with: Helvetica for ASCII text,
// else the CJK font, whose ASCII glyphs are half an em and others a full em.
func Advance(s string, size float64, cjk bool) float64 {
	w := 0
	for _, r := range s {
		switch {
		case cjk && r < 0x80:
			w += 500
		case cjk:
			w += 1000
		default:
			if v, ok := helv[r]; ok {
				w += v
			} else {
				w += 556
			}
		}
	}
	return float64(w) * size / 1000
}

// CJK reports whether a text is drawn with the CJK font.
func (t Text) CJK() bool {
	for _, r := range t.S {
		if r >= 0x80 {
			return true
		}
	}
	return false
}

// Box is the user-space box of the glyphs of sub, the first time it occurs
// in t: along the baseline from its first glyph's origin to its last
// glyph's end, down by a descent and up by an ascent of the size.
func (t Text) Box(sub string) [4]float64 {
	i := strings.Index(t.S, sub)
	if i < 0 {
		panic("pdftest: " + sub + " not in " + t.S)
	}
	x0 := t.X + Advance(t.S[:i], t.Size, t.CJK())
	x1 := x0 + Advance(sub, t.Size, t.CJK())
	return [4]float64{x0, t.Y - 0.12*t.Size, x1, t.Y + 0.8*t.Size}
}

// widths lists the /Widths for codes 32..126.
func widths() string {
	var b strings.Builder
	for c := 32; c <= 126; c++ {
		if c > 32 {
			b.WriteByte(' ')
		}
		if v, ok := helv[rune(c)]; ok {
			fmt.Fprint(&b, v)
		} else {
			b.WriteString("556")
		}
	}
	return b.String()
}

// Write builds a PDF.
func Write(pages []Page, opt Options) []byte {
	type obj struct {
		body   string
		stream []byte
	}
	var objs []obj
	add := func(body string, stream []byte) int {
		objs = append(objs, obj{body, stream})
		return len(objs)
	}
	catalog := add("", nil)
	tree := add("", nil)
	font := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [%s] >>", widths()), nil)
	// the CJK font: two-byte codes equal to the Unicode code points, mapped
	// back by a ToUnicode CMap, as producers of these reports write them
	used := map[rune]bool{}
	for _, p := range pages {
		for _, t := range p.Texts {
			if t.CJK() {
				for _, r := range t.S {
					used[r] = true
				}
			}
		}
	}
	desc := add("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>", nil)
	cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>", desc), nil)
	toUni := add("", toUnicode(used))
	cjkFont := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, toUni), nil)
	var kids []string
	inherit := false
	for _, p := range pages {
		var c bytes.Buffer
		for _, t := range p.Texts {
			if t.CJK() {
				fmt.Fprintf(&c, "BT /F2 %g Tf 1 0 0 1 %g %g Tm <%s> Tj ET\n", t.Size, t.X, t.Y, hex4(t.S))
				continue
			}
			fmt.Fprintf(&c, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", t.Size, t.X, t.Y, escape(t.S))
		}
		content := add("", c.Bytes())
		pg := add("", nil)
		d := fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R", tree, font, cjkFont, content)
		media := p.Media
		if media == ([4]float64{}) {
			media = [4]float64{0, 0, 595, 842}
		}
		if p.Inherit {
			inherit = true
		} else {
			d += fmt.Sprintf(" /MediaBox [%g %g %g %g]", media[0], media[1], media[2], media[3])
		}
		if p.Crop != ([4]float64{}) {
			d += fmt.Sprintf(" /CropBox [%g %g %g %g]", p.Crop[0], p.Crop[1], p.Crop[2], p.Crop[3])
		}
		if p.Rotate != 0 {
			d += fmt.Sprintf(" /Rotate %d", p.Rotate)
		}
		if p.Annots > 0 {
			var refs []string
			for i := 0; i < p.Annots; i++ {
				a := add(fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%d 20 %d 40] /Border [0 0 1] /A << /S /URI /URI (https://example.org/%d) >> >>", 20+40*i, 50+40*i, i), nil)
				refs = append(refs, fmt.Sprintf("%d 0 R", a))
			}
			arr := "[" + strings.Join(refs, " ") + "]"
			if opt.IndirectAnnots {
				d += fmt.Sprintf(" /Annots %d 0 R", add(arr, nil))
			} else {
				d += " /Annots " + arr
			}
		}
		objs[pg-1].body = d + " >>"
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	tb := fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d", strings.Join(kids, " "), len(kids))
	if inherit {
		tb += " /MediaBox [0 0 595 842]"
	}
	objs[tree-1].body = tb + " >>"
	objs[catalog-1].body = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", tree)

	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs)+1)
	streamOf := map[int][2]int{} // compressed object → (stream, index)
	if opt.Streams {
		var hdr, body bytes.Buffer
		var packed []int
		for i, o := range objs {
			if o.stream == nil {
				packed = append(packed, i+1)
			}
		}
		for k, n := range packed {
			fmt.Fprintf(&hdr, "%d %d ", n, body.Len())
			body.WriteString(objs[n-1].body)
			body.WriteByte('\n')
			streamOf[n] = [2]int{len(objs) + 1, k}
		}
		data := append(hdr.Bytes(), body.Bytes()...)
		objs = append(objs, obj{fmt.Sprintf("<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode", len(packed), hdr.Len()), deflate(data)})
		offs = append(offs, 0)
	}
	for i, o := range objs {
		n := i + 1
		if _, ok := streamOf[n]; ok {
			continue
		}
		offs[n] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", n)
		if o.stream != nil {
			if o.body == "" {
				fmt.Fprintf(&out, "<< /Length %d >>\nstream\n", len(o.stream))
			} else {
				fmt.Fprintf(&out, "%s /Length %d >>\nstream\n", o.body, len(o.stream))
			}
			out.Write(o.stream)
			out.WriteString("\nendstream\nendobj\n")
			continue
		}
		out.WriteString(o.body)
		out.WriteString("\nendobj\n")
	}
	xrefAt := out.Len()
	if opt.Streams {
		n := len(objs) + 1
		offs = append(offs, xrefAt)
		var data []byte
		data = append(data, 0, 0, 0, 0, 0xff, 0xff)
		for k := 1; k <= n; k++ {
			if s, ok := streamOf[k]; ok {
				data = append(data, 2, 0, 0, byte(s[0]>>8), byte(s[0]), byte(s[1]))
				continue
			}
			o := offs[k]
			data = append(data, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), 0)
		}
		z := deflate(data)
		fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root %d 0 R /Filter /FlateDecode /Length %d >>\nstream\n", n, n+1, catalog, len(z))
		out.Write(z)
		out.WriteString("\nendstream\nendobj\n")
	} else {
		fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
		for k := 1; k <= len(objs); k++ {
			fmt.Fprintf(&out, "%010d 00000 n \n", offs[k])
		}
		fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R /ID [<0123456789ABCDEF> <0123456789ABCDEF>] >>\n", len(objs)+1, catalog)
	}
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xrefAt)
	out.WriteString(opt.Tail)
	return out.Bytes()
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

func hex4(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}

func toUnicode(used map[rune]bool) []byte {
	var rs []rune
	for r := range used {
		if r < 0x10000 {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < len(rs); i += 100 {
		chunk := rs[i:min(i+100, len(rs))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, r := range chunk {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", r, r)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	return b.Bytes()
}

func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(s)
}

// Lines makes a page of text lines, one every 20 points from the top.
func Lines(lines ...string) Page {
	var p Page
	for i, s := range lines {
		p.Texts = append(p.Texts, Text{X: 72, Y: 770 - 20*float64(i), Size: 11, S: s})
	}
	return p
}
