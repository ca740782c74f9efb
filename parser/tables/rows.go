package tables

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// token is a whitespace- or column-separated piece of a table line.
type token struct {
	text       string
	line       int // index in the lines
	start, end int // rune indices in the line's Text
	x0, x1     float64
}

// tokenize splits a line at spaces; a PDF line's segments (column-sized
// gaps) are split further, since a segment may hold "301 01".
func tokenize(lines []doc.Line, li int) []token {
	l := lines[li]
	rs := []rune(l.Text)
	var out []token
	split := func(from, to int) {
		i := from
		for i < to {
			for i < to && isSpaceRune(rs[i]) {
				i++
			}
			j := i
			for j < to && !isSpaceRune(rs[j]) {
				j++
			}
			if j > i {
				out = append(out, token{text: string(rs[i:j]), line: li, start: i, end: j})
			}
			i = j
		}
	}
	if segs := l.Segments(); len(segs) > 0 {
		xs := l.Geo.X
		for _, s := range segs {
			e := s.Start + utf8.RuneCountInString(s.Text)
			if s.Start < 0 || e > len(rs) || e == s.Start {
				continue
			}
			from := len(out)
			split(s.Start, e)
			// a segment holding several tokens: the glyphs' own positions
			// when the reader kept them, else its width shared by runes
			w := (s.X1 - s.X0) / float64(e-s.Start)
			for k := from; k < len(out); k++ {
				if len(xs) == len(rs)+1 {
					out[k].x0, out[k].x1 = float64(xs[out[k].start]), float64(xs[out[k].end])
					continue
				}
				out[k].x0 = s.X0 + w*float64(out[k].start-s.Start)
				out[k].x1 = s.X0 + w*float64(out[k].end-s.Start)
			}
		}
		return out
	}
	split(0, len(rs))
	return out
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' }

var (
	funcCodeRe = regexp.MustCompile(`^2\d{2}(\d{2}){0,2}$`)
	econCodeRe = regexp.MustCompile(`^[35]\d{2}(\d{2})?$`)
	subCodeRe  = regexp.MustCompile(`^\d{2}$`)
	dashRe     = regexp.MustCompile(`^[-—－–]{1,2}$`)
)

func isFigure(s string) bool { return figRe.MatchString(s) || dashRe.MatchString(s) }

func isCode(s string, lay Layout) bool {
	switch lay {
	case LayoutFunction, LayoutRows:
		return funcCodeRe.MatchString(s)
	case LayoutEconomic:
		return econCodeRe.MatchString(s)
	}
	return false
}

// rowLabels start a new label in a side-by-side row even without an
// enumerator (使用非财政拨款结余 结余分配).
var rowLabels = []string{"本年收入合计", "本年支出合计", "使用非财政拨款结余", "结余分配", "年初结转和结余", "年末结转和结余",
	"年初财政拨款结转和结余", "年末财政拨款结转和结余", "收入总计", "支出总计", "总计", "人员经费合计", "公用经费合计", "人员经费", "公用经费",
	"上年结转", "结转下年", "本年收入", "本年支出"}

func isRowLabel(s string) bool {
	if enumRe.MatchString(s) {
		return true
	}
	for _, l := range rowLabels {
		if s == l || strings.HasPrefix(s, l) {
			return true
		}
	}
	return false
}

// half is the part of a row in one half of a side-by-side table.
type half struct {
	code []token
	name []token
	vals []token
}

func (h *half) empty() bool { return len(h.code)+len(h.name)+len(h.vals) == 0 }

// splitHalves cuts a line's tokens into halves: a new half starts at a
// code, or at a label that follows figures, or at a row label (一、…) in a
// summary table. A 3-digit code followed by 2-digit tokens is one split
// code (301 01), never a figure.
func splitHalves(toks []token, lay Layout) []*half {
	var out []*half
	h := &half{}
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if n := codeRun(toks[i:], lay); n > 0 && (h.empty() || len(h.vals) > 0 || len(h.name) > 0) {
			// integers before a name are a split code (301 01 / 301 2 /
			// 208 05 01), never amounts
			if !h.empty() {
				out = append(out, h)
				h = &half{}
			}
			for k := 0; k < n; k++ {
				t := toks[i+k]
				if k > 0 && len(t.text) == 1 {
					t.text = "0" + t.text // a 款 code printed without its leading zero
				}
				h.code = append(h.code, t)
			}
			i += n - 1
			continue
		}
		switch {
		case lay == LayoutRows && isCode(tk.text, lay) && i == 0 && i+1 < len(toks) && !isFigure(toks[i+1].text):
			// a government table's rows may lead with a function code (201
			// 一般公共服务支出); anywhere else a number is a figure
			h.code = append(h.code, tk)
		case lay == LayoutRows && isCode(tk.text, lay):
			h.vals = append(h.vals, tk)
		case isCode(tk.text, lay) && (h.empty() || len(h.vals) > 0 || len(h.name) > 0):
			if !h.empty() {
				out = append(out, h)
				h = &half{}
			}
			h.code = append(h.code, tk)
			for len(tk.text) == 3 && i+1 < len(toks) && subCodeRe.MatchString(toks[i+1].text) && len(h.code) < 3 {
				i++
				h.code = append(h.code, toks[i])
			}
		case isFigure(tk.text):
			h.vals = append(h.vals, tk)
		default:
			if len(h.vals) > 0 || (lay == LayoutSummary && len(h.name) > 0 && isRowLabel(tk.text)) {
				out = append(out, h)
				h = &half{}
			}
			h.name = append(h.name, tk)
		}
	}
	if !h.empty() {
		out = append(out, h)
	}
	return out
}

