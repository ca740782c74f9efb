// Package reprint prints a report's paragraphs again in the other ways
// reports are printed — hard-wrapped with or without first-line indents,
// paginated with a running head, figures in full-width forms or with
// thousands separators, ASCII punctuation — so a test can ask that the
// linter read every printing of the same text the same way. A finding that
// appears in one printing only is a reading that depends on the layout,
// which is what makes a checker fail on documents it has never seen.
package reprint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Printing turns a report's paragraphs into the text of one printing.
type Printing struct {
	Name  string
	Print func(paras []string) string
}

// Printings are the printings compared with Plain.
var Printings = []Printing{
	{"wrapped, blank line between paragraphs", func(ps []string) string { return wrapped(ps, false, true) }},
	{"wrapped, first lines indented", func(ps []string) string { return wrapped(ps, true, false) }},
	{"paginated with a running head", paginated},
	{"full-width figures", func(ps []string) string { return Plain(mapParas(ps, fullWidth)) }},
	{"thousands separators", func(ps []string) string { return Plain(mapParas(ps, separators)) }},
	{"ASCII punctuation", func(ps []string) string { return Plain(mapParas(ps, asciiPunct)) }},
	{"spaces around figures", func(ps []string) string { return Plain(mapParas(ps, spaced)) }},
}

// Plain is the reference printing: one paragraph a line.
func Plain(ps []string) string { return strings.Join(ps, "\n") + "\n" }

// Paragraphs are a document's narrative blocks as written (table cells
// left out: a printing of a table is another matter).
func Paragraphs(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == doc.KindTableCell {
			continue
		}
		if t := strings.TrimSpace(strings.ReplaceAll(b.Raw, "\n", "")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func mapParas(ps []string, f func(string) string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = f(p)
	}
	return out
}

// wordRe: a run no typesetter breaks (a figure, a Latin word), or one character.
var wordRe = regexp.MustCompile(`[0-9A-Za-z.,%]+|.`)

// wrap breaks a paragraph into lines of at most 72 columns, never inside
// a figure.
func wrap(p string) []string {
	var lines []string
	cur, w := "", 0
	for _, t := range wordRe.FindAllString(p, -1) {
		tw := doc.DisplayWidth(t)
		if w+tw > 72 && cur != "" {
			lines = append(lines, cur)
			cur, w = "", 0
		}
		cur += t
		w += tw
	}
	return append(lines, cur)
}

func wrapped(ps []string, indent, blank bool) string {
	var b strings.Builder
	for _, p := range ps {
		if indent {
			p = "　　" + p
		}
		for _, l := range wrap(p) {
			b.WriteString(l + "\n")
		}
		if blank {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// paginated wraps with indents and cuts pages of 8 lines, each headed by
// the report's title and footed by its number, as a PDF's page texts are.
// pageLines is short, so that even an excerpt runs over several pages.
const pageLines = 8

func paginated(ps []string) string {
	lines := strings.Split(strings.TrimSuffix(wrapped(ps, true, false), "\n"), "\n")
	var b strings.Builder
	page := 1
	for i := 0; i < len(lines); i += pageLines {
		b.WriteString("关于预算执行情况的报告\n")
		for _, l := range lines[i:min(i+pageLines, len(lines))] {
			b.WriteString(l + "\n")
		}
		fmt.Fprintf(&b, "- %d -\n\f", page)
		page++
	}
	return b.String()
}

func fullWidth(p string) string {
	rs := []rune(p)
	digit := func(i int) bool { return i >= 0 && i < len(rs) && rs[i] >= '0' && rs[i] <= '9' }
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = r
		if digit(i) || r == '%' || (r == '.' || r == ',') && digit(i-1) && digit(i+1) {
			out[i] = r + 0xFF01 - 0x21
		}
	}
	return string(out)
}

// longIntRe: an integer part of five digits or more, not already grouped.
var longIntRe = regexp.MustCompile(`(^|[^0-9.,])([0-9]{5,})`)

func separators(p string) string {
	return longIntRe.ReplaceAllStringFunc(p, func(m string) string {
		sub := longIntRe.FindStringSubmatch(m)
		digits := sub[2]
		var b strings.Builder
		for i, r := range digits {
			if i > 0 && (len(digits)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		return sub[1] + b.String()
	})
}

var asciiPunctR = strings.NewReplacer("，", ",", "；", ";", "：", ":", "（", "(", "）", ")")

func asciiPunct(p string) string { return asciiPunctR.Replace(p) }

// figureRe: a figure standing against CJK text on either side.
var figureRe = regexp.MustCompile(`[0-9][0-9.,]*%?`)

func spaced(p string) string { return figureRe.ReplaceAllString(p, " $0 ") }
