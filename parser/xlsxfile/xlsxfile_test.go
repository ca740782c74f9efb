package xlsxfile_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
)

// expenditure is a department's 一般公共预算财政拨款支出决算表 as a finance
// office saves it: a merged title, a label and the unit on row 2, a
// two-row header with merged cells, codes in their own column, figures
// stored as numbers and shown with thousands separators, a 合计 row on
// top. Each row is code, name, 合计, 基本支出, 项目支出.
var expenditure = [][]any{
	{"", "合计", 4733.14, 3366.16, 1366.98},
	{"208", "社会保障和就业支出", 471.44, 460.67, 10.77},
	{"20805", "行政事业单位养老支出", 460.67, 460.67, 0},
	{"2080501", "行政单位离退休", 51.98, 51.98, 0},
	{"2080502", "事业单位离退休", 61.16, 61.16, 0},
	{"2080505", "机关事业单位基本养老保险缴费支出", 347.53, 347.53, 0},
	{"20808", "抚恤", 10.77, 0, 10.77},
	{"2080801", "死亡抚恤", 10.77, 0, 10.77},
	{"210", "卫生健康支出", 109.34, 109.34, 0},
	{"21011", "行政事业单位医疗", 109.34, 109.34, 0},
	{"2101101", "行政单位医疗", 46.34, 46.34, 0},
	{"2101102", "事业单位医疗", 63.00, 63.00, 0},
	{"211", "节能环保支出", 4152.36, 2796.15, 1356.21},
	{"21101", "环境保护管理事务", 1543.22, 1283.70, 259.52},
	{"2110101", "行政运行", 1293.60, 1283.70, 9.90},
	{"2110104", "生态环境保护宣传", 249.62, 0, 249.62},
	{"21111", "污染减排", 2609.14, 1512.45, 1096.69},
	{"2111101", "生态环境监测与信息", 1493.39, 1101.78, 391.60},
	{"2111102", "生态环境执法监察", 1115.75, 410.67, 705.08},
}

// firstData is the sheet row of expenditure[0].
const firstData = 6

