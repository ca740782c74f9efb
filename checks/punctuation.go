package checks

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// punctuation finds doubled full stops and commas and unbalanced quotes and
// brackets within a paragraph. Low severity: typography, not arithmetic.
func init() {
	RegisterTests("punctuation", map[string]Test{
		"doubled":    eachProse(doubledPunctuation),
		"unbalanced": eachProse(unbalanced),
	}, Options{Vars: []string{"stated"}})
}

var doubledRe = regexp.MustCompile(`。。|，，|、、|；；`)

// eachProse makes a test that runs check on every running-text block
// (not the table of contents, not table cells).
func eachProse(check func(*Context, *doc.Block)) Test {
	return func(c *Context) {
		for _, b := range c.Doc.Blocks {
			if !b.TOC && b.Kind != doc.KindTableCell {
				check(c, b)
			}
		}
	}
}

func doubledPunctuation(c *Context, b *doc.Block) {
	for _, m := range doubledRe.FindAllStringIndex(b.Text, -1) {
		rs := utf8.RuneCountInString(b.Text[:m[0]])
		c.Report(b, rs, rs+2, Vars{"stated": b.Text[m[0]:m[1]]})
	}
}

var pairs = [][2]string{{"“", "”"}, {"(", ")"}, {"《", "》"}}

// unbalanced reports a paragraph whose quotes or brackets do not close. A
// paragraph that opens one a block close after it closes was split by a
// page or a table, not mistyped, and is left alone; so is a fragment that is not a
// finished sentence (a table cell, a name wrapped in a column, a paragraph
// cut at a page): its bracket may close in text read elsewhere.
func unbalanced(c *Context, b *doc.Block) {
	if !finishedProse(b.Text) {
		return
	}
	for _, pair := range pairs {
		d := balance(b.Text, pair)
		if d == 0 {
			continue
		}
		if closedNearby(c.Doc.Blocks, int(b.Index), d, pair) {
			continue
		}
		c.Report(b, 0, utf8.RuneCountInString(b.Text), Vars{"stated": pair[0] + pair[1]})
	}
}

// splitReach is how many blocks away the other half of a split quote may
// be: a table read as text puts a row's other cells (0.06, 15年, 2.28%)
// between the two lines of a name wrapped in its column.
const splitReach = 3

// closedNearby reports whether a block within splitReach, on the side the
// imbalance points to, leans the other way: the quote was split, not mistyped.
func closedNearby(blocks []*doc.Block, at, d int, pair [2]string) bool {
	step := 1
	if d < 0 {
		step = -1
	}
	for i, n := at+step, 0; i >= 0 && i < len(blocks) && n < splitReach; i, n = i+step, n+1 {
		if bal := balance(blocks[i].Text, pair); bal*d < 0 {
			return true
		}
	}
	return false
}

// finishedProse: running text that ends a sentence (。！？；) and has
// sentence punctuation, not a table cell or a fragment.
func finishedProse(text string) bool {
	t := strings.TrimRight(text, " 　")
	if !strings.ContainsAny(t, "，。；") {
		return false
	}
	for _, end := range []string{"。", "！", "？", "；"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

func balance(text string, pair [2]string) int {
	return strings.Count(text, pair[0]) - strings.Count(text, pair[1])
}
