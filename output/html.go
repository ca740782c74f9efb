package output

import (
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

func init() { Register("html", HTML) }

// HTML writes one self-contained page (no scripts, styles or fonts from
// elsewhere: bureau networks are often offline and reports get mailed
// around) for a bureau head: the first screen is the table of files
// (districts) worst first, with severity counts in their colours and a
// status for files that could not be read or were not checked; charts,
// skip reasons (collapsed), each file's findings and the page views
// follow; the record of the check (date, version, command line,
// configuration, rules) closes it, so the page can be archived as the
// record of a check.
func HTML(w io.Writer, r *Run) error {
	return htmlTemplate.Execute(w, buildHTMLView(r))
}

type htmlView struct {
	Lang     string
	L        map[string]string // interface words in the run's language
	Summary  string            // counts: what a reader looks at first
	Coverage string            // what was checked and skipped, smaller below it
	Totals   Totals
	Files    []htmlFile
	Checked  int    // files checked (readable, of a type budgetlint reads)
	Root     string // the folder all files share, shown once
	ByRule   htmlChart
	ByFile   htmlChart
	Reasons  []Reason // why claims were skipped, most frequent first
	Tables   []Reason // why table identities were skipped
	Record   htmlRecord
	// PageViews draws each finding on its page (pageview_html.go).
	PageViews   template.HTML
	PageViewCSS template.CSS
}

type htmlRecord struct {
	Date, Version, Lang string
	Command             string
	Config, RuleFiles   []string
	Rules               []htmlRule
}

type htmlRule struct {
	ID, Severity, Summary string
	On                    bool
}

type htmlFile struct {
	ID, Path, Format, Error    string
	Short                      string // the path below the folder all files share
	Status, StatusText, Reason string // checked, clean, unreadable, not-checked; its words; why
	Errors, Warnings, Infos, N int
	Findings                   []htmlFinding
	res                        *FileResult
}

type htmlFinding struct {
	Where, Severity, SeverityName, Rule, Summary, Message string
	Claim, Stated, Expected, Context                      string
	View                                                  string // anchor of the finding's page view
}

// htmlChart is a horizontal bar chart laid out in Go so the page needs no
// charting library; it scales to the screen through its viewBox.
type htmlChart struct {
	Title         string
	Bars          []htmlBar
	Height, Width int
	More          string // items not drawn
	Empty         string
}

type htmlBar struct {
	Label         string
	Count, Y, W   int
	TextY, CountX int
	Class         string // severity of the bar's colour
}

const (
	chartMaxBars = 30
	chartBarH    = 18
	chartLabelW  = 260
	chartBarMaxW = 360
)

func buildHTMLView(r *Run) htmlView {
	lang := r.lang()
	v := htmlView{Lang: lang, Totals: Count(r), L: map[string]string{}}
	for k := range uiText {
		v.L[strings.NewReplacer(".", "_", "-", "_").Replace(k)] = T(lang, k)
	}
	// the headline keeps the counts; the reasons are in the collapsed
	// tables below, so the first screen is the table of files
	brief := v.Totals
	brief.Coverage.Reasons, brief.Coverage.Tables.Reasons = nil, nil
	v.Summary, v.Coverage, _ = strings.Cut(Summary(lang, brief), " · ")
	v.Root = commonFolder(r.Files)
	perRule := map[string]int{}
	ruleSev := map[string]rules.Severity{}
	var perFile []kv
	for i, f := range r.Files {
		hf := htmlFile{ID: fmt.Sprintf("f%d", i), Path: f.Path, Short: shortPath(v.Root, f.Path), Format: f.Format, Error: f.Error, res: &r.Files[i]}
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
			ruleSev[x.Rule] = x.Severity
			hf.Findings = append(hf.Findings, htmlFinding{
				Where: where(lang, f.Format, x), Severity: string(x.Severity), SeverityName: SeverityName(lang, x.Severity),
				Rule: x.Rule, Summary: ruleSummary(r, x.Rule),
				Message: x.Message, Claim: oneLine(x.Claim), Stated: x.Stated, Expected: x.Expected, Context: x.Context,
			})
		}
		switch f.Status() {
		case "unreadable":
			hf.Status, hf.Reason = "unreadable", r.say(firstLine(f.Error))
		case "not-checked":
			hf.Status, hf.Reason = "not-checked", r.say(f.NotChecked)
		default:
			v.Checked++
			hf.Status = "checked"
			if hf.N == 0 {
				hf.Status = "clean"
			}
		}
		hf.StatusText = T(lang, "status."+hf.Status)
		if hf.N > 0 {
			perFile = append(perFile, kv{hf.Short, hf.N})
		}
		v.Files = append(v.Files, hf)
	}
	// Worst files first: a bureau head opens the report to see which
	// districts need work; files that could not be checked come first of
	// all, since a clean row must not hide an unread report.
	sort.SliceStable(v.Files, func(i, j int) bool {
		a, b := v.Files[i], v.Files[j]
		if ra, rb := statusRank(a.Status), statusRank(b.Status); ra != rb {
			return ra < rb
		}
		if a.Errors != b.Errors {
			return a.Errors > b.Errors
		}
		if a.Warnings != b.Warnings {
			return a.Warnings > b.Warnings
		}
		if a.N != b.N {
			return a.N > b.N
		}
		return a.Path < b.Path
	})
	v.PageViews, v.PageViewCSS = linkPageViews(lang, v.Files), template.CSS(pageViewCSS)
	var rs []kv
	for k, n := range perRule {
		rs = append(rs, kv{k, n})
	}
	v.ByRule = chart(lang, T(lang, "html.by-rule"), rs, func(id string) string { return string(ruleSev[id]) })
	v.ByFile = chart(lang, T(lang, "html.by-file"), perFile, nil)
	v.Reasons = SortedReasons(v.Totals.Coverage.Reasons)
	v.Tables = SortedReasons(v.Totals.Coverage.Tables.Reasons)
	v.Record = recordOf(r, lang)
	return v
}

