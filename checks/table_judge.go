package checks

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
	"github.com/budgetlint/budgetlint/rules"
)

// A table's identities are judged once per document, before any rule
// reports: a table whose reading fails a third or more of them (three at
// least) was misread, not misprinted — its rows drifted against their
// figures, or its columns are not the template's — and gives one
// table-unreadable finding instead of a burst of errors. The other table
// rules then replay the verdicts of their kind.

// verdict is one identity of a table judged: checked (held or failed), or
// skipped with a reason.
type verdict struct {
	rule   string // the rule kind that reports it: "table-columns", "table-hierarchy"
	skip   string // why it was not checked; "" when it was
	failed bool
	row    *tables.Row
	vars   Vars
}

// judgement is a table's verdicts and whether its reading failed.
type judgement struct {
	verdicts []verdict
	misread  bool
	why      string // what failed, for the table-unreadable finding
	// hierarchy: parents checked and parents failed (a parent fails once
	// however many columns disagree)
	parents, parentsFailed int
	// per rule kind: identities checked and failed
	checked, failed map[string]int
}

const (
	ruleColumns   = "table-columns"
	ruleHierarchy = "table-hierarchy"
)

// collector gathers verdicts for one rule kind.
type collector struct {
	j    *judgement
	rule string
}

func (c collector) TableChecked() {
	c.j.verdicts = append(c.j.verdicts, verdict{rule: c.rule})
	c.j.checked[c.rule]++
}

func (c collector) TableSkipped(reason string) {
	c.j.verdicts = append(c.j.verdicts, verdict{rule: c.rule, skip: reason})
}

// fail records a failed identity; the check itself was recorded by TableChecked.
func (c collector) fail(r *tables.Row, vars Vars) {
	c.j.verdicts = append(c.j.verdicts, verdict{rule: c.rule, failed: true, row: r, vars: vars})
	c.j.failed[c.rule]++
}

// judge evaluates every identity of a sheet's template.
func judge(s *tables.Sheet) *judgement {
	j := &judgement{checked: map[string]int{}, failed: map[string]int{}}
	if s.T.Scattered {
		j.misread, j.why = true, "its cells stand one per line: its rows cannot be told"
		return j
	}
	cols := collector{j, ruleColumns}
	for g := 0; g < 2; g++ {
		ids := s.Identities(g)
		if len(ids) == 0 {
			continue
		}
		for _, r := range s.Rows {
			if r.Group != g {
				continue
			}
			if r.Short {
				if len(r.Cells) > 0 {
					cols.TableSkipped("table columns: blank cells lost in text, row placed by its identities")
				}
				continue
			}
			for _, id := range ids {
				checkIdentity(cols, s, r, id)
			}
		}
	}
	header := foldedHeader(s)
	for _, id := range s.Std.RowIdentities {
		if !readings(id) || !id.Applies(s.T.Kind, header) {
			continue
		}
		g := max(rules.HalfIndex(id.Half), 0)
		for _, r := range s.Rows {
			if r.Group == g {
				rateIdentity(cols, s, r, id, g)
			}
		}
	}
	for _, id := range s.Std.ColumnIdentities {
		if !id.Applies(s.T.Kind, header) || hierarchyIdentity(id) {
			continue
		}
		columnIdentity(cols, s, id)
	}
	h := &hierRun{}
	hierarchySheet(collector{j, ruleHierarchy}, s, h)
	for _, f := range oneFindingPerRow(h.found) {
		j.verdicts = append(j.verdicts, verdict{rule: ruleHierarchy, failed: true, row: f.row, vars: f.vars})
	}
	j.parents, j.parentsFailed = h.parents, h.failed
	switch f, n := j.failed[ruleColumns], j.checked[ruleColumns]; {
	case h.failed >= 3 && 3*h.failed >= h.parents:
		j.misread = true
		j.why = fmt.Sprintf("%d of %d parent rows differ from the sum of their rows", h.failed, h.parents)
	case f >= 3 && 3*f >= n:
		j.misread = true
		j.why = fmt.Sprintf("%d of %d of its identities fail", f, n)
	}
	return j
}

