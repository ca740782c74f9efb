package pdffile

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	pdf "github.com/budgetlint/budgetlint/parser/pdffile/pdfobj"
)

// How a font's codes are split and, without a ToUnicode map, read.
type encKind uint8

const (
	encSimple   encKind = iota // one byte per code, a 256-entry table
	encIdentity                // two-byte CIDs, text only from ToUnicode
	encUCS2                    // two-byte UCS-2 codes (UniGB-UCS2-H)
	encUTF16                   // UTF-16 codes (UniGB-UTF16-H)
	encGBK                     // one byte ASCII or two bytes GBK (GBK-EUC-H)
	encCMap                    // code lengths from the ToUnicode code space
)

// font holds what the text-state machine needs of a PDF font: how to cut a
// string into codes, each code's advance width and its text.
type font struct {
	enc      encKind
	tu       *toUnicode
	simple   [256]string  // text of one-byte codes when there is no ToUnicode entry
	unmapped [256]bool    // one-byte codes whose glyph names say nothing of their text
	sw       [256]float64 // simple font widths (glyph units), -1 when unknown
	cw       map[uint32]float64
	dw       float64 // default width
	scale    float64 // glyph units → text space (1/1000, or Type3 FontMatrix)
	vscale   float64 // font size factor (Type3 fonts)
	vertical bool
	gb1      bool // CIDs of the Adobe-GB1 collection: text known without ToUnicode
}

const noGlyph = "\ufffd"

// code is one decoded character code.
type code struct {
	text  string
	width float64 // text space units per unit font size
	space bool    // single-byte code 32, which word spacing applies to
	bad   bool    // no real mapping to text: the text is a guess
}

// decode cuts s into codes.
func (f *font) decode(s string, out []code) []code {
	for len(s) > 0 {
		n := 1
		switch f.enc {
		case encIdentity, encUCS2:
			n = 2
		case encUTF16:
			n = 2
			if len(s) >= 4 && s[0] >= 0xd8 && s[0] <= 0xdb {
				n = 4
			}
		case encGBK:
			if s[0] >= 0x81 {
				n = 2
			}
		case encCMap:
			if k := f.tu.codeLen(s); k > 0 {
				n = k
			} else {
				n = 2
			}
		}
		if n > len(s) {
			n = len(s)
		}
		c := s[:n]
		s = s[n:]
		v := beUint(c)
		txt, ok := "", false
		if f.tu != nil {
			txt, ok = f.tu.m[v]
		}
		bad := false
		if !ok {
			switch f.enc {
			case encSimple:
				txt = f.simple[c[0]]
				bad = f.unmapped[c[0]]
			case encUCS2, encUTF16:
				txt = utf16BE(c)
			case encGBK:
				if n == 1 {
					txt = string(rune(c[0]))
				} else if b, err := simplifiedchinese.GBK.NewDecoder().String(c); err == nil {
					txt = b
				} else {
					txt = noGlyph
				}
			default:
				txt = noGlyph
				if f.gb1 {
					if r, ok := gb1Rune(v); ok {
						txt = string(r)
					}
				}
			}
		}
		if txt == noGlyph {
			bad = true
		}
		out = append(out, code{text: txt, width: f.width(v, n) * f.scale, space: n == 1 && c[0] == 32, bad: bad})
	}
	return out
}

func (f *font) width(v uint32, n int) float64 {
	if f.enc == encSimple {
		if w := f.sw[v&0xff]; w >= 0 {
			return w
		}
		return f.dw
	}
	if f.enc == encIdentity || f.enc == encCMap {
		if w, ok := f.cw[v]; ok {
			return w
		}
		return f.dw
	}
	// Predefined CMaps map codes to CIDs we cannot see; half width for ASCII.
	if v < 0x80 {
		return f.dw / 2
	}
	return f.dw
}

// fontCache shares parsed fonts between pages. Values cannot be compared, so
// the key is built from what distinguishes fonts in practice.
type fontCache map[string]*font

func fontKey(v pdf.Value) string {
	var b strings.Builder
	b.WriteString(v.Key("BaseFont").Name())
	b.WriteByte('|')
	b.WriteString(v.Key("Subtype").Name())
	b.WriteByte('|')
	e := v.Key("Encoding")
	if e.Kind() == pdf.Name {
		b.WriteString(e.Name())
	} else if e.Kind() == pdf.Dict || e.Kind() == pdf.Stream {
		b.WriteString("d" + strconv.Itoa(e.Key("Differences").Len()))
	}
	b.WriteByte('|')
	b.WriteString(strconv.FormatInt(v.Key("ToUnicode").Key("Length").Int64(), 10))
	b.WriteByte('|')
	b.WriteString(strconv.FormatInt(v.Key("FirstChar").Int64(), 10))
	b.WriteByte('|')
	w := v.Key("Widths")
	b.WriteString(strconv.Itoa(w.Len()))
	if w.Len() > 0 {
		b.WriteString("," + strconv.FormatFloat(w.Index(0).Float64(), 'g', -1, 64))
		b.WriteString("," + strconv.FormatFloat(w.Index(w.Len()-1).Float64(), 'g', -1, 64))
	}
	d := v.Key("DescendantFonts").Index(0)
	b.WriteString("|" + strconv.Itoa(d.Key("W").Len()))
	return b.String()
}

