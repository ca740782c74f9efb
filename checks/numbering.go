package checks

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// numbering checks heading and item numbering: gaps (八、 then 十、, 第二部分
// then 第四部分), headings that lost their number among numbered siblings,
// and a lone （一） with no （二）.
type numbering struct {
	Suffixes []string `yaml:"heading_suffixes"`
	report   numberingFault
}

// numberingFault is what one numbering test reports of the walk they share.
type numberingFault int

const (
	numberingGap numberingFault = iota
	numberingUnnumbered
	numberingLone
)

func init() {
	test := func(f numberingFault) func(numbering) Test {
		return func(p numbering) Test { p.report = f; return p.run }
	}
	Register("numbering", numbering{Suffixes: []string{"情况说明", "说明", "情况"}}, map[string]func(numbering) Test{
		"gap":        test(numberingGap),
		"unnumbered": test(numberingUnnumbered),
		"lone":       test(numberingLone),
	}, Options{})
}

type seq struct {
	last  *doc.Block
	value int
	count int
	first *doc.Block
}

// bareFigureRe: a number with no unit after it (not a year, date or count).
var bareFigureRe = regexp.MustCompile(`\d{2,}(?:,\d{3})*(?:\.\d+)?(?:$|[^\d.,%年月日号期届次个项万亿元千])`)

// tableLike: a numbered row of a table — a label and bare figures, no sentence.
func tableLike(s string) bool {
	return !sentencePunctRe.MatchString(s) && bareFigureRe.MatchString(s)
}

// sentencePunctRe: a comma or stop of running text (an ASCII comma only
// when it does not separate thousands).
var sentencePunctRe = regexp.MustCompile(`[，。；;]|,\D`)

var terminalRe = regexp.MustCompile(`[。；;:：,，!！?？]`)

func (s numbering) run(c *Context) {
	active := map[doc.Style]*seq{}
	inTOC, inAppendix := false, false
	closeDeeper := func(st doc.Style) {
		for k, q := range active {
			if k > st {
				s.lone(c, k, q)
				delete(active, k)
			}
		}
	}
	for _, b := range c.Doc.Blocks {
		if b.Kind == doc.KindTableCell {
			continue
		}
		if b.TOC != inTOC || b.Appendix != inAppendix {
			// the contents and each attachment number themselves afresh
			closeDeeper(doc.StyleNone)
			inTOC, inAppendix = b.TOC, b.Appendix
		}
		if b.TOC || tableLike(b.Text) {
			continue // a table row numbered 一、二、 has its own order, often split across columns
		}
		n := b.Number
		if n == nil {
			s.unnumbered(c, b, active)
			continue
		}
		closeDeeper(n.Style)
		q := active[n.Style]
		switch {
		case q == nil || n.Value <= q.value:
			if q != nil {
				s.lone(c, n.Style, q)
			}
			active[n.Style] = &seq{last: b, value: n.Value, count: 1, first: b}
		case n.Value == q.value+1:
			q.last, q.value = b, n.Value
			q.count++
		default:
			if s.report == numberingGap && n.Value-q.value <= 3 && hasContent(c.Doc.Blocks, q.last, b) {
				c.Report(b, 0, utf8.RuneCountInString(b.Text), Vars{
					"stated": marker(b), "expected": markerFor(n.Style, q.value+1), "previous": marker(q.last),
				})
			}
			q.last, q.value = b, n.Value
			q.count++
		}
	}
	for k, q := range active {
		s.lone(c, k, q)
	}
}

// unnumbered reports a heading without a number that reads like its numbered
// siblings (八、…情况说明 followed by …情况说明 where 九、 belongs).
func (s numbering) unnumbered(c *Context, b *doc.Block, active map[doc.Style]*seq) {
	if s.report != numberingUnnumbered || utf8.RuneCountInString(b.Text) > 30 || terminalRe.MatchString(b.Text) || strings.ContainsAny(b.Text, "0123456789") {
		return
	}
	suffix := ""
	for _, sf := range s.Suffixes {
		if strings.HasSuffix(b.Text, sf) {
			suffix = sf
			break
		}
	}
	if suffix == "" {
		return
	}
	for _, st := range []doc.Style{doc.StyleCJK, doc.StyleParenCJK} {
		q := active[st]
		// a sibling reads like its neighbours and stands near them
		if q == nil || !strings.HasSuffix(q.last.Text, suffix) || q.last.Kind != doc.KindHeading || b.Index-q.last.Index > 25 {
			continue
		}
		// the deepest active style must be this one, or the heading belongs lower
		deeper := false
		for k := range active {
			if k > st && k <= doc.StyleParenCJK {
				deeper = true
			}
		}
		if deeper {
			continue
		}
		c.Report(b, 0, utf8.RuneCountInString(b.Text), Vars{
			"stated": b.Text, "expected": markerFor(st, q.value+1), "previous": markerFor(st, q.value),
		})
		q.value++ // the lost number is taken, so the next sibling is not a gap
		return
	}
}

func (s numbering) lone(c *Context, st doc.Style, q *seq) {
	if s.report != numberingLone || q.count != 1 || st != doc.StyleParenCJK || q.value != 1 {
		return
	}
	b := q.first
	c.Report(b, 0, b.Number.Len, Vars{"stated": marker(b), "expected": markerFor(st, 2)})
}

// markerFor writes the marker of number v in a style.
func markerFor(st doc.Style, v int) string {
	cjk := cjkNumeral(v)
	switch st {
	case doc.StylePart:
		return "第" + cjk + "部分"
	case doc.StyleCJK:
		return cjk + "、"
	case doc.StyleParenCJK:
		return "（" + cjk + "）"
	case doc.StyleParenArab:
		return "（" + strconv.Itoa(v) + "）"
	case doc.StyleCircled:
		return string(rune('①' + v - 1))
	}
	return strconv.Itoa(v) + "."
}

func cjkNumeral(v int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case v < 10:
		return d[v]
	case v == 10:
		return "十"
	case v < 20:
		return "十" + d[v-10]
	case v%10 == 0:
		return d[v/10] + "十"
	}
	return d[v/10] + "十" + d[v%10]
}

// hasContent reports whether text runs between two numbered siblings. Rows
// of a table numbered 一、二、… follow each other with nothing between (and
// are split across columns, so their order has gaps); headings have text.
func hasContent(blocks []*doc.Block, from, to *doc.Block) bool {
	for i := from.Index + 1; i < to.Index && i < len(blocks); i++ {
		b := blocks[i]
		if b.Kind == doc.KindTableCell {
			continue
		}
		if strings.Contains(b.Text, "。") || (strings.Contains(b.Text, "，") && utf8.RuneCountInString(b.Text) > 10) {
			return true
		}
	}
	return strings.Contains(from.Text, "。") && utf8.RuneCountInString(from.Text) > 40
}

// marker is a block's numbering as written (（二）, not the folded (二)).
func marker(b *doc.Block) string {
	if b.Number == nil {
		return ""
	}
	return strings.TrimSpace(b.RawRange(0, b.Number.Len))
}
