package checks

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-completeness: every standard table the report's contents list, and
// for a final-accounts report that evidently prints its tables (at least
// `min_found` of them) every one of the nine, is present in the body. An
// empty table with its 本表无数据 note counts as present. A
// file without a usable text layer is not judged.
func init() {
	Register("table-completeness", tableCompleteness{MinFound: 3}, map[string]func(tableCompleteness) Test{
		"tables": func(p tableCompleteness) Test { return p.run },
	}, Options{Vars: []string{"table", "expected", "where", "claim", "context"}})
}

type tableCompleteness struct {
	MinFound int `yaml:"min_found"`
}

func (p tableCompleteness) run(c *Context) {
	d := c.Doc
	if d.NoText != "" || d.Source == nil {
		return
	}
	found := map[string]bool{}
	finals := 0
	for _, s := range docSheets(c).sheets {
		if !found[s.Std.Name] && s.T.Kind == "final" {
			finals++
		}
		found[s.Std.Name] = true
	}
	if len(found) == 0 {
		return // not a report with standard tables (or none could be read)
	}
	mentions := tableMentions(d, found)
	for _, std := range tables.Standards {
		if found[std.Name] {
			continue
		}
		m, listed := mentions[std.Name]
		if !listed && finals < p.MinFound {
			continue
		}
		c.TableChecked()
		vars := Vars{"table": std.Name, "expected": std.Name, "context": "tables found: " + foundList(found)}
		if listed {
			vars["where"] = "the contents list it"
			c.Report(m, 0, m.RuneLen(), vars)
			continue
		}
		vars["where"] = "a final-accounts report prints all nine standard tables"
		vars["claim"] = std.Name
		c.ReportDoc(vars)
	}
}

func foundList(found map[string]bool) string {
	var out []string
	for _, s := range tables.Standards {
		if found[s.Name] {
			out = append(out, s.Name)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, "、")
}

// tableMentions finds the short lines (contents entries) that name a
// standard table not found in the body, as blocks to report at.
func tableMentions(d *doc.Document, found map[string]bool) map[string]*doc.Block {
	out := map[string]*doc.Block{}
	text := d.Source.Text
	start := 0
	tocLeft := 0 // lines left in the contents after a 目录 line
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' && text[i] != '\f' {
			continue
		}
		line := string(text[start:i])
		trimmed := strings.TrimSpace(line)
		if f := tables.Fold(trimmed); f == "目录" || f == "目次" {
			tocLeft = 80
		} else if tocLeft > 0 {
			tocLeft--
		}
		// only contents entries count: a table title elsewhere in a
		// government report is that report's own table, not a listing
		if n := utf8.RuneCountInString(trimmed); tocLeft > 0 && n > 0 && n <= 80 && !strings.ContainsAny(trimmed, "。；，") {
			if std, _ := tables.MatchTitle(strings.TrimRight(trimmed, ".…· 0123456789")); std != nil && !found[std.Name] && out[std.Name] == nil {
				off := start + strings.Index(line, trimmed[:1])
				b := &doc.Block{Kind: doc.KindParagraph, Text: trimmed, Raw: []rune(trimmed)}
				for k := range b.Raw {
					b.RawAt = append(b.RawAt, k)
					b.SrcAt = append(b.SrcAt, off+k)
				}
				out[std.Name] = b
			}
		}
		start = i + 1
	}
	return out
}