func foldedHeader(s *tables.Sheet) string {
	out := ""
	for _, h := range s.T.Header {
		out += tables.Fold(h)
	}
	return out
}

// hierarchyIdentity: a parent = Σ its children (by code), or a total =
// Σ the class rows; table-hierarchy judges these.
func hierarchyIdentity(id *rules.Identity) bool {
	e := id.Expr
	if e == nil || len(e.Right) != 1 || len(e.Right[0]) != 1 {
		return false
	}
	t := e.Right[0][0]
	return t.Sum == "children" || t.Sum == "classes" && len(t.Codes) == 0
}

func checkIdentity(c collector, s *tables.Sheet, r *tables.Row, id tables.Identity) {
	ok, known := id.Holds(r.Vals)
	if !known {
		return
	}
	c.TableChecked()
	if ok {
		return
	}
	sum, _ := id.Sum(r.Vals)
	parts := make([]*tables.Value, len(id.Parts))
	for i, p := range id.Parts {
		parts[i] = r.Vals[p]
	}
	stated := r.Vals[id.Total]
	c.fail(r, identityVars(s, r, id.Name, stated, sum, partList(parts, id.Signs)))
}

func identityVars(s *tables.Sheet, r *tables.Row, what string, stated *tables.Value, sum num.Interval, parts string) Vars {
	label := r.Code
	if label == "" {
		label = r.Name
	}
	if label == "" {
		label = "row"
	}
	return Vars{
		"table":    tableName(s),
		"row":      label,
		"identity": what,
		"stated":   figure(stated),
		"expected": show(sum, stated),
		"parts":    parts,
	}
}

// columnIdentity judges an identity between rows, in every figure column
// of its total row: 本年收入合计 = Σ items, 总计 = 本年合计 + 结转结余,
// 人员经费合计 = Σ classes[301,303]. A total row that is absent lets the
// identity's else be read instead; a part row that is absent is not a
// zero: the identity is skipped.
func columnIdentity(c collector, s *tables.Sheet, id *rules.Identity) {
	e := id.Expr
	g := rules.HalfIndex(id.Half)
	half := func(r rules.Ref) int {
		if r.Half != "" {
			return rules.HalfIndex(r.Half)
		}
		return g
	}
	total := s.Find(e.Left.Ref.Row, half(e.Left.Ref))
	if total == nil {
		if id.Else != nil {
			columnIdentity(c, s, id.Else)
			return
		}
		c.TableSkipped("table columns: total line not found")
		return
	}
	if len(e.Right) != 1 {
		return // readings of rates are row identities
	}
	var rows []*tables.Row
	var signs []int
	for _, t := range e.Right[0] {
		var rs []*tables.Row
		switch t.Sum {
		case "items":
			rs = s.Items(g, total)
			if len(rs) == 0 && s.Std.Layout == tables.LayoutRows {
				rs = s.TopRows(g, total)
			}
			if len(rs) == 0 {
				c.TableSkipped("table columns: no numbered lines to add up")
				return
			}
			if s.Std.Layout == tables.LayoutRows && subtotalBetween(s, rs[len(rs)-1], total) {
				// the items add up to a subtotal (省本级本年收入小计) that the
				// total adds more to: not this total's parts
				c.TableSkipped("table columns: a subtotal stands between the items and the total")
				return
			}
		case "classes":
			rs = s.Classes(g, t.Codes, t.Except)
			if len(rs) == 0 {
				return
			}
		case "":
			r := s.Find(t.Ref.Row, half(t.Ref))
			if r == nil {
				c.TableSkipped("table columns: a line it adds up is absent")
				return
			}
			rs = []*tables.Row{r}
		default:
			return
		}
		for _, r := range rs {
			rows = append(rows, r)
			signs = append(signs, t.Sign)
		}
	}
	for col := range total.Vals {
		if s.IsRate(total.Group, col) {
			continue // rates do not add up
		}
		vs := make([]*tables.Value, len(rows))
		for i, r := range rows {
			if col < len(r.Vals) {
				vs[i] = r.Vals[col]
			}
		}
		sumCheck(c, s, total, col, vs, signs, id.Label())
	}
}

