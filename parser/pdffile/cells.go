package pdffile

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Table rows printed over several lines. A name cell too narrow for its
// name wraps over two or three lines, and the row's other cells (code,
// figures) are centred vertically in the row, on a baseline of their own:
//
//	          社会保障和就
//	208       业支出          754.75   754.75   0.00
//
// Read line by line, the name's pieces land in the rows above and below.
// The page's geometry says which lines make one row: the cell borders when
// the table is ruled (the lines between the same two horizontal rules),
// otherwise the shape of a centred cell (as many label lines above the
// figures as below them, tightly spaced, with no other figures in reach).
// Such lines get one row number; the tables package joins them.

// hrule is a horizontal rule in display space.
type hrule struct{ y, x0, x1 float64 }

// Reach of a wrapped cell, in units of the font size.
const (
	cellPitch   = 1.6 // the most a wrapped cell's lines are apart
	rowMaxLines = 6   // a ruled row higher than this many lines is not one row
)

// rowBands sets row on the lines of a page (rot 0, built) that belong to a
// table row printed over several lines; rows are numbered from next, and
// the next free number is returned.
func rowBands(lines []*pline, hr []hrule, next int) int {
	var ls []*pline
	for _, l := range lines {
		if l.rot == 0 && len(l.segs) > 0 {
			ls = append(ls, l)
		}
	}
	if len(ls) < 2 {
		return next
	}
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].y < ls[j].y })
	next = ruledRows(ls, hr, next)
	return centredRows(ls, next)
}

// figureSegs reports which of a line's segments hold a figure (amount,
// code, rate or dash).
func figureSegs(l *pline) []bool {
	out := make([]bool, len(l.segs))
	for i, s := range l.segs {
		out[i] = numeric(strings.TrimSpace(s.Text))
	}
	return out
}

// hasFigure reports whether a line holds a row's figures: an amount with
// figure punctuation, or several numbers. A single bare integer is a code
// (22102) printed apart from its row, which counts as a label.
func hasFigure(l *pline) bool {
	n := 0
	for i, f := range figureSegs(l) {
		if !f {
			continue
		}
		n++
		if strings.IndexFunc(l.segs[i].Text, func(r rune) bool { return !unicode.IsDigit(r) && r != ' ' }) >= 0 {
			return true
		}
	}
	return n >= 2
}

// numeric: digits with figure punctuation and currency signs, or a dash
// standing for zero.
func numeric(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(",，.．%％-－−—– $¥￥", r):
		default:
			return false
		}
	}
	return digits > 0 || s == "-" || s == "－" || s == "—" || s == "–" || s == "--" || s == "——"
}

// labelsClear reports whether the label lines stand clear of the figure
// line's figures: a label piece under a figure column is not a wrapped
// name but a row of its own.
func labelsClear(f *pline, labels []*pline) bool {
	figs := figureSegs(f)
	for _, l := range labels {
		for _, s := range l.segs {
			for i, fs := range f.segs {
				if figs[i] && s.X0 < fs.X1 && s.X1 > fs.X0 {
					return false
				}
			}
		}
	}
	return true
}