// fixture builds the workbook; edit changes it before it is saved.
func fixture(t testing.TB, edit func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "支出决算表"
	require.NoError(t, f.SetSheetName("Sheet1", sheet))
	set := func(cell string, v any) { require.NoError(t, f.SetCellValue(sheet, cell, v)) }
	merge := func(a, b string) { require.NoError(t, f.MergeCell(sheet, a, b)) }
	set("A1", "一般公共预算财政拨款支出决算表")
	merge("A1", "E1")
	set("A2", "公开07表")
	set("E2", "单位：万元")
	set("A3", "科目编码")
	merge("A3", "A4")
	set("B3", "科目名称")
	merge("B3", "B4")
	set("C3", "本年支出")
	merge("C3", "E3")
	set("C4", "合计")
	set("D4", "基本支出")
	set("E4", "项目支出")
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	require.NoError(t, err)
	for i, r := range expenditure {
		row := firstData + i
		cell, _ := excelize.CoordinatesToCellName(1, row)
		require.NoError(t, f.SetSheetRow(sheet, cell, &r))
		from, _ := excelize.CoordinatesToCellName(3, row)
		to, _ := excelize.CoordinatesToCellName(5, row)
		require.NoError(t, f.SetCellStyle(sheet, from, to, money))
	}
	// the 合计 row's label spans the code and name columns
	merge("A6", "B6")
	set("A6", "合计")
	if edit != nil {
		edit(f, sheet)
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

// TestReadFixture: the sheet is one page, row r on line r; the title and
// unit rows are paragraphs before a grid whose merged header cells span
// as in the sheet and whose figures read as displayed.
func TestReadFixture(t *testing.T) {
	raw, err := xlsxfile.Read(fixture(t, nil))
	require.NoError(t, err)
	require.Equal(t, xlsxfile.Format, raw.Format)
	require.True(t, raw.PageLines)
	src := doc.NewSource(raw.Source, true)

	var paras []string
	for _, l := range raw.Lines {
		if l.Kind == doc.KindParagraph {
			paras = append(paras, l.Text)
		}
	}
	require.Equal(t, []string{"一般公共预算财政拨款支出决算表", "公开07表", "单位：万元"}, paras)

	require.Len(t, raw.Tables, 1)
	tb := raw.Tables[0]
	require.Equal(t, "一般公共预算财政拨款支出决算表", tb.Title)
	require.Equal(t, "万元", tb.Unit)
	require.Equal(t, 1, tb.Page)
	require.Len(t, tb.Rows, 2+len(expenditure))
	head := tb.Rows[0]
	require.Equal(t, "科目编码", head[0].Text)
	require.EqualValues(t, 2, head[0].RowSpan, "科目编码 spans both header rows")
	require.Equal(t, "本年支出", head[2].Text)
	require.EqualValues(t, 3, head[2].ColSpan, "本年支出 spans the three figure columns")
	require.Len(t, tb.Rows[1], 3, "the second header row holds only the cells no merge covers")
	total := tb.Rows[2]
	require.Equal(t, "合计", total[0].Text)
	require.EqualValues(t, 2, total[0].ColSpan)
	require.Equal(t, []string{"合计", "4,733.14", "3,366.16", "1,366.98"}, texts(total))
	require.Equal(t, []string{"20805", "行政事业单位养老支出", "460.67", "460.67", "0.00"}, texts(tb.Rows[4]))

	// every cell points at its row: page 1, line = the sheet's row
	for i, row := range tb.Rows[2:] {
		for _, c := range row {
			require.NotNil(t, c.Block, "row %d cell %q", i, c.Text)
			p := src.Position(c.Block.SrcAt.At(0))
			require.Equal(t, doc.Position{Page: 1, Line: firstData + i, Column: p.Column}, p, c.Text)
		}
	}
}

func texts(row []*doc.Cell) []string {
	var out []string
	for _, c := range row {
		out = append(out, c.Text)
	}
	return out
}

// TestDisplayed: a cell reads as the sheet shows it: a formula's cached
// result, percentages and thousands as formatted, rows and columns that
// are hidden, or outside the print area, left out.
func TestDisplayed(t *testing.T) {
	data := fixture(t, func(f *excelize.File, sheet string) {
		require.NoError(t, f.SetCellFormula(sheet, "C7", "D7+E7"))
		require.NoError(t, f.SetCellValue(sheet, "C7", 471.44)) // the cached result Excel saves
		pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})     // 0.00%
		require.NoError(t, err)
		require.NoError(t, f.SetCellValue(sheet, "F7", 0.0229))
		require.NoError(t, f.SetCellStyle(sheet, "F7", "F7", pct))
		require.NoError(t, f.SetCellValue(sheet, "G7", "打印"))
		require.NoError(t, f.SetColVisible(sheet, "F", false))
		require.NoError(t, f.SetRowVisible(sheet, 8, false))
		require.NoError(t, f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'" + sheet + "'!$A$1:$F$24", Scope: sheet}))
	})
	raw, err := xlsxfile.Read(data)
	require.NoError(t, err)
	tb := raw.Tables[0]
	require.Equal(t, []string{"208", "社会保障和就业支出", "471.44", "460.67", "10.77"}, texts(tb.Rows[3]), "F hidden, G outside the print area")
	require.Equal(t, "2080501", tb.Rows[4][0].Text, "row 8 (20805) is hidden")
	require.NotContains(t, raw.Source, "打印")
	require.NotContains(t, raw.Source, "行政事业单位养老支出")
	lines := strings.Split(raw.Source, "\n")
	require.Equal(t, "", lines[7], "a hidden row keeps its line, blank, so lines stay rows")
	require.Equal(t, "2080501\t行政单位离退休\t51.98\t51.98\t0.00", lines[8])

	// shown as a percentage with its format
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	v, err := f.GetCellValue("支出决算表", "F7")
	require.NoError(t, err)
	require.Equal(t, "2.29%", v)
}

// TestPages: each visible sheet is a page in tab order, a hidden sheet is
// left out and named in a warning, a sheet of one column is text.
func TestPages(t *testing.T) {
	data := fixture(t, func(f *excelize.File, sheet string) {
		_, err := f.NewSheet("目录")
		require.NoError(t, err)
		require.NoError(t, f.SetCellValue("目录", "A1", "目  录"))
		require.NoError(t, f.SetCellValue("目录", "A3", "表一、一般公共预算财政拨款支出决算表"))
		_, err = f.NewSheet("底稿")
		require.NoError(t, err)
		require.NoError(t, f.SetCellValue("底稿", "A1", "不公开"))
		require.NoError(t, f.SetSheetVisible("底稿", false))
	})
	raw, err := xlsxfile.Read(data)
	require.NoError(t, err)
	pages := strings.Split(raw.Source, "\f")
	require.Len(t, pages, 3)
	require.Equal(t, "", pages[2])
	require.Equal(t, "目  录\n\n表一、一般公共预算财政拨款支出决算表", pages[1])
	require.Len(t, raw.Tables, 1)
	require.Contains(t, strings.Join(raw.Warnings, "\n"), "底稿")
	last := raw.Lines[len(raw.Lines)-1]
	require.Equal(t, doc.Line{Text: "表一、一般公共预算财政拨款支出决算表", Pos: last.Pos, Page: 2, Kind: doc.KindParagraph, Break: true}, last)
}

// TestNotRead: what is not a readable workbook is an error that says
// why, never a panic.
func TestNotRead(t *testing.T) {
	good := fixture(t, nil)
	ole := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...)
	f, err := excelize.OpenReader(bytes.NewReader(good))
	require.NoError(t, err)
	var enc bytes.Buffer // saved with a password, as Office does: inside a Compound File
	require.NoError(t, f.Write(&enc, excelize.Options{Password: "财政局"}))
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)/2], "not a zip archive"},
		{"legacy xls", ole, "save it as .xlsx"},
		{"encrypted", enc.Bytes(), "encrypted with a password"},
		{"text", []byte("科目编码,科目名称\n"), "not a zip archive"},
		{"docx renamed", docx(t), "no worksheets"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := xlsxfile.Read(c.data)
			require.ErrorIs(t, err, xlsxfile.ErrNotXLSX)
			require.Contains(t, err.Error(), c.want)
		})
	}
}