// sumCheck compares row r's column col with the signed sum of vs.
func sumCheck(c collector, s *tables.Sheet, r *tables.Row, col int, vs []*tables.Value, signs []int, what string) {
	if col >= len(r.Vals) || r.Vals[col] == nil {
		c.TableSkipped("table columns: figure not placed in its column")
		return
	}
	sum := num.Int(0)
	var pos []*tables.Value
	negative := false
	for i, v := range vs {
		if v == nil {
			c.TableSkipped("table columns: figure not placed in its column")
			return
		}
		if signs[i] < 0 {
			sum = sum.Sub(v.Interval())
			negative = true
			continue
		}
		sum = sum.Add(v.Interval())
		pos = append(pos, v)
	}
	if !negative && belowLargest(r.Vals[col], pos) {
		c.TableSkipped("table reading failed: total below its largest item")
		return
	}
	c.TableChecked()
	if r.Vals[col].Interval().Meets(sum) {
		return
	}
	if !negative {
		signs = nil
	}
	c.fail(r, identityVars(s, r, what, r.Vals[col], sum, partList(vs, signs)))
}

// readings reports a row identity that Sheet.Identities does not place
// rows by: a rate (ratio, growth) or one with several readings.
func readings(id *rules.Identity) bool {
	e := id.Expr
	if e == nil {
		return false
	}
	if len(e.Right) > 1 {
		return true
	}
	for _, t := range e.Right[0] {
		if t.Func != "" {
			return true
		}
	}
	return false
}

// rateIdentity judges a row's rate (or amount) against each reading its
// identity allows: it holds when one reading that the row's figures allow
// holds; a row whose rate is not printed, or whose every reading lacks a
// figure or has a zero base, is not judged.
func rateIdentity(c collector, s *tables.Sheet, r *tables.Row, id *rules.Identity, g int) {
	e := id.Expr
	lk := s.ColumnOf(e.Left.Ref, g)
	if lk < 0 || lk >= len(r.Vals) {
		return // the table has no such column
	}
	lv := r.Vals[lk]
	if lv == nil {
		if len(r.Cells) > 0 {
			c.TableSkipped("table columns: figure not placed in its column")
		}
		return
	}
	if lv.Blank {
		return // not stated
	}
	if !readable(s, e, g) {
		return // the table prints none of the amounts a reading needs (比上年增长% without last year)
	}
	var first *reading
	unsure := false
	stated := truncOrRound(lv)
	for _, alt := range e.Right {
		rd, ok := evalReading(s, r, alt, g)
		if !ok {
			unsure = unsure || negativeBase(s, r, alt, g)
			continue
		}
		if stated.Meets(rd.iv) {
			c.TableChecked()
			return
		}
		if first == nil {
			first = &rd
		}
	}
	if first == nil {
		c.TableSkipped("table rates: no reading has its figures (a base not printed or zero)")
		return
	}
	if unsure {
		// a reading over a negative base (a budget printed below zero
		// after a clawback) may be the one the table printed: 100.0 for
		// −10218 / −10218; the others alone do not contradict the row
		c.TableSkipped("table rates: a reading has a negative base")
		return
	}
	c.TableChecked()
	label := id.Name
	if label == "" {
		label = e.Left.Ref.Col + " = " + first.text
	}
	c.fail(r, identityVars(s, r, label, lv, first.iv, first.parts))
}

// negativeBase reports a ratio or growth reading whose base the row prints
// below zero.
func negativeBase(s *tables.Sheet, r *tables.Row, alt []rules.Term, g int) bool {
	if len(alt) != 1 || alt[0].Func == "" {
		return false
	}
	k := s.ColumnOf(alt[0].Args[1], g)
	if k < 0 || k >= len(r.Vals) || r.Vals[k] == nil || r.Vals[k].Blank {
		return false
	}
	return r.Vals[k].Interval().Hi.Sign() < 0
}

// reading is one reading of an identity evaluated on a row.
type reading struct {
	iv    num.Interval
	text  string // the reading: "执行数 / 预算数"
	parts string // the figures it used: "8718311 / 9445801"
}

