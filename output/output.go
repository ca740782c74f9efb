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
	Path     string           `json:"path"`
	Format   string           `json:"format"`
	Error    string           `json:"error,omitempty"`
	Findings []checks.Finding `json:"findings"`
	Coverage *checks.Coverage `json:"coverage,omitempty"`
	// View is what the page view and the annotated copy draw from, captured
	// while the document was at hand (nil unless a format needs it).
	View *View `json:"-"`
}

// Run is the whole result of one invocation, handed to every printer.
type Run struct {
	Files []FileResult
	Rules *rules.Set
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

// Summary is the closing line of the text format.
func Summary(t Totals) string {
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
	if t.FilesWithErrors > 0 {
		s += fmt.Sprintf(" (%d unreadable)", t.FilesWithErrors)
	}
	c := t.Coverage
	s += fmt.Sprintf(" · %d figures, %d of %d claims decided, %d skipped", c.Figures, c.Decided, c.Claims, c.Skipped)
	s += reasonList(c.Reasons)
	if u := c.Tables; u.Checked+u.Skipped > 0 {
		s += fmt.Sprintf("; table identities %d checked, %d skipped", u.Checked, u.Skipped) + reasonList(u.Reasons)
	}
	if p := c.Pages; p != nil {
		s += fmt.Sprintf(" · damaged PDFs: %d pages read", p.Read)
		if p.Undeclared == 0 {
			s += fmt.Sprintf(" of %d declared", p.Declared)
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

// reasonList prints skip reasons most frequent first: " (a: 3, b: 1)".
func reasonList(reasons map[string]int) string {
	if len(reasons) == 0 {
		return ""
	}
	type kv struct {
		k string
		v int
	}
	var rs []kv
	for k, v := range reasons {
		rs = append(rs, kv{k, v})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].v != rs[j].v {
			return rs[i].v > rs[j].v
		}
		return rs[i].k < rs[j].k
	})
	xs := make([]string, len(rs))
	for i, r := range rs {
		xs[i] = fmt.Sprintf("%s: %d", r.k, r.v)
	}
	return " (" + strings.Join(xs, ", ") + ")"
}
