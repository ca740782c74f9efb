package tables

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/rules"
)

// Detect finds tables with the default pack's templates.
func Detect(raw *doc.Raw) []*doc.Table { return Default().Detect(raw) }

// Detect finds the tables in a reader's lines and returns them together
// with the tables the reader built itself (HTML grids), every one passed
// through Recognize. Lines inside a detected table are recorded in its
// FirstLine/LastLine so the narrative analysis can leave them out.
func (cat *Catalog) Detect(raw *doc.Raw) []*doc.Table {
	var out []*doc.Table
	for _, t := range raw.Tables {
		cat.Recognize(t)
		out = append(out, t)
	}
	lines := asciiFigures(raw.Lines)
	for i := 0; i < len(lines); i++ {
		std, kind := cat.titleAt(lines, i)
		if std == nil {
			if !otherTitleAt(lines, i) {
				continue
			}
			// a table no template describes (项目绩效目标表, 政府采购预算
			// 表…): its rows are read, so they are not taken for sentences,
			// and checked by nothing
			std, kind = otherTable, ""
		}
		t, end := cat.readTable(lines, i, std, kind)
		if n := len(out); n > 0 && continued(out[n-1], t, lines) {
			merge(out[n-1], t)
		} else {
			out = append(out, t)
		}
		i = end
	}
	return out
}

// asciiFigures returns the lines with figures written in full-width forms
// (１５７．６０, ７９．４％, 26，305) folded to ASCII, rune for rune so
// every position stays; the patterns that find rows, codes and figures are
// written once, in ASCII. Lines are copied only when one needs folding.
func asciiFigures(lines []doc.Line) []doc.Line {
	out := lines
	copied := false
	for i := range lines {
		t, ok := foldFigures(lines[i].Text)
		if !ok {
			continue
		}
		if !copied {
			out, copied = slices.Clone(lines), true
		}
		out[i].Text = t
	}
	return out
}

// foldFigures folds full-width digits, point, percent and signs, and a
// full-width comma between digits (a thousands separator); ok is false
// when s has none of them.
func foldFigures(s string) (string, bool) {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }) {
		return s, false
	}
	rs := []rune(s)
	digit := func(i int) bool {
		return i >= 0 && i < len(rs) && (rs[i] >= '0' && rs[i] <= '9' || rs[i] >= '０' && rs[i] <= '９')
	}
	changed := false
	for i, r := range rs {
		switch {
		case r >= '０' && r <= '９', r == '％', r == '－', r == '＋':
			rs[i] = r - 0xFF01 + 0x21
		case (r == '．' || r == '，') && digit(i-1) && digit(i+1):
			rs[i] = r - 0xFF01 + 0x21
		default:
			continue
		}
		changed = true
	}
	if !changed {
		return s, false
	}
	return string(rs), true
}

// scattered reports a table body whose cells stand one per line: of the
// lines that hold figures, fewer than one in five holds a row — a name
// with its figures, or several figures side by side. Text copied out of a
// PDF without its layout prints a table so (名称 / 决算数 / 9746.50 / 项目
// …), and no reading can tell which figure belongs to which name.
func scattered(lines []doc.Line, body []int) bool {
	withFigs, rows := 0, 0
	for _, li := range body {
		figs, words := 0, 0
		for _, tk := range tokenize(lines, li) {
			if isFigure(tk.text) {
				figs++
			} else {
				words++
			}
		}
		if figs == 0 {
			continue
		}
		withFigs++
		if figs > 1 || words > 0 {
			rows++
		}
	}
	return withFigs >= 5 && rows*5 < withFigs
}

