package parser

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// FuzzParseText: any text builds a document whose blocks map every
// analysis rune to a raw rune and every raw rune into the source.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		pageText, fundPage,
		"（五）负责管理工作。（六）负责登记工作。\n",
		"比上年增加26，305万元，支出合计2, 847,319元，17,5 53万元。\n",
		"主要原因是：\n人员增加。\n\n要是降雨较多\f第 3 页\n",
		"目 录\n1.2024年度收入决算表\n2024年度收入决算表\n一、税收收入24,148,942 96.5\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse("f.txt", doc.FormatText, []byte(s))
		if err != nil {
			return
		}
		for _, b := range d.Blocks {
			require.Equal(t, utf8.RuneCountInString(b.Text), b.RawAt.Len(), "%q", b.Text)
			n := utf8.RuneCountInString(b.Raw)
			require.Equal(t, n, b.SrcAt.Len())
			last := -1
			for _, r := range b.RawAt.All() {
				require.True(t, r > last && r < n, "raw index %d of %d", r, n)
				last = r
			}
			for _, o := range b.SrcAt.All() {
				require.True(t, o >= 0 && o < d.Source.Len())
			}
		}
	})
}
