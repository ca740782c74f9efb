package pdffile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/pdffile"
	"github.com/budgetlint/budgetlint/rules"
)

func parsePDF(t *testing.T, data []byte) *doc.Document {
	t.Helper()
	d, err := parser.Parse("t.pdf", doc.FormatPDF, data)
	require.NoError(t, err)
	require.NotNil(t, d.Geometry)
	return d
}

// box is where a run of glyphs stands on the displayed page (y down).
type box struct{ x0, y0, x1, y1 float64 }

// covers: the rectangle holds the glyph box, and is not much larger (a
// rectangle twice the claim's width would outline its neighbours too).
func covers(t *testing.T, r doc.Rect, g box, msg string) {
	t.Helper()
	assert.LessOrEqual(t, r.X0, g.x0+0.01, msg)
	assert.GreaterOrEqual(t, r.X1, g.x1-0.01, msg)
	assert.LessOrEqual(t, r.Y0, g.y0, msg)
	assert.GreaterOrEqual(t, r.Y1, g.y1, msg)
	assert.Less(t, (r.X1-r.X0)-(g.x1-g.x0), 0.5, msg+": too wide")
	assert.Less(t, (r.Y1-r.Y0)-(g.y1-g.y0), 0.5*(g.y1-g.y0), msg+": too tall")
}

// glyphs is the box of s drawn at (x, y) user space after prefix, on an
// unrotated A4 page: from the baseline up a full em (CJK glyphs fill it).
func glyphs(x, y, size float64, prefix, s string) box {
	x0 := x + pdffile.Advance(prefix, size)
	return box{x0, 842 - y - 0.88*size, x0 + pdffile.Advance(s, size), 842 - y + 0.12*size}
}

// A change claim wrapped over two lines is outlined by one rectangle per
// line, each covering exactly the claim's glyphs on that line.
func TestClaimRectsCoverGlyphs(t *testing.T) {
	l1 := "2024年，收入预算15621.11万元，比2023年预算减少"
	l2 := "876.75万元；事业收入0.00万元。"
	data := pdffile.MakeCJKPDF(pdffile.Page{Content: strings.Join([]string{
		pdffile.Text(72, 760, 14, "部门预算编制说明"),
		pdffile.Text(72, 700, 10, l1),
		pdffile.Text(72, 686, 10, l2),
	}, "\n")})
	d := parsePDF(t, data)
	set, err := rules.Default()
	require.NoError(t, err)
	cs := claims.Extract(d, claims.Vocabulary(set.Vocabulary))
	var ch *claims.Change
	for _, c := range cs.Changes {
		if strings.Contains(c.Block.TextRange(c.Start, c.End), "减少876.75") {
			ch = c
		}
	}
	require.NotNil(t, ch, "the change claim is read across the wrap")
	text := ch.Block.TextRange(ch.Start, ch.End)
	require.True(t, strings.HasSuffix(text, "减少876.75万元"), text)
	rs := d.Rects(ch.Block, ch.Start, ch.End)
	require.Len(t, rs, 2)
	// the claim starts somewhere on line 1 and ends with 减少; it goes on
	// at the start of line 2 up to 万元
	first := strings.TrimSuffix(text, "876.75万元")
	at := strings.Index(l1, first)
	require.GreaterOrEqual(t, at, 0)
	covers(t, rs[0], glyphs(72, 700, 10, l1[:at], first), "line 1")
	covers(t, rs[1], glyphs(72, 686, 10, "", "876.75万元"), "line 2")
	for _, r := range rs {
		assert.Equal(t, 1, r.Page)
	}
	// the same rectangles from source offsets, as a finding's place gives them
	s, e := ch.Block.SourceSpan(ch.Start, ch.End)
	assert.Equal(t, rs, d.SourceRects(s, e))
}

// A table cell's rectangle covers the figure only, not the gap the
// reader filled with a space.
func TestFigureRectInRow(t *testing.T) {
	data := pdffile.MakeCJKPDF(pdffile.Page{Content: strings.Join([]string{
		pdffile.Text(72, 700, 10, "一般公共服务支出"),
		pdffile.Text(300, 700, 10, "2,940.05"),
	}, "\n")})
	d := parsePDF(t, data)
	src := d.Source.Text()
	i := strings.Index(src, "一般公共服务支出 2,940.05")
	require.GreaterOrEqual(t, i, 0, src)
	start := len([]rune(src[:i]))
	// the whole line: label, gap, figure
	rs := d.SourceRects(start, start+len([]rune("一般公共服务支出 2,940.05")))
	require.Len(t, rs, 1)
	covers(t, rs[0], box{72, 842 - 700 - 8.8, 300 + pdffile.Advance("2,940.05", 10), 842 - 700 + 1.2}, "row")
	// the space and the figure: the gap is left out
	fig := start + len([]rune("一般公共服务支出"))
	rs = d.SourceRects(fig, fig+len([]rune(" 2,940.05")))
	require.Len(t, rs, 1)
	covers(t, rs[0], glyphs(300, 700, 10, "", "2,940.05"), "figure")
}

// On a page turned for display (/Rotate 90) the rectangles are in the
// displayed page's frame, and UserRect takes them back to where the
// glyphs were drawn.
func TestRectsOnRotatedPage(t *testing.T) {
	// drawn running up the page in user space, so that it reads left to
	// right once the page is turned a quarter clockwise
	content := "BT /F1 10 Tf 0 1 -1 0 100 500 Tm <" + hexOf("收入合计100.00") + "> Tj ET"
	d := parsePDF(t, pdffile.MakeCJKPDF(pdffile.Page{Content: content, Rotate: 90}))
	src := d.Source.Text()
	require.Equal(t, "收入合计100.00", strings.TrimSpace(src))
	rs := d.SourceRects(0, len([]rune(src)))
	require.Len(t, rs, 1)
	pb := d.Geometry.Pages[0]
	assert.InDelta(t, 842, pb.Width(), 0.01)
	adv := pdffile.Advance("收入合计100.00", 10)
	// displayed: a line across the turned page, taller than wide it is not
	assert.Greater(t, rs[0].X1-rs[0].X0, rs[0].Y1-rs[0].Y0)
	u := pb.UserRect(rs[0])
	// in user space the glyphs run up from y=500, their tops towards x=90
	assert.InDelta(t, 500, u[1], 0.01)
	assert.InDelta(t, 500+adv, u[3], 0.01)
	assert.LessOrEqual(t, u[0], 100-8.8)
	assert.GreaterOrEqual(t, u[2], 100+1.2)
	assert.Less(t, u[2]-u[0], 12.0)
}

func hexOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}
