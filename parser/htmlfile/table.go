package htmlfile

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Span limits are the HTML spec's; maxCols bounds the occupancy kept per
// table so that a hostile colspan cannot cost memory.
const (
	maxColSpan = 1000
	maxRowSpan = 65534
	maxCols    = 4096
)

// layoutParts/layoutRunes: a cell with this many paragraphs and this much
// text is a page laid out in a table, not a figure; its paragraphs are
// emitted as paragraphs.
const (
	layoutParts = 5
	layoutRunes = 500
)

// tableCtx is an open <table>.
type tableCtx struct {
	t       *doc.Table
	idx     int // slot in walker.all
	depth   int // stack index of the <table>
	row     int // current grid row, -1 before the first
	col     int // next grid column to try in the row
	busy    []int
	cell    *cellCtx
	hasText bool
}

// cellCtx is an open <td>/<th>.
type cellCtx struct {
	cell  *doc.Cell
	depth int    // stack index of the cell
	text  []rune // all of the cell's text, for Cell.Text
	parts []part // paragraphs not yet emitted as lines
}

// part is one paragraph of a cell, ended by a block tag or <br> at sep.
type part struct {
	runes  []rune
	pos    []int
	sep    int
	kind   doc.Kind // its kind were the cell a layout box
	indent int
}

func (c *cellCtx) add(p part) {
	if len(c.text) > 0 {
		c.text = append(c.text, ' ')
	}
	c.text = append(c.text, p.runes...)
	c.parts = append(c.parts, p)
}

// table is the innermost open table, or nil.
func (w *walker) table() *tableCtx {
	if len(w.tabs) == 0 {
		return nil
	}
	return w.tabs[len(w.tabs)-1]
}

// tables returns the tables with any text, in the order they start.
func (w *walker) tables() []*doc.Table {
	var out []*doc.Table
	for _, t := range w.all {
		if t != nil {
			out = append(out, t)
		}
	}
	return out
}

func (w *walker) openTable() {
	if t := w.table(); t != nil && t.cell != nil {
		// a table inside a cell: the cell's text so far comes first
		w.emitParts(t.cell)
	}
	ctx := &tableCtx{t: &doc.Table{}, idx: len(w.all), depth: len(w.stack), row: -1}
	w.all = append(w.all, ctx.t)
	w.tabs = append(w.tabs, ctx)
	w.push(atom.Table)
}

func (w *walker) closeTable() {
	t := w.tabs[len(w.tabs)-1]
	if t.cell != nil {
		w.finishCell(t)
	}
	w.tabs = w.tabs[:len(w.tabs)-1]
	if !t.hasText {
		w.all[t.idx] = nil // layout leftovers and empty frames are no tables
	}
}

// tableStart handles the table-structure tags of the open table t and
// reports whether el was one.
func (w *walker) tableStart(t *tableCtx, el atom.Atom, attrs map[string]string) bool {
	switch el {
	case atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
		w.truncate(t.depth + 1)
		w.push(el)
	case atom.Tr:
		w.truncate(w.level(t, false))
		w.newRow(t)
		w.push(el)
	case atom.Td, atom.Th:
		w.truncate(w.level(t, true))
		if t.row < 0 {
			w.newRow(t) // cells without <tr>
		}
		depth := len(w.stack)
		w.push(el)
		w.openCell(t, depth, attrs)
	default:
		return false
	}
	return true
}

// level is the stack index just above t's row-group (and, when rows is
// set, row) elements: what a new row or cell closes.
func (w *walker) level(t *tableCtx, rows bool) int {
	i := t.depth + 1
	for i < len(w.stack) {
		s := w.stack[i]
		if !isSection(s) && !(rows && s == atom.Tr) {
			break
		}
		i++
	}
	return i
}

func (w *walker) newRow(t *tableCtx) {
	t.row++
	t.col = 0
	t.t.Rows = append(t.t.Rows, nil)
}

// openCell places a cell in the grid: the first column of the row not
// covered by a rowspan from above.
func (w *walker) openCell(t *tableCtx, depth int, attrs map[string]string) {
	rs, cs := spans(attrs)
	col := t.col
	for col < len(t.busy) && t.busy[col] > t.row {
		col++
	}
	for c := col; c < col+cs && c < maxCols; c++ {
		for len(t.busy) <= c {
			t.busy = append(t.busy, 0)
		}
		t.busy[c] = t.row + rs
	}
	t.col = col + cs
	cell := &doc.Cell{Row: t.row, Col: col, RowSpan: int32(rs), ColSpan: int32(cs)}
	t.t.Rows[t.row] = append(t.t.Rows[t.row], cell)
	t.cell = &cellCtx{cell: cell, depth: depth}
}

func (w *walker) finishCell(t *tableCtx) {
	c := t.cell
	t.cell = nil
	w.emitParts(c)
	c.cell.Text = string(c.text)
	if len(c.text) > 0 {
		t.hasText = true
	}
}

// emitParts emits a cell's pending paragraphs: as one table-cell line
// joined by spaces, or one line each when the cell is a layout box.
func (w *walker) emitParts(c *cellCtx) {
	parts := c.parts
	c.parts = nil
	if len(parts) == 0 {
		return
	}
	n := 0
	for _, p := range parts {
		n += len(p.runes)
	}
	if len(parts) >= layoutParts && n >= layoutRunes {
		for _, p := range parts {
			w.emit(p.runes, p.pos, p.kind, p.indent)
		}
		return
	}
	rs := make([]rune, 0, n+len(parts))
	ps := make([]int, 0, n+len(parts))
	for i, p := range parts {
		if i > 0 {
			prev := parts[i-1]
			rs = append(rs, ' ')
			ps = append(ps, prev.sep)
		}
		rs = append(rs, p.runes...)
		ps = append(ps, p.pos...)
	}
	w.emit(rs, ps, doc.KindTableCell, parts[0].indent)
}

// spanAttrs reads a cell's rowspan and colspan attributes.
func spanAttrs(z *html.Tokenizer) map[string]string {
	var m map[string]string
	for {
		k, v, more := z.TagAttr()
		if ks := string(k); ks == "rowspan" || ks == "colspan" {
			if m == nil {
				m = map[string]string{}
			}
			if _, seen := m[ks]; !seen { // the first wins, as in browsers
				m[ks] = string(v)
			}
		}
		if !more {
			return m
		}
	}
}

// spans parses rowspan and colspan as browsers do (leading digits; bad or
// zero values mean 1) and clamps them.
func spans(attrs map[string]string) (int, int) {
	rs := leadingInt(attrs["rowspan"])
	cs := leadingInt(attrs["colspan"])
	if rs < 1 {
		rs = 1 // rowspan=0 ("to the end of the group") is read as 1
	}
	if cs < 1 {
		cs = 1
	}
	return min(rs, maxRowSpan), min(cs, maxColSpan)
}

func leadingInt(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	n := 0
	for j := i; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
		if n > 1e6 {
			break // already past every limit
		}
		n = n*10 + int(s[j]-'0')
	}
	return n
}
