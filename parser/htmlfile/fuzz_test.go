package htmlfile

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRead checks that no input panics, and that every line's positions lie
// in the source and strictly increase.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.html")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"<p>a&amp;b&#12288;c<br>d</p>", "<table><tr><td rowspan=2 colspan=3>x</td></tr><tr><td>y</table>",
		"<% x %><title>t</title><pre>a\n b</pre>", "<p>&notit; &ampx &#x80;</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		raw, err := Read(data)
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(raw.Source)
		for _, l := range raw.Lines {
			if utf8.RuneCountInString(l.Text) != l.Pos.Len() {
				t.Fatalf("line %q has %d positions", l.Text, l.Pos.Len())
			}
			for i, p := range l.Pos.All() {
				if p < 0 || p >= n {
					t.Fatalf("pos %d outside source of %d runes", p, n)
				}
				if i > 0 && p <= l.Pos.At(i-1) {
					t.Fatalf("positions not increasing in %q: %v", l.Text, l.Pos)
				}
			}
			if l.Text == "" {
				t.Fatal("empty line emitted")
			}
		}
	})
}
