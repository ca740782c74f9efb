package xlsxfile

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

// charWidth turns Excel's column widths (in characters) into the page
// units cell geometry is kept in, about a point per unit as in PDFs, so
// the table reader ranks the indentation of item names as it does there.
const charWidth = 7.0

// lay writes the sheets out as the document's source: a form feed after
// each sheet, row r of a sheet on line r of its page (rows hidden or empty
// left blank), the row's cells with text joined by tabs. Every cell with
// text is a line of its own, as an HTML table's cells are.
func lay(sheets []*sheet) *doc.Raw {
	raw := &doc.Raw{Format: Format, PageLines: true}
	var src strings.Builder
	off := 0 // runes written
	for i, s := range sheets {
		page := i + 1
		at := map[*cell]int{} // where each cell's text starts in the source
		line := 1
		for _, rw := range s.rows {
			for ; line < rw.n; line++ {
				src.WriteByte('\n')
				off++
			}
			for k, c := range rw.order() {
				if k > 0 {
					src.WriteByte('\t')
					off++
				}
				cl := rw.cells[c]
				at[cl] = off
				src.WriteString(cl.text)
				off += utf8.RuneCountInString(cl.text)
			}
		}
		for _, rows := range s.blocks() {
			head, body, tail := split(rows)
			g := s.grid(body, slices.ContainsFunc(tail, emptyNote))
			if g == nil {
				head, body, tail = rows, nil, nil
			}
			for k, part := range [][]*row{head, body, tail} {
				kind := doc.KindParagraph
				if k == 1 {
					kind = doc.KindTableCell
				}
				for _, rw := range part {
					for _, c := range rw.order() {
						raw.Lines = append(raw.Lines, cellLine(rw.cells[c], at[rw.cells[c]], page, kind))
					}
				}
			}
			if g != nil {
				t := g.table(s, at, page)
				caption(t, s, head, tail)
				raw.Tables = append(raw.Tables, t)
			}
		}
		// a form feed ends every sheet, the last too: a workbook of one
		// sheet still has its page in every place
		src.WriteByte('\f')
		off++
	}
	raw.Source = src.String()
	return raw
}

// cellLine is the line of one cell's text, white space at its ends left
// out (a leading run of spaces is how many tables indent item names).
func cellLine(cl *cell, base, page int, kind doc.Kind) doc.Line {
	rs := []rune(cl.text)
	a, b := trimmed(rs)
	return doc.Line{Text: string(rs[a:b]), Pos: doc.Span(base+a, b-a), Page: page, Kind: kind, Break: true, Indent: a}
}

// trimmed is the range of rs without white space at either end.
func trimmed(rs []rune) (int, int) {
	a, b := 0, len(rs)
	for a < b && isSpace(rs[a]) {
		a++
	}
	for b > a && isSpace(rs[b-1]) {
		b--
	}
	return a, b
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
}

// blocks cuts a sheet's rows where another table starts: a title row
// (…表, …表（续）) below the rows of a table. Most sheets hold one.
func (s *sheet) blocks() [][]*row {
	var out [][]*row
	start, body := 0, false
	for i, rw := range s.rows {
		c := captionRow(rw)
		if c && body && titleRe.MatchString(captionText(rw)) {
			out = append(out, s.rows[start:i])
			start, body = i, false
		}
		body = body || !c
	}
	return append(out, s.rows[start:])
}

// split cuts a table's rows into the caption above it (title, 表一,
// 单位：万元), the table, and what stands below it: notes (注：…, and
// every row after the first note that has no figure), sentences,
// signatures and dates.
func split(rows []*row) (head, body, tail []*row) {
	i := 0
	for i < len(rows) && captionRow(rows[i]) {
		i++
	}
	j := len(rows)
	for j > i && footRow(rows[j-1]) {
		j--
	}
	for k := i; k < j; k++ {
		if noteRe.MatchString(firstText(rows[k])) && !slices.ContainsFunc(rows[k:], hasFigure) {
			j = k
		}
	}
	return rows[:i], rows[i:j], rows[j:]
}

// captionRow: a row of one text (a title, however wide its merge, or
// repeated over the halves of a table printed twice side by side) beside
// cells that label the table (表一, 附件2, 单位：万元, 编制单位：…, a
// date) rather than head a column.
func captionRow(rw *row) bool {
	texts := map[string]bool{}
	for _, cl := range rw.cells {
		t := strings.TrimSpace(cl.text)
		if figureRe.MatchString(t) {
			return false
		}
		if !labelRe.MatchString(t) && !unitRe.MatchString(t) {
			texts[t] = true
		}
	}
	return len(texts) <= 1
}

