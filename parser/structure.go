package parser

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

var (
	partRe      = regexp.MustCompile(`^第([一二三四五六七八九十]+)部分`)
	cjkRe       = regexp.MustCompile(`^([一二三四五六七八九十]+)[、.]`)
	parenCJKRe  = regexp.MustCompile(`^\(([一二三四五六七八九十]+)\)`)
	arabicRe    = regexp.MustCompile(`^(\d{1,2})(?:[、]|\.(?:[^\d]|$))`)
	parenArabRe = regexp.MustCompile(`^\((\d{1,2})\)`)
	circledRe   = regexp.MustCompile(`^([①-⑳])`)
	tocRe       = regexp.MustCompile(`^目\s*录$`)
	appendixRe  = regexp.MustCompile(`^(?:附件\s*\d*|附表\s*\d*|第[一二三四五六七八九十]+部分\s*附件.*)$`)
)

var leaderRe = regexp.MustCompile(`[.…·．\-—_\s]*\d*$`)

// tocEntry is a contents line without its leader dots and page number, so
// that 第一部分 部门概况……3 and the body's 第一部分 部门概况 compare equal.
func tocEntry(s string) string {
	return leaderRe.ReplaceAllString(s, "")
}

// ParseNumber reads the numbering a block starts with, if any.
func ParseNumber(text string) *doc.Number {
	try := func(re *regexp.Regexp, st doc.Style, conv func(string) int) *doc.Number {
		m := re.FindStringSubmatch(text)
		if m == nil {
			return nil
		}
		v := conv(m[1])
		if v <= 0 {
			return nil
		}
		mk := m[0]
		if st == doc.StyleArabic && !strings.HasSuffix(mk, "、") && !strings.HasSuffix(mk, ".") {
			mk = mk[:len(mk)-len(lastRune(mk))] // the look-ahead character is not part of the marker
		}
		return &doc.Number{Style: st, Value: v, Text: mk, Len: utf8.RuneCountInString(mk)}
	}
	for _, t := range []struct {
		re   *regexp.Regexp
		st   doc.Style
		conv func(string) int
	}{
		{partRe, doc.StylePart, CJKNumber},
		{cjkRe, doc.StyleCJK, CJKNumber},
		{parenCJKRe, doc.StyleParenCJK, CJKNumber},
		{parenArabRe, doc.StyleParenArab, atoi},
		{arabicRe, doc.StyleArabic, atoi},
		{circledRe, doc.StyleCircled, circled},
	} {
		if n := try(t.re, t.st, t.conv); n != nil {
			return n
		}
	}
	return nil
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// CJKNumber converts 一 … 九十九 to an int; 0 when it is not one.
func CJKNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digits[rs[0]]
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digits[rs[1]]
	case len(rs) == 2 && rs[1] == '十':
		return digits[rs[0]] * 10
	case len(rs) == 3 && rs[1] == '十':
		return digits[rs[0]]*10 + digits[rs[2]]
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func circled(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	return int(r-'①') + 1
}

// structure marks numbering, headings, sections, the table of contents and
// attached documents.
func structure(d *doc.Document) {
	section := -1
	inTOC := false
	tocFirst := ""
	appendix := false
	for i, b := range d.Blocks {
		b.Index = i
		if b.Kind != doc.KindTableCell {
			b.Number = ParseNumber(b.Text)
		}
		if b.Number != nil && b.Kind == doc.KindParagraph && looksLikeHeading(b) {
			b.Kind = doc.KindHeading
		}
		compact := strings.ReplaceAll(b.Text, " ", "")
		switch {
		case tocRe.MatchString(compact):
			inTOC, tocFirst = true, ""
		case inTOC && tocFirst == "" && b.Number != nil:
			tocFirst = tocEntry(compact)
		case inTOC && tocEntry(compact) == tocFirst:
			inTOC = false // the body starts with the first entry again
		case inTOC && (utf8.RuneCountInString(compact) > 60 || strings.Contains(compact, "。")):
			inTOC = false // contents entries are short lines; running text ends them
		}
		b.TOC = inTOC
		b.Appendix = appendix
		if !inTOC && appendixRe.MatchString(compact) {
			appendix = true // from the block after the attachment's heading on
		}
		if b.Kind == doc.KindHeading || (b.Number != nil && b.Number.Style <= doc.StyleParenCJK) {
			section = i
		}
		b.Section = section
	}
}

// looksLikeHeading: a numbered block that is short or stops before its first
// full stop is a heading rather than a numbered paragraph.
func looksLikeHeading(b *doc.Block) bool {
	n := utf8.RuneCountInString(b.Text)
	if n <= 40 && !strings.ContainsAny(b.Text, "。；;") {
		return true
	}
	return false
}