func evalReading(s *tables.Sheet, r *tables.Row, alt []rules.Term, g int) (reading, bool) {
	val := func(ref rules.Ref) (*tables.Value, bool) {
		k := s.ColumnOf(ref, g)
		if k < 0 || k >= len(r.Vals) || r.Vals[k] == nil {
			return nil, false
		}
		return r.Vals[k], true
	}
	if len(alt) == 1 && alt[0].Func != "" {
		a, ok1 := val(alt[0].Args[0])
		b, ok2 := val(alt[0].Args[1])
		if !ok1 || !ok2 || b.Blank {
			return reading{}, false
		}
		bi := b.Interval()
		if bi.Lo.Sign() <= 0 {
			return reading{}, false // a zero or negative base gives no rate
		}
		q, ok := a.Interval().Div(bi)
		if !ok {
			return reading{}, false
		}
		text := alt[0].Args[0].Col + " / " + alt[0].Args[1].Col
		if alt[0].Func == "growth" {
			q = q.Sub(num.Int(1))
			text += " − 1"
		}
		return reading{iv: q.Scale(big.NewRat(100, 1)), text: text, parts: figure(a) + " / " + figure(b)}, true
	}
	sum := num.Int(0)
	var vs []*tables.Value
	var signs []int
	var text strings.Builder
	for i, t := range alt {
		if i > 0 {
			text.WriteString(map[bool]string{true: " − ", false: " + "}[t.Sign < 0])
		}
		text.WriteString(t.Ref.Col)
		if t.Sum != "" || t.Func != "" {
			return reading{}, false
		}
		v, ok := val(t.Ref)
		if !ok {
			return reading{}, false
		}
		if t.Sign < 0 {
			sum = sum.Sub(v.Interval())
		} else {
			sum = sum.Add(v.Interval())
		}
		vs, signs = append(vs, v), append(signs, t.Sign)
	}
	return reading{iv: sum, text: text.String(), parts: partList(vs, signs)}, true
}

// truncOrRound is what a printed rate may stand for: its rounding, or its
// figures cut off (a table that prints 99.9 for 99.99 rather than 100.0).
func truncOrRound(v *tables.Value) num.Interval {
	iv := v.Interval()
	if v.Blank {
		return iv
	}
	unit := num.Pow10(-v.D.Decimals())
	if v.D.Sign() >= 0 {
		iv.Hi = new(big.Rat).Add(v.D.Rat(), unit)
	} else {
		iv.Lo = new(big.Rat).Sub(v.D.Rat(), unit)
	}
	return iv
}

// subtotalBetween reports a total row after row from and before row to.
func subtotalBetween(s *tables.Sheet, from, to *tables.Row) bool {
	in := false
	for _, r := range s.Rows {
		switch {
		case r == from:
			in = true
		case r == to:
			return false
		case in && s.IsTotal(r):
			return true
		}
	}
	return false
}

// readable reports an identity some reading of which this table has every
// column for.
func readable(s *tables.Sheet, e *rules.Expr, g int) bool {
	for _, alt := range e.Right {
		ok := true
		for _, t := range alt {
			refs := t.Args
			if t.Func == "" {
				refs = []rules.Ref{t.Ref}
			}
			for _, r := range refs {
				if s.ColumnOf(r, g) < 0 {
					ok = false
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// oneFindingPerRow folds a parent row's failures in several columns into
// the first: a row that misses its children's sum in both 调整预算数 and
// 执行数 is one defect at one place (a child row left out, a figure
// mistyped), and its message names the other columns.
func oneFindingPerRow(found []pendingFinding) []pendingFinding {
	var out []pendingFinding
	at := map[*tables.Row]int{}
	var also [][]string
	for _, f := range found {
		if i, ok := at[f.row]; ok {
			also[i] = append(also[i], f.vars["column"])
			continue
		}
		at[f.row] = len(out)
		out = append(out, f)
		also = append(also, nil)
	}
	for i := range out {
		if len(also[i]) > 0 {
			out[i].vars["column"] = fmt.Sprintf("%s, also wrong in %s", out[i].vars["column"], strings.Join(also[i], "、"))
		}
	}
	return out
}
