package tables

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/rules"
)

// Rows of a sheet as a template's identities name them. A label names the
// first row of the half whose name (enumerator dropped) is the label; a
// label starting with … names the first row whose name ends with the rest
// and is not one of the numbered items (一、…) it totals.

// topItem matches the numbered lines a total adds up (一、… 二十四、);
// sub-items (（一）) are left out so nothing counts twice.
var topItem = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// IsItem reports a row numbered 一、二、… (a top-level item).
func IsItem(r *Row) bool { return topItem.MatchString(r.Name) }

// inHalf reports a row in half g, or in any half when g < 0.
func inHalf(r *Row, g int) bool { return g < 0 || r.Group == g }

// Find returns the row a label names in half g (any half when g < 0), nil
// when there is none. A template's total label (合计, 总计) names the total
// row: no code, in the first half.
func (s *Sheet) Find(label string, g int) *Row {
	if suffix, ok := strings.CutPrefix(label, "…"); ok {
		for _, r := range s.Rows {
			if inHalf(r, g) && strings.HasSuffix(r.Name, suffix) && !IsItem(r) {
				return r
			}
		}
		return nil
	}
	if containsString(s.totals(), label) && s.Std.Layout != LayoutSummary {
		return s.Total(max(g, 0))
	}
	for _, r := range s.Rows {
		if inHalf(r, g) && StripEnum(r.Name) == label {
			return r
		}
	}
	return nil
}

// Items returns the numbered rows (一、二、…) of half g that come before
// row end (all of them when end is nil).
func (s *Sheet) Items(g int, end *Row) []*Row {
	var out []*Row
	for _, r := range s.Rows {
		if r == end {
			break
		}
		if inHalf(r, g) && IsItem(r) {
			out = append(out, r)
		}
	}
	return out
}

// Classes returns the class rows (3-digit codes) of half g: those with the
// given codes, or (except) those without them, or all when codes is empty.
func (s *Sheet) Classes(g int, codes []string, except bool) []*Row {
	var out []*Row
	for _, r := range s.Rows {
		if !inHalf(r, g) || len(r.Code) != 3 {
			continue
		}
		if len(codes) > 0 && containsString(codes, r.Code) == except {
			continue
		}
		out = append(out, r)
	}
	return out
}

// ClassRow returns the row of a function class (its 3-digit code) in half
// g: the coded row, or in a table of named lines the line naming the class
// (八、社会保障和就业支出).
func (s *Sheet) ClassRow(g int, code string) *Row {
	for _, r := range s.Rows {
		if !inHalf(r, g) {
			continue
		}
		if r.Code == code || r.Code == "" && s.Std.Layout == LayoutSummary && ClassOf(r.Name) == code {
			return r
		}
	}
	return nil
}

// ClassRows returns every class row of half g with its class code, in order.
func (s *Sheet) ClassRows(g int) ([]*Row, []string) {
	var rows []*Row
	var codes []string
	for _, r := range s.Rows {
		if !inHalf(r, g) {
			continue
		}
		code := ""
		switch {
		case len(r.Code) == 3:
			code = r.Code
		case r.Code == "" && s.Std.Layout == LayoutSummary:
			code = ClassOf(r.Name)
		}
		if code != "" {
			rows, codes = append(rows, r), append(codes, code)
		}
	}
	return rows, codes
}

// totals are the labels of a template's total rows.
func (s *Sheet) totals() []string {
	if len(s.Std.Totals) > 0 {
		return s.Std.Totals
	}
	return []string{"合计", "总计"}
}

// Total is the row of a coded table that totals half g: no code, named as
// the template names its totals (合计, 总计); nil if absent.
func (s *Sheet) Total(g int) *Row {
	tot := s.totals()
	for _, r := range s.Rows {
		if r.Group == g && r.Code == "" && containsString(tot, r.Name) {
			return r
		}
	}
	return nil
}

// Column resolves a column reference of a relation (the whole table's
// first half): #k, a declared column, or a periodic template's item in its
// last period (决算数 in final accounts, the budget in a budget). -1 when
// the table has no such column.
func (s *Sheet) Column(r rules.Ref, g int) int {
	n := s.NCols[g]
	periods := s.Periods()
	k, ok := s.column(r, g, n, periods-1, periods)
	if !ok {
		return -1
	}
	return k
}

// Kind is the report kind of the sheet's table, final when it does not say.
func (s *Sheet) Kind() string { return kindOr(s.T.Kind) }

// Label names a column in findings: the template's label for it, else its name.
func (s *Sheet) Label(col string) string {
	if l, ok := s.Std.Labels[col]; ok {
		return l
	}
	return col
}

// ColumnName is the declared name of column col of half g, "" when the
// table's columns are not the declared ones (their count differs, or a
// budget declares none).
func (s *Sheet) ColumnName(g, col int) string {
	if len(s.T.Columns) > 0 {
		if g == 0 && col < len(s.T.Columns) {
			return s.T.Columns[col]
		}
		return ""
	}
	if len(s.Std.Periods) > 0 {
		return ""
	}
	if cols := s.Std.declared(s.T.Kind, g); len(cols) == s.NCols[g] && col < len(cols) {
		return cols[col]
	}
	return ""
}

// ColumnOf resolves a column of half g named by a row identity: its
// position, -1 when the table has no such column.
func (s *Sheet) ColumnOf(r rules.Ref, g int) int {
	k, ok := s.column(r, g, s.NCols[g], 0, 1)
	if !ok {
		return -1
	}
	return k
}

