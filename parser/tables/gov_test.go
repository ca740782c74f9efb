package tables

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// seg is a run of a PDF line: text and horizontal extent.
type seg struct {
	text   string
	x0, x1 float64
}

// pdfLines builds page lines with geometry, one per row of segs.
func pdfLines(page int, rows ...[]seg) []doc.Line {
	var out []doc.Line
	for i, r := range rows {
		var text strings.Builder
		l := doc.Line{Page: page, Geo: &doc.LineGeo{Y: float64(100 + 20*i)}}
		for k, s := range r {
			if k > 0 {
				text.WriteString(" ")
			}
			l.Geo.Segments = append(l.Geo.Segments, doc.Segment{Text: s.text, Start: len([]rune(text.String())), X0: s.x0, X1: s.x1})
			text.WriteString(s.text)
		}
		l.Text = text.String()
		l.Pos = doc.OffsetsOf(make([]int, len([]rune(l.Text))))
		out = append(out, l)
	}
	return out
}

func detectLines(t *testing.T, lines []doc.Line) []*doc.Table {
	t.Helper()
	return Detect(&doc.Raw{Format: doc.FormatPDF, Lines: lines})
}

// A province's execution table heads its figure columns under a group
// label (2025年执行数 over 金额 | 占预算% | 比上年增长%) and stacks the
// other headers over two lines: each column is named by its own words.
func TestGovHeaderColumns(t *testing.T) {
	lines := pdfLines(8,
		[]seg{{"2025年山东省一般公共预算收入执行情况表", 109, 483}},
		[]seg{{"单位：万元", 478, 528}},
		[]seg{{"2025年执行数", 393, 458}},
		[]seg{{"2025年", 271, 304}},
		[]seg{{"项", 130, 140}, {"目", 179, 189}, {"比上年", 478, 511}},
		[]seg{{"预算数", 271, 304}, {"金额", 346, 367}, {"占预算%", 407, 445}},
		[]seg{{"增长%", 481, 508}},
		[]seg{{"一、本年收入", 68, 133}, {"78403934", 265, 309}, {"78642563", 334, 378}, {"100.3", 412, 439}, {"2.0", 486, 503}},
		[]seg{{"（一）税收收入", 68, 144}, {"51044852", 266, 309}, {"51097141", 335, 378}, {"100.1", 412, 439}, {"1.4", 487, 503}},
		[]seg{{"其他税收收入", 100, 166}, {"100", 285, 309}, {"50", 360, 378}},
	)
	ts := detectLines(t, lines)
	require.Len(t, ts, 1)
	tb := ts[0]
	assert.Equal(t, "一般公共预算收入表", tb.Standard, tb.Unmatched)
	assert.Equal(t, "execution", tb.Kind)
	assert.Equal(t, []string{"预算数", "执行数", "为预算%", "比上年增长%"}, tb.Columns)
	// the short row keeps its figures under their columns
	s := View(tb)
	require.NotNil(t, s)
	last := s.Rows[len(s.Rows)-1]
	require.Len(t, last.Vals, 4)
	assert.Equal(t, "100", last.Vals[0].Cell.Text)
	assert.Equal(t, "50", last.Vals[1].Cell.Text)
	assert.True(t, last.Vals[2].Blank)
}

// A header naming no column of the template (a project list titled like a
// revenue table) keeps the table from being checked as one.
func TestGovHeaderNotMatched(t *testing.T) {
	lines := pdfLines(3,
		[]seg{{"2025年全市一般公共预算收入执行情况表", 100, 400}},
		[]seg{{"单位：万元", 450, 500}},
		[]seg{{"项目", 100, 130}, {"项目个数", 300, 360}, {"金额", 420, 450}},
		[]seg{{"一、税收收入", 60, 130}, {"12", 320, 340}, {"1200", 420, 450}},
	)
	ts := detectLines(t, lines)
	require.Len(t, ts, 1)
	assert.Equal(t, "", ts[0].Standard)
	assert.Contains(t, ts[0].Unmatched, "一般公共预算收入表")
}

