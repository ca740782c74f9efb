package output

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser/doc"
)

// View is what the page view (HTML) and the annotated copy (PDF) need of a
// checked document beyond its findings. It keeps only the pages that have
// findings (PDF) and a few lines around each finding, so a batch of
// hundreds of files does not keep its documents in memory.
type View struct {
	PageCount int        // pages read (PDF), to match against the file when annotating
	Pages     []ViewPage // PDF pages with findings, by page number
	Marks     []ViewMark // one per finding checked (a baseline may drop some later)
	index     map[findingKey]int
}

// findingKey tells findings apart, so a mark is found for its finding
// after a baseline or a filter has dropped others.
type findingKey struct {
	rule, claim                      string
	line, col, endLine, endCol, page int
}

func keyOf(f checks.Finding) findingKey {
	return findingKey{f.Rule, f.Claim, f.Line, f.Column, f.EndLine, f.EndColumn, f.Page}
}

// Mark returns the mark captured for finding f, or nil.
func (v *View) Mark(f checks.Finding) *ViewMark {
	if v == nil {
		return nil
	}
	if i, ok := v.index[keyOf(f)]; ok {
		return &v.Marks[i]
	}
	return nil
}

// ViewPage is one page of a PDF as it was read: each line where it stands.
type ViewPage struct {
	Page  int
	W, H  float64 // displayed size in points
	Lines []ViewLine
}

// ViewLine is a line of a page: X holds the x-position of each rune and
// of the end of the last one, along a baseline Y, in the frame of the
// line's writing direction Rot (0 left to right; see doc.Line).
type ViewLine struct {
	Text    string
	Rot     int8
	Y, Size float32
	X       []float32
}

// ViewMark places one finding: its claim and related places as page
// rectangles (PDF) and as lines of text with the marked runs.
type ViewMark struct {
	Page    int        // page of the claim, 0 when the source has none
	Spots   []ViewSpot // the claim first, then related places
	Excerpt []ExcerptLine
}

// ViewSpot is one place a finding involves.
type ViewSpot struct {
	Related bool
	Note    string
	Page    int
	Rects   []doc.Rect
}

// ExcerptLine is a source line shown around a claim: its number as
// findings count lines, its text, and the runs to mark (rune ranges; Rel
// tells a related place from the claim).
type ExcerptLine struct {
	Page, N int
	Text    string
	Runs    []ExcerptRun
	Gap     bool // lines are left out before this one
}

// ExcerptRun is a marked run of an excerpt line, [Start,End) in runes.
type ExcerptRun struct {
	Start, End int
	Related    bool
}

// Lines of context shown above and below a claim, and the most pages one
// file keeps for its page views (the first ones with findings).
const (
	excerptContext = 3
	maxViewPages   = 200
	maxExcerpt     = 40 // lines of one excerpt, for claims spanning more
)

// Capture records what the page view and the annotated copy need from d
// for findings fs. It must be called while d is at hand; the view does not
// refer to d afterwards.
func Capture(d *doc.Document, fs []checks.Finding) *View {
	if d == nil || d.Source == nil {
		return nil
	}
	v := &View{Marks: make([]ViewMark, len(fs)), index: make(map[findingKey]int, len(fs))}
	if d.Geometry != nil {
		v.PageCount = len(d.Geometry.Pages)
	}
	pages := map[int]bool{}
	for i, f := range fs {
		m := &v.Marks[i]
		m.Page = f.Page
		v.index[keyOf(f)] = i
		if !located(f.Line, f.Column, f.EndLine, f.EndColumn) && f.Page == 0 {
			continue // about the whole document
		}
		places := []checks.Place{{Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn, Page: f.Page}}
		places = append(places, f.Related...)
		spans := make([][2]int, len(places))
		for k, p := range places {
			s, e := span(d.Source, p)
			spans[k] = [2]int{s, e}
			spot := ViewSpot{Related: k > 0, Note: p.Note, Page: p.Page}
			if d.Geometry != nil {
				spot.Rects = glyphRects(d, s, e)
				for _, r := range spot.Rects {
					pages[r.Page] = true
				}
			}
			m.Spots = append(m.Spots, spot)
		}
		m.Excerpt = excerpts(d, spans)
	}
	if d.Geometry != nil {
		v.Pages = viewPages(d, pages)
	}
	return v
}

