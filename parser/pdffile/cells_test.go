package pdffile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/pdffile"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// fixRow is a row of a generated 一般公共预算财政拨款支出决算表: a code, a name
// as printed in its cell (one string a line), and three figures.
type fixRow struct {
	code string
	name []string
	vals [3]string
}

// The rows of the fixtures, in the style of a district's final accounts:
// names wrapped over two and three lines in a narrow name column.
var wrappedRows = []fixRow{
	{"208", []string{"社会保障和就", "业支出"}, [3]string{"754.75", "754.75", "0.00"}},
	{"20805", []string{"行政事业单位", "养老支出"}, [3]string{"754.75", "754.75", "0.00"}},
	{"2080505", []string{"机关事业单位", "基本养老保险", "缴费支出"}, [3]string{"446.11", "446.11", "0.00"}},
	{"2080506", []string{"机关事业单位", "职业年金缴费", "支出"}, [3]string{"308.64", "308.64", "0.00"}},
	{"210", []string{"卫生健康支出"}, [3]string{"236.64", "236.64", "0.00"}},
	{"2101101", []string{"行政单位医疗"}, [3]string{"236.64", "236.64", "0.00"}},
}

// Columns of the fixture table (user space x): cell borders, and where
// each column's text starts (code, name) or ends (figures, right-aligned).
var (
	borders  = []float64{60, 130, 220, 320, 410, 500}
	codeX    = 64.0
	nameX    = 150.0
	figRight = []float64{314, 404, 494}
)

const (
	size  = 10.0
	pitch = 12.5 // between the lines of a wrapped name
)

// tableFixture draws the table; ruled draws every cell border. The name
// lines are centred in their row and the code and figures on the row's
// middle. codeAbove moves the code of rows named there up half a line, as
// some producers print it.
func tableFixture(rows []fixRow, ruled bool, codeAbove map[string]bool) string {
	var c []string
	c = append(c, pdffile.Text(180, 790, 14, "一般公共预算财政拨款支出决算表"))
	c = append(c, pdffile.Text(440, 770, size, "单位：万元"))
	top := 750.0
	// header: one row
	c = append(c, pdffile.Text(codeX, top-20, size, "科目编码"), pdffile.Text(nameX, top-20, size, "科目名称"),
		pdffile.Text(figRight[0]-20, top-20, size, "合计"), pdffile.Text(figRight[1]-40, top-20, size, "基本支出"),
		pdffile.Text(figRight[2]-40, top-20, size, "项目支出"))
	ys := []float64{top, top - 30}
	y := top - 30
	total := [3]float64{}
	for _, r := range rows {
		n := len(r.name)
		h := float64(max(n, 1))*pitch + 14
		mid := y - h/2
		base := mid - 0.35*size // a baseline whose glyphs are centred on mid
		for k, part := range r.name {
			off := (float64(n-1)/2 - float64(k)) * pitch
			c = append(c, pdffile.Text(nameX, base+off, size, part))
		}
		cy := base
		if codeAbove[r.code] {
			cy += pitch / 2
		}
		c = append(c, pdffile.Text(codeX, cy, size, r.code))
		for i, v := range r.vals {
			c = append(c, pdffile.Text(figRight[i]-pdffile.Advance(v, size), base, size, v))
			var f float64
			fmt.Sscan(v, &f)
			total[i] += f
		}
		y -= h
		ys = append(ys, y)
	}
	if ruled {
		for _, yy := range ys {
			c = append(c, pdffile.Rule(borders[0], yy, borders[len(borders)-1], yy))
		}
		for _, x := range borders {
			c = append(c, pdffile.Rule(x, ys[0], x, ys[len(ys)-1]))
		}
	}
	c = append(c, pdffile.Text(60, y-30, size, "注：本表反映部门本年度一般公共预算财政拨款支出情况。"))
	return strings.Join(c, "\n")
}