func joinText(ts []token) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.text)
	}
	return b.String()
}

// cleanName drops header residue that shares a line with the total row.
func cleanName(s string) string {
	s = strings.TrimPrefix(s, "类款项")
	s = strings.TrimPrefix(s, "项目")
	return s
}

func isExpLabel(s string) bool {
	return strings.Contains(s, "支出") || strings.HasSuffix(s, "支") || strings.Contains(s, "结余分配") || strings.HasPrefix(s, "年末")
}

// prow is a row being assembled from one or more lines.
type prow struct{ halves []*half }

// assemble turns a table's body lines into rows of cells. It returns the
// indices of the lines it took for the header, whose geometry tells where
// the columns are.
func assemble(t *doc.Table, lines []doc.Line, body []int, std *Standard) []int {
	var header []int
	lay := std.Layout
	var rows []*prow
	var pending *prow
	var centred *prow // a row whose figures came on a line of their own, under its name
	flush := func() {
		if pending != nil {
			rows = append(rows, pending)
			pending = nil
		}
	}
	for bi := 0; bi < len(body); bi++ {
		li := body[bi]
		toks := tokenize(lines, li)
		if r := lines[li].Row; r != 0 {
			// one row printed over several lines (a name wrapped around
			// centred figures), as the reader saw from the page
			group := []int{li}
			for bi+1 < len(body) && lines[body[bi+1]].Row == r {
				bi++
				group = append(group, body[bi])
			}
			if len(group) > 1 {
				toks = rowTokens(lines, group)
			}
		}
		if len(toks) == 0 {
			continue
		}
		hs := splitHalves(toks, lay)
		if len(hs) == 0 {
			continue
		}
		one := len(hs) == 1
		h := hs[0]
		switch {
		case one && len(h.code) > 0 && len(h.name) == 0 && len(h.vals) == 0:
			// a code alone on its line: name and figures follow
			flush()
			pending = &prow{halves: hs}
			continue
		case one && len(h.code) == 0 && len(h.vals) == 0:
			name := joinText(h.name)
			if pending != nil {
				pending.halves[0].name = append(pending.halves[0].name, h.name...)
				continue
			}
			if lay == LayoutSummary && len(rows) > 0 && isRowLabel(name) {
				rows = append(rows, &prow{halves: hs})
				continue
			}
			if lay == LayoutSummary && len(rows) > 0 && utf8.RuneCountInString(name) <= 3 {
				// the tail of a wrapped label (…应急管理支 / 出)
				last := rows[len(rows)-1].halves
				lh := last[len(last)-1]
				lh.name = append(lh.name, h.name...)
				continue
			}
			if lay == LayoutRows && centred != nil && centred == rows[len(rows)-1] && Level(name) > len(levelRes) {
				// the second line of a name its figures stand centred on
				// (其他政府办公厅（室）及相关机 / 113,804 … / 构事务支出)
				lh := centred.halves[0]
				lh.name = append(lh.name, h.name...)
				centred = nil
				continue
			}
			if lay == LayoutRows && (len(rows) > 0 || Level(name) <= len(levelRes) || valuesNext(lines, body, bi, lay)) {
				// a government table's row with nothing in it (二、外交支出),
				// or the tail of a name wrapped onto a line of its own
				if n := len(rows); n > 0 && utf8.RuneCountInString(name) <= 3 && Level(name) > len(levelRes) {
					last := rows[n-1].halves
					lh := last[len(last)-1]
					lh.name = append(lh.name, h.name...)
					continue
				}
				flush()
				rows = append(rows, &prow{halves: hs})
				continue
			}
			if len(rows) == 0 {
				t.Header = append(t.Header, strings.TrimSpace(lines[li].Text))
				header = append(header, li)
			}
			continue
		case one && len(h.code) == 0 && len(h.name) == 0:
			if pending != nil {
				pending.halves[0].vals = h.vals
				flush()
				continue
			}
			if (lay == LayoutSummary || lay == LayoutRows) && len(rows) > 0 {
				// figures printed between the two lines of a wrapped label
				// (…应急管理支 / 98.23 / 出) belong to that label
				last := rows[len(rows)-1].halves
				if lh := last[len(last)-1]; len(lh.vals) == 0 && len(lh.name) > 0 {
					lh.vals = h.vals
					centred = rows[len(rows)-1]
					continue
				}
			}
		}
		if lay == LayoutRows && len(rows) == 0 && yearHeader(toks) {
			// a header line whose only figures are years (项 目 2024 年):
			// text taken from a PDF prints a header cell per line
			t.Header = append(t.Header, strings.TrimSpace(lines[li].Text))
			header = append(header, li)
			continue
		}
		if lay == LayoutSummary && len(rows) == 0 && len(hs) > 1 && !anyVals(hs) && !anyRowLabel(hs) {
			t.Header = append(t.Header, strings.TrimSpace(lines[li].Text))
			header = append(header, li)
			continue
		}
		flush()
		rows = append(rows, &prow{halves: hs})
	}
	flush()
	n := 0
	for _, r := range rows {
		n += r.count(lay)
	}
	slab := newCellSlab(n)
	for _, r := range rows {
		t.Rows = append(t.Rows, r.cells(len(t.Rows), lines, lay, slab))
	}
	return header
}

