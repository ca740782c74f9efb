package xlsxfile

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// workbook reads sheets from an open file, caching the styles cells share.
type workbook struct {
	f        *excelize.File
	sheets   []*sheet
	indents  map[int]int // style index → alignment indent level
	warnings []string
}

// sheet is what one worksheet displays: the rows and columns that are
// neither hidden nor outside its print area, and the text of their cells.
type sheet struct {
	name string
	rows []*row          // displayed rows with text, in order
	cols []int           // displayed columns (1-based), in order
	left map[int]float64 // column → left edge, in character widths
	wide map[int]float64 // column → width, in character widths
	// coverBy maps each displayed place a merged range covers, other
	// than the place its text is shown at, to that place
	coverBy map[[2]int][2]int
}

// row is one displayed row: its cells with text, by column. A merged
// range's text stands at its first displayed row and column; the other
// places it covers hold nothing.
type row struct {
	n     int
	cells map[int]*cell
}

// order is the columns of the row's cells, left to right.
func (rw *row) order() []int {
	cs := make([]int, 0, len(rw.cells))
	for c := range rw.cells {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	return cs
}

// cell is the text a cell displays and, for the first cell of a merged
// range, the range's extent in sheet rows and columns.
type cell struct {
	text   string // as displayed, line breaks and tabs as spaces
	indent int    // alignment indent level (Format Cells › Indent)
	merge  *area  // nil unless the cell starts a merged range
}

// area is a rectangle of the sheet, 1-based and inclusive.
type area struct{ r0, c0, r1, c1 int }

// read reads one sheet. A sheet excelize cannot read becomes an empty page
// with a warning, so the other sheets are still checked.
func (wb *workbook) read(name string) *sheet {
	s := &sheet{name: name, left: map[int]float64{}, wide: map[int]float64{}, coverBy: map[[2]int][2]int{}}
	values, hidden, err := wb.values(name)
	if err != nil {
		wb.warnings = append(wb.warnings, fmt.Sprintf("sheet %s could not be read: %v", name, err))
		return s
	}
	maxRow, maxCol := 0, 0
	for r, vs := range values {
		maxRow, maxCol = max(maxRow, r), max(maxCol, len(vs))
	}
	if maxRow == 0 {
		return s
	}
	view := area{1, 1, maxRow, maxCol}
	if pa, ok := wb.printArea(name); ok {
		view = area{max(pa.r0, 1), max(pa.c0, 1), min(pa.r1, maxRow), min(pa.c1, maxCol)}
	}
	x := 0.0
	for c := view.c0; c <= view.c1; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		if vis, err := wb.f.GetColVisible(name, col); err == nil && !vis {
			continue
		}
		w, err := wb.f.GetColWidth(name, col)
		if err != nil || w <= 0 {
			continue // a zero width hides a column as surely as the flag
		}
		s.cols = append(s.cols, c)
		s.left[c], s.wide[c] = x, w
		x += w
	}
	shown := func(r int) bool { return r >= view.r0 && r <= view.r1 && !hidden[r] }
	var rows []int // displayed rows with values, in order
	for r := range values {
		if shown(r) {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	text := func(r, c int) string {
		if vs := values[r]; c-1 < len(vs) {
			return clean(vs[c-1])
		}
		return ""
	}
	byRow := map[int]*row{}
	put := func(r, c int, cl *cell) {
		if strings.TrimSpace(cl.text) == "" {
			return
		}
		rw := byRow[r]
		if rw == nil {
			rw = &row{n: r, cells: map[int]*cell{}}
			byRow[r] = rw
		}
		cl.indent = wb.indent(name, r, c)
		rw.cells[c] = cl
	}
	covered := map[[2]int]bool{}
	work := 0
	for _, m := range wb.merges(name, view, hidden, s.cols) {
		a := m.a
		put(m.anchor[0], m.anchor[1], &cell{text: text(a.r0, a.c0), merge: &a})
		covered[m.anchor] = true
		// only the places that hold values can be covered up: a merged
		// range is as wide as it likes, the work stays that of the data
		for _, r := range between(rows, a.r0, a.r1) {
			for _, c := range between(s.cols, a.c0, a.c1) {
				if p := [2]int{r, c}; p != m.anchor {
					covered[p] = true
					s.coverBy[p] = m.anchor
				}
			}
			if work += len(s.cols); work > maxCells {
				wb.warnings = append(wb.warnings, fmt.Sprintf("sheet %s: too many merged cells, the rest are read cell by cell", name))
				break
			}
		}
		if work > maxCells {
			break
		}
	}
	shownCol := map[int]bool{}
	for _, c := range s.cols {
		shownCol[c] = true
	}
	for _, r := range rows {
		for c := range values[r] {
			if c+1 >= view.c0 && c+1 <= view.c1 && shownCol[c+1] && !covered[[2]int{r, c + 1}] {
				put(r, c+1, &cell{text: text(r, c+1)})
			}
		}
	}
	for r := range byRow {
		s.rows = append(s.rows, byRow[r])
	}
	slices.SortFunc(s.rows, func(a, b *row) int { return a.n - b.n })
	return s
}

// values reads the sheet's cells as displayed (number formats applied,
// formulas' cached results) and which rows are hidden.
func (wb *workbook) values(name string) (map[int][]string, map[int]bool, error) {
	it, err := wb.f.Rows(name)
	if err != nil {
		return nil, nil, err
	}
	defer it.Close()
	values, hidden := map[int][]string{}, map[int]bool{}
	n := 0
	for it.Next() {
		n++
		if n > maxRows {
			return nil, nil, fmt.Errorf("more than %d rows", maxRows)
		}
		cols, err := it.Columns()
		if err != nil {
			return nil, nil, err
		}
		if it.GetRowOpts().Hidden {
			hidden[n] = true
		}
		if len(cols) > 0 {
			values[n] = cols
		}
	}
	return values, hidden, it.Error()
}

// merged is a merged range clipped to what the sheet displays, with the
// place its text is shown at: its first displayed row and column.
type merged struct {
	a      area
	anchor [2]int
}

// merges returns the sheet's merged ranges that show on the page; a range
// wholly hidden or outside the print area shows nothing.
func (wb *workbook) merges(name string, view area, hidden map[int]bool, cols []int) []merged {
	ms, err := wb.f.GetMergeCells(name, true)
	if err != nil {
		wb.warnings = append(wb.warnings, fmt.Sprintf("sheet %s: merged cells could not be read, each cell is read alone: %v", name, err))
		return nil
	}
	var out []merged
	for _, m := range ms {
		c0, r0, err0 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err0 != nil || err1 != nil {
			continue
		}
		a := area{min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)}
		ar := max(a.r0, view.r0)
		for ar <= min(a.r1, view.r1) && hidden[ar] {
			ar++ // hidden rows are few: the loop is as long as they are
		}
		cs := between(cols, a.c0, a.c1)
		if ar > min(a.r1, view.r1) || len(cs) == 0 {
			continue
		}
		out = append(out, merged{a: a, anchor: [2]int{ar, cs[0]}})
	}
	return out
}

// between is the part of the sorted xs that lies in [lo, hi].
func between(xs []int, lo, hi int) []int {
	i, _ := slices.BinarySearch(xs, lo)
	j, _ := slices.BinarySearch(xs, hi+1)
	return xs[i:j]
}

// printArea is the range the sheet prints, when one is set: the table
// the authors publish, without the helper columns beside it (a 打印 是/否
// flag, codes kept for filtering).
func (wb *workbook) printArea(name string) (area, bool) {
	for _, dn := range wb.f.GetDefinedName() {
		if dn.Name != "_xlnm.Print_Area" || dn.Scope != name {
			continue
		}
		return parseRanges(dn.RefersTo)
	}
	return area{}, false
}

var rangeRe = regexp.MustCompile(`^\$?([A-Za-z]{0,3})\$?(\d{0,7})$`)

// parseRanges reads a defined name's reference ('Sheet 1'!$B$1:$H$41, or
// several ranges separated by commas, or whole columns $A:$H or rows
// $1:$20) as the rectangle that holds them all.
func parseRanges(ref string) (area, bool) {
	box, ok := area{}, false
	for _, part := range strings.Split(ref, ",") {
		if i := strings.LastIndex(part, "!"); i >= 0 {
			part = part[i+1:]
		}
		from, to, found := strings.Cut(strings.TrimSpace(part), ":")
		if !found {
			to = from
		}
		a, okA := corner(from, 1)
		b, okB := corner(to, excelize.TotalRows)
		if !okA || !okB {
			return area{}, false
		}
		ar := area{min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])}
		if !ok {
			box, ok = ar, true
			continue
		}
		box = area{min(box.r0, ar.r0), min(box.c0, ar.c0), max(box.r1, ar.r1), max(box.c1, ar.c1)}
	}
	return box, ok
}