// ruledRows groups the lines between the same two horizontal rules: a
// ruled row holding one line of figures and label lines around it.
func ruledRows(ls []*pline, hr []hrule, next int) int {
	if len(hr) < 2 {
		return next
	}
	type band struct{ top, bot float64 }
	bands := make([]band, len(ls))
	hr = append([]hrule(nil), hr...)
	sort.Slice(hr, func(i, j int) bool { return hr[i].y < hr[j].y })
	for i, l := range ls {
		// the rules nearest above and below the glyphs' middle, among
		// those that run over the line; a band taller than a row is
		// none, so only the rules within a row's height count
		c := l.y - 0.35*l.size
		reach := rowMaxLines * l.size
		b := band{math.Inf(-1), math.Inf(1)}
		from := sort.Search(len(hr), func(k int) bool { return hr[k].y >= c-reach })
		for _, h := range hr[from:] {
			if h.y > c+reach {
				break
			}
			if h.x1 < l.x0+1 || h.x0 > l.x1-1 {
				continue
			}
			if h.y < c && h.y > b.top {
				b.top = h.y
			}
			if h.y > c && h.y < b.bot {
				b.bot = h.y
			}
		}
		if b.bot-b.top > rowMaxLines*l.size {
			b = band{math.Inf(-1), math.Inf(1)}
		}
		bands[i] = b
	}
	same := func(a, b band) bool {
		return !math.IsInf(a.top, 0) && !math.IsInf(a.bot, 0) && math.Abs(a.top-b.top) < 1.5 && math.Abs(a.bot-b.bot) < 1.5
	}
	for i := 0; i < len(ls); {
		j := i + 1
		for j < len(ls) && same(bands[i], bands[j]) {
			j++
		}
		if j-i >= 2 {
			next = markRow(ls[i:j], next)
		}
		i = j
	}
	return next
}

// markRow numbers a group of lines as one row when exactly one of them
// holds figures and the others are labels clear of those figures.
func markRow(group []*pline, next int) int {
	var fig *pline
	var labels []*pline
	for _, l := range group {
		if l.row != 0 {
			return next
		}
		if hasFigure(l) {
			if fig != nil {
				return next
			}
			fig = l
			continue
		}
		labels = append(labels, l)
	}
	if fig == nil || len(labels) == 0 || !labelsClear(fig, labels) {
		return next
	}
	for _, l := range group {
		l.row = next
	}
	return next + 1
}

// centredRows finds, in tables without rules, a figure line with a label
// wrapped around it: label lines right above it and right below, in one
// column, spaced symmetrically about it (the figures are centred), and no
// other figure line as close to the label as the label's own lines are.
func centredRows(ls []*pline, next int) int {
	for i, f := range ls {
		if f.row != 0 || !hasFigure(f) {
			continue
		}
		up := stack(ls, i, -1)
		down := stack(ls, i, +1)
		// the largest n for which the n lines above mirror the n below
		n := 0
		for n < len(up) && n < len(down) {
			a, b := f.y-up[n].y, down[n].y-f.y
			if math.Abs(a-b) > 0.3*f.size {
				break
			}
			n++
		}
		// the tallest such cell that reads as one wrapped label
		for ; n > 0; n-- {
			if g := centredCell(ls, i, up[:n], down[:n]); g != nil {
				next = markRow(g, next)
				break
			}
		}
	}
	return next
}

// centredCell returns the figure line ls[i] with the label lines up and
// down mirrored about it, when they read as one label wrapped around it;
// nil otherwise.
func centredCell(ls []*pline, i int, up, down []*pline) []*pline {
	f, n := ls[i], len(up)
	group := append(append([]*pline{f}, up...), down...)
	// the spacing of the label's lines: 2n-1 gaps, or 2n when the figure
	// line carries the label's middle line
	gaps := 2*n - 1
	if _, ok := labelIn(f, up[0]); ok {
		gaps++
	}
	pitch := (down[n-1].y - up[n-1].y) / float64(gaps)
	if !labelsClear(f, group[1:]) || !wrapped(f, up, down) || crowded(ls, i, group[1:], pitch) {
		return nil
	}
	return group
}

// stack collects the label lines next to ls[i] going in direction dir,
// each within a wrapped cell's pitch of the one before.
func stack(ls []*pline, i, dir int) []*pline {
	var out []*pline
	prev := ls[i]
	for k := i + dir; k >= 0 && k < len(ls); k += dir {
		l := ls[k]
		if l.row != 0 || hasFigure(l) || math.Abs(l.y-prev.y) > cellPitch*math.Max(l.size, prev.size) || math.Abs(l.size-ls[i].size) > 0.15*ls[i].size {
			break
		}
		out = append(out, l)
		prev = l
	}
	return out
}

