// Package pdfwrite appends a revision to an existing PDF: it reads just
// enough of the file (cross-reference sections, the page tree, the objects
// it is asked for) to add new objects and replace a few, then writes them
// after the original bytes with a cross-reference section that points back
// to the previous one. The original bytes are never changed, so a
// signature over them stays valid and every earlier revision stays readable.
package pdfwrite

import (
	"fmt"
	"sort"
	"strconv"
)

// Object is a PDF object: nil (null), bool, int64, float64, Name, String,
// Array, Dict, Ref or *Stream.
type Object any

// Name is a PDF name, without its slash.
type Name string

// String is a PDF string's bytes, as stored (text strings are PDFDocEncoding
// or UTF-16BE with a byte order mark; see Text).
type String []byte

// Array is a PDF array.
type Array []Object

// Dict is a PDF dictionary.
type Dict map[Name]Object

// Ref is an indirect reference.
type Ref struct{ Num, Gen int }

// Stream is a stream object: its dictionary and its data as stored
// (still encoded by the dictionary's filters).
type Stream struct {
	Dict Dict
	Data []byte
}

// Text encodes a text string the way every viewer reads it: PDFDocEncoding
// agrees with ASCII, anything else is UTF-16BE with a byte order mark.
func Text(s string) String {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return String(s)
	}
	out := []byte{0xFE, 0xFF}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			out = append(out, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo))
			continue
		}
		out = append(out, byte(r>>8), byte(r))
	}
	return String(out)
}

// appendObject writes o in PDF syntax. Dictionary keys are sorted so that
// the same update always gives the same bytes.
func appendObject(b []byte, o Object) []byte {
	switch v := o.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case float64:
		return AppendReal(b, v)
	case Name:
		return appendName(b, v)
	case String:
		return appendString(b, v)
	case Ref:
		return fmt.Appendf(b, "%d %d R", v.Num, v.Gen)
	case Array:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendObject(b, x)
		}
		return append(b, ']')
	case Dict:
		return appendDict(b, v)
	case *Stream:
		d := make(Dict, len(v.Dict)+1)
		for k, x := range v.Dict {
			d[k] = x
		}
		d["Length"] = int64(len(v.Data))
		b = appendDict(b, d)
		b = append(b, "\nstream\n"...)
		b = append(b, v.Data...)
		return append(b, "\nendstream"...)
	}
	panic(fmt.Sprintf("pdfwrite: cannot write %T", o))
}

func appendDict(b []byte, d Dict) []byte {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	b = append(b, "<<"...)
	for _, k := range keys {
		b = appendName(b, Name(k))
		b = append(b, ' ')
		b = appendObject(b, d[Name(k)])
	}
	return append(b, ">>"...)
}

// AppendReal writes a number without an exponent, which PDF does not
// have, with as few digits as give the value back, so that a number read
// from the file is written as it was.
func AppendReal(b []byte, v float64) []byte {
	if v != v || v > 1e15 || v < -1e15 { // NaN or out of any sane range
		v = 0
	}
	s := strconv.AppendFloat(nil, v, 'f', -1, 64)
	if string(s) == "-0" {
		s = []byte("0")
	}
	return append(b, s...)
}

func appendName(b []byte, n Name) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < '!' || c > '~' || c == '#' || isDelim(c) {
			b = fmt.Appendf(b, "#%02X", c)
			continue
		}
		b = append(b, c)
	}
	return b
}

// appendString writes a string in hex: no escaping rules to get wrong, and
// binary (UTF-16) text survives any line-end conversion.
func appendString(b []byte, s String) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '<')
	for _, c := range []byte(s) {
		b = append(b, hex[c>>4], hex[c&15])
	}
	return append(b, '>')
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

// Num reads a number object as a float.
func Num(o Object) (float64, bool) {
	switch v := o.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