// corner reads one end of a range as row and column; a missing part (a
// whole column or row) is the sheet's edge: 1 at the start, the limit at
// the end.
func corner(s string, edge int) ([2]int, bool) {
	m := rangeRe.FindStringSubmatch(s)
	if m == nil || (m[1] == "" && m[2] == "") {
		return [2]int{}, false
	}
	r, c := edge, edge
	if edge > 1 {
		c = excelize.MaxColumns
	}
	if m[1] != "" {
		n, err := excelize.ColumnNameToNumber(m[1])
		if err != nil {
			return [2]int{}, false
		}
		c = n
	}
	if m[2] != "" {
		n := 0
		fmt.Sscan(m[2], &n)
		if n < 1 {
			return [2]int{}, false
		}
		r = n
	}
	return [2]int{r, c}, true
}

// indent is the alignment indent level of a cell's style: how budget
// tables set item names under their heading when they do not use spaces.
func (wb *workbook) indent(name string, r, c int) int {
	axis, err := excelize.CoordinatesToCellName(c, r)
	if err != nil {
		return 0
	}
	idx, err := wb.f.GetCellStyle(name, axis)
	if err != nil || idx == 0 {
		return 0
	}
	if n, ok := wb.indents[idx]; ok {
		return n
	}
	if wb.indents == nil {
		wb.indents = map[int]int{}
	}
	n := 0
	if st, err := wb.f.GetStyle(idx); err == nil && st != nil && st.Alignment != nil {
		n = max(st.Alignment.Indent, 0)
	}
	wb.indents[idx] = n
	return n
}

// clean keeps a cell's text on one line of the page: a line break in the
// cell (会议资料\n妥善保存) and a tab read as spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\r\n\t\f\v") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\n', '\t', '\f', '\v':
			return ' '
		}
		return r
	}, s)
}