// yearHeader reports a line whose figures are all years followed by 年
// (2024 年 / 决算数): a header's, not a row's.
func yearHeader(toks []token) bool {
	n := 0
	for i, tk := range toks {
		if !isFigure(tk.text) {
			continue
		}
		if !yearTokRe.MatchString(tk.text) || i+1 == len(toks) || !strings.HasPrefix(toks[i+1].text, "年") {
			return false
		}
		n++
	}
	return n > 0
}

var yearTokRe = regexp.MustCompile(`^(19|20|21)\d\d$`)

// cellSlab holds a table's cells and their blocks in two arrays: they live
// as long as the document, and a report of thousands of tables has hundreds
// of thousands of them, which allocated one by one among the parser's
// short-lived garbage leave half-empty pages behind when it is collected.
type cellSlab struct {
	cells  []doc.Cell
	blocks []doc.Block
}

func newCellSlab(n int) *cellSlab {
	return &cellSlab{cells: make([]doc.Cell, n), blocks: make([]doc.Block, n)}
}

// next is the slab's next unused cell and block.
func (s *cellSlab) next() (*doc.Cell, *doc.Block) {
	c, b := &s.cells[0], &s.blocks[0]
	s.cells, s.blocks = s.cells[1:], s.blocks[1:]
	return c, b
}

// rowTokens reads the lines of one row as one line: tokens by column, left
// to right, and within a column (the lines of a wrapped cell) top to bottom.
func rowTokens(lines []doc.Line, group []int) []token {
	var all []token
	for _, li := range group {
		all = append(all, tokenize(lines, li)...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].x0 < all[j].x0 })
	// columns: runs of tokens whose extents overlap
	var out []token
	for i := 0; i < len(all); {
		j, right := i+1, all[i].x1
		for j < len(all) && all[j].x0 < right {
			right = max(right, all[j].x1)
			j++
		}
		col := all[i:j]
		sort.SliceStable(col, func(a, b int) bool { return col[a].line < col[b].line })
		out = append(out, col...)
		i = j
	}
	return out
}

func anyVals(hs []*half) bool {
	for _, h := range hs {
		if len(h.vals) > 0 {
			return true
		}
	}
	return false
}

