package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/rules"
)

func init() { Register("text", Text) }

// Text prints findings the way compilers do, one per line, then the claim
// indented, then a coverage summary. Locations are path:LINE:COL, and for
// a paged file (PDF, DOCX with pages) path:PAGE:LINE:COL with the line
// counted on that page, so editors' and CI's problem matchers read both.
// The severity keyword stays English (error, warning, info) for the same
// matchers; messages and the summary are in the run's language.
func Text(w io.Writer, r *Run) error {
	lang := r.lang()
	c := colours(r.Color)
	if r.Statistics {
		if err := statistics(w, r, c); err != nil {
			return err
		}
	} else {
		for _, f := range r.Files {
			switch {
			case f.Error != "":
				fmt.Fprintf(w, "%s: %s: %s\n", c.bold(f.Path), c.sev(rules.Error), statusText(lang, "cannot read", r.say(firstLine(f.Error))))
				continue
			case f.NotChecked != "":
				// --quiet prints findings (and files that could not be read)
				// only; the other outputs still list these files
				if !r.Quiet {
					fmt.Fprintf(w, "%s: %s\n", c.bold(f.Path), statusText(lang, "not checked", r.say(f.NotChecked)))
				}
				continue
			}
			for _, x := range f.Findings {
				fmt.Fprintf(w, "%s: %s: %s %s\n", c.bold(Location(f.Path, f.Format, x.Page, x.Line, x.Column)), c.sev(x.Severity), x.Message, c.dim("["+x.Rule+"]"))
				if x.Claim != "" {
					fmt.Fprintf(w, "    %s\n", oneLine(x.Claim))
				}
			}
		}
	}
	if r.Quiet {
		return nil
	}
	_, err := fmt.Fprintln(w, Summary(lang, Count(r)))
	return err
}

// Location is where a finding is, as the text format prints it:
// path:LINE:COL, or path:PAGE:LINE:COL for a paged file.
func Location(path, format string, page, line, col int) string {
	if page > 0 && isPaged(format) {
		return fmt.Sprintf("%s:%d:%d:%d", path, page, line, col)
	}
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

// statistics prints how many findings each rule made, most first, as
// ruff --statistics does.
func statistics(w io.Writer, r *Run, c palette) error {
	n := map[string]int{}
	sev := map[string]rules.Severity{}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			n[x.Rule]++
			sev[x.Rule] = x.Severity
		}
	}
	ids := make([]string, 0, len(n))
	wid := 0
	for id := range n {
		ids = append(ids, id)
		wid = max(wid, len(id))
	}
	sort.Slice(ids, func(i, j int) bool {
		if n[ids[i]] != n[ids[j]] {
			return n[ids[i]] > n[ids[j]]
		}
		return ids[i] < ids[j]
	})
	for _, id := range ids {
		sum := ruleSummary(r, id)
		if _, err := fmt.Fprintf(w, "%5d  %-*s  %s  %s\n", n[id], wid, id, c.sev(sev[id]), sum); err != nil {
			return err
		}
	}
	return nil
}

// palette colours the text format on a terminal (ANSI), or not at all.
type palette struct{ on bool }

func colours(on bool) palette { return palette{on} }

func (p palette) wrap(code, s string) string {
	if !p.on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p palette) bold(s string) string { return p.wrap("1", s) }
func (p palette) dim(s string) string  { return p.wrap("2", s) }

func (p palette) sev(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.wrap("1;31", string(s))
	case rules.Warning:
		return p.wrap("1;33", string(s))
	case rules.Info:
		return p.wrap("1;36", string(s))
	}
	return string(s)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// oneLine shows a claim that wraps in the source on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\f", " ")), " ")
}
