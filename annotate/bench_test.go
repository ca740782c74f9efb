package annotate_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/budgetlint/budgetlint/annotate"
	"github.com/budgetlint/budgetlint/internal/pdftest"
)

// A 200-page report with 100 findings, each over two lines: the whole
// update (reading the cross-reference sections and page tree, writing 300
// objects and the new section) is a few milliseconds.
func BenchmarkWrite200Pages100Findings(b *testing.B) {
	for _, opt := range []pdftest.Options{{}, {Streams: true}} {
		pages := make([]pdftest.Page, 200)
		for i := range pages {
			var lines []string
			for k := 0; k < 30; k++ {
				lines = append(lines, fmt.Sprintf("Line %d of page %d: income 157.60, spending 154.25, share 97.87%%.", k+1, i+1))
			}
			pages[i] = pdftest.Lines(lines...)
		}
		data := pdftest.Write(pages, opt)
		marks := make([]annotate.Mark, 100)
		for i := range marks {
			y := 60 + float64(i%25)*20
			marks[i] = annotate.Mark{
				Page:  1 + i*2,
				Rects: []annotate.Rect{{X0: 200, Y0: y, X1: 400, Y1: y + 12}, {X0: 72, Y0: y + 20, X1: 300, Y1: y + 32}},
				Color: annotate.Red, Author: "budgetlint", Subject: "share-mismatch",
				Contents: "错误 · share-mismatch\n占比所述99.35%，按数字应为97.87%（154.25 / 157.60 本年支出合计）",
			}
		}
		name := "xref-table"
		if opt.Streams {
			name = "xref-stream"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				res, err := annotate.Write(io.Discard, data, marks, annotate.Options{Pages: 200})
				if err != nil || res.Annotations != 100 {
					b.Fatal(err, res)
				}
			}
		})
	}
}
