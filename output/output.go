// Package output prints check results: one FileResult per file, in the
// formats users ask for (text, json; more formats register here).
package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

// FileResult is what checking one file produced.
type FileResult struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Error  string `json:"error,omitempty"`
	// NotChecked says why a file found in a folder was not checked (a type
	// budgetlint does not read): listed so a clean report cannot hide it.
	NotChecked string           `json:"not_checked,omitempty"`
	Findings   []checks.Finding `json:"findings"`
	Coverage   *checks.Coverage `json:"coverage,omitempty"`
	// View is what the page view and the annotated copy draw from, captured
	// while the document was at hand (nil unless a format needs it).
	View *View `json:"-"`
}

// Status is "unreadable", "not-checked" or "checked".
func (f *FileResult) Status() string {
	switch {
	case f.Error != "":
		return "unreadable"
	case f.NotChecked != "":
		return "not-checked"
	}
	return "checked"
}

// Run is the whole result of one invocation, handed to every printer.
type Run struct {
	Files []FileResult
	Rules *rules.Set
	// Lang is the language of the printers' own words (the rule pack's
	// when empty).
	Lang string
	// Record says how the check was run, for reports kept as its record.
	Record Record
	// Quiet leaves out everything but the findings (the text summary line).
	Quiet bool
	// Color draws the text format in ANSI colours (a terminal without NO_COLOR).
	Color bool
	// Statistics makes the text format count findings by rule instead of
	// listing them.
	Statistics bool
}

// Record is what an archived report says about the check that made it.
type Record struct {
	Date    string   // when the check ran (RFC 3339)
	Version string   // budgetlint's version and revision
	Command []string // the command line
	Config  []string // configuration files in effect, parent first
	Rules   []string // extra rule files
}

// Printer writes a run in one format.
type Printer func(w io.Writer, r *Run) error

var printers = map[string]Printer{}

// Register adds a format by name.
func Register(name string, p Printer) { printers[name] = p }

// Lookup finds a printer by name.
func Lookup(name string) (Printer, bool) {
	p, ok := printers[name]
	return p, ok
}

// Names lists the formats.
func Names() []string {
	var out []string
	for k := range printers {
		out = append(out, k)
	}
	for k := range dirPrinters {
		out = append(out, k+"=DIR")
	}
	sort.Strings(out)
	return out
}

// Totals counts findings by severity over all files.
type Totals struct {
	Files, FilesWithErrors    int
	NotChecked                int
	Error, Warning, Info, All int
	Coverage                  checks.Coverage
}

// Count sums a run.
func Count(r *Run) Totals {
	var t Totals
	for _, f := range r.Files {
		t.Files++
		if f.Error != "" {
			t.FilesWithErrors++
		}
		if f.NotChecked != "" {
			t.NotChecked++
		}
		if f.Coverage != nil {
			t.Coverage.Add(*f.Coverage)
		}
		for _, x := range f.Findings {
			t.All++
			switch x.Severity {
			case rules.Error:
				t.Error++
			case rules.Warning:
				t.Warning++
			case rules.Info:
				t.Info++
			}
		}
	}
	return t
}

// Summary is the closing line of the text format, in lang.
func Summary(lang string, t Totals) string {
	if lang == rules.Chinese {
		return summaryZH(t)
	}
	var parts []string
	if t.Error > 0 {
		parts = append(parts, plural(t.Error, "error"))
	}
	if t.Warning > 0 {
		parts = append(parts, plural(t.Warning, "warning"))
	}
	if t.Info > 0 {
		parts = append(parts, fmt.Sprintf("%d info", t.Info))
	}
	s := plural(t.All, "finding")
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	s += " in " + plural(t.Files, "file")
	var fileNotes []string
	if t.FilesWithErrors > 0 {
		fileNotes = append(fileNotes, fmt.Sprintf("%d unreadable", t.FilesWithErrors))
	}
	if t.NotChecked > 0 {
		fileNotes = append(fileNotes, fmt.Sprintf("%d not checked", t.NotChecked))
	}
	if len(fileNotes) > 0 {
		s += " (" + strings.Join(fileNotes, ", ") + ")"
	}
	c := t.Coverage
	s += fmt.Sprintf(" · %d figures, %d of %d claims decided, %d skipped", c.Figures, c.Decided, c.Claims, c.Skipped)
	s += reasonList(lang, c.Reasons)
	if u := c.Tables; u.Checked+u.Skipped > 0 {
		s += fmt.Sprintf("; table identities %d checked, %d skipped", u.Checked, u.Skipped) + reasonList(lang, u.Reasons)
	}
	if p := c.Pages; p != nil {
		s += fmt.Sprintf(" · damaged PDFs: %d pages read", p.Read)
		if p.Undeclared == 0 {
			s += fmt.Sprintf(" of %d declared", p.Declared)
		}
	}
	return s
}