func anyRowLabel(hs []*half) bool {
	for _, h := range hs {
		if isRowLabel(joinText(h.name)) {
			return true
		}
	}
	return false
}

// kept is the halves that become cells.
func (r *prow) kept(lay Layout) []*half {
	if lay == LayoutFunction || lay == LayoutSanGong {
		// a function table has one half; a second label group on the line
		// is header residue merged by the extraction
		return r.halves[:1]
	}
	return r.halves
}

// count is the number of cells the row makes.
func (r *prow) count(lay Layout) int {
	n := 0
	for _, h := range r.kept(lay) {
		if len(h.code) > 0 {
			n++
		}
		if len(h.name) > 0 {
			n++
		}
		n += len(h.vals)
	}
	return n
}

// cells turns an assembled row into table cells, deciding each half's group.
func (r *prow) cells(ri int, lines []doc.Line, lay Layout, slab *cellSlab) []*doc.Cell {
	hs := r.kept(lay)
	out := make([]*doc.Cell, 0, r.count(lay))
	for gi, h := range hs {
		g := gi
		if g > 1 {
			g = 1
		}
		if lay == LayoutSummary && len(hs) == 1 && isExpLabel(joinText(h.name)) {
			g = 1
		}
		if len(h.code) > 0 {
			code := strings.ReplaceAll(joinText(h.code), " ", "")
			out = append(out, makeCell(slab, lines, h.code, code, "code", ri, len(out), g))
		}
		if len(h.name) > 0 {
			out = append(out, makeCell(slab, lines, h.name, cleanName(joinText(h.name)), "name", ri, len(out), g))
		}
		for _, v := range h.vals {
			out = append(out, makeCell(slab, lines, []token{v}, v.text, "value", ri, len(out), g))
		}
	}
	return out
}

// makeCell builds a cell and a block for it from the tokens' source
// positions, so findings can point at the cell.
func makeCell(slab *cellSlab, lines []doc.Line, ts []token, text, role string, row, col, group int) *doc.Cell {
	c, b := slab.next()
	*c = doc.Cell{Text: text, Row: row, Col: col, RowSpan: 1, ColSpan: 1, Role: role, Group: int32(group), Line: int32(ts[0].line),
		X0: ts[0].x0, X1: ts[len(ts)-1].x1}
	*b = doc.Block{Kind: doc.KindTableCell, Text: text, Page: int32(lines[ts[0].line].Page)}
	var raw strings.Builder
	for _, tk := range ts {
		l := lines[tk.line]
		rs := []rune(l.Text[:min(len(l.Text), runeByteEnd(l.Text, tk.end))])
		end := min(tk.end, l.Pos.Len(), len(rs))
		if tk.start >= end {
			continue
		}
		raw.WriteString(string(rs[tk.start:end]))
		for k := tk.start; k < end; k++ {
			b.SrcAt.Append(l.Pos.At(k))
		}
	}
	b.Raw = raw.String()
	if n := b.SrcAt.Len(); n > 0 {
		for i := range utf8.RuneCountInString(text) {
			b.RawAt.Append(min(i, n-1))
		}
	}
	c.Block = b
	return c
}

var intRe = regexp.MustCompile(`^\d{1,7}$`)

// codeRun reports how many leading tokens form a split code: two or three
// plain integers followed by a name, in a coded table.
func codeRun(toks []token, lay Layout) int {
	if lay != LayoutFunction && lay != LayoutEconomic {
		return 0
	}
	n := 0
	for n < len(toks) && n < 3 && intRe.MatchString(toks[n].text) && (n == 0 || len(toks[n].text) <= 2) {
		n++
	}
	if n < 2 || n >= len(toks) || isFigure(toks[n].text) {
		return 0
	}
	return n
}

// runeByteEnd is the byte offset just after the first n runes of s.
func runeByteEnd(s string, n int) int {
	i := 0
	for b := range s {
		if i == n {
			return b
		}
		i++
	}
	return len(s)
}

// valuesNext reports that the body line after bi holds figures only: the
// figures of a name printed over two lines around them, so the line at bi
// is that name (the first row on a continued page), not a header line.
func valuesNext(lines []doc.Line, body []int, bi int, lay Layout) bool {
	if bi+1 >= len(body) {
		return false
	}
	hs := splitHalves(tokenize(lines, body[bi+1]), lay)
	return len(hs) == 1 && len(hs[0].vals) > 0 && len(hs[0].name) == 0 && len(hs[0].code) == 0
}
