package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/budgetlint/budgetlint/parser/claims"
)

// TestSubjectBracketNote: a note in brackets between a subject and its
// amount is not part of the subject, and its commas do not end the clause.
func TestSubjectBracketNote(t *testing.T) {
	for _, c := range []struct{ name, text, figure, want string }{
		{"a note with commas", "全市社会保险基金预算（包括机关事业单位基本养老保险、职工基本医疗保险，下同）收入1308785万元，完成预算的101.5%。",
			"1308785万元", "全市社会保险基金预算收入"},
		{"a note without", "全市地方一般公共预算收入预计完成（以下简称完成）192.68亿元，比2024年增长0.31%。",
			"192.68亿元", "全市地方一般公共预算收入预计完成(以下简称完成)"}, // no comma: the clause holds it, as before
		{"an item's own number in brackets", "（一）企业职工基本养老保险基金收入3106.01亿元，下降3.4%。",
			"3106.01亿元", "企业职工基本养老保险基金收入"},
	} {
		cs := extract(t, c.text)
		assert.Equal(t, c.want, fig(t, cs, c.figure, 0).Subject, c.name)
	}
}

// TestSubjectCountedOff: the words that count items off (一是, 二是) are
// not part of the item's name; a figure right after 调整为 is the
// adjusted budget.
func TestSubjectCountedOff(t *testing.T) {
	for _, c := range []struct {
		name, text, figure, want string
		qual                     claims.Qual
	}{
		{"一是", "从省本级收入决算具体情况看：一是税收收入2562.75亿元，下降3.5%。", "2562.75亿元", "税收收入", claims.QualNone},
		{"十二是", "十二是住房保障支出13.59亿元，增长4.1%。", "13.59亿元", "住房保障支出", claims.QualNone},
		{"还是 is no count", "还是税收收入2562.75亿元。", "2562.75亿元", "还是税收收入", claims.QualNone},
		{"调整为", "全市一般公共预算收入年初预算合计235.73亿元，执行中经各级人代会批准调整为236.69亿元，实际完成226.62亿元。", "236.69亿元", "执行中经各级人代会批准调整", claims.QualAdjusted},
	} {
		cs := extract(t, c.text)
		f := fig(t, cs, c.figure, 0)
		assert.Equal(t, c.want, f.Subject, c.name)
		assert.Equal(t, c.qual, f.Qual, c.name)
	}
}
