package pdffile

import (
	"math"
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
	for i, l := range ls {
		// the rules nearest above and below the glyphs' middle, among
		// those that run over the line
		c := l.y - 0.35*l.size
		b := band{math.Inf(-1), math.Inf(1)}
		for _, h := range hr {
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
			if math.Abs(a-b) > 0.2*f.size {
				break
			}
			n++
		}
		if n == 0 {
			continue
		}
		up, down = up[:n], down[:n]
		group := append(append([]*pline{f}, up...), down...)
		// the spacing of the label's lines: 2n-1 gaps, or 2n when the
		// figure line carries the label's middle line
		gaps := 2*n - 1
		if labelOn(f, up[0]) {
			gaps++
		}
		pitch := (down[n-1].y - up[n-1].y) / float64(gaps)
		if !oneColumn(group[1:]) || !labelsClear(f, group[1:]) || crowded(ls, i, up[n-1], down[n-1], pitch) {
			continue
		}
		next = markRow(group, next)
	}
	return next
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

// labelOn reports whether the figure line has a label piece in the column
// of label line l.
func labelOn(f, l *pline) bool {
	figs := figureSegs(f)
	for i, s := range f.segs {
		if !figs[i] && s.X0 < l.x1 && s.X1 > l.x0 {
			return true
		}
	}
	return false
}

// oneColumn: the label pieces overlap one another horizontally, as the
// lines of one wrapped cell do.
func oneColumn(labels []*pline) bool {
	x0, x1 := labels[0].x0, labels[0].x1
	for _, l := range labels[1:] {
		if l.x0 >= x1 || l.x1 <= x0 {
			return false
		}
		x0, x1 = math.Max(x0, l.x0), math.Min(x1, l.x1)
	}
	return true
}

// crowded: another figure line stands about as close to the label's outer
// lines as the label's own lines stand to each other, so the labels could
// as well belong to it.
func crowded(ls []*pline, i int, top, bot *pline, pitch float64) bool {
	for k, l := range ls {
		if k == i || !hasFigure(l) {
			continue
		}
		if (l.y < top.y && top.y-l.y < 1.2*pitch) || (l.y > bot.y && l.y-bot.y < 1.2*pitch) {
			return true
		}
	}
	return false
}
