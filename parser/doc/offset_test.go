package doc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Offset undoes Position for every rune, in files with and without pages.
func TestOffsetInvertsPosition(t *testing.T) {
	cases := []struct {
		text      string
		pageLines bool
	}{
		{"一、收入\n本年收入合计157.60万元\n\n二、支出", false},
		{"第一页\n收入157.60\f第二页\n支出154.25\n合计", true},
		{"text file\fwith a form feed\nin it", false},
	}
	for _, tc := range cases {
		s := NewSource(tc.text, tc.pageLines)
		for off := range s.Text {
			assert.Equal(t, off, s.Offset(s.Position(off)), "%q at %d", tc.text, off)
		}
	}
}

func TestOffsetClamps(t *testing.T) {
	s := NewSource("ab\ncd", false)
	assert.Equal(t, 5, s.Offset(Position{Line: 9, Column: 1}))
	assert.Equal(t, 3, s.Offset(Position{Line: 1, Column: 40}), "past the line end: the next line's start")
	assert.Equal(t, 0, s.Offset(Position{}))
}

func TestSharedIsTheSourceWhereItReadsTheSame(t *testing.T) {
	s := NewSource("一般公共预算收入\n增长3.5%", false)
	rs, ok := s.Shared([]rune("预算收入"), Span(4, 4))
	require.True(t, ok)
	assert.Equal(t, "预算收入", string(rs))
	assert.Same(t, &s.Text[4], &rs[0], "a view of the source, not a copy")
	assert.Equal(t, len(rs), cap(rs), "appending copies rather than writes over the source")

	for _, c := range []struct {
		raw []rune
		src Offsets
	}{
		{[]rune("预算收入"), Span(3, 4)},                    // other characters there
		{[]rune("收入增长"), OffsetsOf([]int{6, 7, 9, 10})}, // two runs: joined over a line break
		{[]rune("长3.5%x"), Span(11, 6)},                 // past the end
		{[]rune("amp"), Span(0, 2)},                     // not as many offsets as runes
	} {
		rs, ok := s.Shared(c.raw, c.src)
		assert.False(t, ok, string(c.raw))
		assert.Same(t, &c.raw[0], &rs[0], "raw itself when it is not the source's")
	}
}
