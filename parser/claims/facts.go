package claims

import (
	"regexp"
	"strconv"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Kind is the kind of report.
type Kind string

const (
	KindFinal   Kind = "final"   // 部门决算 / 单位决算
	KindBudget  Kind = "budget"  // 部门预算 / 单位预算
	KindExec    Kind = "exec"    // 预算执行情况报告 (government level)
	KindUnknown Kind = "unknown" // never defaulted: an unknown kind stays unknown
)

// Facts are what the document says about itself.
type Facts struct {
	Year int  // the year the report covers (0 when unknown)
	Kind Kind // final, budget, exec or unknown
	// Unit is 部门 or 单位 when the title says which.
	Unit string
}

var (
	// 2024年度部门决算, 2025年单位预算; or a name between year and kind when
	// the phrase ends as a title does (2015年度平潭…开发管理局决算说明)
	titleRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*(?:(?:区级|市级|省级|县级|本级|市本级)?\s*(部门|单位)\s*(决算|预算)|[^\s。，,:预决]{2,24}?(部门|单位)?(决算|预算)(?:说明|公开|情况说明|报告))`)
	execRe  = regexp.MustCompile(`((?:19|20)\d{2})\s*年(?:度)?(?:[^\s。，]{0,12})?预算执行情况`)
)

// findFacts reads the year and kind from the first blocks (title, part
// headings), before any attachment. It votes over the first matches so that
// one stray mention does not decide.
func findFacts(d *doc.Document) Facts {
	f := Facts{Kind: KindUnknown}
	votes := map[string]int{}
	units := map[string]int{}
	first := ""
	n := 0
	for _, b := range d.Blocks {
		if b.Appendix {
			break
		}
		n++
		if n > 400 {
			break
		}
		if m := execRe.FindStringSubmatch(b.Text); m != nil && n <= 30 {
			y, _ := strconv.Atoi(m[1])
			return Facts{Year: y, Kind: KindExec}
		}
		for _, m := range titleRe.FindAllStringSubmatch(b.Text, -1) {
			kind, unit := m[3], m[2]
			if kind == "" {
				kind, unit = m[5], m[4]
			}
			key := m[1] + "|" + kind
			w := 1
			if n <= 5 || b.Kind == doc.KindHeading {
				w = 3 // titles and part headings speak for the document
			}
			if unit != "" {
				units[unit] += w
			}
			votes[key] += w
			if first == "" {
				first = key
			}
		}
	}
	best, bestN := "", 0
	for k, v := range votes {
		if v > bestN || (v == bestN && k == first) {
			best, bestN = k, v
		}
	}
	if best == "" {
		return f
	}
	parts := splitKey(best)
	year, kind := parts[0], parts[1]
	unit := ""
	for u, n := range units {
		if unit == "" || n > units[unit] {
			unit = u
		}
	}
	f.Year, _ = strconv.Atoi(year)
	switch kind {
	case "决算":
		f.Kind = KindFinal
	case "预算":
		f.Kind = KindBudget
	}
	f.Unit = unit
	f.Year = checkYear(d, f.Year)
	return f
}

var compareRe = regexp.MustCompile(`与\s*((?:19|20)\d{2})\s*年度?\s*相比|比\s*((?:19|20)\d{2})\s*年度?(?:预算|决算)?(?:增加|减少|增长|下降|持平)`)

// checkYear trusts the comparisons a report makes (与2024年度相比 in a 2025
// report, every time) over a title vote that they contradict: a heading
// with last year's number must not turn the whole report into last year's.
func checkYear(d *doc.Document, year int) int {
	counts := map[int]int{}
	n := 0
	for _, b := range d.Blocks {
		if b.Appendix {
			break
		}
		for _, m := range compareRe.FindAllStringSubmatch(b.Text, -1) {
			y := m[1]
			if y == "" {
				y = m[2]
			}
			v, _ := strconv.Atoi(y)
			counts[v]++
			n++
		}
	}
	best, bestN := 0, 0
	for y, c := range counts {
		if c > bestN {
			best, bestN = y, c
		}
	}
	if bestN >= 3 && bestN*3 >= n*2 && best+1 != year && counts[year-1] == 0 {
		return best + 1
	}
	return year
}

func splitKey(k string) [3]string {
	var out [3]string
	i := 0
	start := 0
	for j := 0; j < len(k); j++ {
		if k[j] == '|' {
			out[i] = k[start:j]
			i++
			start = j + 1
		}
	}
	out[i] = k[start:]
	return out
}
