package pdffile

import (
	"fmt"
	"unicode"
)

// textStats gathers what decides whether a text layer is usable: scanned
// pages carry images and no text; a garbled layer shows glyphs whose text is
// unknown (no ToUnicode entry, numbered glyph names) or reads as a run of
// ASCII symbols where words should be.
type textStats struct {
	glyphs, bad     int
	runes, symbols  int
	letters         int // letters, digits and CJK
	pages, withText int
	images          int
}

func (s *textStats) add(p pageResult) {
	s.pages++
	s.images += p.images
	s.glyphs += p.glyphs
	s.bad += p.bad
	n := 0
	for _, l := range p.lines {
		for _, r := range l.text {
			if r == ' ' {
				continue
			}
			s.runes++
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				s.letters++
				n++
			case isOddSymbol(r):
				s.symbols++
			}
		}
	}
	if n >= 10 {
		s.withText++
	}
}

// isOddSymbol: ASCII symbols rare in reports but common in glyph garbage
// (codes read as Latin-1). Figure punctuation (.,%-()) is left out.
func isOddSymbol(r rune) bool {
	switch r {
	case '!', '"', '#', '$', '&', '\'', '*', '+', '/', '<', '=', '>', '?', '@', '[', '\\', ']', '^', '_', '`', '{', '|', '}', '~':
		return true
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\ufffd' || (r >= 0xe000 && r <= 0xf8ff)
}

// verdict returns "" for a usable text layer, else the NoText reason.
func (s *textStats) verdict() string {
	switch {
	case s.letters == 0 && s.images > 0:
		return "no usable text layer (pages are images only: a scanned PDF needs OCR)"
	case s.letters == 0:
		return "no usable text layer (no text on any page)"
	case s.glyphs > 0 && float64(s.bad) > 0.2*float64(s.glyphs):
		return fmt.Sprintf("no usable text layer (%.0f%% of glyphs have no known text: fonts without a Unicode mapping)", 100*float64(s.bad)/float64(s.glyphs))
	case s.runes > 0 && float64(s.symbols) > 0.15*float64(s.runes):
		return fmt.Sprintf("no usable text layer (text decodes to symbol noise: %.0f%% odd symbols)", 100*float64(s.symbols)/float64(s.runes))
	case s.pages >= 4 && s.withText*5 < s.pages && s.images >= s.pages/2:
		return fmt.Sprintf("no usable text layer (only %d of %d pages have text; the rest are images)", s.withText, s.pages)
	}
	return ""
}
