package parser

import (
	"strings"
	"unicode"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

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
	case r == '\U001001B0':
		// a private-use code some typesetting fonts give their full stop
		// (．): 2070􀆰5 亿元, １􀆰 一般公共预算 — as shown, it is a point
		return '.'
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

// width is the display width of a line, used to tell soft-wrapped lines
// (full width) from paragraph ends.
func width(s string) int { return doc.DisplayWidth(s) }

// appendNormalized adds the runes of line l (as written) to a block,
// folding them for analysis and dropping white space next to CJK text.
func (bb *blockBuilder) appendLine(text string, pos doc.Offsets) {
	i := 0
	for _, r := range text {
		bb.raw = append(bb.raw, r)
		bb.src.Append(pos.At(i))
		i++
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

// joinThousands writes the thousands separators of the analysis text as
// figures are read everywhere else: ASCII commas with nothing around them.
// Reports print them three more ways:
//
//	26，305万元   a full-width comma (taken for a separator only when it groups
//	             exactly three digits and a unit or a second group follows,
//	             or the figure is a whole table cell: 26，305 may also be two
//	             numbers of a list)
//	2, 847,319   a stray space after the separator
//	17,5 53      a space inside a group, from a PDF's glyph spacing
//
// at maps each rune of text to its raw rune and is kept in step.
func joinThousands(text []rune, at []int, cell bool) ([]rune, []int) {
	var outT []rune
	var outA []int
	copied := 0 // text[:copied] is in outT
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || !figureStart(text, i) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i > 3 {
			i = j - 1
			continue
		}
		var drop []int // runes to leave out: spaces inside the figure
		var wide []int // full-width commas that separate thousands
		groups := 0
		for j < len(text) {
			k, sp, ok := nextGroup(text, j)
			if !ok {
				break
			}
			groups++
			if text[j] == '，' {
				wide = append(wide, j)
			}
			drop = append(drop, sp...)
			j = k
		}
		if groups == 0 || (len(wide) > 0 && groups < 2 && !cell && !unitAfter(text, j)) {
			i = j - 1
			continue
		}
		if len(drop) == 0 && len(wide) == 0 {
			i = j - 1
			continue // already as wanted
		}
		if outT == nil {
			outT = make([]rune, 0, len(text))
			outA = make([]int, 0, len(at))
		}
		outT = append(outT, text[copied:i]...)
		outA = append(outA, at[copied:i]...)
		for p := i; p < j; p++ {
			switch {
			case contains(drop, p):
				continue
			case contains(wide, p):
				outT = append(outT, ',')
			default:
				outT = append(outT, text[p])
			}
			outA = append(outA, at[p])
		}
		copied = j
		i = j - 1
	}
	if outT == nil {
		return text, at
	}
	return append(outT, text[copied:]...), append(outA, at[copied:]...)
}

// nextGroup reads a separator and a group of three digits at text[j]: a
// comma (ASCII, or full-width with nothing after it), spaces after an ASCII
// comma, or a space inside the group. It returns where the group ends and
// the places of the spaces.
func nextGroup(text []rune, j int) (end int, spaces []int, ok bool) {
	if j >= len(text) || (text[j] != ',' && text[j] != '，') {
		return 0, nil, false
	}
	k := j + 1
	if text[j] == ',' {
		for k < len(text) && text[k] == ' ' {
			spaces = append(spaces, k)
			k++
		}
	}
	n := 0
	for k < len(text) && n < 3 {
		switch {
		case isDigit(text[k]):
			n++
		case text[k] == ' ' && n > 0 && text[j] == ',' && len(spaces) == 0 && k+1 < len(text) && isDigit(text[k+1]):
			spaces = append(spaces, k) // 17,5 53
		default:
			return 0, nil, false
		}
		k++
	}
	if n != 3 || (k < len(text) && isDigit(text[k])) {
		return 0, nil, false
	}
	return k, spaces, true
}

// unitAfter reports a unit right after a figure ending at text[j] (its
// decimals, if any, first): 万元, 亿元, 元, %, ‰.
func unitAfter(text []rune, j int) bool {
	if j < len(text) && text[j] == '.' {
		j++
		for j < len(text) && isDigit(text[j]) {
			j++
		}
	}
	rest := string(text[j:min(len(text), j+4)])
	if u, _ := num.MoneyPrefix(rest); u != num.UnitNone {
		return true
	}
	return strings.HasPrefix(strings.TrimLeft(rest, " "), "%") || strings.HasPrefix(strings.TrimLeft(rest, " "), "‰")
}

// figureStart reports whether a figure may begin at text[i]: not inside
// digits, decimals or a group already.
func figureStart(text []rune, i int) bool {
	if i == 0 {
		return true
	}
	switch p := text[i-1]; {
	case isDigit(p), p == '.', p == ',':
		return false
	case p == '，':
		return i < 2 || !isDigit(text[i-2])
	}
	return true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
