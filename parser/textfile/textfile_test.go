package textfile

import (
	"strconv"
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

// TestReversedPages: a text whose pages were written bottom to top (its
// numbered items count down throughout) is read top to bottom again, a
// blank line still between the same two lines; a text counting up is left
// as it is.
func TestReversedPages(t *testing.T) {
	page := func(from int) string {
		var b strings.Builder
		for i := from + 4; i >= from; i-- {
			b.WriteString("该科目主要用于保障运转。\n")
			b.WriteString("（" + strconv.Itoa(i) + "）第" + strconv.Itoa(i) + "项支出 1.5 亿元，增长 2%，\n")
		}
		return b.String()
	}
	raw, err := Read([]byte("收入说明\n\n" + page(1) + "\f" + page(6)))
	require.NoError(t, err)
	var got []string
	for _, l := range raw.Lines {
		got = append(got, l.Text)
	}
	require.Len(t, got, 21)
	assert.Equal(t, "（1）第1项支出 1.5 亿元，增长 2%，", got[0])
	assert.Equal(t, "该科目主要用于保障运转。", got[1])
	assert.Equal(t, "收入说明", got[10], "the page's first line, last")
	assert.True(t, raw.Lines[10].Break, "the blank line stays between 收入说明 and the line it stood over")
	assert.Equal(t, "（6）第6项支出 1.5 亿元，增长 2%，", got[11])
	assert.Equal(t, 2, raw.Lines[11].Page)

	raw, err = Read([]byte("（1）甲\n（2）乙\n（3）丙\n（4）丁\n（5）戊\n（6）己\n（7）庚\n（8）辛\n（9）壬\n（10）癸\n"))
	require.NoError(t, err)
	assert.Equal(t, "（1）甲", raw.Lines[0].Text, "counting up: as written")
}
