package tables

import (
	"regexp"
	"strings"

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
	if len(s.Std.Periods) > 0 {
		return ""
	}
	if cols := s.Std.declared(s.T.Kind, g); len(cols) == s.NCols[g] && col < len(cols) {
		return cols[col]
	}
	return ""
}
