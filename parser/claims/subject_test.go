package claims_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
