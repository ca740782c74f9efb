package output

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

func init() { Register("csv", CSV) }

// csvHeader names the columns; they follow the JSON field names so one
// vocabulary serves both.
var csvHeader = []string{"path", "format", "page", "line", "column", "end_line", "end_column",
	"severity", "rule", "message", "claim", "stated", "expected", "context", "fingerprint"}

// CSV writes one row per finding, UTF-8 with a BOM: without it Excel and
// WPS open the file as the local code page and the Chinese turns to mojibake.
// An unreadable file is one row with severity error and an empty rule.
func CSV(w io.Writer, r *Run) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what spreadsheet programs write and expect
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, f := range r.Files {
		if f.Error != "" {
			row := make([]string, len(csvHeader))
			row[0], row[1], row[7], row[9] = cell(f.Path), f.Format, "error", cell("cannot read: "+firstLine(f.Error))
			if err := cw.Write(row); err != nil {
				return err
			}
			continue
		}
		for _, x := range f.Findings {
			page := ""
			if x.Page > 0 {
				page = strconv.Itoa(x.Page)
			}
			row := []string{cell(f.Path), f.Format, page, strconv.Itoa(x.Line), strconv.Itoa(x.Column),
				strconv.Itoa(x.EndLine), strconv.Itoa(x.EndColumn), string(x.Severity), x.Rule,
				cell(x.Message), cell(oneLine(x.Claim)), cell(x.Stated), cell(x.Expected), cell(x.Context),
				Fingerprint(f.Path, x)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell defuses spreadsheet formulas: a claim copied from a hostile page that
// starts with = + @ would run as a formula when the CSV is opened. A leading
// minus is left alone when a digit follows (negative figures are common).
func cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if len(s) == 1 || !strings.ContainsRune("0123456789.", rune(s[1])) {
			return "'" + s
		}
	}
	return s
}
