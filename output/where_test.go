package output

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

// A place reads the way the file is laid out: a PDF's page and line, a
// DOCX's paragraph, a workbook's sheet tab and row; text locations carry
// the page for every paged format.
func TestWhere(t *testing.T) {
	paged := checks.Finding{Page: 5, Line: 6, Column: 4}
	para := checks.Finding{Line: 12, Column: 1}
	cases := []struct {
		format string
		x      checks.Finding
		en, zh string
		loc    string
	}{
		{"pdf", paged, "page 5, line 6", "第5页第6行", "f:5:6:4"},
		{"xlsx", paged, "sheet 5, row 6", "第5个工作表第6行", "f:5:6:4"},
		{"docx", para, "paragraph 12", "第12段", "f:12:1"},
		{"text", para, "line 12", "第12行", "f:12:1"},
	}
	for _, c := range cases {
		assert.Equal(t, c.en, where(rules.English, c.format, c.x), c.format)
		assert.Equal(t, c.zh, where(rules.Chinese, c.format, c.x), c.format)
		assert.Equal(t, c.loc, Location("f", c.format, c.x.Page, c.x.Line, c.x.Column), c.format)
	}
}
