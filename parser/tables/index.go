package tables

import (
	"regexp"
	"strings"
)

// Index finds the government-table cells a narrative sentence quotes: the
// execution of 全市一般公共预算收入 is the 执行数 of the total row of the
// city's revenue table; 税收收入 is that table's row of the name. A
// template's subjects name its total row in prose; any other row answers
// to its own name. The checks compare the narrative with these cells, and
// the narrative's own checks may use them as the budget or last year's
// figure a sentence leaves unsaid.
type Index struct {
	entries []entry
	canon   func(string) string
	items   map[string][]int // normalised row name → entries (Items)
	// subjects holds the folded subjects of the indexed templates, built
	// once: a long report asks for every sentence, and scanning every
	// row's template per question grew with the square of its length.
	subjects map[string]bool
}

// Subject reports a template's subject: the prose name of a table's total.
func (ix *Index) Subject(key string) bool {
	return ix.subjects[Fold(key)]
}

type entry struct {
	sheet *Sheet
	row   *Row
	key   string
	scope string
	year  int
}

// Quote is one cell an index lookup found.
type Quote struct {
	Sheet  *Sheet
	Row    *Row
	Column string
	Value  *Value
	Scope  string // the table's level of government: 全市, 市本级 …
	Year   int    // the year the table reports
}

// NewIndex indexes the rows of government sheets. scopes canonicalises a
// level of government named in a title (省级 → 省本级), "" when it names
// none; nil takes the words as written.
func NewIndex(sheets []*Sheet, scopes func(string) string) *Index {
	if scopes == nil {
		scopes = func(string) string { return "" }
	}
	ix := &Index{canon: scopes, subjects: map[string]bool{}}
	for _, s := range sheets {
		if !s.Std.Government() || len(s.T.Columns) == 0 {
			continue
		}
		scope := titleScope(s.T.Title, scopes)
		year := tableYear(s.T)
		total := s.totalRow(scopes)
		indexed := len(ix.entries)
		for _, r := range s.Rows {
			key := rowKey(r.Name)
			if key == "" {
				continue
			}
			ix.entries = append(ix.entries, entry{s, r, key, scope, year})
			if r == total {
				for _, subj := range s.Std.Subjects {
					ix.entries = append(ix.entries, entry{s, r, Fold(subj), scope, year})
				}
			}
		}
		if len(ix.entries) > indexed { // a template is asked about only when its table has rows
			for _, subj := range s.Std.Subjects {
				ix.subjects[Fold(subj)] = true
			}
		}
	}
	return ix
}

// totalRow is the row a template's subjects name: the first named as one
// of its totals (本年收入合计, or 省本级本年收入合计 in the 省级 table), ending with a subject (一般公共预算支出合计
// above its classes), or, in a table of one side, this year's whole side
// (一、本年收入 and 一、省本级本年收入 above 二、转移性收入: the revenue the
// subject names, without transfers and debt); nil when there is none.
// scopes names the level a row's name may open with.
func (s *Sheet) totalRow(scopes func(string) string) *Row {
	_, side := s.Budget()
	own := titleScope(s.T.Title, scopes)
	for _, r := range s.Rows {
		k := rowKey(r.Name)
		if containsString(s.totals(), k) || s.isTotalRow(r) || s.levelTotal(k, own, scopes) {
			return r
		}
		if side == "" {
			continue
		}
		if level, ok := strings.CutSuffix(k, "本年"+side); ok && (level == "" || scopes(level) != "") {
			return r
		}
	}
	return nil
}

// levelTotal reports a total named with the table's own level before it
// (省本级本年收入合计 in the 省级 table): the level must be the title's, as
// a table of the whole province may total the province's own part apart.
func (s *Sheet) levelTotal(k, own string, scopes func(string) string) bool {
	if own == "" {
		return false
	}
	for _, t := range s.totals() {
		if level, ok := strings.CutSuffix(k, t); ok && level != "" && level != k && scopes(level) == own {
			return true
		}
	}
	return false
}

// isTotalRow reports a row named by a subject of the template, with or
// without 合计.
func (s *Sheet) isTotalRow(r *Row) bool {
	n := rowKey(r.Name)
	for _, subj := range s.Std.Subjects {
		if f := Fold(subj); n == f || n == f+"合计" {
			return true
		}
	}
	return false
}

var partOfRe = regexp.MustCompile(`^(?:其中|含)[:：]?`)

// rowKey is a row's name as a narrative would write it: without its
// numbering or a leading 其中：.
func rowKey(name string) string {
	return partOfRe.ReplaceAllString(StripEnum(Fold(name)), "")
}

// titleScope is the level of government a table's title names: its own
// word (省本级, 全市), or for a title naming only a place (2025年威海市…)
// the whole of it (全市).
func titleScope(title string, scopes func(string) string) string {
	t := Fold(title)
	if s := scopes(t); s != "" {
		return s
	}
	core := yearRe.ReplaceAllString(t, "")
	for _, w := range []struct{ end, scope string }{{"自治区", "全区"}, {"省", "全省"}, {"市", "全市"}, {"州", "全州"}, {"盟", "全盟"}, {"县", "全县"}, {"区", "全区"}} {
		if i := strings.Index(core, w.end); i > 0 && i < 12 {
			return w.scope
		}
	}
	return ""
}

// Lookup finds the cells of a column for a subject as a narrative writes
// it (scope and year words are the caller's: key is the subject without
// them). scope "" matches any level, year 0 any year; a column of last
// year (上年执行数) answers for a year before a table's own.
func (ix *Index) Lookup(key, scope string, year int, column string) []Quote {
	key = Fold(key)
	var out []Quote
	for _, e := range ix.entries {
		if e.key != key || scope != "" && e.scope != scope {
			continue
		}
		col := column
		switch {
		case year == 0 || e.year == 0 || e.year == year:
		case e.year == year+1 && (column == "执行数" || column == "预算数"):
			col = "上年" + column
		default:
			continue
		}
		k := indexOf(e.sheet.T.Columns, col)
		if k < 0 || k >= len(e.row.Vals) || e.row.Vals[k] == nil {
			continue
		}
		out = append(out, Quote{Sheet: e.sheet, Row: e.row, Column: col, Value: e.row.Vals[k], Scope: e.scope, Year: e.year})
	}
	return out
}

// Other is a quote's cell in another column of its row, nil when the table
// has no such column or the cell was not placed.
func (q Quote) Other(column string) *Value {
	k := indexOf(q.Sheet.T.Columns, column)
	if k < 0 || k >= len(q.Row.Vals) {
		return nil
	}
	return q.Row.Vals[k]
}