// The same title printed again on the next page continues the table, and
// a name printed over two lines around its figures is one row.
func TestGovTableContinuedAndWrappedName(t *testing.T) {
	head := func(page int, rows ...[]seg) []doc.Line {
		return pdfLines(page, append([][]seg{
			{{"2024年省本级一般公共预算支出决算表", 100, 400}},
			{{"单位：万元", 450, 500}},
			{{"项目", 100, 130}, {"预算数", 300, 340}, {"决算数", 400, 440}},
		}, rows...)...)
	}
	lines := head(57,
		[]seg{{"一、一般公共服务支出", 60, 180}, {"300", 310, 340}, {"290", 410, 440}},
		[]seg{{"人大事务", 80, 130}, {"100", 310, 340}, {"95", 415, 440}},
	)
	lines = append(lines, head(58,
		[]seg{{"其他政府办公厅（室）及相关机", 80, 240}},
		[]seg{{"200", 310, 340}, {"195", 410, 440}},
		[]seg{{"构事务支出", 80, 140}},
		[]seg{{"本年支出合计", 100, 170}, {"300", 310, 340}, {"290", 410, 440}},
	)...)
	ts := detectLines(t, lines)
	require.Len(t, ts, 1, "one table over two pages")
	var names []string
	for _, r := range View(ts[0]).Rows {
		names = append(names, r.Name)
	}
	assert.Equal(t, []string{"一、一般公共服务支出", "人大事务", "其他政府办公厅（室）及相关机构事务支出", "本年支出合计"}, names)
}

func TestGovTitles(t *testing.T) {
	for title, want := range map[string]string{
		"2022年江苏省一般公共预算收入执行情况表":            "一般公共预算收入表",
		"表十九 2022年全区国有资本经营收入决算表":           "国有资本经营预算收入表",
		"2026年省本级一般公共预算支出预算表（按功能科目分类）":     "一般公共预算支出表",
		"52. 2025年全市与市级地方政府债务限额余额及还本付息情况表": "地方政府债务限额和余额表",
		"2025年省对各市一般公共预算专项转移支付分地区分项目执行情况表": "转移支付表",
		"2022年江苏省社会保险基金预算支出执行情况表":          "社会保险基金预算支出表",
		"2026年银川市本级一般公共预算收入草案":             "一般公共预算收入表", // a draft's title may end without 表
		"2026年全市政府性基金预算支出预算草案":             "政府性基金预算支出表",
	} {
		std, _ := MatchTitle(title)
		require.NotNil(t, std, title)
		assert.Equal(t, want, std.Name, title)
	}
	// what stands before the name must be a region, nothing else
	for _, title := range []string{"2022年江苏省分地区一般公共预算收入执行情况表", "2026年省级一般公共预算基本支出预算表", "2026年全市一般公共预算收入执行情况"} {
		std, _ := MatchTitle(title)
		assert.True(t, std == nil || std.Name != "一般公共预算收入表" && !strings.Contains(std.Name, "基本支出"), title)
	}
}

// textLines builds the lines of a text file (no geometry).
func textLines(rows ...string) []doc.Line {
	var out []doc.Line
	for _, r := range rows {
		out = append(out, doc.Line{Text: r, Pos: doc.OffsetsOf(make([]int, len([]rune(r))))})
	}
	return out
}

// Text taken from a PDF prints each header cell's lines in turn, a year
// apart from its 年: the cells are the words taken two at a time, since
// that alone names a column with each.
func TestGovHeaderStackedInText(t *testing.T) {
	ts := Detect(&doc.Raw{Format: doc.FormatText, Lines: textLines(
		"2025 年全县一般公共预算收入执行情况表",
		"表1 单位：万元",
		"项 目 2024 年", "决算数", "2025 年", "预算数", "2025年", "执行数", "为年度", "预算%", "比上年", "增减%",
		"一般公共预算收入合计 52310 54000 55120 102.1% 5.4%",
		"一、税收收入 36120 37500 38010 101.4% 5.2%",
		"增值税 15040 15600 15230 97.6% 1.3%",
	)})
	require.Len(t, ts, 1)
	assert.Equal(t, "一般公共预算收入表", ts[0].Standard, ts[0].Unmatched)
	assert.Equal(t, []string{"上年执行数", "预算数", "执行数", "为预算%", "比上年增长%"}, ts[0].Columns)
	assert.Len(t, ts[0].Rows, 3)

	// one line: a year and its 年 printed apart are one word
	ts = Detect(&doc.Raw{Format: doc.FormatText, Lines: textLines(
		"2026 年县本级一般公共预算收入草案表",
		"表7 单位：万元",
		"项 目 2025 年执行数 2026 年预算数 比上年增减%",
		"一般公共预算收入合计 55120 57000 3.4%",
	)})
	require.Len(t, ts, 1)
	assert.Equal(t, []string{"上年执行数", "预算数", "比上年增长%"}, ts[0].Columns, ts[0].Unmatched)
}

