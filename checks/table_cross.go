package checks

import (
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
	"github.com/budgetlint/budgetlint/rules"
)

// table-cross: a figure shown in several tables is the same in each, as
// the rule pack's table relations declare (rules/templates-*.yaml): the
// summary's expenditure lines equal the class rows of the expenditure
// tables, the 本年合计 lines the tables' 合计 rows, 基本支出 of the general
// budget 人员经费 + 公用经费 of the basic-expenditure table; and a relation
// may be a bound: the basic-expenditure lines for travel abroad, reception
// and official cars cannot exceed the "三公" table's figures for them,
// which cover all fiscal money (basic and project).
func init() {
	RegisterTests("table-cross", map[string]Test{"tables": tableCross}, Options{Sheets: true, Vars: []string{"stated", "expected", "other", "relation", "row", "table", "context", "claim"}})
}

func tableCross(c *Context) {
	ss := docSheets(c)
	for _, r := range ss.cat.Relations {
		relation(c, ss, r)
	}
}

// side is a relation's side read in a document: a sheet, and the row
// and column the relation names (row nil for "every class").
type side struct {
	sheet *tables.Sheet
	ref   rules.Ref
	sign  int
}

func relation(c *Context, ss *sheetSet, r *rules.Relation) {
	e := r.Expr
	if len(e.Right) != 1 {
		return
	}
	var sides []side
	for _, t := range append([]rules.Term{e.Left}, e.Right[0]...) {
		if t.Sum != "" || t.Func != "" {
			return
		}
		s := ss.ofID(t.Ref.Table)
		if s == nil {
			return // the table is absent or unreadable: nothing to compare
		}
		sides = append(sides, side{s, t.Ref, t.Sign})
	}
	for id, n := range r.Columns {
		if s := ss.ofID(id); s == nil || s.NCols[0] != n {
			return
		}
	}
	if r.SameKind {
		for _, sd := range sides[1:] {
			if sd.sheet.T.Kind != sides[0].sheet.T.Kind {
				return
			}
		}
	}
	if sides[0].ref.Row == "classes" {
		classRelation(c, r, sides)
		return
	}
	left := sides[0]
	lrow, lcol, ok := cell(c, left)
	if !ok {
		return
	}
	var rows []*tables.Row
	var vals []*tables.Value
	var labels []string
	for _, sd := range sides[1:] {
		row, col, ok := cell(c, sd)
		if !ok {
			return
		}
		v := valueAt(row, col)
		label := sd.ref.Col
		if v == nil && r.ElseExpr != nil && len(sides) == 2 {
			// the figure was not placed (blank cells): the bound the
			// relation gives instead
			sd = side{ss.ofID(r.ElseExpr.Ref.Table), r.ElseExpr.Ref, 1}
			if sd.sheet == nil {
				return
			}
			if row, col, ok = cell(c, sd); !ok {
				return
			}
			v, label = valueAt(row, col), sd.ref.Col
		}
		if v == nil {
			c.TableSkipped("table cross: figure not placed in its column")
			return
		}
		rows, vals = append(rows, row), append(vals, v)
		if l, ok := r.Labels[label]; ok {
			label = l
		} else if sd.ref.Row == "" {
			label = sd.sheet.Label(label)
		} else {
			label = rowLabel(row)
		}
		labels = append(labels, label)
	}
	lv := valueAt(lrow, lcol)
	if lv == nil {
		c.TableSkipped("table cross: figure not placed in its column")
		return
	}
	compareCells(c, r, left, lrow, lcol, lv, sides[1:], rows, vals, labels)
}

// cell finds the row and column a side names, counting why not.
func cell(c *Context, sd side) (*tables.Row, int, bool) {
	s := sd.sheet
	g := max(rules.HalfIndex(sd.ref.Half), 0)
	var row *tables.Row
	switch {
	case sd.ref.Row == "":
		// a one-row table (the "三公" table): its row of figures, read
		// only when every column was placed
		if len(s.Rows) == 0 {
			return nil, 0, false
		}
		row = s.Rows[0]
		if p := s.Periods(); p < 1 || p > 2 || len(row.Vals) != s.NCols[0] {
			c.TableSkipped("table cross: " + s.Std.Name + " not read")
			return nil, 0, false
		}
	case isCode(sd.ref.Row):
		row = s.ByCode(sd.ref.Row)
		if row == nil || len(row.Vals) == 0 || row.Vals[0] == nil {
			return nil, 0, false
		}
		if w := sd.ref.NameHas; w != "" && row.Name != "" && !strings.Contains(row.Name, w) && utf8.RuneCountInString(row.Name) > 4 {
			// a budget classification may give the code another meaning
			// (30212 机关事业单位退休人员活动费); a wrapped name's fragment
			// of a few characters says nothing
			c.TableSkipped("table cross: the coded line is not the one the relation means")
			return nil, 0, false
		}
	default:
		half := rules.HalfIndex(sd.ref.Half)
		row = s.Find(sd.ref.Row, half)
		if row == nil {
			c.TableSkipped("table cross: a line it compares is absent")
			return nil, 0, false
		}
	}
	col := s.Column(sd.ref, g)
	if col < 0 {
		return nil, 0, false
	}
	return row, col, true
}

func isCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func valueAt(r *tables.Row, col int) *tables.Value {
	if r == nil || col < 0 || col >= len(r.Vals) {
		return nil
	}
	return r.Vals[col]
}

// classRelation pairs every class line of the two tables by its class code.
// The table of named lines (a summary) is read for its classes; a class it
// gives figures for and the coded table has no row for is "not computable"
// rather than a mismatch.
func classRelation(c *Context, r *rules.Relation, sides []side) {
	if len(sides) != 2 {
		return
	}
	left, right := sides[0], sides[1]
	walk, other := right, left
	if left.sheet.Std.Layout == tables.LayoutSummary && right.sheet.Std.Layout == tables.LayoutSummary {
		walk, other = left, right
	}
	wg := rules.HalfIndex(walk.ref.Half)
	og := rules.HalfIndex(other.ref.Half)
	rows, codes := walk.sheet.ClassRows(wg)
	wcol := walk.sheet.Column(walk.ref, max(wg, 0))
	ocol := other.sheet.Column(other.ref, max(og, 0))
	if wcol < 0 || ocol < 0 {
		return
	}
	for i, wrow := range rows {
		orow := other.sheet.ClassRow(og, codes[i])
		if orow == nil {
			if v := valueAt(wrow, wcol); v != nil && !v.Interval().ContainsZero() {
				c.TableSkipped("table cross: class row absent from the other table")
			}
			continue
		}
		lrow, lcol, rrow, rcol := orow, ocol, wrow, wcol
		if walk == left {
			lrow, lcol, rrow, rcol = wrow, wcol, orow, ocol
		}
		lv, rv := valueAt(lrow, lcol), valueAt(rrow, rcol)
		if lv == nil || rv == nil {
			c.TableSkipped("table cross: figure not placed in its column")
			continue
		}
		compareCells(c, r, left, lrow, lcol, lv, []side{right}, []*tables.Row{rrow}, []*tables.Value{rv}, []string{rowLabel(rrow)})
	}
}

// compareCells reports when the left cell cannot equal (or, for <=, cannot
// be at most) the signed sum of the right cells, every figure in 元.
func compareCells(c *Context, r *rules.Relation, left side, lrow *tables.Row, lcol int, lv *tables.Value,
	rights []side, rrows []*tables.Row, rvals []*tables.Value, labels []string) {
	c.TableChecked()
	li := scaled(left.sheet, lv)
	sum := num.Int(0)
	for i, v := range rvals {
		iv := scaled(rights[i].sheet, v)
		if rights[i].sign < 0 {
			iv = iv.Neg()
		}
		sum = sum.Add(iv)
	}
	atMost := r.Expr.Op == "<="
	if li.Meets(sum) || atMost && !sum.Below(li) {
		return
	}
	other := rights[0].sheet.T.Standard + " " + labels[0]
	expected := figure(rvals[0])
	context := rrows[0].Text()
	if len(rvals) > 1 {
		signs := make([]int, len(rights))
		for i, sd := range rights {
			signs[i] = sd.sign
		}
		other = rights[0].sheet.T.Standard + " " + strings.Join(labels, " + ") + " (" + partList(rvals, nil) + ")"
		// the sum in the left table's unit, at the left figure's precision
		expected = show(sum.Scale(unitInverse(left.sheet)), lv)
	}
	if atMost {
		expected = "≤ " + expected
	}
	row := rowLabel(lrow)
	if name := left.sheet.ColumnName(lrow.Group, lcol); name != "" && lcol > 0 {
		row += " " + name
	}
	rel := "equal"
	if atMost {
		rel = "at most"
	}
	reportRow(c, lrow, Vars{
		"table":    tableName(left.sheet),
		"row":      row,
		"stated":   figure(lv),
		"expected": expected,
		"relation": rel,
		"other":    other,
		"context":  context,
	})
}

// unitInverse converts 元 back to a sheet's unit.
func unitInverse(s *tables.Sheet) *big.Rat { return new(big.Rat).Inv(s.UnitScale()) }

func rowLabel(r *tables.Row) string {
	switch {
	case r.Code != "" && r.Name != "":
		return r.Code + " " + r.Name
	case r.Code != "":
		return r.Code
	}
	return r.Name
}

// scaled is a figure's interval in 元, so tables in 元 and 万元 compare.
func scaled(s *tables.Sheet, v *tables.Value) num.Interval {
	return v.Interval().Scale(s.UnitScale())
}
