package tables

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// execGrid is a city's 一般公共预算支出执行情况表 as a spreadsheet or a web
// page lays it out: 2025年 spans 预算数 and 执行数, 比较 spans the two
// rates, 项目 and 2024年决算数 span both header rows.
func execGrid(budgetHead string, rows ...string) *doc.Table {
	t := grid("2025年某市一般公共预算支出执行情况表", rows...)
	cell := func(s string, col int, rs, cs int32) *doc.Cell {
		return &doc.Cell{Text: s, Col: col, RowSpan: rs, ColSpan: cs}
	}
	t.Rows = append([][]*doc.Cell{
		{cell("项目", 0, 2, 1), cell("2024年决算数", 1, 2, 1), cell("2025年", 2, 1, 2), cell("比较", 4, 1, 2)},
		{cell(budgetHead, 2, 1, 1), cell("执行数", 3, 1, 1), cell("比2024年决算数增长%", 4, 1, 1), cell("完成2025年预算数的%", 5, 1, 1)},
	}, t.Rows...)
	return t
}

// A government table read as a grid is recognised, its figure columns
// named by the header cells standing over each (2025年 + 预算数), as a
// table read from lines is by where its header words stand.
func TestGridColumns(t *testing.T) {
	body := []string{
		"一、一般公共服务支出|132,245|138,494|149,662|13.2%|108.1%",
		"人大事务|3,063|3,107|5,903|92.7%|190.0%",
		// a blank budget whose cell format prints a percentage: a stray
		// 0.0% does not make the column a rate's
		"二、交通运输支出|0|0.0%|0||",
	}
	tb := execGrid("预算数", body...)
	Recognize(tb)
	require.Equal(t, "一般公共预算支出表", tb.Standard)
	require.Equal(t, "execution", tb.Kind)
	require.Equal(t, []string{"上年执行数", "预算数", "执行数", "比上年增长%", "为预算%"}, tb.Columns)
	require.Len(t, tb.Header, 2)
	require.Len(t, tb.Rows, 3)

	// a header the template has no column for: the table is not checked
	tb = execGrid("计划数", body...)
	Recognize(tb)
	require.Empty(t, tb.Standard)
	require.Equal(t, `一般公共预算支出表: no column of the template is headed "2025年计划数"`, tb.Unmatched)
}
