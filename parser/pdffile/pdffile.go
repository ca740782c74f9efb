// Package pdffile reads the text layer of a PDF report.
package pdffile

import (
	"errors"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Read returns the pages of a PDF as positioned lines. (Stub until the PDF reader lands.)
func Read(data []byte) (*doc.Raw, error) {
	return nil, errors.New("PDF reading is not available yet")
}