// wrapped reports whether the label lines read as labels wrapped in their
// cells. Their pieces are grouped in columns; in each column every piece
// but the last runs to the column's right edge (a label wraps only when
// its line is full) and none but the first starts with an item number (一、
// （二） 3.), which begins a label rather than going on with one. Label rows
// of their own, stacked about a figure row, stop wherever their words end
// and each start with their number. A label line's piece alone in its
// column continues nothing: a heading or a note, not part of the cell.
func wrapped(f *pline, up, down []*pline) bool {
	type piece struct {
		x0, x1 float64
		order  int
		text   string
		label  bool // from a label line, not the figure line
	}
	var ps []piece
	add := func(l *pline, order int, figs []bool) {
		for i, s := range l.segs {
			if figs == nil || !figs[i] {
				ps = append(ps, piece{s.X0, s.X1, order, s.Text, figs == nil})
			}
		}
	}
	for k := len(up) - 1; k >= 0; k-- {
		add(up[k], len(up)-1-k, nil)
	}
	add(f, len(up), figureSegs(f))
	for k, l := range down {
		add(l, len(up)+1+k, nil)
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].x0 < ps[j].x0 })
	for i := 0; i < len(ps); {
		j, edge := i+1, ps[i].x1
		for j < len(ps) && ps[j].x0 < edge {
			edge = math.Max(edge, ps[j].x1)
			j++
		}
		col := append([]piece(nil), ps[i:j]...)
		i = j
		sort.SliceStable(col, func(a, b int) bool { return col[a].order < col[b].order })
		if len(col) == 1 {
			if col[0].label {
				return false
			}
			continue
		}
		for k, p := range col {
			// slack: up to two characters, for lines with narrow digits
			if k < len(col)-1 && p.x1 < edge-2*f.size {
				return false
			}
			if k > 0 && itemNumberRe.MatchString(strings.TrimSpace(p.text)) {
				return false
			}
		}
	}
	return true
}

// itemNumberRe matches the number that begins an item: 一、 （二） (3) 4. 5、
// (not ①, which runs on inside descriptions and wraps to a line start).
var itemNumberRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]{1,2}[、.．](?:[^0-9０-９]|$))`)

// crowded: another figure line stands about as close to the label's outer
// lines as the label's own lines stand to each other, so the labels could
// as well be its. A neighbour whose own label is short (it wrapped
// nothing, so ours is no tail of it) competes only when it stands as close
// as the label's own lines: rows spaced like that are evenly spaced rows,
// where a wrapped cell's lines sit closer than the rows do.
func crowded(ls []*pline, i int, labels []*pline, pitch float64) bool {
	top, bot := labels[0], labels[0]
	right := math.Inf(-1)
	for _, l := range labels {
		if l.y < top.y {
			top = l
		}
		if l.y > bot.y {
			bot = l
		}
		right = math.Max(right, l.x1)
	}
	if x1, ok := labelIn(ls[i], top); ok {
		right = math.Max(right, x1)
	}
	// lines are sorted by baseline: look outwards from the figure line
	// while a neighbour could be within reach
	competes := func(l *pline, d float64) bool {
		if !hasFigure(l) {
			return false
		}
		reach := 1.2 * pitch
		if x1, ok := labelIn(l, top); ok && x1 < right-l.size {
			reach = 1.05 * pitch
		}
		return d < reach
	}
	for k := i - 1; k >= 0 && top.y-ls[k].y < 1.2*pitch; k-- {
		if ls[k].y < top.y && competes(ls[k], top.y-ls[k].y) {
			return true
		}
	}
	for k := i + 1; k < len(ls) && ls[k].y-bot.y < 1.2*pitch; k++ {
		if ls[k].y > bot.y && competes(ls[k], ls[k].y-bot.y) {
			return true
		}
	}
	return false
}

// labelIn returns the right edge of figure line f's label piece in the
// column of label line l, if it has one.
func labelIn(f, l *pline) (float64, bool) {
	figs := figureSegs(f)
	for i, s := range f.segs {
		if !figs[i] && s.X0 < l.x1 && s.X1 > l.x0 {
			return s.X1, true
		}
	}
	return 0, false
}
