package checks

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/rules"
)

// punctuation finds doubled full stops and commas and unbalanced quotes and
// brackets within a paragraph. Low severity: typography, not arithmetic.
type punctuation struct{ p params }

func init() {
	Register("punctuation", func(r *rules.Rule, _ *rules.Set) (Checker, error) {
		s := &punctuation{}
		err := decodeTest(r, &s.p, func() string { return s.p.Test }, "doubled", "unbalanced")
		return s, err
	})
}

var doubledRe = regexp.MustCompile(`。。|，，|、、|；；`)

func (s *punctuation) Run(c *Context) {
	for _, b := range c.Doc.Blocks {
		if b.TOC {
			continue
		}
		switch s.p.Test {
		case "doubled":
			for _, m := range doubledRe.FindAllStringIndex(b.Text, -1) {
				rs := utf8.RuneCountInString(b.Text[:m[0]])
				c.Report(b, rs, rs+2, Vars{"stated": b.Text[m[0]:m[1]]})
			}
		case "unbalanced":
			for _, pair := range [][2]string{{"“", "”"}, {"(", ")"}, {"《", "》"}} {
				o, cl := strings.Count(b.Text, pair[0]), strings.Count(b.Text, pair[1])
				if o != cl {
					c.Report(b, 0, utf8.RuneCountInString(b.Text), Vars{"stated": pair[0] + pair[1], "open": strconv.Itoa(o), "close": strconv.Itoa(cl)})
				}
			}
		}
	}
}
