package pdffile

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Page numbers as printed: 19, - 3 -, — 3 —, 第 3 页, 第3页 共20页, 3/20, -III-.
var pageNumberRe = regexp.MustCompile(`^(?:[-－—–_·•\s]*[0-9０-９]{1,4}[-－—–_·•\s]*|第\s*[0-9０-９一二三四五六七八九十百]{1,6}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4}|[-－—–\s]*[IVXLCivxlc]{1,6}[-－—–\s]*)$`)

// Margins, as shares of the page height, where running heads and feet live.
const (
	headBand = 0.10
	footBand = 0.10
	pnoBand  = 0.16 // page numbers sit a little further in on some layouts
)

// assignRoles marks page numbers, running headers and footers, then
// paragraph breaks and first-line indents.
func assignRoles(all [][]*pline, pages []page) {
	seen := map[band]int{}
	for pi, lines := range all {
		h := pages[pi].box.height()
		marked := map[band]bool{}
		// the two top and two bottom lines by position, not by reading
		// order: a page number may sit under a column read first
		var ys []float64
		for _, l := range lines {
			if l.rot == 0 {
				ys = append(ys, l.y)
			}
		}
		sort.Float64s(ys)
		for _, l := range lines {
			if l.rot != 0 {
				continue
			}
			edge := len(ys) <= 4 || l.y <= ys[1] || l.y >= ys[len(ys)-2]
			if edge && (l.y < pnoBand*h || l.y > (1-pnoBand)*h) && pageNumberRe.MatchString(strings.TrimSpace(l.text)) {
				l.role = doc.RolePageNumber
				continue
			}
			if k, ok := bandKey(l, h); ok && !marked[k] {
				marked[k] = true
				seen[k]++
			}
		}
	}
	// a running head repeats on at least 3 pages and a third of them
	need := max(3, len(all)/3)
	if len(all) <= 3 {
		need = len(all)
	}
	for pi, lines := range all {
		h := pages[pi].box.height()
		for _, l := range lines {
			if l.role != doc.RoleBody || l.rot != 0 {
				continue
			}
			if k, ok := bandKey(l, h); ok && len(all) > 1 && seen[k] >= need {
				if k.top {
					l.role = doc.RoleHeader
				} else {
					l.role = doc.RoleFooter
				}
			}
		}
		markBreaks(lines)
	}
}

// band is a line of the head or foot band, its digits folded.
type band struct {
	top  bool
	text string
}

// bandKey names a line in the head or foot band by its text with digits
// folded, so "第3页 共9页" and "第4页 共9页" match.
func bandKey(l *pline, h float64) (k band, ok bool) {
	switch {
	case l.y < headBand*h:
		k.top = true
	case l.y > (1-footBand)*h:
	default:
		return k, false
	}
	var b strings.Builder
	for _, r := range l.text {
		switch {
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			b.WriteByte('#')
		case r == ' ':
		default:
			b.WriteRune(r)
		}
	}
	k.text = b.String()
	return k, k.text != ""
}

// markBreaks sets Break and Indent on a page's body lines: a gap clearly
// wider than the line spacing, a first-line indent, a short line before, or
// a table row starts a new block.
func markBreaks(lines []*pline) {
	var body []*pline
	for _, l := range lines {
		if l.role == doc.RoleBody && l.rot == 0 {
			body = append(body, l)
		} else {
			l.brk = true
		}
	}
	if len(body) == 0 {
		return
	}
	// margins and line spacing per column: a right-column line is not an
	// indented one, a left-column line does not stop short
	var left, right [3]float64
	for c := range left {
		left[c], right[c] = margins(body, c)
	}
	var gaps []float64
	for i, l := range body {
		if i > 0 {
			if d := l.y - body[i-1].y; d > 0.8*l.size && d < 3*l.size {
				gaps = append(gaps, d)
			}
		}
	}
	spacing := 0.0
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		spacing = gaps[len(gaps)/2]
	}
	for i, l := range body {
		if d := l.x0 - left[l.col]; d > 0.5*l.size {
			l.indent = int(math.Round(d / l.size))
		}
		if i == 0 {
			// a sentence may run on from the previous page
			l.brk = l.indent >= 1 && l.indent <= 4
			continue
		}
		p := body[i-1]
		d := l.y - p.y
		switch {
		case len(l.segs) > 1 || len(p.segs) > 1:
			l.brk = true
		case l.col == 2 && p.col == 1:
			// top of the right column: the left column's last
			// paragraph runs on unless this line is indented
			l.brk = l.indent >= 1
		case spacing > 0 && d > 1.4*spacing, d > 2.2*l.size, d < 0:
			l.brk = true
		case l.indent >= 1 && l.indent > p.indent:
			l.brk = true
		case p.x1 < right[p.col]-3*p.size && p.indent <= l.indent+1:
			l.brk = true // the line before stopped short: its paragraph ended
		}
	}
}

// margins returns the left margin (the leftmost x shared by several lines)
// and the right edge of the body lines in column col.
func margins(body []*pline, col int) (left, right float64) {
	xs := make([]float64, 0, len(body))
	for _, l := range body {
		if l.col == col {
			xs = append(xs, l.x0)
			right = math.Max(right, l.x1)
		}
	}
	if len(xs) == 0 {
		return 0, 0
	}
	sort.Float64s(xs)
	left = xs[0]
	if len(xs) >= 5 {
		left = xs[len(xs)/10]
	}
	return left, right
}