// get returns the font named name in a /Font resource dictionary.
func (c fontCache) get(fontRes pdf.Value, name string) *font {
	var k string
	if ref, ok := refOf(fontRes, name); ok {
		k = "obj " + strconv.FormatUint(uint64(ref.ID), 10) + " " + strconv.FormatUint(uint64(ref.Gen), 10)
		if f, ok := c[k]; ok {
			return f
		}
	}
	v := fontRes.Key(name)
	if v.Kind() != pdf.Dict {
		return fallbackFont
	}
	if k == "" {
		k = fontKey(v)
	}
	if f, ok := c[k]; ok {
		return f
	}
	f := loadFont(v)
	c[k] = f
	return f
}

func defaultFont() *font {
	f := &font{enc: encSimple, dw: 500, scale: 0.001, vscale: 1}
	for i := range f.sw {
		f.sw[i] = -1
		f.simple[i] = string(rune(i))
	}
	return f
}

func loadFont(v pdf.Value) (f *font) {
	f = &font{dw: 1000, scale: 0.001, vscale: 1}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if data := readStream(tu, 4<<20); len(data) > 0 {
			f.tu = parseCMap(data)
		}
	}
	if v.Key("Subtype").Name() == "Type0" {
		loadCIDFont(f, v)
		return f
	}
	loadSimpleFont(f, v)
	return f
}

func loadCIDFont(f *font, v pdf.Value) {
	enc := v.Key("Encoding")
	name := enc.Name()
	switch {
	case enc.Kind() == pdf.Stream:
		// an embedded CMap: code lengths from the ToUnicode code space
		f.enc = encCMap
	case name == "Identity-H" || name == "Identity-V":
		f.enc = encIdentity
	case strings.Contains(name, "UCS2"):
		f.enc = encUCS2
	case strings.Contains(name, "UTF16"):
		f.enc = encUTF16
	case strings.Contains(name, "EUC") || strings.HasPrefix(name, "GBK"):
		f.enc = encGBK
	default:
		f.enc = encCMap
	}
	if f.enc == encCMap && (f.tu == nil || len(f.tu.space) == 0) {
		f.enc = encIdentity
	}
	f.vertical = strings.HasSuffix(name, "-V")
	d := v.Key("DescendantFonts").Index(0)
	f.gb1 = f.enc == encIdentity && d.Key("CIDSystemInfo").Key("Ordering").Text() == "GB1"
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.cw = map[uint32]float64{}
	w := d.Key("W")
	n := w.Len()
	work := 0
	for i := 0; i < n && len(f.cw) < maxCMapEntries && work < maxCMapWork; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		second := w.Index(i + 1)
		if second.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for j := 0; j < second.Len() && len(f.cw) < maxCMapEntries && work < maxCMapWork; j++ {
				f.cw[c+uint32(j)] = second.Index(j).Float64()
				work++
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi, wd := first.Int64(), second.Int64(), w.Index(i+2).Float64()
		if hi >= lo && hi-lo <= 0xffff {
			for c := lo; c <= hi && work < maxCMapWork; c++ {
				f.cw[uint32(c)] = wd
				work++
			}
		}
		i += 3
		work++
	}
}

func loadSimpleFont(f *font, v pdf.Value) {
	f.enc = encSimple
	for i := range f.sw {
		f.sw[i] = -1
	}
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 4 {
			f.scale = m.Index(0).Float64()
			if d := m.Index(3).Float64(); d != 0 {
				f.vscale = d * 1000
			}
			if f.scale == 0 {
				f.scale = 0.001
			}
		}
	}
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		if c := first + i; c >= 0 && c < 256 {
			f.sw[c] = ws.Index(i).Float64()
		}
	}
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if ws.Len() == 0 {
		// standard 14 fonts carry no widths: rough Helvetica/Times figures
		for i := range f.sw {
			f.sw[i] = stdWidth(byte(i))
		}
		if strings.Contains(v.Key("BaseFont").Name(), "Courier") {
			for i := range f.sw {
				f.sw[i] = 600
			}
		}
	}
	simpleTable(f, v)
	markUnmapped(f, v.Key("Encoding").Key("Differences"))
}

// opaqueName matches glyph names that number glyphs instead of naming
// characters (G21, g123, glyph12, cid345, index7): producers that write them
// leave no way to know the text, and the codes decode to noise.
func opaqueName(n string) bool {
	for _, p := range []string{"glyph", "index", "cid", "G", "g", "C", "c"} {
		if len(n) > len(p) && strings.HasPrefix(n, p) {
			rest := n[len(p):]
			for i := 0; i < len(rest); i++ {
				if hexVal(rest[i]) < 0 {
					return false
				}
			}
			return true
		}
	}
	return false
}

func markUnmapped(f *font, diffs pdf.Value) {
	code := -1
	for i := 0; i < diffs.Len() && i < 1024; i++ {
		x := diffs.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				if f.tu == nil || f.tu.m[uint32(code)] == "" {
					f.unmapped[code] = opaqueName(x.Name())
				}
			}
			code++
		}
	}
}

func stdWidth(c byte) float64 {
	switch {
	case c == ' ':
		return 250
	case c == '.' || c == ',' || c == ':' || c == ';' || c == 'i' || c == 'l' || c == '\'':
		return 278
	case c >= 'A' && c <= 'Z':
		return 667
	case c == 'm' || c == 'w':
		return 833
	}
	return 556
}

// glyphRune reads the Unicode value of a glyph name like uni4E00 or u1F600.
func glyphRune(n string) (rune, bool) {
	switch {
	case strings.HasPrefix(n, "uni") && len(n) == 7:
		v, err := strconv.ParseUint(n[3:], 16, 32)
		return rune(v), err == nil
	case strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7:
		v, err := strconv.ParseUint(n[1:], 16, 32)
		return rune(v), err == nil
	case len(n) == 1:
		return rune(n[0]), true
	}
	return 0, false
}