// glyphRects are the rectangles over the glyphs of source offsets [s,e):
// one per line, split where blanks leave a gap wider than the text is high,
// so a table row's cells are marked one by one and not the empty columns
// between them.
func glyphRects(d *doc.Document, s, e int) []doc.Rect {
	var out []doc.Rect
	src := d.Source
	for a := s; a < e && a < src.Len(); {
		if unicode.IsSpace(src.At(a)) {
			a++
			continue
		}
		b := a
		for b < e && b < src.Len() && !unicode.IsSpace(src.At(b)) {
			b++
		}
		for _, r := range d.SourceRects(a, b) {
			if n := len(out); n > 0 {
				p := &out[n-1]
				h := p.Y1 - p.Y0
				if p.Page == r.Page && math.Abs(p.Y0-r.Y0) < h/4 && math.Abs(p.Y1-r.Y1) < h/4 && r.X0-p.X1 < h && r.X0 >= p.X0 {
					p.X1 = math.Max(p.X1, r.X1)
					p.Y0, p.Y1 = math.Min(p.Y0, r.Y0), math.Max(p.Y1, r.Y1)
					continue
				}
			}
			out = append(out, r)
		}
		a = b
	}
	return out
}

// located: a finding the engine placed on a span, not the 1:1 of a
// finding about the whole document.
func located(l, c, el, ec int) bool { return !(l == 1 && c == 1 && el == 1 && ec == 1) }

// span is the source offsets of a place; the end column is exclusive.
func span(s *doc.Source, p checks.Place) (int, int) {
	a := s.Offset(doc.Position{Line: p.Line, Column: p.Column, Page: p.Page})
	endPage := p.Page
	if p.EndLine < p.Line && p.Page > 0 {
		endPage = p.Page + 1 // a claim running on to the next page restarts the count
	}
	b := s.Offset(doc.Position{Line: p.EndLine, Column: p.EndColumn, Page: endPage})
	if b <= a {
		b = min(a+1, s.Len())
	}
	return a, b
}

// excerpts returns the lines around the claim (spans[0]) and, after a gap,
// the lines of each related place that are not among them, every span
// marked where it falls.
func excerpts(d *doc.Document, spans [][2]int) []ExcerptLine {
	build := func(focus, context int) []ExcerptLine {
		if d.Format == doc.FormatHTML {
			// the source is markup: show the text as read instead
			return blockExcerpt(d, spans, focus, context)
		}
		return excerpt(d.Source, spans, focus, context)
	}
	out := build(0, excerptContext)
	type at struct{ page, n int }
	shown := map[at]bool{}
	for _, l := range out {
		shown[at{l.Page, l.N}] = true
	}
	for k := 1; k < len(spans); k++ {
		var add []ExcerptLine
		for _, l := range build(k, 0) {
			if !shown[at{l.Page, l.N}] {
				shown[at{l.Page, l.N}] = true
				add = append(add, l)
			}
		}
		if len(add) > 0 {
			add[0].Gap = true
			out = append(out, add...)
		}
	}
	return out
}

// excerpt returns the source lines around span focus, context lines above
// and below, with every span marked where it falls on them.
func excerpt(s *doc.Source, spans [][2]int, focus, context int) []ExcerptLine {
	if focus >= len(spans) || s.Len() == 0 {
		return nil
	}
	n, at := s.Len(), s.At
	// line boundaries around the claim: a form feed ends a page's lines
	lineStart := func(o int) int {
		for o > 0 && at(o-1) != '\n' && at(o-1) != '\f' {
			o--
		}
		return o
	}
	lineEnd := func(o int) int {
		for o < n && at(o) != '\n' && at(o) != '\f' {
			o++
		}
		return o
	}
	a, b := spans[focus][0], max(spans[focus][1]-1, spans[focus][0])
	from, to := lineStart(min(a, n-1)), lineEnd(min(b, n-1))
	for k := 0; k < context && from > 0 && at(from-1) == '\n'; k++ {
		from = lineStart(from - 1)
	}
	for k := 0; k < context && to < n && at(to) == '\n'; k++ {
		to = lineEnd(to + 1)
	}
	var out []ExcerptLine
	for o := from; o <= to && len(out) < maxExcerpt; {
		e := lineEnd(o)
		p := s.Position(o)
		// a copy: the view outlives the document's source
		l := ExcerptLine{Page: p.Page, N: p.Line, Text: strings.Clone(s.Slice(o, e))}
		for k, sp := range spans {
			lo, hi := max(sp[0], o), min(sp[1], e)
			if lo < hi {
				l.Runs = append(l.Runs, ExcerptRun{Start: lo - o, End: hi - o, Related: k > 0})
			}
		}
		out = append(out, l)
		if e >= n || at(e) == '\f' {
			break
		}
		o = e + 1
	}
	return out
}

