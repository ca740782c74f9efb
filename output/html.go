package output

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/rules"
)

func init() { Register("html", HTML) }

// HTML writes one self-contained page (no scripts, styles or fonts from
// elsewhere: bureau networks are often offline and reports get mailed
// around): headline counts, bar charts per rule and per file, a sortable
// table of files, then each file's findings with claim and figures.
func HTML(w io.Writer, r *Run) error {
	return htmlTemplate.Execute(w, buildHTMLView(r))
}

type htmlView struct {
	Summary  string // counts: what a reader looks at first
	Coverage string // what was checked and skipped, smaller below it
	Totals   Totals
	Files    []htmlFile
	ByRule   htmlChart
	ByFile   htmlChart
	RuleDocs map[string]string
	// PageViews draws each finding on its page (pageview_html.go).
	PageViews   template.HTML
	PageViewCSS template.CSS
}

type htmlFile struct {
	ID, Path, Format, Error    string
	Errors, Warnings, Infos, N int
	Findings                   []htmlFinding
	res                        *FileResult
}

type htmlFinding struct {
	Where, Severity, Rule, Summary, Message string
	Claim, Stated, Expected, Context        string
	View                                    string // anchor of the finding's page view
}

// htmlChart is a horizontal bar chart laid out in Go so the page needs no
// charting library.
type htmlChart struct {
	Title         string
	Bars          []htmlBar
	Height, Width int
	More          int // items not drawn
}

type htmlBar struct {
	Label         string
	Count, Y, W   int
	TextY, CountX int
}

const (
	chartMaxBars = 30
	chartBarH    = 18
	chartLabelW  = 260
	chartBarMaxW = 360
)

func buildHTMLView(r *Run) htmlView {
	v := htmlView{Totals: Count(r), RuleDocs: map[string]string{}}
	v.Summary, v.Coverage, _ = strings.Cut(Summary(v.Totals), " · ")
	perRule := map[string]int{}
	var perFile []kv
	for i, f := range r.Files {
		hf := htmlFile{ID: fmt.Sprintf("f%d", i), Path: f.Path, Format: f.Format, Error: f.Error, res: &r.Files[i]}
		for _, x := range f.Findings {
			switch x.Severity {
			case rules.Error:
				hf.Errors++
			case rules.Warning:
				hf.Warnings++
			default:
				hf.Infos++
			}
			hf.N++
			perRule[x.Rule]++
			hf.Findings = append(hf.Findings, htmlFinding{
				Where: Where(f.Format, x), Severity: string(x.Severity), Rule: x.Rule, Summary: ruleSummary(r, x.Rule),
				Message: x.Message, Claim: oneLine(x.Claim), Stated: x.Stated, Expected: x.Expected, Context: x.Context,
			})
		}
		if hf.N > 0 {
			perFile = append(perFile, kv{f.Path, hf.N})
		}
		v.Files = append(v.Files, hf)
	}
	// Worst files first: a bureau reader opens the report to see which
	// reports need fixing; the table can be re-sorted by any column.
	sort.SliceStable(v.Files, func(i, j int) bool {
		a, b := v.Files[i], v.Files[j]
		if (a.Error != "") != (b.Error != "") {
			return a.Error != ""
		}
		if a.Errors != b.Errors {
			return a.Errors > b.Errors
		}
		return a.N > b.N
	})
	v.PageViews, v.PageViewCSS = linkPageViews(v.Files), template.CSS(pageViewCSS)
	var rs []kv
	for k, n := range perRule {
		rs = append(rs, kv{k, n})
	}
	v.ByRule = chart("Findings per rule · 各规则问题数", rs)
	v.ByFile = chart("Findings per file · 各文件问题数", perFile)
	return v
}

type kv struct {
	k string
	n int
}

func chart(title string, items []kv) htmlChart {
	sort.Slice(items, func(i, j int) bool {
		if items[i].n != items[j].n {
			return items[i].n > items[j].n
		}
		return items[i].k < items[j].k
	})
	c := htmlChart{Title: title, Width: chartLabelW + chartBarMaxW + 50}
	if len(items) > chartMaxBars {
		c.More = len(items) - chartMaxBars
		items = items[:chartMaxBars]
	}
	maxN := 1
	for _, it := range items {
		maxN = max(maxN, it.n)
	}
	for i, it := range items {
		w := max(it.n*chartBarMaxW/maxN, 2)
		y := i * (chartBarH + 4)
		c.Bars = append(c.Bars, htmlBar{Label: shorten(it.k, 40), Count: it.n, Y: y, W: w, TextY: y + chartBarH - 4, CountX: chartLabelW + w + 6})
	}
	c.Height = len(items)*(chartBarH+4) + 4
	return c
}

// shorten keeps long corpus paths readable in a chart label, keeping the
// end where the file name is.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}

func ruleSummary(r *Run, id string) string {
	if r.Rules == nil {
		return ""
	}
	if rl := r.Rules.Lookup(id); rl != nil {
		return rl.Summary
	}
	return ""
}

var htmlTemplate = template.Must(template.New("report").Parse(htmlPage))
