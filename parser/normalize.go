package parser

import "unicode"

// fold maps a character as written to its analysis form: full-width ASCII
// forms (１５７．６０, ％, （）, ：, ；) become ASCII so patterns are written
// once; the full-width comma stays, because only an ASCII comma may be a
// thousands separator. Ideographic and no-break spaces become spaces.
func fold(r rune) rune {
	switch {
	case r == '，':
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + 0x21
	case r == '\u3000', r == '\u00a0', r == '\t', r == '\u2002', r == '\u2003', r == '\u2009':
		return ' '
	case r == '\u2212':
		return '-'
	case r == '﹪':
		return '%'
	case r == '\ufeff', r == '\u200b':
		return 0 // dropped
	}
	return r
}

// IsCJK reports whether r is a Han character or CJK punctuation — the
// characters between which PDF extraction inserts stray spaces.
func IsCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK punctuation 、。“”《》【】
		r == '，' || r == '“' || r == '”' || r == '‘' || r == '’' ||
		(r >= 0xFF00 && r <= 0xFFEF) || r == '…' || r == '—'
}

// width is the display width of a line in columns (CJK counts two), used
// to tell soft-wrapped lines (full width) from paragraph ends.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r > 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// appendNormalized adds the runes of line l (as written) to a block,
// folding them for analysis and dropping white space next to CJK text.
func (bb *blockBuilder) appendLine(l lineRef) {
	rs := []rune(l.text)
	for i, r := range rs {
		bb.raw = append(bb.raw, r)
		bb.src = append(bb.src, l.pos[i])
		f := fold(r)
		if f == 0 {
			continue
		}
		if f == ' ' {
			bb.pendingSpace = true
			continue
		}
		if bb.pendingSpace {
			bb.pendingSpace = false
			prev := bb.lastText()
			if prev != 0 && prev != ' ' && !IsCJK(prev) && !IsCJK(f) && !isOpenPunct(prev) && !isClosePunct(f) {
				bb.text = append(bb.text, ' ')
				bb.rawAt = append(bb.rawAt, len(bb.raw)-2)
			}
		}
		bb.text = append(bb.text, f)
		bb.rawAt = append(bb.rawAt, len(bb.raw)-1)
	}
	// a soft wrap joins without a space between CJK text; between two
	// Latin words or figures it is a space
	bb.pendingSpace = true
}

func isOpenPunct(r rune) bool { return r == '(' || r == '[' || r == '“' || r == '《' }
func isClosePunct(r rune) bool {
	return r == ')' || r == ']' || r == '”' || r == '》' || r == '%' || r == ',' || r == '.' || r == ';' || r == ':'
}
