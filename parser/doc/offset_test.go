package doc

import (
	"strings"
	"testing"
	"unsafe"

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
		for off := range s.Len() {
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

func TestRunIsTheSourceAtOneRunOfOffsets(t *testing.T) {
	s := NewSource("一般公共预算收入\n增长3.5%", false)
	run, ok := s.Run(Span(4, 4))
	require.True(t, ok)
	assert.Equal(t, "预算收入", run)
	assert.Equal(t, unsafe.StringData(s.Text()[12:]), unsafe.StringData(run), "a part of the source, not a copy")

	for _, src := range []Offsets{
		OffsetsOf([]int{6, 7, 9, 10}), // two runs: joined over a line break
		Span(11, 6),                   // past the end
		{},                            // nothing
	} {
		_, ok := s.Run(src)
		assert.False(t, ok, "%v", src.Ints())
	}
}

// Rune offsets find their characters across the index's marks, in text
// of one-, two- and three-byte characters.
func TestSourceRuneOffsets(t *testing.T) {
	text := strings.Repeat("收入a·预算1，", 40)
	rs := []rune(text)
	s := NewSource(text, false)
	require.Equal(t, len(rs), s.Len())
	for off, r := range rs {
		require.Equal(t, r, s.At(off), "at %d", off)
		require.Equal(t, string(rs[off:]), s.Slice(off, len(rs)+5), "from %d", off)
		require.Equal(t, string(rs[:off]), s.Slice(-1, off), "to %d", off)
	}
	assert.Panics(t, func() { s.At(len(rs)) })
	assert.Equal(t, "", s.Slice(5, 5))
	assert.Equal(t, "", NewSource("", false).Slice(0, 1))
}

func TestSubstringCountsRunes(t *testing.T) {
	for _, c := range []struct {
		s          string
		start, end int
		want       string
	}{
		{"增长3.5%", 2, 5, "3.5"},
		{"增长3.5%", 0, 99, "增长3.5%"},
		{"增长3.5%", -3, 2, "增长"},
		{"增长3.5%", 6, 9, ""},
		{"增长3.5%", 3, 3, ""},
		{"", 0, 1, ""},
	} {
		assert.Equal(t, c.want, Substring(c.s, c.start, c.end), "%q[%d:%d]", c.s, c.start, c.end)
	}
}

func TestSameRunes(t *testing.T) {
	assert.True(t, SameRunes("预算a", []rune("预算a")))
	assert.True(t, SameRunes("", nil))
	assert.False(t, SameRunes("预算", []rune("预算a")))
	assert.False(t, SameRunes("预算a", []rune("预算")))
	assert.False(t, SameRunes("预算", []rune("预箅")))
}