var (
	unitAnyRe = regexp.MustCompile(`单位[:：]\s*(` + num.MoneyUnitPattern() + `)`)
	partRe    = regexp.MustCompile(`^第[一二三四五六七八九十]+部分`)
	enumRe    = regexp.MustCompile(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|表\d+[-—－]?\d*|附表\d*[-—－]?\d*)`)
	tableNoRe = regexp.MustCompile(`^(?:附表|表)[0-9一二三四五六七八九十]+(?:[-—－.][0-9]+)?[:：、.]?$`)
	pageNoRe  = regexp.MustCompile(`^[-—－─ ]*\d{1,3}[-—－─ ]*$|^第\s*\d+\s*页`)
)

// titleAt reports whether line i is the title of a standard table: its
// folded text ends with a standard name, it is not a sentence, and a unit
// line or header follows closely. Contents and glossary lines name every
// table too; they have no unit line after them, which is how they are
// told apart.
func (cat *Catalog) titleAt(lines []doc.Line, i int) (*Standard, string) {
	text := lines[i].Text
	f := Fold(text)
	if utf8.RuneCountInString(f) > 60 || strings.ContainsAny(f, "。；，,") {
		return nil, ""
	}
	std, kind := cat.MatchTitle(f)
	if std == nil {
		return nil, ""
	}
	// a unit line within the next three lines, or on the title line itself
	if unitAnyRe.MatchString(text) {
		return std, kind
	}
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		if unitAnyRe.MatchString(lines[j].Text) {
			return std, kind
		}
		if s, _ := cat.MatchTitle(Fold(lines[j].Text)); s != nil {
			return nil, ""
		}
	}
	return nil, ""
}

// readTable reads the table whose title is line i, up to the line before
// the next title, part heading or the prose after its notes.
func (cat *Catalog) readTable(lines []doc.Line, i int, std *Standard, kind string) (*doc.Table, int) {
	t := &doc.Table{Title: strings.TrimSpace(lines[i].Text), Page: lines[i].Page, FirstLine: i, LastLine: i, Kind: kind, Standard: std.Name}
	if m := unitAnyRe.FindStringSubmatch(lines[i].Text); m != nil {
		t.Unit = m[1]
	}
	var body []int
	end := i
	inNotes := false
	for j := i + 1; j < len(lines); j++ {
		l := lines[j]
		txt := strings.TrimSpace(l.Text)
		if s, _ := cat.titleAt(lines, j); s != nil || otherTitleAt(lines, j) {
			break
		}
		if partRe.MatchString(Fold(txt)) || tableNoRe.MatchString(Fold(txt)) {
			// a part heading, or the number of the next table (表七：)
			// on its own line above that table's title
			break
		}
		if l.Role != doc.RoleBody {
			end = j
			continue
		}
		if isPageNumber(lines, j) {
			end = j
			continue
		}
		if m := unitAnyRe.FindStringSubmatch(txt); m != nil && t.Unit == "" && j <= i+3 {
			t.Unit = m[1]
			end = j
			continue
		}
		ft := Fold(txt)
		if strings.HasPrefix(ft, "注:") || strings.HasPrefix(ft, "注：") || strings.HasPrefix(ft, "说明:") || strings.HasPrefix(ft, "说明：") || strings.HasPrefix(ft, "备注") {
			inNotes = true
			t.Notes = append(t.Notes, txt)
			if (strings.Contains(ft, "本表无数据") || strings.Contains(ft, "无数据") || strings.Contains(ft, "本表为空")) && !conditionalNote(ft) {
				t.Empty = true
			}
			end = j
			continue
		}
		if inNotes {
			// a note wraps onto the next line; anything else after the
			// notes is the next part of the report
			if !hasFigure(txt) && utf8.RuneCountInString(txt) < 40 && !strings.HasSuffix(t.Notes[len(t.Notes)-1], "。") {
				t.Notes[len(t.Notes)-1] += txt
				if n := Fold(t.Notes[len(t.Notes)-1]); strings.Contains(n, "本表无数据") && !conditionalNote(n) {
					t.Empty = true
				}
				end = j
				continue
			}
			break
		}
		if strings.Contains(ft, "本表无数据") {
			t.Empty = true
			t.Notes = append(t.Notes, txt)
			end = j
			continue
		}
		// prose: a long sentence is not a table row
		if strings.HasSuffix(ft, "。") && !hasFigure(txt) && utf8.RuneCountInString(ft) > 20 {
			break
		}
		// the narrative after a table with no notes: a sentence that gives
		// an amount with its unit (table cells never carry 万元) or a
		// section heading (其他相关情况说明, 一、…预算情况说明). Without this
		// the "三公" table of a budget swallows the sentence that restates it.
		if isProseAfter(ft) {
			break
		}
		if std.Layout == LayoutRows && (std != otherTable && prose(ft) || appendixRe.MatchString(ft) || unitEndRe.MatchString(ft)) {
			// a government report's narrative, glossary or attachment
			// after a table: a row's name has no sentence in it, and its
			// figures no unit (a table no template describes may hold
			// sentences: a project's description)
			break
		}
		if std == otherTable && len(body) > 0 && Level(ft) <= len(levelRes) && !lineHasFigure(lines, j) {
			// a numbered heading after a table no template describes
			// (5．专项业务费情况): the narrative goes on
			break
		}
		body = append(body, j)
		end = j
	}
	if std.Layout == LayoutRows {
		// a heading after a table (二、2026年预算草案) reads like a row with
		// nothing in it; rows with nothing after the last row with figures
		// are the text that follows, not the table
		for len(body) > 0 && !lineHasFigure(lines, body[len(body)-1]) {
			body = body[:len(body)-1]
		}
		if len(body) > 0 && end > body[len(body)-1] && len(t.Notes) == 0 {
			end = body[len(body)-1]
		}
	}
	t.LastLine = end
	t.Scattered = scattered(lines, body)
	header := assemble(t, lines, body, std)
	if std == otherTable {
		t.Standard = ""
		return t, end
	}
	if std.Government() {
		govColumns(t, lines, header, std)
		return t, end
	}
	confirm(t, std)
	if t.Standard != "" {
		fillBlanks(t, lines, header, std)
	}
	return t, end
}

// isPageNumber reports a bare page number: a short number that is the last
// line of its page (or the first), not a code of a table row.
func isPageNumber(lines []doc.Line, j int) bool {
	if !pageNoRe.MatchString(strings.TrimSpace(lines[j].Text)) {
		return false
	}
	if lines[j].Role == doc.RolePageNumber {
		return true
	}
	last := j+1 >= len(lines) || lines[j+1].Page != lines[j].Page
	first := j == 0 || lines[j-1].Page != lines[j].Page
	return (last || first) && lines[j].Page > 0
}

var figRe = regexp.MustCompile(`^[-−－]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$`)

func hasFigure(s string) bool {
	for _, f := range strings.Fields(s) {
		if figRe.MatchString(f) && strings.Contains(f, ".") {
			return true
		}
	}
	return false
}

// otherTitleAt reports the title of a table that is not a standard one (项目
// 绩效目标表, 政府采购预算表…): a short line ending in 表 with a unit line
// right after it. It ends the table before it.
func otherTitleAt(lines []doc.Line, i int) bool {
	f := Fold(lines[i].Text)
	if !strings.HasSuffix(f, "表") || utf8.RuneCountInString(f) > 40 || strings.ContainsAny(f, "。；，,") || partRe.MatchString(f) {
		return false // a part heading (第二部分 …决算报表) is no table's title
	}
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		if unitAnyRe.MatchString(lines[j].Text) && lines[j].Page == lines[i].Page {
			return true
		}
		if strings.HasSuffix(Fold(lines[j].Text), "表") {
			return false // the next line is the title: this one heads a part (…部门决算表)
		}
	}
	return false
}

var proseAmountRe = regexp.MustCompile(`[0-9](万元|亿元|元)[，,。；;]`)

// isProseAfter reports a folded line that is narrative, not a table row: an
// amount written with its unit inside a sentence, or a short heading ending
// in 说明 with no figure.
func isProseAfter(ft string) bool {
	if proseAmountRe.MatchString(ft) {
		return true
	}
	return strings.HasSuffix(ft, "说明") && !hasFigure(ft) && utf8.RuneCountInString(ft) <= 30
}

// continued reports a table that goes on from the one before it on the
// next page, under the same title printed again (表十：…执行情况表 on every
// page): one table, so a heading's rows on one page and its total on the
// next add up.
func continued(prev, t *doc.Table, lines []doc.Line) bool {
	if prev.Standard == "" || prev.Standard != t.Standard || Fold(prev.Title) != Fold(t.Title) {
		return false
	}
	if prev.LastLine < 0 || prev.LastLine >= len(lines) || t.Page <= prev.Page || t.Page > lines[prev.LastLine].Page+1 {
		return false
	}
	if len(prev.Columns) != len(t.Columns) {
		return false
	}
	for i := range prev.Columns {
		if prev.Columns[i] != t.Columns[i] {
			return false
		}
	}
	return len(t.Rows) > 0
}

// merge appends a continued table's rows to the table it continues.
func merge(prev, t *doc.Table) {
	base := len(prev.Rows)
	for _, row := range t.Rows {
		for _, c := range row {
			c.Row += base
		}
		prev.Rows = append(prev.Rows, row)
	}
	prev.Notes = append(prev.Notes, t.Notes...)
	prev.LastLine = t.LastLine
	prev.Empty = prev.Empty && t.Empty
}

// otherTable reads a table no template describes: named rows, figures.
var otherTable = &Standard{Template: &rules.Template{ID: "other", Layout: rules.LayoutRows}, Layout: LayoutRows}

var (
	appendixRe = regexp.MustCompile(`^(?:附件|附录)[0-9一二三四五六七八九十]*[:：]?$|^名词(?:解释|注释)`)
	sentenceRe = regexp.MustCompile(`[，。；]`)
	unitEndRe  = regexp.MustCompile(`[0-9](?:万元|亿元|元|万)$`)
)

// prose reports a folded line that is a sentence: long, with the commas
// and full stops of running text.
func prose(ft string) bool {
	return utf8.RuneCountInString(ft) > 15 && sentenceRe.MatchString(ft)
}

// lineHasFigure reports a line with a figure token (a name-only line has none).
func lineHasFigure(lines []doc.Line, li int) bool {
	for _, tk := range tokenize(lines, li) {
		if isFigure(tk.text) {
			return true
		}
	}
	return false
}

// conditionalNoteRe: a template's instruction on when the table is empty
// (如该部门无国有资本经营预算安排的支出，则本表为空), not a statement that it is.
var conditionalNoteRe = regexp.MustCompile(`(?:如|若|如果|假如)[^。；;]{0,40}(?:则|，|,)[^。；;]{0,6}本表(?:为空|无数据)`)

func conditionalNote(s string) bool { return conditionalNoteRe.MatchString(s) }
