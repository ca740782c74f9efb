package pdffile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedContentPDF writes a PDF whose pages all draw the same content
// stream, the shape of a decompression bomb reused by every page.
func sharedContentPDF(pages int, content string) []byte {
	stream := deflate(content)
	var kids []string
	for i := 0; i < pages; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 5+i))
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages),
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	for i := 0; i < pages; i++ {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
	}
	return writePDF(objs, "")
}

// A few KB whose 40 pages each run the same 1.5M operators: the document's
// work budget, which grows with the input size, stops it after a few pages
// (this made fuzzing crawl: one such input cost seconds).
func TestSharedBombStopsEarly(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (kept) Tj ET\n" + strings.Repeat("q Q ", 750_000)
	data := sharedContentPDF(40, content)
	require.Less(t, len(data), 64<<10)
	raw, err := Read(data)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(raw.Warnings, "\n"), "work budget exceeded")
	assert.Contains(t, raw.Source, "kept")
	assert.Less(t, strings.Count(raw.Source, "kept"), 10, "pages read")
}

// A real report stays far inside the budget: every page is read.
func TestRealReportWithinWorkBudget(t *testing.T) {
	raw := readFile(t, "testdata/sh-putuo-wanli-street-2024-budget.pdf")
	for _, w := range raw.Warnings {
		assert.NotContains(t, w, "budget")
	}
}
