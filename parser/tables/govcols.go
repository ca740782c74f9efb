package tables

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// A government report prints a table's figure columns as it likes —
// 预算数, 调整预算数, 执行数, 为预算%, 比上年增长% in any order — under
// headers stacked over two or three lines and column groups (2025年执行数
// over 金额 | 占预算% | 比上年增长%). Its template declares each column by
// the words its header may say. The header of every figure column must
// name exactly one declared column, or the table does not match the
// template and is not checked: a title alone never makes a template.

// yearRe finds a year in a title or header: 2025年, 二○二五年.
var yearRe = regexp.MustCompile(`([0-9]{4}|[一二三四五六七八九十○〇零]{4})年`)

var cjkDigit = map[rune]int{'○': 0, '〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// years lists the years a text names, in order.
func years(s string) []int {
	var out []int
	for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
		y := 0
		for _, r := range m[1] {
			d, ok := cjkDigit[r]
			if r >= '0' && r <= '9' {
				d, ok = int(r-'0'), true
			}
			if !ok {
				y = 0
				break
			}
			y = y*10 + d
		}
		if y >= 1990 && y <= 2100 {
			out = append(out, y)
		}
	}
	return out
}

// tableYear is the year a table reports: its title's, else the latest one
// its header names.
func tableYear(t *doc.Table) int {
	if ys := years(Fold(t.Title)); len(ys) > 0 {
		return ys[0]
	}
	best := 0
	for _, h := range t.Header {
		for _, y := range years(Fold(h)) {
			best = max(best, y)
		}
	}
	return best
}

// baseYearRe: a comparison with a year's figure inside a header (比2022年).
var baseYearRe = regexp.MustCompile(`[比较]\s*(?:19|20)\d{2}\s*年`)

// headerName decides which declared column a header names: "" when none
// does, or two do equally. A header with a % (or over figures with one) is
// a rate's; any other an amount's, this year's unless it names the year
// before the table's or starts with 上年.
func headerName(std *Standard, text string, percent bool, year int) string {
	t := Fold(text)
	prev := false
	own := t
	change := false
	if loc := baseYearRe.FindStringIndex(t); loc != nil && loc[0] > 0 {
		// 2023年决算比2022年决算（增减额）: the year after 比 is the base's,
		// not the column's, and the column a change
		own, change = t[:loc[0]], true
	}
	for _, y := range years(own) {
		switch {
		case y == year:
		case y == year-1:
			prev = true
		default:
			if !percent {
				return "" // a column of another year: not one the template knows
			}
		}
	}
	t = yearRe.ReplaceAllString(t, "")
	if strings.HasPrefix(t, "上年") {
		prev = true
	}
	pick := func(pct bool) string {
		best, n, tie := "", 0, false
		for _, h := range std.HeaderColumns {
			isPct := strings.HasSuffix(h.Name, "%")
			if isPct != pct || !pct && (h.Period == "previous") != prev {
				continue
			}
			for _, w := range h.Words {
				fw := Fold(w)
				if !strings.Contains(t, fw) || len(fw) < n {
					continue
				}
				if len(fw) > n {
					best, n, tie = h.Name, len(fw), false
				} else if h.Name != best {
					tie = true
				}
			}
		}
		if tie {
			return ""
		}
		return best
	}
	if percent {
		return pick(true)
	}
	if name := pick(false); name != "" {
		if change && !strings.HasSuffix(name, "增减额") {
			return "" // 2025年预算比2024年执行数: a change, not the amount its words name
		}
		return name
	}
	return pick(true) // a rate whose header and figures carry no % (占调整预算)
}

// govColumns names the figure columns of a government table from its
// header (t.Columns) and gives its short rows their blank cells; a table
// whose header does not name its columns loses its template.
func govColumns(t *doc.Table, lines []doc.Line, header []int, std *Standard) {
	most := 0
	for _, row := range t.Rows {
		n := 0
		for _, c := range row {
			if c.Role == "value" && c.Group == 0 {
				n++
			}
		}
		most = max(most, n)
	}
	if most == 0 {
		if !t.Empty {
			unmatch(t, std, "no figures read")
		}
		return
	}
	var texts []string
	pct := map[int]bool{}
	if cols := figureColumns(t, lines, header); cols != nil {
		texts = headerTexts(lines, header, cols)
		for _, row := range t.Rows {
			for _, c := range row {
				if c.Role == "value" && isPercent(c.Text) {
					if k := column(cols, c); k >= 0 {
						pct[k] = true
					}
				}
			}
		}
		fillBlanks(t, lines, header, std)
	} else {
		texts = plainHeader(t.Header, most, func(texts []string) bool { return namesColumns(std, texts, tableYear(t)) })
	}
	if len(texts) < most {
		unmatch(t, std, fmt.Sprintf("the header names %d columns, the rows have %d figures", len(texts), most))
		return
	}
	nameColumns(t, std, texts, func(k int) bool { return pct[k] })
}

// nameColumns names each figure column by its header text (rate(k): the
// figures of column k are rates) and sets t.Columns; a header that names
// no column of the template, or one another column already named, leaves
// the table unmatched.
func nameColumns(t *doc.Table, std *Standard, texts []string, rate func(k int) bool) {
	year := tableYear(t)
	names := make([]string, len(texts))
	seen := map[string]bool{}
	for k, text := range texts {
		name := headerName(std, text, rate(k) || strings.ContainsAny(text, "%％"), year)
		if name == "" {
			unmatch(t, std, fmt.Sprintf("no column of the template is headed %q", Fold(text)))
			return
		}
		if seen[name] {
			unmatch(t, std, fmt.Sprintf("two columns read as %s", name))
			return
		}
		seen[name] = true
		names[k] = name
	}
	t.Columns = names
}

