package tables

import (
	"slices"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// gridColumns names the figure columns of a government table read as a
// grid (HTML, DOCX, XLSX), as govColumns does for one read from lines: a
// grid knows which header cells stand over a column (2025年 spanning 预算数
// and 执行数), so a column's header is their text, top to bottom, and no
// geometry is needed. A column the header does not name as exactly one of
// the template's loses the template.
func gridColumns(t *doc.Table, header [][]*doc.Cell, std *Standard) {
	var cols []int
	pct, filled := map[int]int{}, map[int]int{}
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Role != "value" || c.Group != 0 {
				continue
			}
			if !slices.Contains(cols, c.Col) {
				cols = append(cols, c.Col)
			}
			if s := strings.TrimSpace(c.Text); s != "" {
				filled[c.Col]++
				if isPercent(s) {
					pct[c.Col]++
				}
			}
		}
	}
	if len(cols) == 0 {
		if !t.Empty {
			unmatch(t, std, "no figures read")
		}
		return
	}
	slices.Sort(cols)
	texts := make([]string, len(cols))
	for k, col := range cols {
		for _, row := range header {
			for _, h := range row {
				if h.Col <= col && col < h.Col+max(int(h.ColSpan), 1) {
					texts[k] += strings.TrimSpace(h.Text)
				}
			}
		}
		if texts[k] == "" {
			unmatch(t, std, "a figure column has no header")
			return
		}
	}
	// a column of rates is mostly figures with %: a stray 0.0% that a
	// cell's format gives a blank amount does not make one
	nameColumns(t, std, texts, func(k int) bool { return 2*pct[cols[k]] > filled[cols[k]] })
}
