package tables

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestItemKey(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"四、教育支出", "教育支出"},
		{"教育支出（类）", "教育支出"},
		{"其他交通运输支出(款)", "其他交通运输支出"},
		{"其中：契税", "契税"},
		{"（二）非税收入", "非税收入"},
		{"印 花 税", "印花税"},
		{"分类(项)目", "分类(项)目"}, // a mark inside the name stays
		{"非税收入小计", "非税收入"},
		{"二、政府性基金收入小计", "政府性基金收入"},
		{"小计", "小计"}, // nothing of its own before it
	} {
		assert.Equal(t, c.want, ItemKey(c.name), c.name)
	}
}

func TestBudgetOf(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"全市政府性基金预算收入完成", "政府性基金"},
		{"（一）一般公共预算执行情况", "一般公共预算"},
		{"政府性基金预算调入一般公共预算", ""}, // two budgets: neither
		{"教育支出完成", ""},
		{"社会保险基金预算支出", "社会保险基金"},
	} {
		assert.Equal(t, c.want, BudgetOf(c.text), c.text)
	}
}

func TestSheetBudget(t *testing.T) {
	for _, c := range []struct{ name, budget, side string }{
		{"一般公共预算收入表", "一般公共预算", "收入"},
		{"政府性基金预算支出表", "政府性基金", "支出"},
		{"国有资本经营预算收支表", "国有资本经营", ""},
		{"转移支付表", "", ""},
	} {
		s := &Sheet{Std: &Standard{Name: c.name}}
		b, side := s.Budget()
		assert.Equal(t, c.budget, b, c.name)
		assert.Equal(t, c.side, side, c.name)
	}
}
