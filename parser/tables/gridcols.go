package tables

import (
	"fmt"
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
	year := tableYear(t)
	names := make([]string, len(cols))
	seen := map[string]bool{}
	for k, col := range cols {
		var parts []string
		for _, row := range header {
			for _, h := range row {
				if h.Col <= col && col < h.Col+max(h.ColSpan, 1) {
					parts = append(parts, strings.TrimSpace(h.Text))
				}
			}
		}
		text := strings.Join(parts, "")
		if text == "" {
			unmatch(t, std, "a figure column has no header")
			return
		}
		// a column of rates is mostly figures with %: a stray 0.0% that a
		// cell's format gives a blank amount does not make one
		rates := 2*pct[col] > filled[col]
		name := headerName(std, text, rates || strings.ContainsAny(text, "%％"), year)
		if name == "" {
			unmatch(t, std, fmt.Sprintf("no column of the template is headed %q", Fold(text)))
			return
		}
		if seen[name] {
			unmatch(t, std, fmt.Sprintf("two columns read as %s", name))
			return
		}
		seen[name] = true
		names[k] = name
	}
	t.Columns = names
}
