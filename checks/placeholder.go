package checks

import (
	"fmt"
	"regexp"
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
		seen := map[[2]int]bool{} // two patterns finding one leftover report it once
		for _, re := range p.res {
			rc := doc.RuneCounter{S: b.Text}
			for _, m := range re.FindAllStringSubmatchIndex(b.Text, -1) {
				s, e := m[0], m[1]
				for g := 2; g+1 < len(m); g += 2 {
					if m[g] >= 0 { // a capture group marks the exact leftover
						s, e = m[g], m[g+1]
						break
					}
				}
				if strings.Count(b.Text[:s], "《") > strings.Count(b.Text[:s], "》") {
					continue // inside a document title: 《XX村…制度(范本)》 names a template, it is not one
				}
				if seen[[2]int{s, e}] {
					continue
				}
				seen[[2]int{s, e}] = true
				rs := rc.At(s)
				re2 := rs + utf8.RuneCountInString(b.Text[s:e])
				c.Report(b, rs, re2, Vars{"stated": b.Text[s:e]})
			}
		}
	}
}

// isHeadingLike: a heading, or a short standalone line without a full stop.
func isHeadingLike(b *doc.Block) bool {
	if b.Kind == doc.KindHeading {
		return true
	}
	n := utf8.RuneCountInString(b.Text)
	return b.Kind == doc.KindParagraph && n <= 40 && !regexp.MustCompile(`[。；;]`).MatchString(b.Text)
}