// footRow: a row under a table that notes or signs it: each of its cells
// a note (注：, 说明：, 资料来源：), a sentence, a signature (制表人：) or
// a label or date.
func footRow(rw *row) bool {
	for _, cl := range rw.cells {
		t := strings.TrimSpace(cl.text)
		if !noteRe.MatchString(t) && !strings.HasSuffix(t, "。") && !signRe.MatchString(t) && !labelRe.MatchString(t) && !emptyRe.MatchString(t) {
			return false
		}
	}
	return true
}

// emptyNote: a row saying the table has no data (本表无数据), written as a
// note under it or across its body in one merged cell.
func emptyNote(rw *row) bool {
	for _, cl := range rw.cells {
		if emptyRe.MatchString(cl.text) {
			return true
		}
	}
	return false
}

func hasFigure(rw *row) bool {
	for _, cl := range rw.cells {
		if figureRe.MatchString(strings.TrimSpace(cl.text)) {
			return true
		}
	}
	return false
}

// firstText is the text of the row's first cell.
func firstText(rw *row) string {
	if cs := rw.order(); len(cs) > 0 {
		return strings.TrimSpace(rw.cells[cs[0]].text)
	}
	return ""
}

// captionText is the text of a caption row that is not a label or unit.
func captionText(rw *row) string {
	for _, c := range rw.order() {
		t := strings.TrimSpace(rw.cells[c].text)
		if !labelRe.MatchString(t) && !unitRe.MatchString(t) {
			return t
		}
	}
	return ""
}

var (
	figureRe = regexp.MustCompile(`^[-−(（]?[\d,，]+(?:\.\d+)?[%％)）]?$`)
	labelRe  = regexp.MustCompile(`^(?:附件|附表|表|(?:部门)?公开)\s*[\d一二三四五六七八九十百零〇]+(?:[-－—.]\d+)*\s*表?[:：、.]?$|^(?:编制|填报|报送)(?:单位|机关)[:：]|^\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?$`)
	unitRe   = regexp.MustCompile(`单位\s*[:：]\s*(` + num.MoneyUnitPattern() + `)`)
	noteRe   = regexp.MustCompile(`^(?:注|说明|备注|资料来源|数据来源|填表说明)\s*[\d一二三四五六七八九十]*\s*[:：]`)
	signRe   = regexp.MustCompile(`^(?:单位负责人|财务负责人|主管会计|制表人|填表人|审核人|复核人|经办人|联系电话|填报日期|制表日期)\s*[:：]`)
	emptyRe  = regexp.MustCompile(`本表(?:无数据|为空)|无数据[。.]?\s*$`)
	titleRe  = regexp.MustCompile(`表\s*(?:[（(][^）)]{0,8}[）)])?$`)
)

// caption gives the table the title, unit and notes around it: the title
// is the caption rows that are not labels or units (a title split over
// two rows is joined), else the sheet's name.
func caption(t *doc.Table, s *sheet, head, tail []*row) {
	var title []string
	for _, rw := range head {
		for _, c := range rw.order() {
			text := strings.TrimSpace(rw.cells[c].text)
			if m := unitRe.FindStringSubmatch(text); m != nil {
				if t.Unit == "" {
					t.Unit = m[1]
				}
				continue
			}
			if !labelRe.MatchString(text) && !slices.Contains(title, text) {
				title = append(title, text)
			}
		}
	}
	t.Title = strings.Join(title, "")
	if t.Title == "" {
		t.Title = strings.TrimSpace(s.name)
	}
	if t.Unit == "" && len(t.Rows) > 0 {
		// the unit may stand in the table's first row, beside its headings
		for _, c := range t.Rows[0] {
			if m := unitRe.FindStringSubmatch(c.Text); m != nil {
				t.Unit = m[1]
			}
		}
	}
	for _, rw := range tail {
		for _, c := range rw.order() {
			text := strings.TrimSpace(rw.cells[c].text)
			if signRe.MatchString(text) || labelRe.MatchString(text) {
				continue // who made the table, and when: no note on it
			}
			t.Notes = append(t.Notes, text)
			t.Empty = t.Empty || emptyRe.MatchString(text)
		}
	}
}
