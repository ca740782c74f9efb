package tables

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// An item (教育支出, 契税, 非税收入) is a row of several tables at once: the
// revenue or expenditure table of the whole province and of its own
// budget, the summary table and the detailed one by function code. A
// narrative sentence about it names no table; the checks find every row
// of the name and keep those that print the sentence's own amount.

// classMark is the 类/款/项 mark a function-code table prints after a
// name: 教育支出（类）, 其他交通运输支出(款).
var classMark = regexp.MustCompile(`\((?:类|款|项)\)$`)

// ItemKey is a row's name as a narrative names the item: without its
// numbering, a leading 其中：, a class mark, or the 小计 of a row that
// totals the item's own rows below it (非税收入小计 is the text's 非税收入).
func ItemKey(name string) string {
	k := classMark.ReplaceAllString(rowKey(name), "")
	if t, ok := strings.CutSuffix(k, "小计"); ok && utf8.RuneCountInString(t) >= 2 {
		return t
	}
	return k
}

// Items finds the cells of a column in the rows whose name, as ItemKey
// gives it and norm then normalises it, is key; a table's total row
// answers to its template's subjects too (本年支出合计 to 一般公共预算支出).
// norm must be the same function at every call on one index: the names
// are normalised once. A row is found once per key.
func (ix *Index) Items(key string, norm func(string) string, column string) []Quote {
	if ix.items == nil {
		ix.items = map[string][]int{}
		type named struct {
			key string
			row *Row
		}
		seen := map[named]bool{}
		for i, e := range ix.entries {
			k := norm(ItemKey(e.key))
			if k == "" || seen[named{k, e.row}] {
				continue
			}
			seen[named{k, e.row}] = true
			ix.items[k] = append(ix.items[k], i)
		}
	}
	var out []Quote
	for _, i := range ix.items[key] {
		e := ix.entries[i]
		k := indexOf(e.sheet.T.Columns, column)
		if k < 0 || k >= len(e.row.Vals) || e.row.Vals[k] == nil {
			continue
		}
		out = append(out, Quote{Sheet: e.sheet, Row: e.row, Column: column, Value: e.row.Vals[k], Scope: e.scope, Year: e.year})
	}
	return out
}

// budgetRe names the four budgets of a government: the general budget,
// the government funds, state capital and social insurance funds.
var budgetRe = regexp.MustCompile(`一般公共预算|政府性基金|国有资本经营|社会保险基金`)

// BudgetOf is the one budget a text names (政府性基金 in
// 全市政府性基金预算收入), "" when it names none or several.
func BudgetOf(text string) string {
	var only string
	for _, m := range budgetRe.FindAllString(text, -1) {
		if only != "" && m != only {
			return ""
		}
		only = m
	}
	return only
}

// Budget is the budget a government table belongs to, as its template's
// name says (一般公共预算收入表: 一般公共预算), and the side it lists:
// 收入, 支出, or "" for both or neither (收支表, 转移支付表).
func (s *Sheet) Budget() (budget, side string) {
	name := s.Std.Name
	in, out := strings.Contains(name, "收入"), strings.Contains(name, "支出")
	switch {
	case in && !out:
		side = "收入"
	case out && !in:
		side = "支出"
	}
	return BudgetOf(name), side
}
