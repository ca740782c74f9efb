package checks

import (
	"math/big"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-text: the narrative restates table lines. This first cut covers the
// item sentences of the final-accounts narrative, "X（类）Y（款）Z（项）…
// 支出决算为 N 万元", against the row of the table the section explains
// (一般公共预算… → 一般公共预算财政拨款支出决算表, 政府性基金… → the fund
// table), with units converted (tables in 元, text in 万元). An item whose
// row cannot be found by its names is skipped, never guessed.
func init() {
	RegisterTests("table-text", map[string]Test{"items": tableText{}.run}, Options{Sheets: true, Vars: []string{"stated", "expected", "row", "subject", "table", "context"}})
}

type tableText struct{}

var (
	itemRe  = regexp.MustCompile(`([^\s（()）,，。；;:：、]+?)[（(]类[）)]([^（()）]+?)[（(]款[）)]([^（()）]+?)[（(]项[）)]`)
	finalRe = regexp.MustCompile(`支出决算(?:数)?为\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|亿元|元)`)
	// the budget's form: the figure right after the quoted item name
	budgetItemRe = regexp.MustCompile(`^\s*[”"]?\s*(?:科目)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|亿元|元)`)
	enumLead     = regexp.MustCompile(`^[0-9]+[.．、]|^[（(][0-9一二三四五六七八九十]+[)）]`)
)

func (tableText) run(c *Context) {
	ss := docSheets(c)
	if len(ss.sheets) == 0 {
		return
	}
	var scope *tables.Sheet
	budget := false // in a budget's list of 财政拨款支出主要内容
	seen := map[string]bool{}
	for i, b := range c.Doc.Blocks {
		if b.Kind == doc.KindTableCell || b.TOC {
			continue
		}
		// a section starts here (its heading may share the block with the
		// first sentence): which table does it explain?
		if int(b.Section) == i || b.Kind == doc.KindHeading {
			head := b.Text
			if r := []rune(head); len(r) > 40 {
				head = string(r[:40])
			}
			if budget && !strings.Contains(head, "(类)") && !strings.Contains(head, "（类）") {
				// the budget's list of items ends at the next heading
				budget, scope = false, nil
			}
			if strings.Contains(head, "情况") && !strings.Contains(head, "(类)") && !strings.Contains(head, "（类）") {
				scope = nil
				switch {
				case strings.Contains(head, "政府性基金"):
					scope = ss.of(tables.GovFund)
				case strings.Contains(head, "国有资本经营"):
					scope = ss.of(tables.StateCap)
				case strings.Contains(head, "一般公共预算财政拨款支出"):
					scope = ss.of(tables.GeneralExp)
				}
			}
		}
		if strings.Contains(b.Text, "财政拨款支出主要内容") {
			// a budget lists its items after this sentence, each
			// "X（类）Y（款）Z（项）”科目 N 万元", restating the
			// 一般公共预算支出功能分类预算表
			if s := ss.of(tables.GeneralExp); s != nil && s.T.Kind == "budget" {
				budget, scope = true, s
			}
		}
		if scope == nil {
			continue
		}
		items := itemRe.FindAllStringSubmatchIndex(b.Text, -1)
		for k, m := range items {
			end := len(b.Text)
			if k+1 < len(items) {
				end = items[k+1][0]
			}
			figRe := finalRe
			if budget {
				figRe = budgetItemRe
			}
			f := figRe.FindStringSubmatchIndex(b.Text[m[1]:end])
			if f == nil {
				continue
			}
			cls := enumLead.ReplaceAllString(b.Text[m[2]:m[3]], "")
			kuan, xiang := b.Text[m[4]:m[5]], b.Text[m[6]:m[7]]
			row := itemRow(scope, cls, kuan, xiang)
			if row == nil {
				c.TableSkipped("table text: item row not found by its names")
				continue
			}
			if budget && fundHas(ss, cls, kuan, xiang) {
				// the list covers every 财政拨款; an item a fund table has
				// too is not known to be the general budget's
				c.TableSkipped("table text: item in more than one table")
				continue
			}
			col := 0
			if (scope.Std.Name == tables.GovFund || scope.Std.Name == tables.StateCap) && scope.NCols[0] == 6 {
				col = 2 // 本年支出合计
			}
			if col >= len(row.Vals) || row.Vals[col] == nil {
				c.TableSkipped("table text: figure not placed in its column")
				continue
			}
			d, ok := num.ParseDecimal(b.Text[m[1]+f[2] : m[1]+f[3]])
			if !ok {
				continue
			}
			iv := d.Interval()
			if budget {
				// budget narratives cut the 元 figures to 万元 as often as
				// they round them (czj 2025: 877,080 元 → 87.70, 782,164 →
				// 78.21): a figure cut off is a rounding difference too
				iv.Hi = new(big.Rat).Add(d.Rat(), num.Pow10(-d.Decimals()))
			}
			text := iv.Scale(unitRat(b.Text[m[1]+f[4] : m[1]+f[5]]))
			c.TableChecked()
			if text.Meets(scaled(scope, row.Vals[col])) {
				continue
			}
			key := row.Code + " " + b.Text[m[1]+f[2]:m[1]+f[5]]
			if seen[key] {
				// a PDF page that prints the list again (czj 2025, page 8)
				continue
			}
			seen[key] = true
			from := f[0]
			if budget {
				from = f[2] // the figure, not the quote closing the item name
			}
			rs := utf8.RuneCountInString(b.Text[:m[1]+from])
			re := utf8.RuneCountInString(b.Text[:m[1]+f[1]])
			c.Report(b, rs, re, Vars{
				"subject":  xiang + "（项）",
				"stated":   b.Text[m[1]+f[2] : m[1]+f[5]],
				"expected": figure(row.Vals[col]) + tableUnit(scope),
				"table":    tableName(scope),
				"row":      rowLabel(row),
				"context":  row.Text(),
			}, relatedRow(c, row, tableName(scope))...)
		}
	}
}

// fundHas reports a government-fund or state-capital table that has a row
// for the item too.
func fundHas(ss *sheetSet, cls, kuan, xiang string) bool {
	for _, name := range []string{tables.GovFund, tables.StateCap} {
		if s := ss.of(name); s != nil && itemRow(s, cls, kuan, xiang) != nil {
			return true
		}
	}
	return false
}

func unitRat(s string) *big.Rat {
	u, _ := num.MoneyUnit(s)
	return u.ToYuan()
}

func tableUnit(s *tables.Sheet) string {
	if s.T.Unit != "" {
		return " " + s.T.Unit
	}
	return ""
}

// itemRow finds the 项 row named xiang whose 款 row (when named) is kuan
// and whose 类 row (when named) is cls; nil unless exactly one code fits.
func itemRow(s *tables.Sheet, cls, kuan, xiang string) *tables.Row {
	fold := tables.Fold
	var found *tables.Row
	for _, r := range s.Rows {
		if len(r.Code) != 7 || fold(r.Name) != fold(xiang) {
			continue
		}
		if p := s.ByCode(r.Code[:5]); p != nil && p.Name != "" && fold(p.Name) != fold(kuan) {
			continue
		}
		if p := s.ByCode(r.Code[:3]); p != nil && p.Name != "" && fold(p.Name) != fold(cls) {
			continue
		}
		if found != nil && found.Code != r.Code {
			return nil
		}
		if found == nil {
			found = r
		}
	}
	return found
}
