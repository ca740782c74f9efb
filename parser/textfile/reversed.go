package textfile

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Some tools that turn PDFs into text write each page's lines bottom to top:
// a table's title and 单位 line come after its rows, a paragraph's last line
// before its first, so every sentence wrapped over lines is cut into pieces
// and a figure loses its subject. The numbered items of such a page count
// down ((3), (2), (1); 三、 二、 一、) where a report counts up; when they do so
// throughout, each page is put back in reading order.

// markerRes are the numbering styles that open a line, each counted apart.
var markerRes = []*regexp.Regexp{
	regexp.MustCompile(`^[（(]\s*(\d{1,2})\s*[)）]`),
	regexp.MustCompile(`^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]`),
	regexp.MustCompile(`^([一二三四五六七八九十]{1,3})\s*、`),
	regexp.MustCompile(`^(\d{1,2})\s*[.．、]\D`),
}

// reversedMin and reversedRatio: the steps down needed, in number and
// against the steps up, before pages are taken as printed bottom to top.
const (
	reversedMin   = 8
	reversedRatio = 5
)

// unreverse puts the lines of each page back in reading order when the
// document's numbered items step down far more often than up.
func unreverse(lines []doc.Line) []doc.Line {
	up, down := 0, 0
	last := map[int]int{}
	page := -1
	for _, l := range lines {
		if l.Page != page {
			page = l.Page
			clear(last) // a count may go on across a page break, but not against the page order
		}
		style, n := marker(l.Text)
		if n == 0 {
			continue
		}
		if p, ok := last[style]; ok {
			switch n {
			case p + 1:
				up++
			case p - 1:
				down++
			}
		}
		last[style] = n
	}
	if down < reversedMin || down < reversedRatio*up {
		return lines
	}
	out := make([]doc.Line, 0, len(lines))
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].Page == lines[i].Page {
			j++
		}
		out = append(out, reversePage(lines[i:j])...)
		i = j
	}
	return out
}

// reversePage returns a page's lines last first; a blank line that stood
// between two lines still stands between them.
func reversePage(ls []doc.Line) []doc.Line {
	out := make([]doc.Line, len(ls))
	for k := range ls {
		out[k] = ls[len(ls)-1-k]
		out[k].Break = false
	}
	for k := 1; k < len(out); k++ {
		// out[k-1] followed out[k] in the file: a break before out[k-1] there
		out[k].Break = ls[len(ls)-k].Break
	}
	out[0].Break = ls[0].Break
	return out
}

// marker is a line's numbering style and number, (0, 0) when it has none.
func marker(text string) (int, int) {
	for i, re := range markerRes {
		m := re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		if n, err := strconv.Atoi(m[1]); err == nil {
			return i, n
		}
		return i, chineseNumber(m[1])
	}
	return 0, 0
}

// chineseNumber reads 一 … 九十九, 0 when it is no number.
func chineseNumber(s string) int {
	const digits = "一二三四五六七八九"
	rs := []rune(s)
	d := func(r rune) int { return strings.IndexRune(digits, r)/3 + 1 }
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return d(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + d(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return d(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return d(rs[0])*10 + d(rs[2])
	}
	return 0
}
