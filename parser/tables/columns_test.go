package tables

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/pdffile"
)

// sheetRows prints a sheet's rows as code:figures, blanks as "blank" and
// undecided columns as "?".
func sheetRows(s *Sheet) []string {
	var got []string
	for _, r := range s.Rows {
		var vs []string
		for _, v := range r.Vals {
			vs = append(vs, figureText(v))
		}
		got = append(got, r.Code+":"+strings.Join(vs, ","))
	}
	return got
}

// spanned widens a line's segment i to [x0, x1], as a header cell centred
// over several columns is.
func spanned(l doc.Line, i int, x0, x1 float64) doc.Line {
	l.Geo.Segments[i].X0, l.Geo.Segments[i].X1 = x0, x1
	return l
}

// TestHeaderColumns: a table with no row that fills every column (so the
// data cannot teach the columns) is placed by its header cells' geometry.
// The header has a spanning cell over two leaves and a cell stacked over two
// lines, as the income table of a final report does.
func TestHeaderColumns(t *testing.T) {
	top := []doc.Line{pdfLine(1, "收入决算表", 300.0), pdfLine(1, "单位：万元", 640.0)}
	// seven leaves under a spanning 本年收入 cell, 附属单位/上缴收入 stacked
	seven := []doc.Line{
		spanned(pdfLine(1, "项目", 150.0, "本年收入", 500.0), 1, 220, 670),
		pdfLine(1, "科目编码", 60.0, "科目名称", 150.0, "本年收入合计", 260.0, "财政拨款收入", 340.0, "上级补助收入", 420.0, "事业收入", 480.0, "经营收入", 540.0, "附属单位", 600.0, "其他收入", 660.0),
		pdfLine(1, "上缴收入", 600.0),
	}
	// the same with 附属单位上缴收入 missing: six leaves for seven columns
	six := []doc.Line{
		pdfLine(1, "科目编码", 60.0, "科目名称", 150.0, "本年收入合计", 260.0, "财政拨款收入", 340.0, "上级补助收入", 420.0, "事业收入", 480.0, "经营收入", 540.0, "其他收入", 660.0),
	}
	rows := []doc.Line{
		pdfLine(1, "合计", 150.0, "30.00", 250.0, "20.00", 330.0, "10.00", 655.0),
		pdfLine(1, "201", 60.0, "一般公共服务支出", 150.0, "20.00", 250.0, "20.00", 330.0),
		pdfLine(1, "208", 60.0, "社会保障和就业支出", 150.0, "10.00", 250.0, "10.00", 595.0),
	}
	cases := []struct {
		name   string
		header []doc.Line
		rows   []doc.Line
		want   []string
	}{
		{
			name: "figures under their header cells", header: seven, rows: rows,
			want: []string{":30.00,20.00,blank,blank,blank,blank,10.00", "201:20.00,20.00,blank,blank,blank,blank,blank", "208:10.00,blank,blank,blank,blank,10.00,blank"},
		},
		{
			// the header does not account for every column: rows stay
			// short, placed by the identity only (the total alone is sure)
			name: "fewer header cells than columns", header: six, rows: rows,
			want: []string{":30.00,?,?,?,?,?,?", "201:20.00,?,?,?,?,?,?", "208:10.00,?,?,?,?,?,?"},
		},
		{
			// a figure whose middle and right edge fall in different columns is
			// under neither
			name: "a figure between columns", header: seven,
			rows: []doc.Line{pdfLine(1, "合计", 150.0, "30.00", 250.0, "20.00", 330.0, "10.00", 570.0)},
			want: []string{":30.00,?,?,?,?,?,?"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var lines []doc.Line
			lines = append(append(append(lines, top...), tc.header...), tc.rows...)
			ts := Detect(&doc.Raw{Format: doc.FormatPDF, Lines: lines})
			require.Len(t, ts, 1)
			s := View(ts[0])
			require.NotNil(t, s)
			assert.Equal(t, tc.want, sheetRows(s))
		})
	}
}

// TestHeaderColumnsGhzy: ghzy's income table has no row with all seven
// figures; its header places the two figures of each row under 本年收入合计
// and 财政拨款收入 and leaves the other five blank.
func TestHeaderColumnsGhzy(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "corpus", "docs", "sh-putuo-ghzy-2024-final.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("shared corpus absent")
	}
	raw, err := pdffile.Read(data)
	require.NoError(t, err)
	cases := []struct {
		std  string
		code string
		want string
	}{
		{Income, "", ":9746.50,9746.50,blank,blank,blank,blank,blank"},
		{Income, "2080501", "2080501:54.53,54.53,blank,blank,blank,blank,blank"},
		{SanGong, "", ":2.85,0.39,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,2.85,0.39"},
	}
	byStd := map[string]*Sheet{}
	for _, tb := range Detect(raw) {
		if s := View(tb); s != nil && byStd[s.Std.Name] == nil {
			byStd[s.Std.Name] = s
		}
	}
	for _, tc := range cases {
		t.Run(tc.std+" "+tc.code, func(t *testing.T) {
			s := byStd[tc.std]
			require.NotNil(t, s)
			found := false
			for i, r := range s.Rows {
				if r.Code == tc.code && (tc.code != "" || i == 0) {
					assert.Equal(t, tc.want, sheetRows(&Sheet{Rows: []*Row{r}})[0])
					assert.False(t, r.Short)
					found = true
					break
				}
			}
			require.True(t, found)
		})
	}
}
