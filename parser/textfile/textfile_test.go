package textfile

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadLinesPagesAndPositions(t *testing.T) {
	raw, err := Read([]byte("第一行\r\n  缩进的第二行\n\n第三行\f第二页\n"))
	require.NoError(t, err)
	var texts []string
	for _, l := range raw.Lines {
		texts = append(texts, l.Text)
	}
	assert.Equal(t, []string{"第一行", "缩进的第二行", "第三行", "第二页"}, texts)
	assert.Equal(t, 2, raw.Lines[1].Indent)
	assert.True(t, raw.Lines[2].Break, "a blank line ends a paragraph")
	assert.Equal(t, 2, raw.Lines[3].Page, "a form feed starts a page")
	src := []rune(raw.Source)
	for _, l := range raw.Lines {
		for i, r := range []rune(l.Text) {
			assert.Equal(t, r, src[l.Pos.At(i)])
		}
	}
}

// FuzzRead: no panic, every position inside the source and on its rune.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"", "预算\f收入\n", "  a\r\n\n\fb", "本年收入合计157.60万元，其中：\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		raw, err := Read(data)
		if err != nil {
			return
		}
		src := []rune(raw.Source)
		for _, l := range raw.Lines {
			rs := []rune(l.Text)
			if len(rs) != l.Pos.Len() {
				t.Fatalf("line %q has %d positions", l.Text, l.Pos.Len())
			}
			for i, p := range l.Pos.All() {
				if p < 0 || p >= len(src) || src[p] != rs[i] {
					t.Fatalf("position %d of %q is off", i, l.Text)
				}
			}
			if strings.TrimSpace(l.Text) == "" || !utf8.ValidString(l.Text) {
				t.Fatalf("bad line %q", l.Text)
			}
		}
	})
}