// docx is a zip archive with a Word document in it and no workbook.
func docx(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<w:document/>`,
	} {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func read(t *testing.T, data []byte) *doc.Raw {
	t.Helper()
	raw, err := xlsxfile.Read(data)
	require.NoError(t, err)
	return raw
}

// TestTwoTablesOnASheet: a title row below a table starts another; notes,
// the rows after a note and the signatures under a table are not its rows.
func TestTwoTablesOnASheet(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"2025年某县一般公共预算收入执行情况表"},
		{"", "", "单位：万元"},
		{"项目", "预算数", "执行数"},
		{"税收收入", 100, 98},
		{"合计", 100, 98},
		{"注：本表按收付实现制编列。"},
		{"1.执行数为快报数"},
		{},
		{"2025年某县一般公共预算支出执行情况表"},
		{"项目", "预算数", "执行数"},
		{"一般公共服务支出", 50, 49},
		{"制表人：张三", "", "审核人：李四"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	raw := read(t, buf.Bytes())
	require.Len(t, raw.Tables, 2)
	in, out := raw.Tables[0], raw.Tables[1]
	require.Equal(t, "2025年某县一般公共预算收入执行情况表", in.Title)
	require.Equal(t, "万元", in.Unit)
	require.Len(t, in.Rows, 3)
	require.Equal(t, []string{"注：本表按收付实现制编列。", "1.执行数为快报数"}, in.Notes)
	require.Equal(t, "2025年某县一般公共预算支出执行情况表", out.Title)
	require.Len(t, out.Rows, 2)
	require.Empty(t, out.Notes, "signatures are below the table, not notes on it")
	require.Equal(t, "制表人：张三", raw.Lines[len(raw.Lines)-2].Text)
	require.Equal(t, doc.KindParagraph, raw.Lines[len(raw.Lines)-2].Kind)
}

// TestEmptyTable: a table whose body says 本表无数据 in one merged cell is
// a table, said to be empty, its header its only row, and recognised.
func TestEmptyTable(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"政府性基金预算财政拨款收入支出决算表"},
		{"公开09表", "", "", "", "单位：万元"},
		{"项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"},
		{"本表无数据"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	require.NoError(t, f.MergeCell("Sheet1", "A4", "E4"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	raw := read(t, buf.Bytes())
	require.Len(t, raw.Tables, 1)
	tb := raw.Tables[0]
	require.True(t, tb.Empty)
	require.Equal(t, []string{"本表无数据"}, tb.Notes)
	require.Len(t, tb.Rows, 1)

	d, err := parser.Parse("决算.xlsx", xlsxfile.Format, buf.Bytes())
	require.NoError(t, err)
	require.Equal(t, "政府性基金预算财政拨款收入支出决算表", d.Tables[0].Standard)
}
