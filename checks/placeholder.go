package checks

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// placeholder finds template leftovers by pattern: alternatives left
// unresolved (增加/减少), unit names never filled in (XX局, ××), blank
// amounts (总收入 万元), instructions to the author left in the text.
type placeholder struct {
	Patterns     []string `yaml:"patterns"`
	HeadingsOnly bool     `yaml:"headings_only"`
	IncludeTOC   bool     `yaml:"include_toc"`
	// InBlankSample is the severity of the rule's findings in a blank
	// sample: a template whose slots are not filled yet. Its notes to the
	// author are its content there, not leftovers; they become leftovers
	// once the figures are filled in. Empty: the rule's own severity.
	InBlankSample string `yaml:"in_blank_sample"`
	// Clause, when set, keeps a leftover only where its clause (the text
	// between the clause breaks around it) matches, or where an earlier
	// leftover of its sentence was kept (the items of one list: 总预算1170.00万，
	// 其中…870.00万，…70.00万); ClauseNot drops a leftover whose clause
	// matches. A bare 万 is money's unit cut short only where the clause
	// speaks of money; 人才总量超719万 counts people.
	Clause      string `yaml:"clause"`
	ClauseNot   string `yaml:"clause_not"`
	res         []*regexp.Regexp
	clauseRe    *regexp.Regexp
	clauseNotRe *regexp.Regexp
	sampleSev   rules.Severity
}

func init() {
	Register("placeholder", placeholder{}, map[string]func(placeholder) Test{
		"pattern": func(p placeholder) Test { return p.run },
	}, Options{Vars: []string{"stated"}})
}

func (p *placeholder) prepare() error {
	if len(p.Patterns) == 0 {
		return fmt.Errorf("patterns: at least one pattern is needed")
	}
	for _, s := range p.Patterns {
		re, err := regexp.Compile(s)
		if err != nil {
			return fmt.Errorf("patterns: %v", err)
		}
		p.res = append(p.res, re)
	}
	for _, c := range []struct {
		name, src string
		re        **regexp.Regexp
	}{{"clause", p.Clause, &p.clauseRe}, {"clause_not", p.ClauseNot, &p.clauseNotRe}} {
		if c.src == "" {
			continue
		}
		re, err := regexp.Compile(c.src)
		if err != nil {
			return fmt.Errorf("%s: %v", c.name, err)
		}
		*c.re = re
	}
	if p.InBlankSample != "" {
		sev, err := rules.ParseSeverity(p.InBlankSample)
		if err != nil {
			return fmt.Errorf("in_blank_sample: %v", err)
		}
		p.sampleSev = sev
	}
	return nil
}

func (p placeholder) run(c *Context) {
	sev := c.Rule.Severity
	if p.sampleSev != "" && blankSample(c) {
		sev = p.sampleSev
	}
	// a table row left unfilled (XX项目 一般债券 XX) is one leftover, however
	// many of its cells are slots: one finding at its first slot, naming all
	type slot struct {
		b          *doc.Block
		start, end int
		text       string
	}
	var rows []cellRow
	byRow := map[cellRow][]slot{}
	var rowOf map[*doc.Block]cellRow // built when a slot first stands in a cell
	for _, b := range c.Doc.Blocks {
		if (b.TOC && !p.IncludeTOC) || (p.HeadingsOnly && !isHeadingLike(b)) {
			continue
		}
		rc := doc.RuneCounter{S: b.Text}
		for _, sp := range p.leftovers(b.Text) {
			rs := rc.At(sp[0])
			s := slot{b, rs, rs + utf8.RuneCountInString(b.Text[sp[0]:sp[1]]), b.Text[sp[0]:sp[1]]}
			if b.Kind != doc.KindTableCell {
				c.ReportAs(sev, s.b, s.start, s.end, Vars{"stated": s.text})
				continue
			}
			if rowOf == nil {
				rowOf = tableRows(c.Doc)
			}
			key, ok := rowOf[b]
			if !ok {
				key = cellRow{block: b} // a cell of no table read into rows
			}
			if byRow[key] == nil {
				rows = append(rows, key)
			}
			byRow[key] = append(byRow[key], s)
		}
	}
	for _, key := range rows {
		ss := byRow[key]
		texts := make([]string, len(ss))
		for i, s := range ss {
			texts[i] = s.text
		}
		c.ReportAs(sev, ss[0].b, ss[0].start, ss[0].end, Vars{"stated": strings.Join(texts, "、")})
	}
}