func unmatch(t *doc.Table, std *Standard, why string) {
	t.Unmatched = std.Name + ": " + why
	t.Standard, t.Kind, t.Columns = "", "", nil
}

func isPercent(s string) bool {
	return strings.HasSuffix(s, "%") || strings.HasSuffix(s, "％")
}

// figureColumns are the header's leaf columns right of every label cell,
// nil without geometry.
func figureColumns(t *doc.Table, lines []doc.Line, header []int) []span {
	cols := headerColumnsAt(lines, header, 0.2)
	if cols == nil {
		return nil
	}
	// the labels end where a row's names and codes end; a name wider than
	// its column (质量技术监督与检验检疫事务) may reach under the first
	// figure column's header, and the figures of the other rows show where
	// that column starts. A name holding digits may hold a figure misread
	// (债务付息支出2800,000): it still ends the labels. A mark after a
	// row's figures (*8.2%: a note) is no label.
	labelEnd, wordsEnd, figStart := 0.0, 0.0, math.Inf(1)
	for _, row := range t.Rows {
		// a figure counts where it stands right of its row's name (a code
		// read as a figure stands left of it)
		nameAt := math.Inf(1)
		for _, c := range row {
			if c.Role == "name" {
				nameAt = min(nameAt, c.X1)
			}
		}
		seenVal := false
		for _, c := range row {
			switch {
			case c.Role == "value" && c.X1 > c.X0:
				seenVal = true
				if c.X0 >= nameAt {
					figStart = min(figStart, c.X0)
				}
			case c.Role == "name" && !seenVal && !strings.ContainsAny(c.Text, "0123456789"):
				wordsEnd = max(wordsEnd, c.X1)
			case (c.Role == "code" || c.Role == "name") && !seenVal:
				labelEnd = max(labelEnd, c.X1)
			}
		}
	}
	labelEnd = max(labelEnd, min(wordsEnd, figStart))
	k := 0
	for k < len(cols) && cols[k].mid() < labelEnd {
		k++
	}
	cols = cols[k:]
	// a header word over the names (项  目 spread over a wide name column)
	// stands over no figure: the figure columns start at the first one
	// some figure stands under
	under := make([]bool, len(cols))
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Role == "value" && c.X1 > c.X0 {
				if k := column(cols, c); k >= 0 {
					under[k] = true
				}
			}
		}
	}
	for len(cols) > 0 && !under[0] {
		cols, under = cols[1:], under[1:]
	}
	return cols
}

// headerTexts joins, for each column, every header word over it — its own
// words and the groups spanning it — top line first.
func headerTexts(lines []doc.Line, header []int, cols []span) []string {
	out := make([]string, len(cols))
	for _, li := range header {
		for _, tk := range tokenize(lines, li) {
			w := span{tk.x0, tk.x1}
			for k, c := range cols {
				if w.overlap(c) > 0.2*math.Min(w.x1-w.x0, c.x1-c.x0) {
					out[k] += tk.text
				}
			}
		}
	}
	return out
}

// plainHeader reads a header without geometry (a text file). On one line,
// its last words, as many as the rows have figures, from the right. Over
// several lines (text taken from a PDF prints each header cell's lines in
// turn: 2024 年 / 决算数 / 2025 年 / 预算数 / …), its last words taken k at a
// time, every cell wrapped over as many lines: the header is read so only
// when exactly one k gives cells that each name a column (ok), a year
// opening a cell and a % closing one. A year and its 年 printed apart
// (2025 年执行数) are one word.
func plainHeader(header []string, n int, ok func([]string) bool) []string {
	var ws []string
	for _, h := range header {
		fs := strings.Fields(h)
		for i := 0; i < len(fs); i++ {
			if yearTokRe.MatchString(fs[i]) && i+1 < len(fs) && strings.HasPrefix(fs[i+1], "年") {
				fs[i+1] = fs[i] + fs[i+1]
				continue
			}
			ws = append(ws, fs[i])
		}
	}
	if len(header) == 1 {
		if len(ws) < n {
			return nil
		}
		return ws[len(ws)-n:]
	}
	var found []string
	for k := 1; k <= 3 && k*n <= len(ws); k++ {
		cells := stackedCells(ws[len(ws)-k*n:], k)
		if cells == nil || !ok(cells) {
			continue
		}
		if found != nil {
			return nil // two readings
		}
		found = cells
	}
	return found
}

// stackedCells joins words k at a time; nil when a year stands inside a
// cell or a % before its end.
func stackedCells(ws []string, k int) []string {
	var out []string
	for i := 0; i < len(ws); i += k {
		for j := i; j < i+k; j++ {
			if j > i && len(years(Fold(ws[j]))) > 0 && yearRe.FindStringIndex(Fold(ws[j]))[0] == 0 {
				return nil
			}
			if j < i+k-1 && isPercent(ws[j]) {
				return nil
			}
		}
		out = append(out, strings.Join(ws[i:i+k], ""))
	}
	return out
}

// namesColumns reports header texts that each name a different column of
// the template.
func namesColumns(std *Standard, texts []string, year int) bool {
	seen := map[string]bool{}
	for _, text := range texts {
		name := headerName(std, text, strings.ContainsAny(text, "%％"), year)
		if name == "" || seen[name] {
			return false
		}
		seen[name] = true
	}
	return true
}
