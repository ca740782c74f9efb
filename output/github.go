package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/budgetlint/budgetlint/rules"
)

func init() { Register("github", GitHub) }

// GitHub writes workflow commands that GitHub Actions turns into
// annotations on the changed files:
//
//	::error file=a.html,line=3,col=5,endLine=3,endColumn=9,title=share::message
//
// PDFs cannot be annotated at a line, so their annotations name the file
// only and carry the page and claim in the message.
func GitHub(w io.Writer, r *Run) error {
	lang := r.lang()
	for _, f := range r.Files {
		if f.Error != "" {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=unreadable::%s\n", escapeProperty(f.Path), escapeData(statusText(lang, "cannot read", r.say(f.Error)))); err != nil {
				return err
			}
			continue
		}
		if f.NotChecked != "" {
			if _, err := fmt.Fprintf(w, "::warning file=%s,title=not checked::%s\n", escapeProperty(f.Path), escapeData(statusText(lang, "not checked", r.say(f.NotChecked)))); err != nil {
				return err
			}
			continue
		}
		for _, x := range f.Findings {
			props := []string{"file=" + escapeProperty(f.Path)}
			msg := x.Message
			if isPaged(f.Format) {
				msg = where(lang, f.Format, x) + ": " + x.Message
				if x.Claim != "" {
					msg += "\n" + oneLine(x.Claim)
				}
			} else {
				props = append(props,
					fmt.Sprintf("line=%d", x.Line), fmt.Sprintf("col=%d", x.Column),
					fmt.Sprintf("endLine=%d", max(x.EndLine, x.Line)), fmt.Sprintf("endColumn=%d", x.EndColumn))
			}
			props = append(props, "title="+escapeProperty(x.Rule))
			if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubLevel(x.Severity), strings.Join(props, ","), escapeData(msg)); err != nil {
				return err
			}
		}
	}
	return nil
}

func githubLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a command's message as the Actions toolkit does
// (@actions/core escapeData): % first, then CR and LF.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty additionally escapes the separators of the property list
// (toolkit escapeProperty): a colon would end the properties, a comma would
// start a new one.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}