// cellRow names a table row: its table and row number, or for a cell of
// no table, the cell's block.
type cellRow struct {
	table *doc.Table
	row   int
	block *doc.Block
}

// tableRows keys each table cell's block by its table and row, so the
// cells of one row can be told apart from those of the next.
func tableRows(d *doc.Document) map[*doc.Block]cellRow {
	out := map[*doc.Block]cellRow{}
	for _, t := range d.Tables {
		for _, row := range t.Rows {
			for _, cell := range row {
				if cell.Block != nil {
					out[cell.Block] = cellRow{table: t, row: cell.Row}
				}
			}
		}
	}
	return out
}

// leftovers returns the byte spans of the leftovers in text, in order.
// Patterns overlap (XXX and XXX万元 are one slot left unfilled, found by
// two of them): one leftover is one finding, so a span that overlaps a
// longer or earlier one is dropped.
func (p placeholder) leftovers(text string) [][2]int {
	var spans [][2]int
	for _, re := range p.res {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			s, e := m[0], m[1]
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 { // a capture group marks the exact leftover
					s, e = m[g], m[g+1]
					break
				}
			}
			if strings.Count(text[:s], "《") > strings.Count(text[:s], "》") {
				continue // inside a document title: 《XX村…制度(范本)》 names a template, it is not one
			}
			spans = append(spans, [2]int{s, e})
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i][0] != spans[j][0] {
			return spans[i][0] < spans[j][0]
		}
		return spans[i][1] > spans[j][1]
	})
	var out [][2]int
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] < out[n-1][1] {
			if sp[1]-sp[0] > out[n-1][1]-out[n-1][0] {
				out[n-1] = sp
			}
			continue
		}
		out = append(out, sp)
	}
	return p.inClause(text, out)
}

// clauseBreaks end a clause; sentenceEnds end a sentence too.
const (
	clauseBreaks = "，,；;、：:。！？!?\n"
	sentenceEnds = "。！？!?\n"
)

// inClause keeps the spans whose clause the rule's Clause and ClauseNot
// patterns admit, or that follow a kept span in the same sentence.
func (p placeholder) inClause(text string, spans [][2]int) [][2]int {
	if p.clauseRe == nil && p.clauseNotRe == nil {
		return spans
	}
	var out [][2]int
	keptSentence := -1 // start of the sentence of the last kept span
	for _, sp := range spans {
		from := strings.LastIndexAny(text[:sp[0]], clauseBreaks) + 1
		to := len(text)
		if i := strings.IndexAny(text[sp[1]:], clauseBreaks); i >= 0 {
			to = sp[1] + i
		}
		sentence := strings.LastIndexAny(text[:sp[0]], sentenceEnds) + 1
		clause := text[from:to]
		if p.clauseNotRe != nil && p.clauseNotRe.MatchString(clause) {
			continue
		}
		if p.clauseRe == nil || p.clauseRe.MatchString(clause) || keptSentence == sentence {
			out = append(out, sp)
			keptSentence = sentence
		}
	}
	return out
}

// slotRe is a slot of a template left for a figure or a name: XX, ××.
var slotRe = regexp.MustCompile(`(?:X|Ｘ|×){2,}`)

// blankSample: the document is a template nobody has filled in yet — at
// least ten slots, and more slots than figures. A draft with a few slots
// left over is a report with leftovers, not a sample.
func blankSample(c *Context) bool {
	slots := 0
	for _, b := range c.Doc.Blocks {
		if !b.TOC {
			slots += len(slotRe.FindAllStringIndex(b.Text, -1))
		}
	}
	return slots >= 10 && slots > c.Claims.FigureCount()
}

// isHeadingLike: a heading, or a short standalone line without a full stop.
func isHeadingLike(b *doc.Block) bool {
	if b.Kind == doc.KindHeading {
		return true
	}
	n := utf8.RuneCountInString(b.Text)
	return b.Kind == doc.KindParagraph && n <= 40 && !regexp.MustCompile(`[。；;]`).MatchString(b.Text)
}