// commonFolder is the folder every path is in ("" for one file or none
// shared), so the table shows district file names, not a long prefix
// repeated on every row.
func commonFolder(files []FileResult) string {
	if len(files) < 2 {
		return ""
	}
	root := filepath.Dir(files[0].Path)
	for _, f := range files[1:] {
		for root != "." && root != "/" && !strings.HasPrefix(f.Path, root+string(filepath.Separator)) {
			root = filepath.Dir(root)
		}
	}
	if root == "." || root == "/" {
		return ""
	}
	return root
}

func shortPath(root, p string) string {
	if root == "" {
		return p
	}
	return strings.TrimPrefix(p, root+string(filepath.Separator))
}

// statusRank orders files: unreadable, not checked, then checked ones.
func statusRank(s string) int {
	switch s {
	case "unreadable":
		return 0
	case "not-checked":
		return 1
	}
	return 2
}

func recordOf(r *Run, lang string) htmlRecord {
	rec := htmlRecord{Date: r.Record.Date, Version: r.Record.Version, Lang: lang,
		Command: strings.Join(quoteArgs(r.Record.Command), " "), Config: r.Record.Config, RuleFiles: r.Record.Rules}
	if r.Rules != nil {
		for _, rl := range r.Rules.Rules {
			rec.Rules = append(rec.Rules, htmlRule{ID: rl.ID, Severity: string(rl.Severity), Summary: rl.Summary, On: rl.On()})
		}
		sort.Slice(rec.Rules, func(i, j int) bool { return rec.Rules[i].ID < rec.Rules[j].ID })
	}
	return rec
}

// quoteArgs writes a command line as a shell would need it typed.
func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$`*?[]{}()<>|&;#~") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		out[i] = a
	}
	return out
}

// where says where a finding is in words a reader of the report follows.
func where(lang, format string, x checks.Finding) string {
	if lang != rules.Chinese {
		return Where(format, x)
	}
	switch {
	case x.Page > 0 && format == "xlsx":
		return fmt.Sprintf("第%d个工作表第%d行", x.Page, x.Line)
	case x.Page > 0:
		return fmt.Sprintf("第%d页第%d行", x.Page, x.Line)
	case format == "docx":
		return fmt.Sprintf("第%d段", x.Line)
	}
	return fmt.Sprintf("第%d行", x.Line)
}

type kv struct {
	k string
	n int
}

func chart(lang, title string, items []kv, class func(string) string) htmlChart {
	sort.Slice(items, func(i, j int) bool {
		if items[i].n != items[j].n {
			return items[i].n > items[j].n
		}
		return items[i].k < items[j].k
	})
	c := htmlChart{Title: title, Width: chartLabelW + chartBarMaxW + 50, Empty: T(lang, "html.no-findings")}
	if len(items) > chartMaxBars {
		c.More = Tf(lang, "html.more", len(items)-chartMaxBars)
		items = items[:chartMaxBars]
	}
	maxN := 1
	for _, it := range items {
		maxN = max(maxN, it.n)
	}
	for i, it := range items {
		w := max(it.n*chartBarMaxW/maxN, 2)
		y := i * (chartBarH + 4)
		b := htmlBar{Label: shorten(it.k, 40), Count: it.n, Y: y, W: w, TextY: y + chartBarH - 4, CountX: chartLabelW + w + 6, Class: "bar"}
		if class != nil {
			b.Class = "bar " + class(it.k)
		}
		c.Bars = append(c.Bars, b)
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

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"sev": func(sev string, n int) sevCount { return sevCount{sev, n} },
}).Parse(htmlPage))

// sevCount is a count in a severity's colour.
type sevCount struct {
	Sev string
	N   int
}
