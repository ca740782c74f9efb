package tables

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// grid builds a reader-style grid from rows of cells separated by "|".
func grid(title string, rows ...string) *doc.Table {
	t := &doc.Table{Title: title}
	for i, r := range rows {
		var cells []*doc.Cell
		for j, s := range strings.Split(r, "|") {
			cells = append(cells, &doc.Cell{Text: s, Row: i, Col: j, RowSpan: 1, ColSpan: 1})
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Codes in their own cells are labels, not figures; a code split over
// 类 | 款 | 项 columns is read whole.
func TestGridCodes(t *testing.T) {
	cases := []struct {
		name  string
		row   string
		codes []string
		vals  int
	}{
		{"code in its own column", "208|社会保障和就业支出|471.44|460.67|10.77", []string{"208"}, 3},
		{"split 类 款 项", "208|05|01|行政单位离退休|51.98|51.98|0.00", []string{"2080501"}, 3},
		{"split 类 款, 项 blank", "208|05||行政事业单位养老支出|460.67|460.67|0.00", []string{"20805"}, 3},
		{"split, a 类 row", "208|||社会保障和就业支出|471.44|460.67|10.77", []string{"208"}, 3},
		{"a figure that looks like a code stays a figure", "合计|208|200|8", nil, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tb := grid("一般公共预算财政拨款支出决算表", "科目编码|科目名称|合计|基本支出|项目支出", tc.row)
			Recognize(tb)
			require.Equal(t, GeneralExp, tb.Standard)
			s := View(tb)
			require.Len(t, s.Rows, 1)
			var codes []string
			if s.Rows[0].Code != "" {
				codes = append(codes, s.Rows[0].Code)
			}
			require.Equal(t, tc.codes, codes)
			require.Len(t, s.Rows[0].Cells, tc.vals)
		})
	}
}

// LinkGrids takes the title and unit from the paragraphs before a grid
// and points its cells at their blocks.
func TestLinkGrids(t *testing.T) {
	tb := grid("", "项目|决算数", "合计|4,733.14")
	blk := func(k doc.Kind, s string) *doc.Block { return &doc.Block{Kind: k, Text: s, Page: 0} }
	d := &doc.Document{Tables: []*doc.Table{tb}, Blocks: []*doc.Block{
		blk(doc.KindParagraph, "四、部门决算情况说明，详见下表。"),
		blk(doc.KindParagraph, "收入支出决算总表"),
		blk(doc.KindParagraph, "单位:万元"),
		blk(doc.KindTableCell, "项目"), blk(doc.KindTableCell, "决算数"),
		blk(doc.KindTableCell, "合计"), blk(doc.KindTableCell, "4,733.14"),
		blk(doc.KindParagraph, "注:本表无数据。"),
	}}
	LinkGrids(d)
	require.Equal(t, "收入支出决算总表", tb.Title)
	require.Equal(t, "万元", tb.Unit)
	require.True(t, tb.Empty)
	require.Same(t, d.Blocks[6], tb.Rows[1][1].Block)

	// a grid whose cells are not the blocks in order is left unlinked
	tb2 := grid("", "项目|决算数")
	d2 := &doc.Document{Tables: []*doc.Table{tb2}, Blocks: []*doc.Block{
		blk(doc.KindParagraph, "收入支出决算总表"), blk(doc.KindTableCell, "项目"), blk(doc.KindTableCell, "预算数"),
	}}
	LinkGrids(d2)
	require.Empty(t, tb2.Title)
	require.Nil(t, tb2.Rows[0][0].Block)
}
