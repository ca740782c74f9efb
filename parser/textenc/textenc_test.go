package textenc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func gb(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestDecode(t *testing.T) {
	text := "全市一般公共预算收入113.6亿元，为预算的100%，增长5%。"
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		data     []byte
		declared string
		want     string
		enc      string
	}{
		{"utf-8", []byte(text), "", text, "utf-8"},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...), "", text, "utf-8"},
		{"gb2312 declared", gb(t, text), "gb2312", text, "gb18030"},
		{"gbk detected without a declaration", gb(t, text), "", text, "gb18030"},
		{"declared utf-8 but really gbk", gb(t, text), "utf-8", text, "gb18030"},
		{"utf-16 with BOM", u16, "", text, "utf-16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := Decode(tc.data, tc.declared)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.enc, enc)
		})
	}
}

func TestDecodeRefusesNonText(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range random { // xorshift: reproducible noise
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"random bytes", random},
		{"NUL bytes", []byte("abc\x00\x00def")},
		{"latin-1 text", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode(tc.data, "")
			assert.Error(t, err)
		})
	}
}
