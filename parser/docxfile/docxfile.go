// Package docxfile reads paragraphs and tables of a .docx report.
package docxfile

import (
	"errors"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Read returns the paragraphs of a DOCX file as lines. (Stub until the DOCX reader lands.)
func Read(data []byte) (*doc.Raw, error) {
	return nil, errors.New("DOCX reading is not available yet")
}
