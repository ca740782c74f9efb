package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
)

// A PDF with something repaired or lost is a warning; one whose only flaw
// is bytes after its end was read whole and gets a note, and does not count
// as damaged in the coverage. (Its input is a PDF, so its cases live here
// rather than in a want file.)
func TestDamagedAndTrailing(t *testing.T) {
	tests := []struct {
		name     string
		damage   *doc.Damage
		rule     string // the one finding, "" for none
		severity string
		message  string
		damaged  bool // counted among damaged files' pages
	}{
		{"sound", nil, "", "", "", false},
		{"bytes after the end only", &doc.Damage{PagesRead: 2, PagesDeclared: 2, TrailingBytes: 664},
			"pdf-trailing-data", "info", "664 bytes of unknown data after the PDF's end-of-file marker; nothing else is wrong (2 of 2 pages read)", false},
		{"cut short", &doc.Damage{Problems: []string{"no end-of-file marker (%%EOF): the file is cut short"}, PagesRead: 72},
			"pdf-damaged", "warning", "the file is cut short; 72 pages read; the file does not say how many it has", true},
		{"bytes after the end of a file rebuilt", &doc.Damage{Problems: []string{"cross-reference data rebuilt from 266 objects found in the file",
			"the file declares 30 pages, 28 were found", "12 bytes of unknown data after the end-of-file marker"}, PagesRead: 28, PagesDeclared: 30, TrailingBytes: 12},
			"pdf-damaged", "warning", "28 were found; 12 bytes of unknown data after the end-of-file marker; 28 of 30 pages read", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parser.Parse("report.txt", doc.FormatText, []byte("2025年部门预算\n"))
			require.NoError(t, err)
			d.Damage = tc.damage
			fs, cov := defaultEngine(t).Run(d)
			var got []Finding
			for _, f := range fs {
				if f.Rule == "pdf-damaged" || f.Rule == "pdf-trailing-data" {
					got = append(got, f)
				}
			}
			assert.Equal(t, tc.damaged, cov.Pages != nil)
			if tc.rule == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, tc.rule, got[0].Rule)
			assert.Equal(t, tc.severity, string(got[0].Severity))
			assert.Contains(t, got[0].Message, tc.message)
		})
	}
}
