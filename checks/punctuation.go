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
// paragraph that opens one its neighbour closes was split by a page or a
// table, not mistyped, and is left alone; so is a fragment that is not a
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
		if d > 0 && b.Index+1 < len(c.Doc.Blocks) && balance(c.Doc.Blocks[b.Index+1].Text, pair) < 0 {
			continue
		}
		if d < 0 && b.Index > 0 && balance(c.Doc.Blocks[b.Index-1].Text, pair) > 0 {
			continue
		}
		c.Report(b, 0, utf8.RuneCountInString(b.Text), Vars{"stated": pair[0] + pair[1]})
	}
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