// summaryZH is the closing line as a Chinese reviewer reads it:
// 共12个问题（错误9个，警告3个），检查文件1个 · 数字214个，说法63项中已判定58项，跳过5项（…）
func summaryZH(t Totals) string {
	var parts []string
	if t.Error > 0 {
		parts = append(parts, fmt.Sprintf("错误%d个", t.Error))
	}
	if t.Warning > 0 {
		parts = append(parts, fmt.Sprintf("警告%d个", t.Warning))
	}
	if t.Info > 0 {
		parts = append(parts, fmt.Sprintf("提示%d个", t.Info))
	}
	s := fmt.Sprintf("共%d个问题", t.All)
	if len(parts) > 0 {
		s += "（" + strings.Join(parts, "，") + "）"
	}
	s += fmt.Sprintf("，文件%d个", t.Files)
	var notes []string
	if t.FilesWithErrors > 0 {
		notes = append(notes, fmt.Sprintf("%d个无法读取", t.FilesWithErrors))
	}
	if t.NotChecked > 0 {
		notes = append(notes, fmt.Sprintf("%d个未检查", t.NotChecked))
	}
	if len(notes) > 0 {
		s += "（" + strings.Join(notes, "，") + "）"
	}
	c := t.Coverage
	s += fmt.Sprintf(" · 数字%d个，说法%d项中已判定%d项，跳过%d项", c.Figures, c.Claims, c.Decided, c.Skipped)
	s += reasonList(rules.Chinese, c.Reasons)
	if u := c.Tables; u.Checked+u.Skipped > 0 {
		s += fmt.Sprintf("；表格关系已核对%d项，跳过%d项", u.Checked, u.Skipped) + reasonList(rules.Chinese, u.Reasons)
	}
	if p := c.Pages; p != nil {
		s += fmt.Sprintf(" · 损坏的PDF：读出%d页", p.Read)
		if p.Undeclared == 0 {
			s += fmt.Sprintf("（共%d页）", p.Declared)
		}
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Reason is one skip reason and how often it was given.
type Reason struct {
	Text  string
	Count int
}

// SortedReasons lists skip reasons most frequent first.
func SortedReasons(reasons map[string]int) []Reason {
	var rs []Reason
	for k, v := range reasons {
		rs = append(rs, Reason{k, v})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Count != rs[j].Count {
			return rs[i].Count > rs[j].Count
		}
		return rs[i].Text < rs[j].Text
	})
	return rs
}

// reasonList prints skip reasons most frequent first: " (a: 3, b: 1)".
func reasonList(lang string, reasons map[string]int) string {
	if len(reasons) == 0 {
		return ""
	}
	rs := SortedReasons(reasons)
	xs := make([]string, len(rs))
	for i, r := range rs {
		if lang == rules.Chinese {
			xs[i] = fmt.Sprintf("%s %d项", r.Text, r.Count)
		} else {
			xs[i] = fmt.Sprintf("%s: %d", r.Text, r.Count)
		}
	}
	if lang == rules.Chinese {
		return "（" + strings.Join(xs, "，") + "）"
	}
	return " (" + strings.Join(xs, ", ") + ")"
}
