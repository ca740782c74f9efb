package htmlfile

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// maxEntityName is the length of the longest named character reference
// (CounterClockwiseContourIntegral;), so longer names need not be tried.
const maxEntityName = 32

// entityAt decodes the character reference at the start of s (s[0] == '&')
// and returns its text and byte length, or n == 0 when s does not start with
// one (a literal ampersand).
func entityAt(s string) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	if s[1] == '#' {
		return numericEntityAt(s)
	}
	j := 1
	for j < len(s) && j <= maxEntityName && isAlnum(s[j]) {
		j++
	}
	if j == 1 {
		return "", 0
	}
	if j < len(s) && s[j] == ';' {
		cand := s[:j+1]
		// When only a prefix of the name is an entity the ';' survives
		// in the result; when the whole name is, it does not.
		if u := html.UnescapeString(cand); u != cand && !strings.HasSuffix(u, ";") {
			return u, j + 1
		}
	}
	// Legacy references without ';' (&nbsp &amp &copy …): the longest
	// prefix that is one. Their values never contain ASCII letters or
	// digits, so a result with any is a shorter prefix plus leftover name.
	for k := j; k > 1; k-- {
		cand := s[:k]
		if u := html.UnescapeString(cand); u != cand && !hasASCIIAlnum(u) {
			return u, k
		}
	}
	return "", 0
}

// numericEntityAt decodes &#123; and &#x1F; (the ';' is optional, as in
// browsers).
func numericEntityAt(s string) (string, int) {
	j := 2
	hex := false
	if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
		hex = true
		j++
	}
	k := j
	for k < len(s) && isDigit(s[k], hex) {
		k++
	}
	if k == j {
		return "", 0
	}
	digits := k - j
	if k < len(s) && s[k] == ';' {
		k++
	}
	if digits > 8 {
		// far beyond U+10FFFF; x/net/html would overflow its int
		return "\uFFFD", k
	}
	return html.UnescapeString(s[:k]), k
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isDigit(c byte, hex bool) bool {
	if c >= '0' && c <= '9' {
		return true
	}
	return hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
}

func hasASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			return true
		}
	}
	return false
}

// isHTMLSpace is the white space HTML collapses (not NBSP, not U+3000).
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

// isTrimSpace is what is trimmed from the ends of a line: any Unicode space
// (pages indent with &nbsp; &emsp; and U+3000) and the zero-width characters
// editors leave in otherwise empty paragraphs.
func isTrimSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// runeCount counts the runes of s[a:b] as []rune(s) would.
func runeCount(s string, a, b int) int {
	return utf8.RuneCountInString(s[a:b])
}
