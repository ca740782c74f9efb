// Package textenc turns the bytes of a text or HTML report into UTF-8: BOMs,
// UTF-16, GB18030/GBK/GB2312 (declared or detected), and refuses bytes that
// are not text at all.
package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for bytes that are not text in any encoding we read.
var ErrBinary = errors.New("not a text file (binary content)")

// Decode returns the text of data and the name of the encoding it was read
// in. declared is a charset named by the file itself (an HTML meta tag), or "".
func Decode(data []byte, declared string) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", fmt.Errorf("invalid UTF-8 after a UTF-8 byte-order mark")
		}
		return string(data), "utf-8", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data)
		if err != nil {
			return "", "", fmt.Errorf("invalid UTF-16: %v", err)
		}
		return s, "utf-16", nil
	}
	if looksBinary(data) {
		return "", "", ErrBinary
	}
	if enc, name := Lookup(declared); enc != nil {
		if name == "utf-8" {
			if utf8.Valid(data) {
				return string(data), name, nil
			}
			// a page that says UTF-8 but is not: fall through to detection
		} else if s, err := decodeWith(enc, data); err == nil && plausible(s) {
			return s, name, nil
		}
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", nil
	}
	if gbShare(data) >= 0.95 {
		if s, err := decodeWith(simplifiedchinese.GB18030, data); err == nil {
			return s, "gb18030", nil
		}
	}
	return "", "", fmt.Errorf("not valid UTF-8 and not GB18030 text (first bad byte at offset %d)", firstInvalid(data))
}

// Lookup maps a declared charset name to a decoder; utf-8 returns a nil encoding.
func Lookup(name string) (encoding.Encoding, string) {
	n := strings.ToLower(strings.Trim(strings.TrimSpace(name), `"'`))
	switch n {
	case "":
		return nil, ""
	case "utf-8", "utf8":
		return encoding.Nop, "utf-8"
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "gb_2312-80":
		return simplifiedchinese.GB18030, "gb18030"
	case "big5", "big-5":
		return traditionalchinese.Big5, "big5"
	}
	return nil, ""
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// looksBinary: NUL bytes or many control characters mean the bytes are not text.
func looksBinary(data []byte) bool {
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	ctrl := 0
	for _, b := range data[:n] {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			ctrl++
		}
	}
	return n > 0 && ctrl*20 > n
}

// gbShare is the share of characters that are ASCII or well-formed GB2312
// double-byte pairs. Random bytes and Latin-1 text score far below 0.95.
func gbShare(data []byte) float64 {
	good, total := 0, 0
	for i := 0; i < len(data); {
		b := data[i]
		total++
		switch {
		case b < 0x80:
			good++
			i++
		case b >= 0x81 && b <= 0xFE && i+1 < len(data) && data[i+1] >= 0xA1 && data[i+1] <= 0xFE:
			// GB2312's range; GBK's extension pairs (second byte 0x40–0xA0)
			// are rare in real text and match Latin-1 letters too often
			good++
			i += 2
		default:
			i++
		}
	}
	if total == 0 {
		return 1
	}
	return float64(good) / float64(total)
}

// plausible rejects a declared-charset decoding that produced many replacement characters.
func plausible(s string) bool {
	bad := strings.Count(s, "\uFFFD")
	return bad*100 <= utf8.RuneCountInString(s)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
