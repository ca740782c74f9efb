package checks

import (
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
)

// year checks years against the report's own year: a comparison with the
// same year (a 2026 budget compared with 2026年预算), a 截至 date before the
// year in a final report, a heading naming another year, a year cut to
// three digits. Attached documents of an earlier year speak of their own
// year and are not checked.
type year struct{ p params }

func init() {
	RegisterTests("year", []string{"comparison", "date", "heading", "truncated", "mention"}, func(p params) Checker { return &year{p: p} })
}

var (
	compareYearRe = regexp.MustCompile(`(?:与|比|较|同)\s*((?:19|20)\d{2})\s*年度?(?:预算|决算|同期)?`)
	asOfRe        = regexp.MustCompile(`截[至止]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	headingYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)`)
	truncYearRe   = regexp.MustCompile(`(?:^|[^\d.,])((?:19|20)\d)\s*年度?\s*(?:部门|单位|预算|决算|收支|财政)`)
	mentionRe     = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*部门(?:决算|预算)`)
)

func (s *year) Run(c *Context) {
	f := c.Claims.Facts
	if s.p.Test == "truncated" {
		for _, b := range c.Doc.Blocks {
			s.each(c, b, truncYearRe, func(y int, _ []string) bool { return true })
		}
		return
	}
	if f.Year == 0 || (f.Kind != claims.KindFinal && f.Kind != claims.KindBudget) || f.Unit == "" {
		// only department and unit reports follow one template year; a
		// government report speaks of several years by design
		c.Cov.Skip("year: not a department or unit report of a known year")
		return
	}
	for _, b := range c.Doc.Blocks {
		if b.Appendix || b.TOC && s.p.Test != "heading" {
			continue
		}
		switch s.p.Test {
		case "comparison":
			// a comparison is with an earlier year: the same or a later one is a slip
			s.each(c, b, compareYearRe, func(y int, _ []string) bool { return y >= f.Year })
		case "date":
			if f.Kind == claims.KindFinal {
				s.each(c, b, asOfRe, func(y int, _ []string) bool { return y < f.Year })
			}
		case "heading":
			if isHeadingLike(b) {
				s.each(c, b, headingYearRe, func(y int, _ []string) bool { return y != f.Year })
			}
		case "mention":
			if !isHeadingLike(b) {
				s.each(c, b, mentionRe, func(y int, _ []string) bool { return y != f.Year })
			}
		}
	}
}

// each reports matches of re in b whose year (first group) bad() rejects.
func (s *year) each(c *Context, b *doc.Block, re *regexp.Regexp, bad func(int, []string) bool) {
	rc := doc.RuneCounter{S: b.Text}
	for _, m := range re.FindAllStringSubmatchIndex(b.Text, -1) {
		y, _ := strconv.Atoi(b.Text[m[2]:m[3]])
		if !bad(y, nil) {
			continue
		}
		start := m[0]
		if s.p.Test == "truncated" {
			start = m[2]
		}
		rs := rc.At(start)
		re2 := rs + utf8.RuneCountInString(b.Text[start:m[1]])
		c.Report(b, rs, re2, Vars{"stated": b.Text[m[2]:m[3]], "expected": strconv.Itoa(c.Claims.Facts.Year), "claim_year": strconv.Itoa(y)})
	}
}
