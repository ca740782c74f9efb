package pdffile

import (
	"fmt"
	"testing"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// A dense page: thousands of alternating label and figure lines, each
// mirrored by its neighbours, under thousands of rules. Row bands stay
// near-linear in the lines (go test -bench RowBands ./parser/pdffile).
func BenchmarkRowBandsDense(b *testing.B) {
	const n = 4000
	mk := func() []*pline {
		ls := make([]*pline, n)
		for i := range ls {
			y := float64(i) * 3
			l := &pline{y: y, size: 10, x0: 50, x1: 200}
			if i%2 == 0 {
				l.segs = []doc.Segment{{Text: "标签文字", X0: 50, X1: 90}}
			} else {
				l.x1 = 400
				l.segs = []doc.Segment{{Text: fmt.Sprintf("%d.00", i), X0: 300, X1: 340}, {Text: "1.00", X0: 360, X1: 400}}
			}
			ls[i] = l
		}
		return ls
	}
	hr := make([]hrule, n)
	for i := range hr {
		hr[i] = hrule{y: float64(i)*3 + 1.5, x0: 40, x1: 420}
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ls := mk()
		b.StartTimer()
		rowBands(ls, hr, 1)
	}
}
