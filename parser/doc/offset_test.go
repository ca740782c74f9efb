package doc

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