// blockExcerpt shows the blocks around span focus as the
// reader read them, for sources whose lines are markup (HTML): one line per
// paragraph or heading, the cells of a table row on one line, numbered
// with the source line the line starts on.
func blockExcerpt(d *doc.Document, spans [][2]int, focus, context int) []ExcerptLine {
	type rowKey struct{ t, r int }
	rowOf := map[*doc.Block]rowKey{}
	for ti, t := range d.Tables {
		for _, row := range t.Rows {
			for _, c := range row {
				if c != nil && c.Block != nil {
					rowOf[c.Block] = rowKey{ti + 1, c.Row}
				}
			}
		}
	}
	// group blocks into display lines
	type group struct{ blocks []*doc.Block }
	var lines []group
	var last rowKey
	for _, b := range d.Blocks {
		if b.SrcAt.Len() == 0 {
			continue
		}
		k, inTable := rowOf[b]
		if inTable && len(lines) > 0 && k == last {
			lines[len(lines)-1].blocks = append(lines[len(lines)-1].blocks, b)
			continue
		}
		if inTable {
			last = k
		} else {
			last = rowKey{}
		}
		lines = append(lines, group{blocks: []*doc.Block{b}})
	}
	touches := func(g group, sp [2]int) bool {
		for _, b := range g.blocks {
			for _, o := range b.SrcAt.All() {
				if o >= sp[0] && o < sp[1] {
					return true
				}
			}
		}
		return false
	}
	first, lastLine := -1, -1
	for i, g := range lines {
		if touches(g, spans[focus]) {
			if first < 0 {
				first = i
			}
			lastLine = i
		}
	}
	if first < 0 {
		return nil
	}
	from, to := max(first-context, 0), min(lastLine+context, len(lines)-1)
	var out []ExcerptLine
	for _, g := range lines[from : to+1] {
		if len(out) >= maxExcerpt {
			break
		}
		var l ExcerptLine
		l.N = d.Source.Position(g.blocks[0].SrcAt.At(0)).Line
		var text []rune
		for bi, b := range g.blocks {
			if bi > 0 {
				text = append(text, ' ', ' ')
			}
			base := len(text)
			text = append(text, []rune(b.Raw)...)
			for k, sp := range spans {
				lo := -1
				for ri, o := range b.SrcAt.All() {
					in := o >= sp[0] && o < sp[1]
					if in && lo < 0 {
						lo = ri
					}
					if !in && lo >= 0 {
						l.Runs = append(l.Runs, ExcerptRun{Start: base + lo, End: base + ri, Related: k > 0})
						lo = -1
					}
				}
				if lo >= 0 {
					l.Runs = append(l.Runs, ExcerptRun{Start: base + lo, End: base + b.SrcAt.Len(), Related: k > 0})
				}
			}
		}
		sort.Slice(l.Runs, func(i, j int) bool { return l.Runs[i].Start < l.Runs[j].Start })
		l.Text = string(text)
		out = append(out, l)
	}
	return out
}

// viewPages copies the lines of the pages with findings out of d.
func viewPages(d *doc.Document, want map[int]bool) []ViewPage {
	nums := make([]int, 0, len(want))
	for p := range want {
		if p >= 1 && p <= len(d.Geometry.Pages) {
			nums = append(nums, p)
		}
	}
	sort.Ints(nums)
	if len(nums) > maxViewPages {
		nums = nums[:maxViewPages]
	}
	index := map[int]int{}
	out := make([]ViewPage, len(nums))
	for i, p := range nums {
		box := d.Geometry.Pages[p-1]
		out[i] = ViewPage{Page: p, W: box.Width(), H: box.Height()}
		index[p] = i
	}
	for _, l := range d.Geometry.Lines {
		i, ok := index[l.Page]
		if !ok {
			continue
		}
		end := min(l.Start+len(l.X)-1, d.Source.Len())
		if l.Start >= end {
			continue
		}
		out[i].Lines = append(out[i].Lines, ViewLine{
			// copies: the document and its source are let go
			Text: strings.Clone(d.Source.Slice(l.Start, end)), Rot: l.Rot, Y: l.Y, Size: l.Size,
			X: append([]float32(nil), l.X...),
		})
	}
	return out
}

// page returns the captured page p, or nil.
func (v *View) page(p int) *ViewPage {
	if v == nil {
		return nil
	}
	i := sort.Search(len(v.Pages), func(i int) bool { return v.Pages[i].Page >= p })
	if i < len(v.Pages) && v.Pages[i].Page == p {
		return &v.Pages[i]
	}
	return nil
}
