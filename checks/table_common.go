package checks

import (
	"strings"
	"sync"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
	"github.com/budgetlint/budgetlint/parser/textfile"
)

// docSheets returns the recognised standard tables of a document. The
// builder may already have put them in Doc.Tables; when it has not (or
// only HTML grids are there), the tables are found again from the source
// text, whose lines are those the text reader returns. The last result is
// kept because every table check asks for the same document in turn.
func docSheets(d *doc.Document) []*tables.Sheet {
	sheetCache.Lock()
	defer sheetCache.Unlock()
	if sheetCache.doc == d {
		return sheetCache.sheets
	}
	ts := d.Tables
	lineTables := false
	for _, t := range ts {
		tables.Recognize(t)
		if t.FirstLine > 0 || t.LastLine > 0 {
			lineTables = true
		}
	}
	if !lineTables && d.Source != nil && d.Format != doc.FormatHTML && len(d.Source.Text) > 0 {
		raw := &doc.Raw{Format: d.Format, Source: string(d.Source.Text), PageLines: d.Source.PageLines}
		raw.Lines = textfile.SplitLines(d.Source.Text, 0)
		ts = append(append([]*doc.Table(nil), ts...), tables.Detect(raw)...)
	}
	var out []*tables.Sheet
	for _, t := range ts {
		if s := tables.View(t); s != nil {
			out = append(out, s)
		}
	}
	sheetCache.doc, sheetCache.sheets = d, out
	sheetCache.misread = map[*tables.Sheet]bool{}
	for _, s := range out {
		sheetCache.misread[s] = misaligned(s)
	}
	return out
}

var sheetCache struct {
	sync.Mutex
	doc     *doc.Document
	sheets  []*tables.Sheet
	misread map[*tables.Sheet]bool
}

// misread reports a sheet whose rows drifted against their figures in
// extraction (see table-hierarchy): no check may use its figures.
func misread(s *tables.Sheet) bool {
	sheetCache.Lock()
	defer sheetCache.Unlock()
	return sheetCache.misread[s]
}

// misaligned runs the hierarchy arithmetic without reporting: a table
// where at least three and a third of the parents disagree with their
// children was read wrongly.
func misaligned(s *tables.Sheet) bool {
	h := &hierRun{}
	hierarchySheet(&Context{Cov: &Coverage{}}, s, h)
	return h.failed >= 3 && 3*h.failed >= h.parents
}

// sheetOf finds the first readable sheet of a standard table.
func sheetOf(ss []*tables.Sheet, name string) *tables.Sheet {
	for _, s := range ss {
		if s.Std.Name == name && !s.T.Empty && !misread(s) {
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
	var text strings.Builder
	for _, c := range cells {
		if c.Block == nil || len(c.Block.SrcAt) == 0 {
			return nil
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
			b.RawAt = append(b.RawAt, len(b.Raw))
			b.Raw = append(b.Raw, ' ')
			b.SrcAt = append(b.SrcAt, c.Block.SrcAt[0])
		}
		if b.Page == 0 {
			b.Page = c.Block.Page
		}
		base := len(b.Raw)
		b.Raw = append(b.Raw, c.Block.Raw...)
		b.SrcAt = append(b.SrcAt, c.Block.SrcAt...)
		for _, k := range c.Block.RawAt {
			b.RawAt = append(b.RawAt, base+k)
		}
		text.WriteString(c.Block.Text)
	}
	b.Text = text.String()
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
// (non-negative) parts: the reading failed (pitfall 26), it is no finding.
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
