// Package docxfile reads reviewers' drafts saved as .docx (Word, WPS): the
// paragraphs and tables of word/document.xml, read with archive/zip and
// encoding/xml. Each paragraph is one line of the source, so a finding's
// line is the paragraph number (counting table-cell paragraphs), unless the
// file carries rendered page breaks, in which case pages are form-feed
// separated and lines count within the page, as for PDFs.
package docxfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Limits on what a .docx may cost. The largest real draft's document.xml is
// a few MB; a zip bomb declares (or hides) gigabytes behind a few KB.
const (
	maxPartBytes = 64 << 20 // uncompressed word/document.xml
	maxRatio     = 200      // uncompressed / compressed, beyond which it is a bomb
	ratioFloor   = 1 << 20  // small parts may compress well without being bombs
	maxEntries   = 10000    // archive members
)

// ErrNotDOCX says the bytes are not a Word document.
var ErrNotDOCX = errors.New("not a DOCX file")

const documentPart = "word/document.xml"

// Read returns the paragraphs of a DOCX file as lines and its tables as grids.
func Read(data []byte) (*doc.Raw, error) {
	xmlData, err := readPart(data, documentPart)
	if err != nil {
		return nil, err
	}
	return parseDocument(xmlData, headingStyles(data))
}

// readPart extracts one member of the archive, refusing zip bombs: the
// declared size and ratio are checked first, and the read itself is capped,
// since a crafted archive can declare a small size and inflate to more.
func readPart(data []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w (not a zip archive: %v)", ErrNotDOCX, err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("refusing DOCX: %d archive members (limit %d)", len(zr.File), maxEntries)
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == name {
			part = f
			break
		}
	}
	if part == nil {
		return nil, fmt.Errorf("%w (no %s in the archive; is it a .doc or .xlsx renamed?)", ErrNotDOCX, name)
	}
	if part.UncompressedSize64 > maxPartBytes {
		return nil, fmt.Errorf("refusing DOCX: %s is %d MB uncompressed (limit %d MB)", name, part.UncompressedSize64>>20, maxPartBytes>>20)
	}
	if part.UncompressedSize64 > ratioFloor && part.UncompressedSize64 > maxRatio*max(part.CompressedSize64, 1) {
		return nil, fmt.Errorf("refusing DOCX: %s expands %d times (limit %d): a zip bomb?", name, part.UncompressedSize64/max(part.CompressedSize64, 1), maxRatio)
	}
	rc, err := part.Open()
	if err != nil {
		return nil, fmt.Errorf("%w (%s: %v)", ErrNotDOCX, name, err)
	}
	defer rc.Close()
	out, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w (%s: %v)", ErrNotDOCX, name, err)
	}
	if len(out) > maxPartBytes {
		return nil, fmt.Errorf("refusing DOCX: %s inflates past %d MB although it declares %d bytes", name, maxPartBytes>>20, part.UncompressedSize64)
	}
	return out, nil
}
