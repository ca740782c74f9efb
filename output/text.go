package output

import (
	"fmt"
	"io"
	"strings"
)

func init() { Register("text", Text) }

// Text prints findings the way compilers do, one per line, then the claim
// and figures indented, then a coverage summary.
func Text(w io.Writer, r *Run) error {
	for _, f := range r.Files {
		if f.Error != "" {
			fmt.Fprintf(w, "%s: error: %s\n", f.Path, firstLine(f.Error))
			continue
		}
		for _, x := range f.Findings {
			loc := fmt.Sprintf("%s:%d:%d", f.Path, x.Line, x.Column)
			if x.Page > 0 && (f.Format == "pdf" || f.Format == "docx") {
				loc = fmt.Sprintf("%s:page %d:line %d", f.Path, x.Page, x.Line)
			}
			fmt.Fprintf(w, "%s: %s: %s [%s]\n", loc, x.Severity, x.Message, x.Rule)
			if x.Claim != "" {
				fmt.Fprintf(w, "    %s\n", oneLine(x.Claim))
			}
		}
	}
	_, err := fmt.Fprintln(w, Summary(Count(r)))
	return err
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
