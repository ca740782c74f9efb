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
	arabicRe    = regexp.MustCompile(`^(\d{1,2})[、.]`)
	parenArabRe = regexp.MustCompile(`^\((\d{1,2})\)`)
	circledRe   = regexp.MustCompile(`^([①-⑳])`)
	tocRe       = regexp.MustCompile(`^目\s*录$`)
	appendixRe  = regexp.MustCompile(`^(?:附件\s*\d*|附表\s*\d*|第[一二三四五六七八九十]+部分\s*附件.*)$`)
)

// afterDotRe: what may follow 1. when the marker is followed by digits — a
// year (1.2025年全市…) or a function code (1.20101-人大事务): read as a
// decimal, neither makes sense at the start of an item.
var afterDotRe = regexp.MustCompile(`^(?:(?:19|20)\d\d\s*年|\d{3,7}\s*[-—])`)

var leaderRe = regexp.MustCompile(`[.…·．\-—_\s]*\d*$`)

// tocEntry is a contents line without its leader dots and page number, so
// that 第一部分 部门概况……3 and the body's 第一部分 部门概况 compare equal.
func tocEntry(s string) string {
	return leaderRe.ReplaceAllString(s, "")
}

// ParseNumber reads the numbering a block starts with, if any.
func ParseNumber(text string) *doc.Number {
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
		m := t.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		if t.st == doc.StyleArabic && strings.HasSuffix(m[0], ".") {
			// 1.94% is a figure, 1.2025年 and 1.20101- are items
			if rest := text[len(m[0]):]; rest != "" && rest[0] >= '0' && rest[0] <= '9' && !afterDotRe.MatchString(rest) {
				continue
			}
		}
		if v := t.conv(m[1]); v > 0 {
			return &doc.Number{Style: t.st, Value: v, Text: m[0], Len: utf8.RuneCountInString(m[0])}
		}
	}
	return nil
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
	var tocNumber *doc.Number
	appendix := false
	for i, b := range d.Blocks {
		b.Index = int32(i)
		if b.Kind != doc.KindTableCell && !tailOfBracket(b.Text) {
			b.Number = ParseNumber(b.Text)
		}
		if b.Number != nil && b.Kind == doc.KindParagraph && looksLikeHeading(b) {
			b.Kind = doc.KindHeading
		}
		compact := strings.ReplaceAll(b.Text, " ", "")
		entry := tocEntry(unnumbered(b, compact))
		switch {
		case tocRe.MatchString(compact):
			inTOC, tocFirst, tocNumber = true, "", nil
		case inTOC && tocFirst == "" && b.Number != nil:
			tocFirst, tocNumber = entry, b.Number
		case inTOC && (entry == tocFirst || sameNumber(b.Number, tocNumber)):
			// the body starts with the first entry again, numbered or not,
			// or with its number (第一部分) whatever the wording
			inTOC = false
		case inTOC && (utf8.RuneCountInString(compact) > 60 || strings.Contains(compact, "。") || tableRowRe.MatchString(entry)):
			inTOC = false // contents entries are short lines; running text or a table row ends them
		}
		b.TOC = inTOC
		b.Appendix = appendix
		if !inTOC && appendixRe.MatchString(compact) {
			appendix = true // from the block after the attachment's heading on
		}
		if b.Kind == doc.KindHeading || (b.Number != nil && b.Number.Style <= doc.StyleParenCJK) {
			section = i
		}
		b.Section = int32(section)
	}
}

func sameNumber(a, b *doc.Number) bool {
	return a != nil && b != nil && a.Style == b.Style && a.Value == b.Value
}

// tableRowRe: figures with thousands separators, or two with decimals,
// which a contents entry (a title, perhaps numbered 2.1, and a page
// number) never holds.
var tableRowRe = regexp.MustCompile(`\d,\d{3}|\d\.\d.*\D\d+\.\d`)

// unnumbered is a block's compact text without its numbering.
func unnumbered(b *doc.Block, compact string) string {
	if b.Number == nil {
		return compact
	}
	return strings.TrimPrefix(compact, b.Number.Text)
}

// looksLikeHeading: a numbered block that is short or stops before its first
// full stop is a heading rather than a numbered paragraph; one that ends on
// a comma is a sentence cut short.
func looksLikeHeading(b *doc.Block) bool {
	n := utf8.RuneCountInString(b.Text)
	end := strings.TrimRight(b.Text, " ")
	return n <= 40 && !strings.ContainsAny(b.Text, "。；;") && !strings.HasSuffix(end, "，") && !strings.HasSuffix(end, ",") && !strings.HasSuffix(end, "、")
}

// splitInline starts a new block at each numbered item written on after the
// full stop of the one before (…管理制度。（六）负责…, …增长48.4%。（2）交通…):
// the next number of the block's own list, right after a sentence end, is
// an item of its own, for numbering and for what the item's figures belong to.
func splitInline(blocks []*doc.Block, src *doc.Source) []*doc.Block {
	out := make([]*doc.Block, 0, len(blocks))
	for _, b := range blocks {
		for b.Kind != doc.KindTableCell {
			n := ParseNumber(b.Text)
			if n == nil {
				break
			}
			p := inlineNext(b.Text, n)
			if p < 0 {
				break
			}
			head, tail := cut(b, p, src)
			out = append(out, head)
			b = tail
		}
		out = append(out, b)
	}
	return out
}

// inlineNext finds, after a sentence end, the marker numbered one past n in
// n's style; -1 when there is none.
func inlineNext(text string, n *doc.Number) int {
	rs := []rune(text)
	for i := n.Len + 1; i < len(rs); i++ {
		if rs[i-1] != '。' && rs[i-1] != '!' && rs[i-1] != '?' {
			continue
		}
		if m := ParseNumber(string(rs[i:])); m != nil && m.Style == n.Style && m.Value == n.Value+1 {
			return i
		}
	}
	return -1
}

// cut splits a block before analysis rune p; the raw runes between the two
// halves (spaces dropped from the analysis text) go with the second.
func cut(b *doc.Block, p int, src *doc.Source) (*doc.Block, *doc.Block) {
	rs := []rune(b.Text)
	rp := b.RawAt.At(p)
	rb := len(doc.Substring(b.Raw, 0, rp)) // the byte where raw rune rp starts
	head := &doc.Block{Kind: b.Kind, Text: string(rs[:p]), Raw: b.Raw[:rb], RawAt: b.RawAt.Slice(0, p), SrcAt: b.SrcAt.Slice(0, rp), Page: b.Page}
	tail := &doc.Block{Kind: b.Kind, Text: string(rs[p:]), Raw: b.Raw[rb:], RawAt: b.RawAt.Slice(p, len(rs)).Shift(-rp),
		SrcAt: b.SrcAt.Slice(rp, b.SrcAt.Len()), Page: b.Page}
	if src != nil && src.HasPages() {
		tail.Page = int32(src.Position(tail.SrcAt.At(0)).Page)
	}
	return head, tail
}
