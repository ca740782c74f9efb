package textenc

import (
	"testing"
	"unicode/utf8"
)

// FuzzDecode: any bytes give valid UTF-8 text or an error, never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"预算", "\xef\xbb\xbf收入", "\xff\xfe\x34\x00", "\xd4\xa4\xcb\xe3", "\x00\x01"} {
		f.Add([]byte(s), "")
		f.Add([]byte(s), "gb2312")
	}
	f.Fuzz(func(t *testing.T, data []byte, declared string) {
		s, _, err := Decode(data, declared)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("decoded text is not UTF-8")
		}
	})
}