// readRows parses a generated PDF and returns its one table's rows as
// "code|name|v1 v2 v3".
func readRows(t *testing.T, content string) ([]string, *doc.Document) {
	t.Helper()
	d := parsePDF(t, pdffile.MakeCJKPDF(pdffile.Page{Content: content}))
	var out []string
	for _, tb := range d.Tables {
		sh := tables.View(tb)
		if sh == nil {
			continue
		}
		for _, r := range sh.Rows {
			var vs []string
			for _, v := range r.Vals {
				if v == nil {
					vs = append(vs, "?")
				} else {
					vs = append(vs, v.Cell.Text)
				}
			}
			out = append(out, r.Code+"|"+r.Name+"|"+strings.Join(vs, " "))
		}
	}
	return out, d
}

func want(rows []fixRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.code+"|"+strings.Join(r.name, "")+"|"+strings.Join(r.vals[:], " "))
	}
	return out
}

// A name wrapped over two or three lines with the code and figures centred
// on a baseline of their own is one row: the name whole, the figures its
// own, ruled or not.
func TestWrappedNamesCentredFigures(t *testing.T) {
	tests := []struct {
		name      string
		ruled     bool
		codeAbove map[string]bool
	}{
		{"ruled", true, nil},
		{"borderless", false, nil},
		{"ruled, code on a baseline of its own", true, map[string]bool{"20805": true, "210": true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := readRows(t, tableFixture(wrappedRows, tc.ruled, tc.codeAbove))
			assert.Equal(t, want(wrappedRows), got)
		})
	}
}

// Lines of one row carry one row number, lines of other rows another or
// none; the header and the note are no row.
func TestRowNumbersFromRules(t *testing.T) {
	raw, err := pdffile.Read(pdffile.MakeCJKPDF(pdffile.Page{Content: tableFixture(wrappedRows, true, nil)}))
	require.NoError(t, err)
	rowOf := map[string]int{}
	for _, l := range raw.Lines {
		rowOf[strings.Fields(l.Text)[0]] = l.Row
	}
	assert.Zero(t, rowOf["科目编码"])
	assert.Zero(t, rowOf["注：本表反映部门本年度一般公共预算财政拨款支出情况。"])
	assert.NotZero(t, rowOf["208"])
	assert.Equal(t, rowOf["208"], rowOf["社会保障和就"])
	assert.Equal(t, rowOf["208"], rowOf["业支出"])
	assert.NotEqual(t, rowOf["208"], rowOf["20805"])
	assert.Equal(t, rowOf["2080505"], rowOf["缴费支出"])
	assert.Equal(t, rowOf["2080506"], rowOf["支出"])
}

// A borderless table whose rows are spaced like the lines of a wrapped
// name is ambiguous: a label line between two figure lines could belong to
// either, so no row is formed from geometry (the figures stay read).
func TestEvenlySpacedBorderlessIsNotGuessed(t *testing.T) {
	var c []string
	c = append(c, pdffile.Text(180, 790, 14, "一般公共预算财政拨款支出决算表"), pdffile.Text(440, 770, size, "单位：万元"))
	c = append(c, pdffile.Text(codeX, 740, size, "科目编码"), pdffile.Text(nameX, 740, size, "科目名称"),
		pdffile.Text(290, 740, size, "合计"), pdffile.Text(360, 740, size, "基本支出"), pdffile.Text(450, 740, size, "项目支出"))
	// top-aligned names: the tail of a name sits one pitch below its row,
	// and the next row one pitch below the tail
	y := 720.0
	for _, r := range []fixRow{
		{"2080505", []string{"机关事业单位基本养", "老保险缴费支出"}, [3]string{"446.11", "446.11", "0.00"}},
		{"2080506", []string{"机关事业单位职业年", "金缴费支出"}, [3]string{"308.64", "308.64", "0.00"}},
		{"2080599", []string{"其他行政事业单位养", "老支出"}, [3]string{"12.00", "12.00", "0.00"}},
	} {
		c = append(c, pdffile.Text(codeX, y, size, r.code), pdffile.Text(nameX-20, y, size, r.name[0]))
		for i, v := range r.vals {
			c = append(c, pdffile.Text(figRight[i]-pdffile.Advance(v, size), y, size, v))
		}
		c = append(c, pdffile.Text(nameX-20, y-pitch, size, r.name[1]))
		y -= 2 * pitch
	}
	raw, err := pdffile.Read(pdffile.MakeCJKPDF(pdffile.Page{Content: strings.Join(c, "\n")}))
	require.NoError(t, err)
	for _, l := range raw.Lines {
		assert.Zero(t, l.Row, l.Text)
	}
}

