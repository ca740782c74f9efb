package tables

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// A segment holding a split code and a name ("301 01 基本工资": narrow
// digits, wide CJK) puts each token where its glyphs stand when the reader
// kept their positions, not at an even share of the segment's width.
func TestTokenizeUsesGlyphPositions(t *testing.T) {
	text := "301 01 基本工资"
	// digits 5 wide, spaces 3, CJK 10: 301 at 100..115, 01 at 118..128,
	// 基本工资 at 131..171
	var xs []float32
	x := float32(100)
	for _, r := range text {
		xs = append(xs, x)
		switch {
		case r == ' ':
			x += 3
		case r < 128:
			x += 5
		default:
			x += 10
		}
	}
	xs = append(xs, x)
	l := doc.Line{Text: text, Page: 1, Geo: &doc.LineGeo{Segments: []doc.Segment{{Text: text, Start: 0, X0: 100, X1: 171}}, X: xs}}
	for i := range []rune(text) {
		l.Pos.Append(i)
	}
	toks := tokenize([]doc.Line{l}, 0)
	var got [][2]float64
	for _, tk := range toks {
		got = append(got, [2]float64{tk.x0, tk.x1})
	}
	assert.Equal(t, [][2]float64{{100, 115}, {118, 128}, {131, 171}}, got)
}
