package checks

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// sheetSet is a document's recognised tables with their identities
// judged; the ones whose reading failed are marked so no check uses their
// figures.
type sheetSet struct {
	sheets []*tables.Sheet
	judged map[*tables.Sheet]*judgement
	cat    *tables.Catalog
}

// docSheets returns the recognised standard tables of the checked
// document, built once per run for all the table rules (the document's
// tables were recognised when it was opened; this only reads them).
func docSheets(c *Context) *sheetSet {
	if c.run.sheets == nil {
		set := &sheetSet{judged: map[*tables.Sheet]*judgement{}, cat: tables.Of(c.run.set)}
		for _, t := range c.Doc.Tables {
			if s := set.cat.View(t); s != nil {
				set.sheets = append(set.sheets, s)
				set.judged[s] = judge(s)
			}
		}
		c.run.sheets = set
	}
	return c.run.sheets
}

// misread reports a sheet whose reading failed (table_judge.go): no check
// may use its figures.
func (ss *sheetSet) misread(s *tables.Sheet) bool { return ss.judged[s].misread }

// of finds the first readable sheet of a standard table.
func (ss *sheetSet) of(name string) *tables.Sheet {
	for _, s := range ss.sheets {
		if s.Std.Name == name && !s.T.Empty && !ss.misread(s) {
			return s
		}
	}
	return nil
}

// ofID finds the first readable sheet of a template, by its id.
func (ss *sheetSet) ofID(id string) *tables.Sheet {
	for _, s := range ss.sheets {
		if s.Std.ID == id && !s.T.Empty && !ss.misread(s) {
			return s
		}
	}
	return nil
}

// rowBlock makes one block of a row's cells, separated by spaces, so a
// finding quotes the whole row and points at its first cell.
func rowBlock(r *tables.Row) *doc.Block {
	cells := r.All
	b := &doc.Block{Kind: doc.KindTableCell}
	var text, raw strings.Builder
	n := 0 // runes in raw
	for _, c := range cells {
		if c.Block == nil && c.Text == "" {
			continue // a blank cell restored from the header: nothing printed to point at
		}
		if c.Block == nil || c.Block.SrcAt.Len() == 0 {
			return nil
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
			b.RawAt.Append(n)
			raw.WriteByte(' ')
			n++
			b.SrcAt.Append(c.Block.SrcAt.At(0))
		}
		if b.Page == 0 {
			b.Page = c.Block.Page
		}
		base := n
		raw.WriteString(c.Block.Raw)
		n += utf8.RuneCountInString(c.Block.Raw)
		for _, o := range c.Block.SrcAt.All() {
			b.SrcAt.Append(o)
		}
		for _, k := range c.Block.RawAt.All() {
			b.RawAt.Append(base + k)
		}
		text.WriteString(c.Block.Text)
	}
	b.Text, b.Raw = text.String(), raw.String()
	return b
}

// reportRow reports a finding on a table row, quoting the row.
func reportRow(c *Context, r *tables.Row, vars Vars) {
	if vars["claim"] == "" {
		vars["claim"] = r.Text()
	}
	if b := rowBlock(r); b != nil && b.RuneLen() > 0 {
		c.Report(b, 0, b.RuneLen(), vars)
		return
	}
	c.ReportDoc(vars)
}

// show prints an interval's midpoint at the precision of the stated figure.
func show(iv num.Interval, like *tables.Value) string {
	d := 2
	if like != nil && !like.Blank {
		d = like.D.Decimals()
	}
	out := num.FormatRat(iv.Mid(), d)
	if like != nil && like.Cell != nil && strings.Contains(like.Cell.Text, ",") {
		out = thousands(out)
	}
	return out
}

// thousands inserts separators the way the table prints its figures.
func thousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	ip, frac, hasDot := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasDot {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// figure prints a placed value as written (a blank as 0).
func figure(v *tables.Value) string {
	if v == nil {
		return "?"
	}
	if v.Blank {
		return "0"
	}
	if v.Cell != nil {
		return v.Cell.Text
	}
	return v.D.String()
}

// partList writes "a + b + …" with at most six terms.
func partList(vs []*tables.Value, signs []int) string {
	var b strings.Builder
	for i, v := range vs {
		if i == 6 {
			b.WriteString(" + …")
			break
		}
		if i > 0 {
			if signs != nil && signs[i] < 0 {
				b.WriteString(" − ")
			} else {
				b.WriteString(" + ")
			}
		}
		b.WriteString(figure(v))
	}
	return b.String()
}

// belowLargest reports a total whose interval lies wholly below one of its
// (non-negative) parts: the reading failed, it is no finding.
func belowLargest(total *tables.Value, parts []*tables.Value) bool {
	t := total.Interval()
	for _, p := range parts {
		iv := p.Interval()
		if iv.Lo.Sign() >= 0 && t.Below(iv) {
			return true
		}
	}
	return false
}

// sumValues is the interval sum of values; ok is false when one is unknown.
func sumValues(vs []*tables.Value) (num.Interval, bool) {
	s := num.Int(0)
	for _, v := range vs {
		if v == nil {
			return num.Interval{}, false
		}
		s = s.Add(v.Interval())
	}
	return s, true
}

// tableName is how a finding names a table: the template's name for a
// final report, its first budget title for a budget (一般公共预算支出功能分类预算表,
// not 一般公共预算财政拨款支出决算表).
func tableName(s *tables.Sheet) string { return tableNameOf(s.Std, s.T) }

func tableNameOf(std *tables.Standard, t *doc.Table) string {
	if t.Kind == "budget" && std != nil && !std.Government() && len(std.Budget) > 0 {
		return std.Budget[0]
	}
	return t.Standard
}
