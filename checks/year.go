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
func init() {
	RegisterTests("year", map[string]Test{
		"truncated": yearTruncated,
		// a comparison is with an earlier year: the same or a later one is a slip
		"comparison": reportYear(compareYearRe, anyBlock, false,
			func(f claims.Facts, y int) bool { return y >= f.Year }),
		"date": reportYear(asOfRe, anyBlock, false,
			func(f claims.Facts, y int) bool { return f.Kind == claims.KindFinal && y < f.Year }),
		// the table of contents repeats the headings: a wrong year there counts too
		"heading": reportYear(headingYearRe, isHeadingLike, true,
			func(f claims.Facts, y int) bool { return y != f.Year }),
		"mention": reportYear(mentionRe, func(b *doc.Block) bool { return !isHeadingLike(b) }, false,
			func(f claims.Facts, y int) bool { return y != f.Year }),
	}, Options{Vars: []string{"stated", "expected", "claim_year"}})
}

var (
	compareYearRe = regexp.MustCompile(`(?:与|比|较|同)\s*((?:19|20)\d{2})\s*年度?(?:预算|决算|同期)?`)
	asOfRe        = regexp.MustCompile(`截[至止]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	headingYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)`)
	truncYearRe   = regexp.MustCompile(`(?:^|[^\d.,])((?:19|20)\d)\s*年度?\s*(?:部门|单位|预算|决算|收支|财政)`)
	mentionRe     = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*部门(?:决算|预算)`)
)

func yearTruncated(c *Context) {
	for _, b := range c.Doc.Blocks {
		yearMatches(c, b, truncYearRe, true, func(int) bool { return true })
	}
}

func anyBlock(*doc.Block) bool { return true }

// reportYear makes a test reporting years (the first group of re) that bad
// rejects, in the blocks of the main document that scope accepts, the table
// of contents included when toc is set.
func reportYear(re *regexp.Regexp, scope func(*doc.Block) bool, toc bool, bad func(claims.Facts, int) bool) Test {
	return func(c *Context) {
		f := c.Claims.Facts
		if f.Year == 0 || (f.Kind != claims.KindFinal && f.Kind != claims.KindBudget) || f.Unit == "" {
			// only department and unit reports follow one template year; a
			// government report speaks of several years by design
			return
		}
		for _, b := range c.Doc.Blocks {
			if b.Appendix || b.TOC && !toc || !scope(b) {
				continue
			}
			yearMatches(c, b, re, false, func(y int) bool { return bad(f, y) })
		}
	}
}

// yearMatches reports matches of re in b whose year (first group) bad
// rejects; atYear starts the claim at the year rather than the match.
func yearMatches(c *Context, b *doc.Block, re *regexp.Regexp, atYear bool, bad func(int) bool) {
	rc := doc.RuneCounter{S: b.Text}
	for _, m := range re.FindAllStringSubmatchIndex(b.Text, -1) {
		y, _ := strconv.Atoi(b.Text[m[2]:m[3]])
		if !bad(y) {
			continue
		}
		start := m[0]
		if atYear {
			start = m[2]
		}
		rs := rc.At(start)
		re2 := rs + utf8.RuneCountInString(b.Text[start:m[1]])
		c.Report(b, rs, re2, Vars{"stated": b.Text[m[2]:m[3]], "expected": strconv.Itoa(c.Claims.Facts.Year), "claim_year": strconv.Itoa(y)})
	}
}
