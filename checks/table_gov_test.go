package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// pdfRow is one PDF line: its runs of text and where each starts and ends.
type pdfRow []struct {
	text   string
	x0, x1 float64
}

// pdfDoc builds a one-page PDF document from lines with geometry, so the
// tables are read from the positions of their cells.
func pdfDoc(t *testing.T, rows ...pdfRow) *doc.Document {
	t.Helper()
	raw := &doc.Raw{Format: doc.FormatPDF, PageLines: true}
	var src strings.Builder
	for i, r := range rows {
		var text strings.Builder
		l := doc.Line{Page: 1, Geo: &doc.LineGeo{Y: float64(100 + 20*i)}}
		for k, s := range r {
			if k > 0 {
				text.WriteString(" ")
			}
			l.Geo.Segments = append(l.Geo.Segments, doc.Segment{Text: s.text, Start: len([]rune(text.String())), X0: s.x0, X1: s.x1})
			text.WriteString(s.text)
		}
		l.Text = text.String()
		off := len([]rune(src.String()))
		for k := range []rune(l.Text) {
			l.Pos.Append(off + k)
		}
		src.WriteString(l.Text + "\n")
		raw.Lines = append(raw.Lines, l)
	}
	raw.Source = src.String()
	return parser.Build("gov.pdf", raw)
}

func row(cells ...any) pdfRow {
	var r pdfRow
	for i := 0; i+2 < len(cells)+1; i += 3 {
		r = append(r, struct {
			text   string
			x0, x1 float64
		}{cells[i].(string), float64(cells[i+1].(int)), float64(cells[i+2].(int))})
	}
	return r
}

func hierarchyFindings(t *testing.T, rows ...pdfRow) []Finding {
	t.Helper()
	fs, _ := tableEngine(t).Run(pdfDoc(t, rows...))
	return rulesOf(fs, "table-hierarchy")
}

var govHead = []pdfRow{
	row("2024年省本级一般公共预算支出决算表", 100, 400),
	row("单位：万元", 450, 500),
	row("项目", 100, 130, "预算数", 300, 340, "决算数", 400, 440),
}

// A table without codes nests 款 and 项 by indenting their names: the
// heading is the sum of its 款, not of every row below it.
func TestGovHierarchyByIndent(t *testing.T) {
	rows := append(append([]pdfRow{}, govHead...),
		row("一、一般公共服务支出", 60, 170, "130", 315, 340, "125", 415, 440),
		row("人大事务", 80, 130, "100", 315, 340, "95", 420, 440),
		row("行政运行", 95, 145, "60", 320, 340, "55", 420, 440),
		row("一般行政管理事务", 95, 190, "40", 320, 340, "40", 420, 440),
		row("政协事务", 80, 130, "30", 320, 340, "30", 420, 440),
		row("行政运行", 95, 145, "30", 320, 340, "30", 420, 440),
	)
	assert.Empty(t, hierarchyFindings(t, rows...), "一、 = 100 + 30 by its 款; 人大事务 = 60 + 40")

	// the same rows with a 项 above its 款: reported against the 款
	bad := append([]pdfRow{}, rows...)
	bad[len(bad)-3] = row("一般行政管理事务", 95, 190, "50", 320, 340, "40", 420, 440)
	fs := hierarchyFindings(t, bad...)
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "人大事务 (预算数) stated 100, rows give 110")
}

// Names centred in their cell start further right when short: that is
// alignment, not nesting, and the heading still holds with all of them.
func TestGovHierarchyCentredNames(t *testing.T) {
	rows := append(append([]pdfRow{}, govHead...),
		row("一、税收收入", 71, 137, "300", 315, 340, "296", 415, 440),
		row("增值税", 104, 137, "110", 315, 340, "113", 415, 440),
		row("企业所得税", 93, 148, "90", 320, 340, "88", 420, 440),
		row("资源税", 104, 137, "40", 320, 340, "39", 420, 440),
		row("城市维护建设税", 93, 170, "60", 320, 340, "56", 420, 440),
	)
	assert.Empty(t, hierarchyFindings(t, rows...))
}

// A government table may leave items out under a heading (confidential
// ones): rows short of their heading are no finding; rows above it are.
func TestGovHierarchyPartialRows(t *testing.T) {
	short := append(append([]pdfRow{}, govHead...),
		row("一、公共安全支出", 60, 150, "600", 315, 340, "668", 415, 440),
		row("（一）公安", 70, 130, "500", 315, 340, "560", 415, 440),
		row("（二）司法", 70, 130, "40", 320, 340, "40", 420, 440),
	)
	assert.Empty(t, hierarchyFindings(t, short...))
	over := append(append([]pdfRow{}, govHead...),
		row("一、公共安全支出", 60, 150, "600", 315, 340, "668", 415, 440),
		row("（一）公安", 70, 130, "500", 315, 340, "660", 415, 440),
		row("（二）司法", 70, 130, "40", 320, 340, "40", 420, 440),
	)
	fs := hierarchyFindings(t, over...)
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "一、公共安全支出 (执行数) stated 668, rows give 700")
}

// A budget printed below zero (a clawback) gives a completion rate over a
// negative base: 100.0 for −850 / −850 against the adjusted budget. The
// rate may be that reading, so the initial budget's alone does not
// contradict the row; a rate no reading over a positive base allows, in a
// row whose bases are all positive, still does.
func TestGovRateNegativeBase(t *testing.T) {
	head := []pdfRow{
		row("2024年省本级一般公共预算支出决算表", 100, 400),
		row("单位：万元", 450, 500),
		row("项目", 100, 130, "年初预算数", 250, 300, "调整预算数", 320, 370, "决算数", 390, 430, "完成预算%", 450, 500),
	}
	rates := func(rows ...pdfRow) []Finding {
		fs, _ := tableEngine(t).Run(pdfDoc(t, append(append([]pdfRow{}, head...), rows...)...))
		return rulesOf(fs, "table-columns")
	}
	assert.Empty(t, rates(row("其他商贸事务支出", 60, 170, "426", 280, 300, "-850", 345, 370, "-850", 405, 430, "100.0", 470, 500)))
	fs := rates(row("其他商贸事务支出", 60, 170, "426", 280, 300, "400", 350, 370, "380", 405, 430, "100.0", 470, 500))
	require.Len(t, fs, 1)
}

// A growth column printing the ratio to last year (43.5 for a fall of
// 56.5%) gives a loose reading that confirms 下降56.5%; a column printing
// a fall (−12.0) gives none.
func TestRatioUnderGrowth(t *testing.T) {
	v := func(s string) *tables.Value {
		d, ok := num.ParseDecimal(s)
		require.True(t, ok)
		return &tables.Value{D: d}
	}
	r, ok := ratioUnderGrowth(tables.Quote{Column: "比上年增长%", Value: v("43.5")})
	require.True(t, ok)
	assert.True(t, r.loose)
	assert.True(t, num.MustDecimal("-56.5").Interval().Meets(r.iv))
	_, ok = ratioUnderGrowth(tables.Quote{Column: "比上年增长%", Value: v("-12.0")})
	assert.False(t, ok)
	_, ok = ratioUnderGrowth(tables.Quote{Column: "为预算%", Value: v("43.5")})
	assert.False(t, ok)
}
