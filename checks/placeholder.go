package checks

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// placeholder finds template leftovers by pattern: alternatives left
// unresolved (增加/减少), unit names never filled in (XX局, ××), blank
// amounts (总收入 万元), instructions to the author left in the text.
type placeholder struct {
	Patterns     []string `yaml:"patterns"`
	HeadingsOnly bool     `yaml:"headings_only"`
	IncludeTOC   bool     `yaml:"include_toc"`
	res          []*regexp.Regexp
}

func init() {
	Register("placeholder", placeholder{}, map[string]func(placeholder) Test{
		"pattern": func(p placeholder) Test { return p.run },
	}, Options{Vars: []string{"stated"}})
}

func (p *placeholder) prepare() error {
	if len(p.Patterns) == 0 {
		return fmt.Errorf("patterns: at least one pattern is needed")
	}
	for _, s := range p.Patterns {
		re, err := regexp.Compile(s)
		if err != nil {
			return fmt.Errorf("patterns: %v", err)
		}
		p.res = append(p.res, re)
	}
	return nil
}

func (p placeholder) run(c *Context) {
	for _, b := range c.Doc.Blocks {
		if (b.TOC && !p.IncludeTOC) || (p.HeadingsOnly && !isHeadingLike(b)) {
			continue
		}
		rc := doc.RuneCounter{S: b.Text}
		for _, sp := range p.leftovers(b.Text) {
			rs := rc.At(sp[0])
			re := rs + utf8.RuneCountInString(b.Text[sp[0]:sp[1]])
			c.Report(b, rs, re, Vars{"stated": b.Text[sp[0]:sp[1]]})
		}
	}
}

// leftovers returns the byte spans of the leftovers in text, in order.
// Patterns overlap (XXX and XXX万元 are one slot left unfilled, found by
// two of them): one leftover is one finding, so a span that overlaps a
// longer or earlier one is dropped.
func (p placeholder) leftovers(text string) [][2]int {
	var spans [][2]int
	for _, re := range p.res {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			s, e := m[0], m[1]
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 { // a capture group marks the exact leftover
					s, e = m[g], m[g+1]
					break
				}
			}
			if strings.Count(text[:s], "《") > strings.Count(text[:s], "》") {
				continue // inside a document title: 《XX村…制度(范本)》 names a template, it is not one
			}
			spans = append(spans, [2]int{s, e})
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i][0] != spans[j][0] {
			return spans[i][0] < spans[j][0]
		}
		return spans[i][1] > spans[j][1]
	})
	var out [][2]int
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] < out[n-1][1] {
			if sp[1]-sp[0] > out[n-1][1]-out[n-1][0] {
				out[n-1] = sp
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// isHeadingLike: a heading, or a short standalone line without a full stop.
func isHeadingLike(b *doc.Block) bool {
	if b.Kind == doc.KindHeading {
		return true
	}
	n := utf8.RuneCountInString(b.Text)
	return b.Kind == doc.KindParagraph && n <= 40 && !regexp.MustCompile(`[。；;]`).MatchString(b.Text)
}
