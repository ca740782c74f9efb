package doc

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// User inverts Display for every page turn, on a box not at the origin.
func TestPageBoxUserInvertsDisplay(t *testing.T) {
	for _, rot := range []int{0, 90, 180, 270} {
		p := PageBox{X0: 10, Y0: 20, X1: 605, Y1: 862, Rotate: rot}
		for _, pt := range [][2]float64{{10, 20}, {100, 700}, {605, 862}, {300.5, 41.25}} {
			X, Y := p.Display(pt[0], pt[1])
			assert.GreaterOrEqual(t, X, 0.0, "rot %d", rot)
			assert.LessOrEqual(t, X, p.Width(), "rot %d", rot)
			assert.LessOrEqual(t, Y, p.Height(), "rot %d", rot)
			x, y := p.User(X, Y)
			assert.InDelta(t, pt[0], x, 1e-9, "rot %d", rot)
			assert.InDelta(t, pt[1], y, 1e-9, "rot %d", rot)
		}
	}
}

// A line's runes map to one rectangle per line, the gaps between source
// lines (newlines) left out; an offset on no line gives nothing.
func TestSourceRectsPerLine(t *testing.T) {
	src := "ab\ncd"
	lines := []Line{
		{Text: "ab", Pos: OffsetsOf([]int{0, 1}), Page: 1, Geo: &LineGeo{Y: 100, Size: 10, X: []float32{50, 55, 60}}},
		{Text: "cd", Pos: OffsetsOf([]int{3, 4}), Page: 1, Geo: &LineGeo{Y: 114, Size: 10, X: []float32{50, 56, 62}}},
	}
	d := &Document{Source: NewSource(src, true), Geometry: NewGeometry(lines, []PageBox{{X1: 595, Y1: 842}})}
	rs := d.SourceRects(1, 5)
	assert.Equal(t, []Rect{
		{Page: 1, X0: 55, X1: 60, Y0: 100 - glyphAscent*10, Y1: 100 + glyphDescent*10},
		{Page: 1, X0: 50, X1: 62, Y0: 114 - glyphAscent*10, Y1: 114 + glyphDescent*10},
	}, rs)
	assert.Empty(t, d.SourceRects(2, 3), "the newline stands nowhere")
	assert.Nil(t, (&Document{}).SourceRects(0, 2), "no geometry, no rectangles")
}
