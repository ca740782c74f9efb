package mutate

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// A table that declares its unit is read in it: a part written 9,800 元 in
// a list of 万元 is not the row's 9,800 (万元), so the row does not make
// the part checkable; written in 万元 it does.
func TestTableRowInItsUnit(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		checkable  bool
	}{
		{"the table's unit", "本年收入 23415万元，其中：利润收入 8,305万元、股利收入 9,800万元、产权转让收入 1,310万元。\n", true},
		{"another unit", "本年收入 23415万元，其中：利润收入 8,305万元、股利收入 9,800元、产权转让收入 1,310万元。\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := viewWithRow(t, tc.text, []string{"9800", "11200", "87.5%"})
			v.units = []string{"万元"}
			sites := sitesOf(v, "9,800", "part")
			require.NotEmpty(t, sites)
			got := sites[len(sites)-1]
			require.Equal(t, tc.checkable, got.Checkable, got.Why)
		})
	}
}

// A cell of one or two significant digits (0.98 万元) meets an amount of
// another unit (9,800 元) by chance: it is no row holding the amount.
func TestTableRowShortCell(t *testing.T) {
	v := viewWithRow(t, "本年收入 23415万元，其中：利润收入 8,305万元、股利收入 9,800元、产权转让收入 1,310万元。\n", []string{"0.98", "1.20", "3.75"})
	v.units = []string{"万元"}
	sites := sitesOf(v, "9,800", "part")
	require.NotEmpty(t, sites)
	for _, s := range sites {
		require.False(t, s.Checkable, s.Why)
	}
}
