// Package htmlfile reads HTML reports.
package htmlfile

import (
	"errors"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Read returns the text of an HTML page as lines. (Stub until the HTML reader lands.)
func Read(data []byte) (*doc.Raw, error) {
	return nil, errors.New("HTML reading is not available yet")
}
