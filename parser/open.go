// Package parser turns a report file into a document: it picks the reader for
// the file's format, guards against bad input (size limits, panics in
// third-party parsers), and builds blocks and structure from the lines the
// reader returns.
package parser

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/docxfile"
	"github.com/budgetlint/budgetlint/parser/htmlfile"
	"github.com/budgetlint/budgetlint/parser/pdffile"
	"github.com/budgetlint/budgetlint/parser/tables"
	"github.com/budgetlint/budgetlint/parser/textfile"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
)

// Limits bound what one file may cost.
type Limits struct {
	MaxTextBytes int64 // .txt, .html
	MaxPDFBytes  int64
	MaxDOCXBytes int64 // .docx, and .xlsx workbooks: both zip archives of XML
}

// DefaultLimits are generous for real reports (the largest corpus text is
// 0.5 MB, the largest PDF 4 MB) and keep a batch's memory bounded.
var DefaultLimits = Limits{MaxTextBytes: 16 << 20, MaxPDFBytes: 256 << 20, MaxDOCXBytes: 64 << 20}

// ErrUnsupported is returned for file types budgetlint does not read.
var ErrUnsupported = errors.New("unsupported file type")

// FormatOf picks a format from the file name, or "" when it is not a report type.
func FormatOf(path string) doc.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".md":
		return doc.FormatText
	case ".html", ".htm", ".xhtml", ".jsp", ".shtml":
		return doc.FormatHTML
	case ".pdf":
		return doc.FormatPDF
	case ".docx":
		return doc.FormatDOCX
	case ".xlsx", ".xlsm":
		return xlsxfile.Format
	}
	return ""
}

// Open reads and parses one file. It never panics: a panic inside a reader
// (third-party parsers do panic on malformed input) becomes an error.
func Open(path string, lim Limits) (d *doc.Document, err error) { return OpenWith(path, lim, nil) }

// OpenWith is Open reading tables with a rule set's table templates (nil:
// the embedded pack's), so a template a user's rule file adds is read too.
func OpenWith(path string, lim Limits, cat *tables.Catalog) (d *doc.Document, err error) {
	format := FormatOf(path)
	if format == "" {
		return nil, fmt.Errorf("%w (%s)", ErrUnsupported, filepath.Ext(path))
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	max := lim.MaxTextBytes
	switch format {
	case doc.FormatPDF:
		max = lim.MaxPDFBytes
	case doc.FormatDOCX, xlsxfile.Format:
		max = lim.MaxDOCXBytes
	}
	if max > 0 && fi.Size() > max {
		return nil, fmt.Errorf("file too large (%s, limit %s)", human(fi.Size()), human(max))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseWith(path, format, data, cat)
}

// Parse parses bytes already read, as Open does after reading.
func Parse(path string, format doc.Format, data []byte) (d *doc.Document, err error) {
	return ParseWith(path, format, data, nil)
}

// ParseWith is Parse reading tables with the given templates (nil: the
// embedded pack's).
func ParseWith(path string, format doc.Format, data []byte, cat *tables.Catalog) (d *doc.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("internal error reading %s file: %v\n%s", format, r, firstFrames(debug.Stack()))
		}
	}()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("empty file")
	}
	var raw *doc.Raw
	switch format {
	case doc.FormatText:
		raw, err = textfile.Read(data)
	case doc.FormatHTML:
		raw, err = htmlfile.Read(data)
	case doc.FormatPDF:
		raw, err = pdffile.Read(data)
	case doc.FormatDOCX:
		raw, err = docxfile.Read(data)
	case xlsxfile.Format:
		raw, err = xlsxfile.Read(data)
	default:
		return nil, ErrUnsupported
	}
	if err != nil {
		return nil, err
	}
	raw.Format = format
	return BuildWith(path, raw, cat), nil
}

func human(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// firstFrames keeps a panic report short enough for one error line's detail.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}
