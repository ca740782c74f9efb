package checks

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-completeness: every table of the pack's templates that the
// report's contents list, and for a final-accounts report that evidently
// prints its department tables (at least `min_found` of them) every
// department template, is present in the body. A table is present when
// the body prints its title outside the contents — whether or not its
// figures could be read or its header matched, and under the title of
// the report's own kind (a budget prints 部门收入预算表, not 收入决算表). An
// empty table with its 本表无数据 note counts as present. A file without a
// usable text layer is not judged.
func init() {
	Register("table-completeness", tableCompleteness{MinFound: 3}, map[string]func(tableCompleteness) Test{
		"tables": func(p tableCompleteness) Test { return p.run },
	}, Options{Sheets: true, Vars: []string{"table", "expected", "where", "claim", "context"}})
}

type tableCompleteness struct {
	MinFound int `yaml:"min_found"`
}

func (p tableCompleteness) run(c *Context) {
	d := c.Doc
	if d.NoText != "" || d.Source == nil {
		return
	}
	ss := docSheets(c)
	found := map[string]bool{}
	finals := 0
	for _, s := range ss.sheets {
		if !found[s.Std.Name] && s.T.Kind == "final" && !s.Std.Government() {
			finals++
		}
		found[s.Std.Name] = true
	}
	for _, t := range d.Tables {
		// a table titled as a template but not read as one is printed all the same
		if std, _ := ss.cat.MatchTitle(t.Title); std != nil {
			found[std.Name] = true
		}
	}
	if len(found) == 0 {
		return // not a report with standard tables (or none could be read)
	}
	lines := sourceLines(d)
	toc := contentsLines(lines)
	mentions := tableMentions(ss.cat, lines, toc, found)
	for _, std := range ss.cat.Standards {
		if found[std.Name] {
			continue
		}
		m, listed := mentions[std.Name]
		if !listed && (finals < p.MinFound || std.Government()) {
			continue
		}
		if listed && printedInBody(lines, toc, m.core) {
			continue // its title stands in the body (over two lines, or before a header not read)
		}
		c.TableChecked()
		vars := Vars{"table": std.Name, "expected": std.Name, "context": "tables found: " + foundList(ss.cat, found)}
		if listed {
			vars["table"] = m.name
			vars["where"] = "the contents list it"
			c.Report(m.b, 0, m.b.RuneLen(), vars)
			continue
		}
		vars["where"] = "a final-accounts report prints all nine standard tables"
		vars["claim"] = std.Name
		c.ReportDoc(vars)
	}
}

func foundList(cat *tables.Catalog, found map[string]bool) string {
	var out []string
	for _, s := range cat.Standards {
		if found[s.Name] {
			out = append(out, s.Name)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, "、")
}

// srcLines are the lines of the source text, each made a string only when
// read: a copy of them all would be the whole text again, held while the
// rule reads a report of thousands of pages.
type srcLines struct {
	src  *doc.Source
	ends [][2]int // rune offsets of each line's first rune and of its end
}

func sourceLines(d *doc.Document) srcLines {
	out := srcLines{src: d.Source}
	start, i := 0, 0
	for _, r := range d.Source.Text() {
		if r == '\n' || r == '\f' {
			out.ends = append(out.ends, [2]int{start, i})
			start = i + 1
		}
		i++
	}
	out.ends = append(out.ends, [2]int{start, i})
	return out
}

func (s srcLines) len() int          { return len(s.ends) }
func (s srcLines) start(i int) int   { return s.ends[i][0] }
func (s srcLines) text(i int) string { return s.src.Slice(s.ends[i][0], s.ends[i][1]) }

// contentsLines marks the lines of the table of contents: up to 80 lines
// after a 目录 line.
func contentsLines(lines srcLines) []bool {
	out := make([]bool, lines.len())
	left := 0
	for i := range lines.len() {
		if f := tables.Fold(strings.TrimSpace(lines.text(i))); f == "目录" || f == "目次" {
			left = 80
			continue
		}
		if left > 0 {
			out[i] = true
			left--
		}
	}
	return out
}

// mention is a contents entry naming a template: where it stands, the
// name to report (as the entry's report kind titles the table) and the
// entry's folded title without its number and page.
type mention struct {
	b    *doc.Block
	name string
	core string
}

var tocLead = strings.NewReplacer("．", ".", "…", "", "·", "")

// tableMentions finds the short contents lines that name a template not
// found in the body, as blocks to report at.
func tableMentions(cat *tables.Catalog, lines srcLines, toc []bool, found map[string]bool) map[string]mention {
	out := map[string]mention{}
	for i := range lines.len() {
		// only contents entries count: a table title elsewhere in a
		// government report is that report's own table, not a listing
		if !toc[i] {
			continue
		}
		text := lines.text(i)
		trimmed := strings.TrimSpace(text)
		n := utf8.RuneCountInString(trimmed)
		if n == 0 || n > 80 || strings.ContainsAny(trimmed, "。；，") {
			continue
		}
		entry := strings.TrimRight(trimmed, ".…· 0123456789()（）")
		std, kind := cat.MatchTitle(entry)
		if std == nil || found[std.Name] {
			continue
		}
		if _, dup := out[std.Name]; dup {
			continue
		}
		name := std.Name
		if kind == "budget" && !std.Government() && len(std.Budget) > 0 {
			name = std.Budget[0]
		}
		off := lines.start(i) + strings.Index(text, trimmed[:1])
		b := &doc.Block{Kind: doc.KindParagraph, Text: trimmed, Raw: trimmed}
		for k := range utf8.RuneCountInString(trimmed) {
			b.RawAt.Append(k)
			b.SrcAt.Append(off + k)
		}
		out[std.Name] = mention{b: b, name: name, core: titleCore(entry)}
	}
	return out
}

// titleCore is a title folded, without what numbers it (表十九, 1.2, 三、)
// and its year, as a body line would contain it.
func titleCore(s string) string {
	f := tables.Fold(tocLead.Replace(s))
	// the year first: 52.2025年… would read as the number 52.2025
	f = tocYear.ReplaceAllString(f, "")
	return tocNumber.ReplaceAllString(f, "")
}

// printedInBody reports a title that stands in the body, outside the
// contents, on one line or over two.
func printedInBody(lines srcLines, toc []bool, core string) bool {
	if utf8.RuneCountInString(core) < 6 {
		return false
	}
	prev := ""
	for i := range lines.len() {
		if toc[i] {
			prev = ""
			continue
		}
		f := tocYear.ReplaceAllString(tables.Fold(lines.text(i)), "")
		if strings.Contains(f, core) || prev != "" && strings.Contains(prev+f, core) {
			return true
		}
		prev = f
	}
	return false
}

var (
	tocNumber = regexp.MustCompile(`^(?:(?:附表|表)[0-9一二三四五六七八九十]+(?:[-—－.][0-9]+)?[:：、.]?|[0-9]+(?:\.[0-9]+)*[、.]?|[一二三四五六七八九十]+、)`)
	tocYear   = regexp.MustCompile(`(?:[0-9]{4}|[一二三四五六七八九十○〇零]{4})年度?`)
)
