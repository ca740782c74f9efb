package tables

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// pdfLine builds a line the way the PDF reader does: runs of glyphs with
// their x extents; each run here is one cell ending at the given x.
func pdfLine(page int, cells ...any) doc.Line {
	l := doc.Line{Page: page, Geo: &doc.LineGeo{}}
	for i := 0; i < len(cells); i += 2 {
		text, x1 := cells[i].(string), cells[i+1].(float64)
		if l.Text != "" {
			l.Text += " "
		}
		start := len([]rune(l.Text))
		l.Text += text
		w := float64(len([]rune(text))) * 5
		l.Geo.Segments = append(l.Geo.Segments, doc.Segment{Text: text, Start: start, X0: x1 - w, X1: x1})
	}
	for i := range []rune(l.Text) {
		l.Pos.Append(i)
	}
	return l
}

func TestPlaceByX(t *testing.T) {
	raw := &doc.Raw{Format: doc.FormatPDF, Lines: []doc.Line{
		pdfLine(1, "一般公共预算财政拨款支出决算表", 300.0),
		pdfLine(1, "单位：万元", 500.0),
		pdfLine(1, "科目编码", 60.0, "科目名称", 150.0, "合计", 300.0, "基本支出", 400.0, "项目支出", 500.0),
		pdfLine(1, "合计", 150.0, "30.00", 300.0, "20.00", 400.0, "10.00", 500.0),
		pdfLine(1, "201", 60.0, "一般公共服务支出", 150.0, "20.00", 300.0, "20.00", 400.0),
		pdfLine(1, "208", 60.0, "社会保障和就业支出", 150.0, "10.00", 300.0, "10.00", 500.0),
	}}
	ts := Detect(raw)
	require.Len(t, ts, 1)
	s := View(ts[0])
	require.NotNil(t, s)
	var got []string
	for _, r := range s.Rows {
		var vs []string
		for _, v := range r.Vals {
			vs = append(vs, figureText(v))
		}
		got = append(got, r.Code+":"+strings.Join(vs, ","))
		assert.False(t, r.Short, r.Code)
	}
	assert.Equal(t, []string{":30.00,20.00,10.00", "201:20.00,20.00,blank", "208:10.00,blank,10.00"}, got)

	// without positions the same short rows are placed by the identity only
	for i := range raw.Lines {
		raw.Lines[i].Geo = nil
	}
	s = View(Detect(raw)[0])
	r := s.ByCode("208")
	require.NotNil(t, r)
	assert.True(t, r.Short)
	assert.Equal(t, "10.00", figureText(r.Vals[0]))
	assert.Nil(t, r.Vals[1], "基本 or 项目: undecided without positions")
}

func figureText(v *Value) string {
	switch {
	case v == nil:
		return "?"
	case v.Blank:
		return "blank"
	}
	return v.D.String()
}
