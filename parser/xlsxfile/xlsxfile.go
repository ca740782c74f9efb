// Package xlsxfile reads workbooks saved as .xlsx or .xlsm (Excel, WPS),
// the form budget attachment tables are often published in. Each visible
// worksheet is one page of the document; row r of the sheet is line r of
// its page, its cells joined by tabs, so a finding's PAGE:LINE names the
// sheet tab and the row. A sheet's table (what its print area shows,
// hidden rows and columns left out, merged cells spanning rows and
// columns) becomes a grid as an HTML table does, and its title and unit
// rows become paragraphs before it, so the table checks and the narrative
// rules read it as they read any other report.
//
// Figures are read as the sheet displays them: excelize applies each
// cell's number format to the stored value (or the cached result of a
// formula), so 1,234.50 and 15.3% come out as printed; this package only
// ever handles the text.
package xlsxfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Format names documents read from a workbook.
const Format doc.Format = "xlsx"

// Limits on what a workbook may cost. The largest real attachment tables
// unpack to a few MB of XML; a zip bomb declares (or hides) gigabytes.
const (
	maxUnzipBytes = 256 << 20 // all parts together, uncompressed
	maxEntries    = 10000     // archive members
	maxRows       = 1 << 20   // Excel's own limit: a sheet claiming more is broken
	maxCells      = 1 << 22   // places a sheet's merged ranges may cover
)

// ErrNotXLSX says the bytes are not a workbook this package can read.
var ErrNotXLSX = errors.New("not an XLSX file")

// oleMagic starts a Compound File: a legacy .xls or .et, or an .xlsx
// encrypted with a password (Office wraps those in one).
var oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// Read returns a workbook's visible sheets as pages of lines and their
// tables as grids. A panic inside the third-party reader (malformed input
// does that) becomes an error, so one bad file never stops a run.
func Read(data []byte) (raw *doc.Raw, err error) {
	defer func() {
		if r := recover(); r != nil {
			raw, err = nil, fmt.Errorf("%w (the workbook is damaged: reading it failed: %v)", ErrNotXLSX, r)
		}
	}()
	if err := sniff(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		// the same limit for both keeps every part in memory: no
		// temporary files for large sheets
		UnzipSizeLimit: maxUnzipBytes, UnzipXMLSizeLimit: maxUnzipBytes,
	})
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotXLSX, err)
	}
	defer f.Close()
	wb := &workbook{f: f}
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, fmt.Errorf("%w (no worksheets in the archive: is it a .docx renamed?)", ErrNotXLSX)
	}
	var hidden []string
	for _, name := range names {
		if vis, err := f.GetSheetVisible(name); err == nil && !vis {
			hidden = append(hidden, name)
			continue
		}
		wb.sheets = append(wb.sheets, wb.read(name))
	}
	if len(wb.sheets) == 0 {
		return nil, fmt.Errorf("%w (every sheet is hidden: %s)", ErrNotXLSX, strings.Join(hidden, ", "))
	}
	raw = lay(wb.sheets)
	if len(hidden) > 0 {
		raw.Warnings = append(raw.Warnings, fmt.Sprintf("hidden sheets were not read: %s", strings.Join(hidden, ", ")))
	}
	raw.Warnings = append(raw.Warnings, wb.warnings...)
	return raw, nil
}

// sniff names the usual wrong files before excelize sees them: an
// encrypted workbook, a legacy binary saved under the new name, something
// that is no zip archive, an archive too large to be a report.
func sniff(data []byte) error {
	if bytes.HasPrefix(data, oleMagic) {
		if bytes.Contains(data, utf16("EncryptionInfo")) {
			return fmt.Errorf("%w (the workbook is encrypted with a password: save a copy without one)", ErrNotXLSX)
		}
		return fmt.Errorf("%w (a legacy .xls or .et workbook under an .xlsx name: save it as .xlsx)", ErrNotXLSX)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w (not a zip archive: %v)", ErrNotXLSX, err)
	}
	if len(zr.File) > maxEntries {
		return fmt.Errorf("refusing XLSX: %d archive members (limit %d)", len(zr.File), maxEntries)
	}
	var total uint64
	book := false
	for _, f := range zr.File {
		book = book || strings.HasPrefix(strings.ToLower(f.Name), "xl/")
		total += f.UncompressedSize64
		if total > maxUnzipBytes {
			return fmt.Errorf("refusing XLSX: its parts unpack to more than %d MB", maxUnzipBytes>>20)
		}
	}
	if !book {
		return fmt.Errorf("%w (no worksheets in the archive: is it a .docx renamed?)", ErrNotXLSX)
	}
	return nil
}

// utf16 encodes an ASCII name as the UTF-16LE a Compound File directory
// stores stream names in.
func utf16(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}