// Near miss: header lines that no even split names column by column (the
// lines of another reading order) leave the table unread, never guessed.
func TestGovHeaderStackedInTextNotGuessed(t *testing.T) {
	ts := Detect(&doc.Raw{Format: doc.FormatText, Lines: textLines(
		"2025年全市一般公共预算收入执行情况表",
		"单位：万元",
		"执行数为", "汇总（调整） 执行数为", "项 目 执行数 汇总（调整）", "预算数 上年执行数的%", "预算数的%",
		"一般公共预算收入合计 8120 8030 101.1% 103.2%",
	)})
	require.Len(t, ts, 1)
	assert.Equal(t, "", ts[0].Standard)
	assert.Contains(t, ts[0].Unmatched, "header names 0 columns")
}

// A name wider than its column reaches under the first figure column's
// header: the figures of the other rows show where that column starts.
// A name holding a figure misread (付息支出2800,000) still ends the labels.
func TestGovHeaderLongName(t *testing.T) {
	table := func(long string) *doc.Table {
		ts := detectLines(t, pdfLines(25,
			[]seg{{"2025年市本级一般公共预算支出执行情况表", 100, 400}},
			[]seg{{"单位：万元", 450, 500}},
			[]seg{{"2024年完", 200, 240}, {"2025年变", 260, 300}, {"2025年完", 320, 360}, {"为变动预", 380, 420}, {"比上年增", 440, 480}},
			[]seg{{"预算科目名称", 60, 130}},
			[]seg{{"成数", 210, 230}, {"动预算数", 260, 300}, {"成数", 330, 350}, {"算%", 390, 410}, {"减%", 450, 470}},
			[]seg{{"一般公共预算支出合计", 40, 150}, {"358,942", 196, 240}, {"394,790", 256, 300}, {"347,117", 316, 360}, {"87.9%", 390, 420}, {"-3.3%", 450, 480}},
			[]seg{{"一般公共服务支出", 50, 140}, {"24,725", 202, 240}, {"26,615", 262, 300}, {"24,740", 322, 360}, {"93.0%", 390, 420}, {"0.1%", 455, 480}},
			[]seg{{long, 50, 225}, {"1,680", 250, 275}, {"1,336", 340, 360}, {"-20.5%", 445, 480}},
		))
		require.Len(t, ts, 1)
		return ts[0]
	}
	tb := table("质量技术监督与检验检疫事务")
	assert.Equal(t, "一般公共预算支出表", tb.Standard, tb.Unmatched)
	assert.Equal(t, []string{"上年执行数", "调整预算数", "执行数", "为调整预算%", "比上年增长%"}, tb.Columns)
	tb = table("二十三、债务付息支出2800,000")
	assert.Equal(t, "", tb.Standard)
}

// A change column's header names two years: the column's own before 比,
// the base's after it.
func TestGovHeaderChangeColumns(t *testing.T) {
	var std *Standard
	for _, s := range Default().Standards {
		if s.ID == "gov-sangong" {
			std = s
		}
	}
	require.NotNil(t, std)
	for _, c := range []struct{ header, want string }{
		{"2024年决算", "执行数"},
		{"2023年决算", "上年执行数"},
		{"2024年决算比2023年决算", "增减额"},
		{"2024年决算比2023年决算（增减额）", "增减额"},
		{"2024年决算比2024年预算", "较预算增减额"},
		{"2024年决算比2024年预算（增减额）", "较预算增减额"},
		{"2022年决算", ""}, // another year's column
		{"2024年执行数比2023年执行数", "增减额"},
		{"2024年预算数比2023年决算", ""}, // a change of the budget: no column of the template, and never the 预算数
	} {
		assert.Equal(t, c.want, headerName(std, c.header, false, 2024), c.header)
	}
}
