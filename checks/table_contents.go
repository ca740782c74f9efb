package checks

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-contents: a table-of-contents entry names the body's heading as
// written. An entry whose wording matches a body heading of the same part
// under another number, or whose number matches a body heading of the same
// part with other wording, is reported. It stays conservative: both sides
// are compared after folding spaces and full-width forms (the builder has
// already rejoined an entry wrapped over two lines), leader dots and page
// numbers are dropped, and a differently worded heading is only paired
// with the entry when they share a run of words, so an entry whose section
// is simply absent is left to the completeness rule.
func init() {
	RegisterTests("table-contents", map[string]Test{"contents": tableContents{}.run}, Options{Vars: []string{"stated", "expected", "line", "what", "context"}})
}

type tableContents struct{}

var (
	tocTail = regexp.MustCompile(`[.．…·\-—_\s]*[0-9]*$`)
	// years (a cut year too) are the year rule's business; 的/情况/说明 are
	// how templates vary a title without changing what it names
	tocNoise = regexp.MustCompile(`[0-9]{2,4}年度?|的|情况|说明|有关|关于`)
	subNum   = regexp.MustCompile(`[0-9]+\.[0-9]+.*$`)
)

// sameWording compares two folded wordings without years and filler words;
// one a prefix of the other is the same heading (a heading wrapped onto a
// line the builder kept apart, or followed by a template note).
func sameWording(a, b string) bool {
	a, b = tocNoise.ReplaceAllString(a, ""), tocNoise.ReplaceAllString(subNum.ReplaceAllString(b, ""), "")
	return a == b || a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

// heading is a numbered heading as compared: its part, style, number and
// folded wording.
type tocHeading struct {
	b       *doc.Block
	part    int
	style   doc.Style
	value   int
	wording string
}

// tocEnd is the index of the first block after the contents. The
// structure pass ends the contents at the first paragraph, so the body's
// first headings (第一部分, 一、) are marked as contents too; a part number
// that does not go up starts the body again.
func tocEnd(d *doc.Document) int {
	last := 0
	for i, b := range d.Blocks {
		if !b.TOC {
			if last > 0 {
				return i
			}
			continue
		}
		if b.Number != nil && b.Number.Style == doc.StylePart {
			if b.Number.Value <= last {
				return i
			}
			last = b.Number.Value
		}
	}
	return len(d.Blocks)
}

func tocHeadings(d *doc.Document, toc bool) []tocHeading {
	var out []tocHeading
	part := 0
	end := tocEnd(d)
	for _, b := range d.Blocks {
		if inTOC := b.TOC && int(b.Index) < end; inTOC != toc || b.Appendix || b.Kind == doc.KindTableCell || b.Number == nil {
			continue
		}
		st := b.Number.Style
		if st != doc.StylePart && st != doc.StyleCJK {
			continue
		}
		rs := []rune(b.Text)
		if b.Number.Len > len(rs) {
			continue
		}
		w := tables.Fold(string(rs[b.Number.Len:]))
		if toc {
			w = tocTail.ReplaceAllString(w, "")
		} else if utf8.RuneCountInString(w) > 50 || strings.ContainsAny(w, "。；") {
			continue // a numbered paragraph, not a heading
		}
		if st == doc.StylePart {
			part = b.Number.Value
		}
		if w == "" {
			continue
		}
		out = append(out, tocHeading{b: b, part: part, style: st, value: b.Number.Value, wording: w})
	}
	return out
}

func (tableContents) run(c *Context) {
	d := c.Doc
	if d.NoText != "" {
		return
	}
	toc := tocHeadings(d, true)
	if len(toc) == 0 {
		return
	}
	body := tocHeadings(d, false)
	for _, e := range toc {
		var sameWords, sameNumber []tocHeading
		for _, h := range body {
			if h.style != e.style || (e.style != doc.StylePart && h.part != e.part) {
				continue
			}
			if sameWording(e.wording, h.wording) {
				sameWords = append(sameWords, h)
			}
			if h.value == e.value {
				sameNumber = append(sameNumber, h)
			}
		}
		c.TableChecked()
		switch {
		case len(sameWords) > 0:
			for _, h := range sameWords {
				if h.value == e.value {
					sameWords = nil // the heading as listed is there
					break
				}
			}
			// numbers are only compared inside 第X部分 parts: without
			// them a project's own 七、绩效目标 is no top-level section
			if len(sameWords) == 1 && e.part > 0 && sameWords[0].part == e.part {
				h := sameWords[0]
				tocReport(c, e, h, "number", h.b.Number.Text)
			}
		case len(sameNumber) == 1 && related(e.wording, sameNumber[0].wording):
			tocReport(c, e, sameNumber[0], "wording", sameNumber[0].b.Text)
		}
	}
}

// related: two wordings share a run of at least four characters that is
// half the shorter one or more, so one is the other reworded rather than
// another section under the same number (a resolution listed as 一、 and
// the report's own 一、2025年预算执行情况).
func related(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	short := min(len(ra), len(rb))
	best := 0
	for i := range ra {
		for j := range rb {
			k := 0
			for i+k < len(ra) && j+k < len(rb) && ra[i+k] == rb[j+k] {
				k++
			}
			best = max(best, k)
		}
	}
	return best >= 4 && 2*best >= short
}

func tocReport(c *Context, e, h tocHeading, what, body string) {
	pos := c.Doc.Source.Position(h.b.SrcAt.At(0))
	c.Report(e.b, 0, e.b.RuneLen(), Vars{
		"what":     what,
		"stated":   e.b.Text,
		"expected": subNum.ReplaceAllString(h.b.Text, ""),
		"line":     strconv.Itoa(pos.Line),
		"context":  body,
	})
}