// Rows of one line each, close together, and one whose long name wraps
// around its figures: the neighbours' short names wrapped nothing, so the
// two name lines are that row's even though the neighbours stand as close
// as the name's own lines (a province's function table, borderless).
func TestWrappedNameBetweenCloseShortRows(t *testing.T) {
	var c []string
	c = append(c, pdffile.Text(150, 790, 14, "一般公共预算财政拨款支出决算表"), pdffile.Text(440, 770, size, "单位：万元"))
	c = append(c, pdffile.Text(codeX, 745, size, "科目编码"), pdffile.Text(nameX, 745, size, "科目名称"),
		pdffile.Text(290, 745, size, "合计"), pdffile.Text(360, 745, size, "基本支出"), pdffile.Text(450, 745, size, "项目支出"))
	row := func(y float64, code, name string, vals [3]string) {
		c = append(c, pdffile.Text(codeX, y, size, code))
		if name != "" {
			c = append(c, pdffile.Text(nameX-20, y, size, name))
		}
		for i, v := range vals {
			c = append(c, pdffile.Text(figRight[i]-pdffile.Advance(v, size), y, size, v))
		}
	}
	// rows 21.5 apart; the wrapped name's lines 13 apart, mirrored about
	// its figures, 15 from the rows around
	row(719, "2010350", "事业运行", [3]string{"677.00", "677.00", "0.00"})
	c = append(c, pdffile.Text(nameX-20, 704, size, "其他政府办公厅（室）"))
	row(697.5, "2010399", "", [3]string{"113.80", "13.80", "100.00"})
	c = append(c, pdffile.Text(nameX-20, 691, size, "事务支出"))
	row(676, "2010401", "行政运行", [3]string{"12.33", "12.33", "0.00"})
	got, _ := readRows(t, strings.Join(c, "\n"))
	assert.Equal(t, []string{
		"2010350|事业运行|677.00 677.00 0.00",
		"2010399|其他政府办公厅（室）事务支出|113.80 13.80 100.00",
		"2010401|行政运行|12.33 12.33 0.00",
	}, got)
}

// Label rows of their own (lines with blank figures) stacked about a
// figure row, in a table without rules, mirror it as a wrapped name would;
// but they stop short of the column's edge or start with their own item
// number, so they stay rows of their own.
func TestLabelRowsAroundAFigureRowStayApart(t *testing.T) {
	tests := []struct {
		name  string
		above string
		label string // the figure row's own label
		below string
	}{
		{"short lines", "补充全国社会保障基金", "国有资本经营预算补充社保基金支出", "厂办大集体改革补助"},
		{"item numbers", "四、国有资本经营收入", "五、本年收入小计合计", "六、上级补助收入合计"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := []string{
				pdffile.Text(nameX-20, 720, size, "一、补充全国社会保障基金支"),
				pdffile.Text(nameX-20, 705, size, tc.above),
				pdffile.Text(nameX-20, 690, size, tc.label),
				pdffile.Text(figRight[0]-pdffile.Advance("18,283.00", size), 690, size, "18,283.00"),
				pdffile.Text(figRight[1]-pdffile.Advance("1,150.00", size), 690, size, "1,150.00"),
				pdffile.Text(nameX-20, 675, size, tc.below),
			}
			raw, err := pdffile.Read(pdffile.MakeCJKPDF(pdffile.Page{Content: strings.Join(c, "\n")}))
			require.NoError(t, err)
			for _, l := range raw.Lines {
				assert.Zero(t, l.Row, l.Text)
			}
		})
	}
}

