// Package tables reads the standard tables of budget and final-accounts
// reports: it finds them in a reader's lines (text and PDF) or takes the
// grids an HTML reader built, recognises which of the nine standard tables
// each one is, and gives the checks a view of rows (codes, names, figures
// placed in their columns) to do arithmetic on.
package tables

import (
	"strings"
	"unicode"
)

// Layout is how a standard table's rows are laid out.
type Layout int

const (
	// LayoutSummary: two halves side by side (收入 | 支出), rows named, no codes.
	LayoutSummary Layout = iota
	// LayoutFunction: one row per function code (201 / 20101 / 2010101) with figure columns.
	LayoutFunction
	// LayoutEconomic: economic codes (301 / 30101), often two halves side by side.
	LayoutEconomic
	// LayoutSanGong: the "三公" table, one row of figures under a multi-row header.
	LayoutSanGong
)

// Standard describes one of the nine standard tables.
type Standard struct {
	Name   string   // canonical (决算) name, used as the table's Standard
	Final  []string // titles of the final-accounts table
	Budget []string // titles of the budget counterparts
	Layout Layout
	// Columns are the figure columns of each half in the final-accounts
	// version; budget versions vary, so their count comes from the rows.
	Columns [2][]string
	// Sum says that the first column of each row is the sum of the others
	// (合计 = 基本支出 + 项目支出…), in the given half.
	Sum [2]bool
}

// The standard names. They are the values of doc.Table.Standard.
const (
	Summary     = "收入支出决算总表"
	Income      = "收入决算表"
	Expenditure = "支出决算表"
	FiscalSum   = "财政拨款收入支出决算总表"
	GeneralExp  = "一般公共预算财政拨款支出决算表"
	BasicExp    = "一般公共预算财政拨款基本支出决算表"
	SanGong     = "财政拨款“三公”经费支出决算表"
	GovFund     = "政府性基金预算财政拨款收入支出决算表"
	StateCap    = "国有资本经营预算财政拨款收入支出决算表"
)

// Standards lists the nine tables in the order the template prints them.
var Standards = []*Standard{
	{Name: Summary, Final: []string{Summary}, Budget: []string{"财务收支预算总表", "部门财务收支预算总表", "收支预算总表", "部门收支预算总表"},
		Layout: LayoutSummary, Columns: [2][]string{{"决算数"}, {"决算数"}}},
	{Name: Income, Final: []string{Income}, Budget: []string{"部门收入预算表", "收入预算表", "部门收入总表", "部门收入预算总表", "收入预算总表"},
		Layout: LayoutFunction, Sum: [2]bool{true},
		Columns: [2][]string{{"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"}}},
	{Name: Expenditure, Final: []string{Expenditure}, Budget: []string{"部门支出预算表", "支出预算表", "部门支出总表", "部门支出预算总表", "支出预算总表"},
		Layout: LayoutFunction, Sum: [2]bool{true},
		Columns: [2][]string{{"本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"}}},
	{Name: FiscalSum, Final: []string{FiscalSum}, Budget: []string{"财政拨款收支预算总表", "财政拨款收支总表"},
		Layout: LayoutSummary, Sum: [2]bool{false, true},
		Columns: [2][]string{{"决算数"}, {"合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}}},
	{Name: GeneralExp, Final: []string{GeneralExp}, Budget: []string{"一般公共预算支出功能分类预算表", "一般公共预算财政拨款支出预算表", "一般公共预算支出预算表"},
		Layout: LayoutFunction, Sum: [2]bool{true},
		Columns: [2][]string{{"合计", "基本支出", "项目支出"}}},
	{Name: BasicExp, Final: []string{BasicExp, "一般公共预算财政拨款基本支出决算明细表"},
		Budget: []string{"一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出预算表", "一般公共预算财政拨款基本支出预算表", "一般公共预算基本支出经济分类预算表"},
		Layout: LayoutEconomic, Columns: [2][]string{{"决算数"}, {"决算数"}}},
	{Name: SanGong, Final: []string{SanGong, "财政拨款三公经费支出决算表", "一般公共预算财政拨款三公经费支出决算表", "三公经费支出决算表"},
		Budget: []string{"三公经费支出预算表", "一般公共预算三公经费支出预算表", "财政拨款三公经费支出预算表", "一般公共预算三公经费预算表", "三公经费预算表", "三公经费和机关运行经费预算表", "三公经费及机关运行经费预算表"},
		Layout: LayoutSanGong},
	{Name: GovFund, Final: []string{GovFund, "政府性基金预算财政拨款支出决算表"},
		Budget:  []string{"政府性基金预算支出功能分类预算表", "政府性基金预算支出预算表", "政府性基金预算财政拨款支出预算表"},
		Layout:  LayoutFunction,
		Columns: [2][]string{{"年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"}}},
	{Name: StateCap, Final: []string{StateCap, "国有资本经营预算财政拨款支出决算表"},
		Budget:  []string{"国有资本经营预算支出功能分类预算表", "国有资本经营预算支出预算表", "国有资本经营预算财政拨款支出预算表"},
		Layout:  LayoutFunction,
		Columns: [2][]string{{"年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"}}},
}

// ByName finds a standard table by its canonical name.
func ByName(name string) *Standard {
	for _, s := range Standards {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Fold normalises a title or label for matching: white space, quotes and
// brackets of the "三公" kind are dropped, full-width letters folded.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case strings.ContainsRune("\"'“”‘’「」『』", r):
		case r == '（':
			b.WriteRune('(')
		case r == '）':
			b.WriteRune(')')
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MatchTitle reports which standard table a title names, and whether it is
// the budget ("budget") or final ("final") version. The longest name the
// folded title ends with wins, so 一般公共预算财政拨款支出决算表 is not taken
// for 支出决算表.
func MatchTitle(title string) (*Standard, string) {
	t := Fold(title)
	var best *Standard
	kind, n := "", 0
	for _, s := range Standards {
		for li, list := range [][]string{s.Final, s.Budget} {
			for _, name := range list {
				f := Fold(name)
				if strings.HasSuffix(t, f) && len(f) > n && !qualified(t[:len(t)-len(f)], f) {
					best, n = s, len(f)
					kind = "final"
					if li == 1 {
						kind = "budget"
					}
				}
			}
		}
	}
	return best, kind
}

// qualified reports a short generic name (收入决算表, 支出预算表) preceded by
// a qualifier that makes it another table: 一般公共预算支出决算表 and
// 社会保险基金预算收入决算表 in government reports are not a department's
// 支出决算表 / 收入决算表.
func qualified(prefix, name string) bool {
	if len([]rune(name)) > 7 {
		return false
	}
	for _, q := range []string{"预算", "基金", "拨款", "财政", "本级", "全省", "全市", "全区", "全县", "社会保险", "政府"} {
		if strings.HasSuffix(prefix, q) {
			return true
		}
	}
	return false
}
