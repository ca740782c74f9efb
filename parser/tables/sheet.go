package tables

import (
	"math"
	"math/big"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/rules"
)

// Value is one figure cell placed in its column.
type Value struct {
	D     num.Decimal
	Blank bool // an empty cell or a dash: nothing spent, counted as an exact zero
	Cell  *doc.Cell
}

// Interval is what the printed figure may stand for; a blank is exactly 0.
func (v *Value) Interval() num.Interval {
	if v.Blank {
		return num.Int(0)
	}
	return v.D.Interval()
}

// Row is a table row with its figures placed in columns. Vals[i] is nil
// when the row's figures are fewer than the columns (blank cells lost in
// text extraction) and column i could not be decided.
type Row struct {
	Index int // in Table.Rows
	Group int
	Code  string
	Name  string
	Label *doc.Cell   // the code or name cell, for positions
	Cells []*doc.Cell // the figure cells, in reading order
	All   []*doc.Cell // every cell of the row's half: code, name, figures
	Vals  []*Value
	Short bool // fewer figures than columns: placed by the table's identities
}

// Text is the row as written, for quoting in findings.
func (r *Row) Text() string {
	var parts []string
	if r.Code != "" {
		parts = append(parts, r.Code)
	}
	if r.Name != "" {
		parts = append(parts, r.Name)
	}
	for _, c := range r.Cells {
		if c.Text != "" { // blank cells restored from the header print nothing
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, " ")
}

// Anchor is the cell findings about the row point at.
func (r *Row) Anchor() *doc.Cell {
	if r.Label != nil {
		return r.Label
	}
	if len(r.Cells) > 0 {
		return r.Cells[0]
	}
	return nil
}

// Sheet is a recognised table ready for arithmetic.
type Sheet struct {
	T     *doc.Table
	Std   *Standard
	NCols [2]int
	Rows  []*Row

	anchors [2][]float64 // right edges of the figure columns (PDF), nil if unknown
	indent  map[*Row]int // indentation rank of unnumbered rows, built on first use
}

// View builds the arithmetic view of a table with the default pack's templates.
func View(t *doc.Table) *Sheet { return Default().View(t) }

// View builds the arithmetic view of a recognised table; nil when the
// table is not one of the catalog's templates.
func (cat *Catalog) View(t *doc.Table) *Sheet {
	std := cat.ByName(t.Standard)
	if std == nil {
		return nil
	}
	s := &Sheet{T: t, Std: std}
	for i, cells := range t.Rows {
		byGroup := map[int32]*Row{}
		var order []*Row
		for _, c := range cells {
			r := byGroup[c.Group]
			if r == nil {
				r = &Row{Index: i, Group: int(c.Group)}
				byGroup[c.Group] = r
				order = append(order, r)
			}
			r.All = append(r.All, c)
			switch c.Role {
			case "code":
				r.Code = c.Text
				r.Label = c
			case "name":
				r.Name = c.Text
				if r.Label == nil {
					r.Label = c
				}
			case "value":
				r.Cells = append(r.Cells, c)
			}
		}
		s.Rows = append(s.Rows, order...)
	}
	for g := 0; g < 2; g++ {
		n := 0
		for _, r := range s.Rows {
			if r.Group == g && len(r.Cells) > n {
				n = len(r.Cells)
			}
		}
		// the declared columns, or as many as the widest row when it has
		// more (or the kind declares none: budget layouts vary)
		s.NCols[g] = max(std.expected(t.Kind, g, t.Header), n)
	}
	s.anchors = [2][]float64{s.columnEdges(0), s.columnEdges(1)}
	for _, r := range s.Rows {
		s.place(r)
	}
	return s
}

// columnEdges learns where each figure column ends (figures are right-
// aligned) from the rows that have a figure in every column, PDF only.
// nil when there are no such rows or the rows disagree.
func (s *Sheet) columnEdges(g int) []float64 {
	n := s.NCols[g]
	if n < 2 {
		return nil
	}
	var sums []float64
	count := 0
	for _, r := range s.Rows {
		if r.Group != g || len(r.Cells) != n {
			continue
		}
		if sums == nil {
			sums = make([]float64, n)
		}
		for i, c := range r.Cells {
			if c.X1 <= 0 {
				return nil
			}
			sums[i] += c.X1
		}
		count++
	}
	if count == 0 {
		return nil
	}
	for i := range sums {
		sums[i] /= float64(count)
		if i > 0 && sums[i] <= sums[i-1] {
			return nil
		}
	}
	// every full row must agree with the mean within a quarter column
	tol := s.tolerance(sums)
	for _, r := range s.Rows {
		if r.Group != g || len(r.Cells) != n {
			continue
		}
		for i, c := range r.Cells {
			if math.Abs(c.X1-sums[i]) > tol {
				return nil
			}
		}
	}
	return sums
}

func (s *Sheet) tolerance(edges []float64) float64 {
	min := math.Inf(1)
	for i := 1; i < len(edges); i++ {
		if d := edges[i] - edges[i-1]; d < min {
			min = d
		}
	}
	return min / 4
}

// placeByX puts a short row's figures under the column whose right edge
// they end at; it fails unless every figure is within a quarter column of
// a distinct edge, in order.
func (s *Sheet) placeByX(r *Row, vals []*Value) bool {
	edges := s.anchors[r.Group]
	if edges == nil || len(edges) != s.NCols[r.Group] {
		return false
	}
	tol := s.tolerance(edges)
	out := make([]*Value, len(edges))
	last := -1
	for i, c := range r.Cells {
		if c.X1 <= 0 {
			return false
		}
		best, bd := -1, tol
		for k, e := range edges {
			if d := math.Abs(c.X1 - e); d <= bd {
				best, bd = k, d
			}
		}
		if best <= last {
			return false
		}
		out[best] = vals[i]
		last = best
	}
	for k := range out {
		if out[k] == nil {
			out[k] = &Value{Blank: true}
		}
	}
	r.Vals = out
	return true
}

// Identities returns the row identities of the sheet's template that hold
// in half g, with columns resolved to positions: total = Σ sign·part. An
// identity whose columns this table does not have (named columns need the
// declared count; Σ #2.. needs a second column) is left out.
func (s *Sheet) Identities(g int) []Identity {
	n := s.NCols[g]
	header := s.foldedHeader()
	var ids []*rules.Identity
	for _, id := range s.Std.RowIdentities {
		if (id.Half == "" || rules.HalfIndex(id.Half) == g) && id.Applies(s.T.Kind, header) {
			ids = append(ids, id)
		}
	}
	var out []Identity
	periods := s.Periods()
	if len(s.Std.Periods) > 0 && (periods < 1 || periods > s.Std.periods(s.T.Kind)) {
		return nil
	}
	for p := 0; p < periods; p++ {
		for _, id := range ids {
			if x, ok := s.resolve(id, g, n, p, periods); ok {
				out = append(out, x)
			}
		}
	}
	return out
}

// resolve turns a sum identity into positions in period p of half g.
func (s *Sheet) resolve(id *rules.Identity, g, n, p, periods int) (Identity, bool) {
	e := id.Expr
	if e == nil || e.Op != "=" || len(e.Right) != 1 {
		return Identity{}, false
	}
	total, ok := s.column(e.Left.Ref, g, n, p, periods)
	if !ok {
		return Identity{}, false
	}
	x := Identity{Total: total, Name: id.Label()}
	signed := false
	for _, t := range e.Right[0] {
		switch {
		case t.Func != "":
			return Identity{}, false
		case t.Sum == "others":
			for k := 0; k < n; k++ {
				if k != total && !s.IsRate(g, k) {
					x.Parts = append(x.Parts, k)
					x.Signs = append(x.Signs, t.Sign)
				}
			}
			if len(x.Parts) < 2 {
				return Identity{}, false // one other column is no sum
			}
		case t.Sum == "rest":
			if t.From >= n {
				return Identity{}, false
			}
			for k := t.From; k < n; k++ {
				x.Parts = append(x.Parts, k)
				x.Signs = append(x.Signs, t.Sign)
			}
		default:
			k, ok := s.column(t.Ref, g, n, p, periods)
			if !ok {
				return Identity{}, false
			}
			x.Parts = append(x.Parts, k)
			x.Signs = append(x.Signs, t.Sign)
		}
	}
	for _, sg := range x.Signs {
		signed = signed || sg < 0
	}
	if !signed {
		x.Signs = nil
	}
	return x, true
}

// column is the position of a column reference in period p of half g: #k
// by position, a name by the template's declared columns for the table's
// kind (which must be as many as the table has), a periodic template's
// item in its period, an extra column after the items.
func (s *Sheet) column(r rules.Ref, g, n, p, periods int) (int, bool) {
	if k := r.Pos(); k >= 0 {
		return k, k < n
	}
	if len(s.T.Columns) > 0 {
		// named by the table's own header
		k := indexOf(s.T.Columns, r.Col)
		return k, g == 0 && k >= 0 && k < n
	}
	cols := s.Std.declared(s.T.Kind, g)
	if len(s.Std.Periods) > 0 {
		if k := indexOf(cols, r.Col); k >= 0 {
			k = k*periods + p
			return k, k < n
		}
		if k := indexOf(s.Std.extras(s.T.Kind, s.T.Header), r.Col); k >= 0 {
			k += len(cols) * periods
			return k, k < n
		}
		return 0, false
	}
	if len(cols) != n {
		return 0, false
	}
	k := indexOf(cols, r.Col)
	return k, k >= 0
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// foldedHeader is the table's header lines folded into one string.
func (s *Sheet) foldedHeader() string {
	var b strings.Builder
	for _, h := range s.T.Header {
		b.WriteString(Fold(h))
	}
	return b.String()
}

// Identity is total = Σ signs[i]·parts[i] over a row's columns.
type Identity struct {
	Total int
	Parts []int
	Signs []int // nil: all +1
	Name  string
}

// Sum is the interval sum of the parts; ok is false when a part is unknown.
func (id Identity) Sum(vals []*Value) (num.Interval, bool) {
	sum := num.Int(0)
	for i, p := range id.Parts {
		if p >= len(vals) || vals[p] == nil {
			return num.Interval{}, false
		}
		v := vals[p].Interval()
		if id.Signs != nil && id.Signs[i] < 0 {
			v = v.Neg()
		}
		sum = sum.Add(v)
	}
	return sum, true
}

// Holds reports whether a row's values meet the identity (intervals meet);
// ok is false when the total or a part is unknown.
func (id Identity) Holds(vals []*Value) (holds, ok bool) {
	ivs := make([]*num.Interval, len(vals))
	for _, i := range append([]int{id.Total}, id.Parts...) {
		if i < len(vals) && vals[i] != nil && ivs[i] == nil {
			iv := vals[i].Interval()
			ivs[i] = &iv
		}
	}
	return id.holds(ivs)
}

// holds is Holds on the values' intervals (nil: unknown). It adds into two
// rationals of its own: placing a short row tries every placement, and new
// intervals for each value and each partial sum of each try were most of
// what a large report's checks allocated.
func (id Identity) holds(ivs []*num.Interval) (holds, ok bool) {
	if id.Total >= len(ivs) || ivs[id.Total] == nil {
		return false, false
	}
	lo, hi := new(big.Rat), new(big.Rat)
	for i, p := range id.Parts {
		if p >= len(ivs) || ivs[p] == nil {
			return false, false
		}
		v := ivs[p]
		if id.Signs != nil && id.Signs[i] < 0 {
			lo.Sub(lo, v.Hi)
			hi.Sub(hi, v.Lo)
		} else {
			lo.Add(lo, v.Lo)
			hi.Add(hi, v.Hi)
		}
	}
	return ivs[id.Total].Meets(num.Interval{Lo: lo, Hi: hi}), true
}

// place puts a row's figures into columns. With as many figures as
// columns the order decides. With fewer (blank cells vanish from text
// extraction) every order-keeping placement is tried, blanks counted as
// zero, and a column is decided only when every placement that satisfies
// the table's identities puts the same figure there.
func (s *Sheet) place(r *Row) {
	n := s.NCols[r.Group]
	vals := make([]*Value, len(r.Cells))
	for i, c := range r.Cells {
		vals[i] = parseValue(c)
		if vals[i] == nil {
			r.Vals = make([]*Value, n)
			r.Short = true
			return
		}
	}
	if len(vals) == n {
		r.Vals = vals
		return
	}
	if len(vals) > 0 && len(vals) < n && s.placeByX(r, vals) {
		// the blank cells are known from the figures' positions
		return
	}
	r.Short = true
	r.Vals = make([]*Value, n)
	if len(vals) == 0 && (s.Std.Layout == LayoutSummary || s.Std.Layout == LayoutRows) {
		// a named line with its cells left blank: nothing
		for i := range r.Vals {
			r.Vals[i] = &Value{Blank: true}
		}
		return
	}
	if len(vals) == 0 || len(vals) > n {
		return
	}
	ids := s.Identities(r.Group)
	if len(ids) == 0 {
		if n >= 1 && len(vals) == 1 && s.Std.Layout == LayoutFunction {
			// a one-figure row of a coded table: the figure is the total column
			r.Vals[0] = vals[0]
		}
		return
	}
	var agreed []int // figure index per column, -1 blank, -2 disagreement
	count := 0
	pos := make([]int, len(vals))
	blank := &Value{Blank: true}
	// each figure's interval once, not once per placement tried
	zero := blank.Interval()
	ivs := make([]num.Interval, len(vals))
	for i, v := range vals {
		ivs[i] = v.Interval()
	}
	row := make([]*num.Interval, n)
	tries := 0
	var rec func(k, from int)
	rec = func(k, from int) {
		// a real row has a dozen columns at most; a garbled one may have
		// hundreds of figures, whose placements are not worth counting
		if tries++; count > 5000 || tries > 200000 {
			agreed = nil
			return
		}
		if k == len(vals) {
			for i := range row {
				row[i] = &zero
			}
			for i, p := range pos {
				row[p] = &ivs[i]
			}
			for _, id := range ids {
				if ok, _ := id.holds(row); !ok {
					return
				}
			}
			count++
			if agreed == nil {
				agreed = make([]int, n)
				for i := range agreed {
					agreed[i] = -1
				}
				for i, p := range pos {
					agreed[p] = i
				}
				return
			}
			cur := make([]int, n)
			for i := range cur {
				cur[i] = -1
			}
			for i, p := range pos {
				cur[p] = i
			}
			for i := range agreed {
				if agreed[i] != cur[i] {
					agreed[i] = -2
				}
			}
			return
		}
		for p := from; p <= n-(len(vals)-k); p++ {
			pos[k] = p
			rec(k+1, p+1)
		}
	}
	rec(0, 0)
	for i, a := range agreed {
		switch {
		case a >= 0:
			r.Vals[i] = vals[a]
		case a == -1:
			r.Vals[i] = blank
		}
	}
}

func parseValue(c *doc.Cell) *Value {
	t := strings.TrimSpace(c.Text)
	if t == "" || dashRe.MatchString(t) {
		return &Value{Blank: true, Cell: c}
	}
	// a rate printed with its sign (100.2%) is the same figure
	t = strings.TrimSuffix(strings.TrimSuffix(t, "%"), "％")
	u := strings.TrimPrefix(strings.TrimPrefix(t, "−"), "－")
	neg := u != t
	t = u
	if neg {
		t = "-" + t
	}
	d, ok := num.ParseDecimal(t)
	if !ok {
		return nil
	}
	return &Value{D: d, Cell: c}
}

// ByLabel finds the first row of a group whose folded name, without its
// enumerator (一、), equals label.
func (s *Sheet) ByLabel(g int, label string) *Row {
	for _, r := range s.Rows {
		if r.Group == g && StripEnum(r.Name) == label {
			return r
		}
	}
	return nil
}

// ByCode finds the row with a code (in any group).
func (s *Sheet) ByCode(code string) *Row {
	for _, r := range s.Rows {
		if r.Code == code {
			return r
		}
	}
	return nil
}

// StripEnum drops a leading enumerator: "十九、住房保障支出" → "住房保障支出".
func StripEnum(name string) string {
	if m := enumRe.FindString(name); m != "" {
		return name[len(m):]
	}
	return name
}

// Periods is how many figures a periodic template's items have here: 预算数
// and 决算数 in a final report's "三公" table, one in a budget's (where
// 机关运行经费 may follow as a last column). 1 for other templates.
func (s *Sheet) Periods() int {
	items := len(s.Std.declared(s.T.Kind, 0))
	if len(s.Std.Periods) == 0 || items == 0 {
		return 1
	}
	return s.NCols[0] / items
}

// SanGongPeriods is Periods, for the "三公" table.
func (s *Sheet) SanGongPeriods() int { return s.Periods() }

// Slot is the position of a periodic template's item among its items, as
// the table's kind orders them (the final template prints 合计, 因公出国,
// 公务用车 (小计, 购置, 运行), 公务接待; the Shanghai budget template puts
// 公务接待 before 公务用车); -1 when the item is not declared.
func (s *Sheet) Slot(item string) int { return indexOf(s.Std.declared(s.T.Kind, 0), item) }

// SanGongSlot is Slot, for the "三公" table.
func (s *Sheet) SanGongSlot(role string) int { return s.Slot(role) }

// UnitScale converts the table's figures to 元: 10000 for 万元, 1 for 元.
func (s *Sheet) UnitScale() *big.Rat {
	u, _ := num.MoneyUnit(s.T.Unit)
	return u.ToYuan()
}