// IsRate reports a column of rates (为预算%, 比上年增长%), which no sum adds.
func (s *Sheet) IsRate(g, col int) bool {
	return strings.HasSuffix(s.ColumnName(g, col), "%")
}

// Rows of a table without codes are nested by their numbering: 一、 over
// （一） over 1. over （1） over rows with none. A row's children are the
// rows after it, up to the next row numbered at its level or above (or a
// total), at the first level below its own; rows that say 其中 break a
// figure down, not add to it, and are no one's children.
var levelRes = []*regexp.Regexp{
	regexp.MustCompile(`^[一二三四五六七八九十]+[、.．]`),
	regexp.MustCompile(`^[（(][一二三四五六七八九十]+[)）]`),
	regexp.MustCompile(`^[0-9]+[.．、]`),
	regexp.MustCompile(`^[（(][0-9]+[)）]`),
}

// Level is a row's numbering level, 1 (一、) to 5 (none).
func Level(name string) int {
	f := Fold(name)
	for i, re := range levelRes {
		if re.MatchString(f) {
			return i + 1
		}
	}
	return len(levelRes) + 1
}

var ofWhichRe = regexp.MustCompile(`^(其中|含)[:：]?`)

// IsPartOf reports a row that breaks the row above down (其中：…).
func IsPartOf(r *Row) bool { return ofWhichRe.MatchString(Fold(r.Name)) }

// IsTotal reports a row that totals others: a template's total label, or
// a name ending in 合计, 总计 or 小计.
func (s *Sheet) IsTotal(r *Row) bool {
	n := StripEnum(Fold(r.Name))
	if strings.HasSuffix(n, "合计") || strings.HasSuffix(n, "总计") || strings.HasSuffix(n, "小计") {
		return true
	}
	for _, t := range s.totals() {
		// 全区一般公共预算支出: the total of a region's table
		if n == t || utf8.RuneCountInString(t) >= 4 && strings.HasSuffix(n, t) {
			return true
		}
	}
	return false
}

// Ways of reading a table's nesting without codes.
const (
	ByNumber = iota // numbering only: unnumbered rows are one level
	ByIndent        // numbering, then how far unnumbered names are indented
	AllBelow        // every row deeper than the parent, at any depth
)

// NumberedChildren returns the children of row i of s.Rows, read the given
// way: by numbering (一、 over （一） over rows with none), and among rows
// without numbering by how far their names are indented (人大事务 over its
// 行政运行 in a table without codes); nil when it has none.
func (s *Sheet) NumberedChildren(i int, way int) []*Row {
	p := s.Rows[i]
	if p.Code != "" || IsPartOf(p) || s.IsTotal(p) {
		return nil
	}
	indents := s.indents()
	level := func(r *Row) int {
		l := Level(r.Name)
		if way != ByNumber && l > len(levelRes) {
			l += indents[r]
		}
		return l
	}
	pl := level(p)
	lv := 0
	var kids []*Row
	for _, r := range s.Rows[i+1:] {
		if r.Group != p.Group {
			continue
		}
		if IsPartOf(r) {
			continue
		}
		l := level(r)
		if l <= pl || s.IsTotal(r) || r.Code != "" {
			break
		}
		if way == AllBelow {
			kids = append(kids, r)
			continue
		}
		if lv == 0 || l < lv {
			lv, kids = l, kids[:0]
		}
		if l == lv {
			kids = append(kids, r)
		}
	}
	return kids
}

// IndentKnown reports whether the names of the table's unnumbered rows
// have positions, so their indentation can be read.
func (s *Sheet) IndentKnown() bool { return len(s.indents()) > 0 }

// indents ranks the indentation of the table's unnumbered rows: 0 for the
// rows whose names start furthest left, 1 for the next indent, …; a row
// without geometry is absent.
func (s *Sheet) indents() map[*Row]int {
	if s.indent != nil {
		return s.indent
	}
	s.indent = map[*Row]int{}
	var xs []float64
	for _, r := range s.Rows {
		if c := r.Label; c != nil && c.X1 > c.X0 && Level(r.Name) > len(levelRes) && !s.IsTotal(r) {
			xs = append(xs, c.X0)
		}
	}
	sort.Float64s(xs)
	// indents differ by a character's width or more; a point or two is noise
	var steps []float64
	for _, x := range xs {
		if len(steps) == 0 || x-steps[len(steps)-1] > 3 {
			steps = append(steps, x)
		}
	}
	for _, r := range s.Rows {
		c := r.Label
		if c == nil || c.X1 <= c.X0 || Level(r.Name) <= len(levelRes) || s.IsTotal(r) {
			continue
		}
		k := 0
		for k+1 < len(steps) && c.X0 > steps[k+1]-1.5 {
			k++
		}
		s.indent[r] = k
	}
	return s.indent
}

// TopRows returns, for a table whose items are not numbered 一、二、 (a
// government table numbering its funds 1. 2. …), the rows before row end
// numbered at the highest level the table uses there; nil when none are
// numbered.
func (s *Sheet) TopRows(g int, end *Row) []*Row {
	top := len(levelRes) + 1
	for _, r := range s.Rows {
		if r == end {
			break
		}
		if inHalf(r, g) && !IsPartOf(r) {
			top = min(top, Level(r.Name))
		}
	}
	if top > len(levelRes) {
		return nil
	}
	var out []*Row
	for _, r := range s.Rows {
		if r == end {
			break
		}
		if inHalf(r, g) && !IsPartOf(r) && Level(r.Name) == top {
			out = append(out, r)
		}
	}
	return out
}
