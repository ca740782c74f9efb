package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetlint/budgetlint/annotate"
	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

func init() { RegisterDir("annotated", Annotated) }

// DirPrinter writes a run into a folder; log receives one line per file it
// could not write, and why.
type DirPrinter func(dir string, r *Run, log io.Writer) error

var dirPrinters = map[string]DirPrinter{}

// RegisterDir adds a format that writes into a folder (NAME=DIR).
func RegisterDir(name string, p DirPrinter) { dirPrinters[name] = p }

// LookupDir finds a folder format by name.
func LookupDir(name string) (DirPrinter, bool) {
	p, ok := dirPrinters[name]
	return p, ok
}

// NeedsView reports whether a format draws from FileResult.View, so that
// runs without it do not capture views.
func NeedsView(name string) bool { return name == "html" || name == "annotated" }

// Annotated writes, for every PDF with findings, a copy in dir with each
// finding highlighted over its glyphs and its note in a popup. The copy is
// the original file with an incremental update appended: the original
// bytes, and any signature over them, are intact. Copies keep the file's
// path below the folder the checked files have in common, so reports of
// several districts that share a file name do not overwrite each other.
func Annotated(dir string, r *Run, log io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var todo []*FileResult
	var paths []string
	for i := range r.Files {
		f := &r.Files[i]
		if f.Format != string(doc.FormatPDF) || f.Error != "" || len(f.Findings) == 0 {
			continue
		}
		todo = append(todo, f)
		paths = append(paths, f.Path)
	}
	names := outputNames(paths)
	for i, f := range todo {
		if err := annotateFile(filepath.Join(dir, names[i]), f, r.lang()); err != nil {
			fmt.Fprintf(log, "budgetlint: annotated copy of %s not written: %v\n", f.Path, err)
		}
	}
	return nil
}

func annotateFile(out string, f *FileResult, lang string) error {
	if f.View == nil {
		return fmt.Errorf("no page geometry was captured")
	}
	if same(out, f.Path) {
		return fmt.Errorf("the copy would replace the original (%s): choose another folder", out)
	}
	data, err := os.ReadFile(f.Path)
	if err != nil {
		return err
	}
	marks := Marks(f, lang)
	var buf bytes.Buffer
	if _, err := annotate.Write(&buf, data, marks, annotate.Options{Pages: f.View.PageCount}); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// outputNames gives each path its name below the output folder: the path
// relative to the folder all of them are in.
func outputNames(paths []string) []string {
	abs := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			a = filepath.Clean(p)
		}
		abs[i] = a
	}
	common := ""
	for i, a := range abs {
		d := filepath.Dir(a)
		if i == 0 {
			common = d
			continue
		}
		for common != filepath.Dir(common) && !within(d, common) {
			common = filepath.Dir(common)
		}
	}
	out := make([]string, len(abs))
	for i, a := range abs {
		rel, err := filepath.Rel(common, a)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = filepath.Base(a)
		}
		out[i] = rel
	}
	return out
}

// within: d is folder c or below it.
func within(d, c string) bool {
	return d == c || strings.HasPrefix(d, strings.TrimSuffix(c, string(filepath.Separator))+string(filepath.Separator))
}

func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}

// Marks turns a PDF's findings into annotation marks: the claim in its
// severity's colour, each related place in blue, and a note on the page
// for findings without a place.
func Marks(f *FileResult, lang string) []annotate.Mark {
	var marks []annotate.Mark
	for _, x := range f.Findings {
		m := f.View.Mark(x)
		note := noteText(x, lang)
		placed := false
		if m != nil {
			for _, s := range m.Spots {
				for _, pg := range rectPages(s.Rects) {
					mk := annotate.Mark{Page: pg, Rects: rectsOn(s.Rects, pg), Color: severityColor(x.Severity), Author: "budgetlint", Subject: x.Rule, Contents: note}
					if s.Related {
						mk.Color = annotate.Blue
						mk.Contents = relatedText(s.Note, x, lang)
					} else {
						placed = true
					}
					marks = append(marks, mk)
				}
			}
		}
		if !placed {
			// no glyphs to cover: a note on the finding's page
			marks = append(marks, annotate.Mark{Page: max(x.Page, 1), Color: severityColor(x.Severity), Author: "budgetlint", Subject: x.Rule, Contents: note})
		}
	}
	return marks
}

func rectPages(rs []doc.Rect) []int {
	var out []int
	for _, r := range rs {
		if len(out) == 0 || out[len(out)-1] != r.Page {
			out = append(out, r.Page)
		}
	}
	return out
}

func rectsOn(rs []doc.Rect, page int) []annotate.Rect {
	var out []annotate.Rect
	for _, r := range rs {
		if r.Page == page {
			out = append(out, annotate.Rect{X0: r.X0, Y0: r.Y0, X1: r.X1, Y1: r.Y1})
		}
	}
	return out
}

func severityColor(s rules.Severity) annotate.Color {
	switch s {
	case rules.Error:
		return annotate.Red
	case rules.Warning:
		return annotate.Amber
	}
	return annotate.Blue
}

// noteLabels are the words of a note, by language.
var noteLabels = map[string]map[string]string{
	"zh": {"error": "错误", "warning": "警告", "info": "提示", "stated": "所述", "expected": "应为", "claim": "原文", "context": "依据", "related": "相关位置", "of": "所涉问题"},
	"en": {"error": "error", "warning": "warning", "info": "info", "stated": "stated", "expected": "expected", "claim": "text", "context": "context", "related": "related place", "of": "for the finding"},
}

func labels(lang string) map[string]string {
	if l, ok := noteLabels[lang]; ok {
		return l
	}
	return noteLabels["zh"]
}

// noteText is the popup's text: severity and rule, the message, the stated
// and expected figures, the claim as printed.
func noteText(x checks.Finding, lang string) string {
	l := labels(lang)
	sev := l[string(x.Severity)]
	if sev == "" {
		sev = string(x.Severity)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s\n%s", sev, x.Rule, x.Message)
	if x.Stated != "" {
		fmt.Fprintf(&b, "\n%s：%s", l["stated"], x.Stated)
	}
	if x.Expected != "" {
		fmt.Fprintf(&b, "\n%s：%s", l["expected"], x.Expected)
	}
	if c := oneLine(x.Claim); c != "" {
		fmt.Fprintf(&b, "\n%s：%s", l["claim"], c)
	}
	if x.Context != "" {
		fmt.Fprintf(&b, "\n%s：%s", l["context"], oneLine(x.Context))
	}
	return b.String()
}

func relatedText(note string, x checks.Finding, lang string) string {
	l := labels(lang)
	head := l["related"]
	if note != "" {
		head += "（" + note + "）"
	}
	return fmt.Sprintf("%s\n%s：%s · %s", head, l["of"], x.Rule, x.Message)
}