// sumRow is a row of a generated 收入支出决算总表: on each side a label as
// printed in its cell (one string a line) and a figure.
type sumRow struct {
	left     []string
	leftVal  string
	right    []string
	rightVal string
}

var summaryRows = []sumRow{
	{[]string{"一、一般公共预算财", "政拨款收入"}, "9,746.50", []string{"一、一般公共服务支", "出"}, "264.87"},
	{[]string{"二、政府性基金预算", "财政拨款收入"}, "", []string{"二、社会保障和就业", "支出"}, "754.75"},
	{[]string{"三、事业收入"}, "", []string{"三、卫生健康支出"}, "236.64"},
	{[]string{"本年收入合计"}, "9,746.50", []string{"本年支出合计"}, "1,256.26"},
}

// summaryFixture draws the two-sided table: labels centred in their rows,
// figures on the row's middle.
func summaryFixture(rows []sumRow, ruled bool) string {
	var c []string
	c = append(c, pdffile.Text(200, 790, 14, "收入支出决算总表"), pdffile.Text(440, 770, size, "单位：万元"))
	c = append(c, pdffile.Text(100, 730, size, "收入"), pdffile.Text(340, 730, size, "支出"))
	c = append(c, pdffile.Text(80, 715, size, "项目"), pdffile.Text(220, 715, size, "决算数"),
		pdffile.Text(320, 715, size, "项目"), pdffile.Text(450, 715, size, "决算数"))
	ys := []float64{740, 705}
	y := 705.0
	for _, r := range rows {
		n := max(len(r.left), len(r.right))
		h := float64(n)*pitch + 14
		base := y - h/2 - 0.35*size
		for side, label := range [][]string{r.left, r.right} {
			x := 66.0 + 240*float64(side)
			for k, part := range label {
				c = append(c, pdffile.Text(x, base+(float64(len(label)-1)/2-float64(k))*pitch, size, part))
			}
		}
		for side, v := range []string{r.leftVal, r.rightVal} {
			if v != "" {
				c = append(c, pdffile.Text(270+240*float64(side)-pdffile.Advance(v, size), base, size, v))
			}
		}
		y -= h
		ys = append(ys, y)
	}
	if ruled {
		for _, yy := range ys {
			c = append(c, pdffile.Rule(60, yy, 520, yy))
		}
		for _, x := range []float64{60, 180, 280, 300, 420, 520} {
			c = append(c, pdffile.Rule(x, ys[0], x, ys[len(ys)-1]))
		}
	}
	return strings.Join(c, "\n")
}

// The two sides of a summary table, each with labels wrapped around centred
// figures, read row by row with each label whole and its own figure.
func TestSummaryTableWrappedLabels(t *testing.T) {
	var wantRows []string
	for _, r := range summaryRows {
		for side, label := range [][]string{r.left, r.right} {
			v := []string{r.leftVal, r.rightVal}[side]
			if v == "" {
				v = "_"
			}
			wantRows = append(wantRows, strings.Join(label, "")+"|"+v)
		}
	}
	for _, ruled := range []bool{true, false} {
		t.Run(fmt.Sprintf("ruled=%v", ruled), func(t *testing.T) {
			d := parsePDF(t, pdffile.MakeCJKPDF(pdffile.Page{Content: summaryFixture(summaryRows, ruled)}))
			var got []string
			for _, tb := range d.Tables {
				sh := tables.View(tb)
				if sh == nil {
					continue
				}
				for _, r := range sh.Rows {
					v := "?"
					if len(r.Vals) > 0 && r.Vals[0] != nil {
						v = "_"
						if !r.Vals[0].Blank {
							v = r.Vals[0].Cell.Text
						}
					}
					got = append(got, tables.StripEnum(r.Name)+"|"+v)
				}
			}
			for i := range wantRows {
				wantRows[i] = tables.StripEnum(wantRows[i])
			}
			assert.Equal(t, wantRows, got)
		})
	}
}
