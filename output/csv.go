package output

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

func init() {
	Register("csv", CSV)
	Register("csv-files", CSVFiles)
}

// csvHeader names the columns (in English they are the JSON field names,
// so one vocabulary serves both; in Chinese, the words a spreadsheet user
// reads).
var csvHeader = []string{"path", "format", "page", "line", "column", "end_line", "end_column",
	"severity", "rule", "message", "claim", "stated", "expected", "context", "fingerprint"}

// CSV writes one row per finding, UTF-8 with a BOM: without it Excel and
// WPS open the file as the local code page and the Chinese turns to mojibake.
// A file that could not be read, or was not checked, is one row with an
// empty rule and the reason as its message, so the sheet accounts for
// every file. The per-file summary is a format of its own (csv-files): a
// CSV file holds one table, and a second table appended as a "section"
// would break sorting and filtering in the spreadsheet and every CSV
// reader.
func CSV(w io.Writer, r *Run) error {
	lang := r.lang()
	cw, err := newCSV(w, lang, csvHeader)
	if err != nil {
		return err
	}
	for _, f := range r.Files {
		if f.Status() != "checked" {
			row := make([]string, len(csvHeader))
			row[0], row[1] = cell(f.Path), f.Format
			if f.Error != "" {
				row[7], row[9] = "error", cell(statusText(lang, "cannot read", r.say(firstLine(f.Error))))
			} else {
				row[7], row[9] = "info", cell(statusText(lang, "not checked", r.say(f.NotChecked)))
			}
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

// csvFilesHeader: one row per file, checked or not.
var csvFilesHeader = []string{"path", "format", "status", "reason", "errors", "warnings", "infos", "findings",
	"figures", "claims", "decided", "skipped", "tables_checked", "tables_skipped"}

// CSVFiles writes the per-file summary: one row per file, checked or not,
// with its status, the reason it was not checked, counts by severity and
// its coverage. It is what a bureau sorts to see which districts need work.
func CSVFiles(w io.Writer, r *Run) error {
	lang := r.lang()
	cw, err := newCSV(w, lang, csvFilesHeader)
	if err != nil {
		return err
	}
	for _, f := range r.Files {
		var e, wn, in int
		for _, x := range f.Findings {
			switch x.Severity {
			case "error":
				e++
			case "warning":
				wn++
			default:
				in++
			}
		}
		status := f.Status()
		if status == "checked" && len(f.Findings) == 0 {
			status = "clean"
		}
		reason := ""
		switch {
		case f.Error != "":
			reason = r.say(firstLine(f.Error))
		case f.NotChecked != "":
			reason = r.say(f.NotChecked)
		}
		row := []string{cell(f.Path), f.Format, T(lang, "status."+status), cell(reason),
			strconv.Itoa(e), strconv.Itoa(wn), strconv.Itoa(in), strconv.Itoa(len(f.Findings))}
		if c := f.Coverage; c != nil {
			row = append(row, strconv.Itoa(c.Figures), strconv.Itoa(c.Claims), strconv.Itoa(c.Decided), strconv.Itoa(c.Skipped),
				strconv.Itoa(c.Tables.Checked), strconv.Itoa(c.Tables.Skipped))
		} else {
			row = append(row, "", "", "", "", "", "")
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// newCSV writes the BOM and the header in lang.
func newCSV(w io.Writer, lang string, header []string) (*csv.Writer, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what spreadsheet programs write and expect
	h := make([]string, len(header))
	for i, k := range header {
		h[i] = T(lang, "col."+k)
	}
	return cw, cw.Write(h)
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
