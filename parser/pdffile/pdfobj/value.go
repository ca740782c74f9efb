// Package pdfobj reads the object layer of a PDF file: the cross-reference
// sections (tables, streams, incremental updates, hybrid files), object
// streams, the standard security handler (files that open without a
// password) and stream filters. When the structure is broken it rebuilds it
// from the objects it can find, and it records what was wrong, so a damaged
// file is read as far as it goes and called damaged.
//
// Values resolve indirect references on access, as a viewer does; every
// accessor returns a zero value for the wrong kind, so callers can walk a
// file without error checks, and broken references read as null.
package pdfobj

import (
	"sort"
	"unicode/utf16"
)

// Kind is the kind of a PDF value.
type Kind int

// The kinds of PDF values.
const (
	Null Kind = iota
	Bool
	Integer
	Real
	String
	Name
	Dict
	Array
	Stream
)

// Ref is an indirect object reference (object number and generation).
type Ref struct {
	ID  uint32
	Gen uint16
}

// The parsed forms of objects: nil, bool, int64, float64, string (string
// bytes), name, dict, array, *stream and Ref.
type (
	name   string
	dict   map[name]any
	array  []any
	stream struct {
		hdr  dict
		off  int    // offset of the data in the file
		n    int    // length of the (still encoded, encrypted) data
		ref  Ref    // the object it was read as, for decryption
		data []byte // data that is not in the file (none yet), else nil
	}
)

// Value is one PDF value of a file.
type Value struct {
	r    *Reader
	data any
}

// Kind reports the kind of v.
func (v Value) Kind() Kind {
	switch v.data.(type) {
	case bool:
		return Bool
	case int64:
		return Integer
	case float64:
		return Real
	case string:
		return String
	case name:
		return Name
	case dict:
		return Dict
	case array:
		return Array
	case *stream:
		return Stream
	}
	return Null
}

// IsNull reports whether v is null (absent, or a broken reference).
func (v Value) IsNull() bool { return v.Kind() == Null }

// Bool is v's value as a boolean, false for other kinds.
func (v Value) Bool() bool { b, _ := v.data.(bool); return b }

// Int64 is v's value as an integer; reals are truncated.
func (v Value) Int64() int64 {
	switch x := v.data.(type) {
	case int64:
		return x
	case float64:
		if x > -1e18 && x < 1e18 {
			return int64(x)
		}
	}
	return 0
}

// Float64 is v's numeric value.
func (v Value) Float64() float64 {
	switch x := v.data.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// Name is v's name without the slash, "" for other kinds.
func (v Value) Name() string { n, _ := v.data.(name); return string(n) }

// RawString is the bytes of a string value.
func (v Value) RawString() string { s, _ := v.data.(string); return s }

// Text reads a string value as a text string: UTF-16 with a byte order mark,
// or PDFDocEncoding.
func (v Value) Text() string {
	s, _ := v.data.(string)
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = PDFDocRune(s[i])
	}
	return string(rs)
}

func (v Value) dict() dict {
	switch x := v.data.(type) {
	case dict:
		return x
	case *stream:
		return x.hdr
	}
	return nil
}

// Key is the value under key in a dictionary or stream header, resolved.
func (v Value) Key(key string) Value {
	d := v.dict()
	if d == nil {
		return Value{}
	}
	return v.r.resolve(d[name(key)])
}

// Keys lists a dictionary's keys, sorted.
func (v Value) Keys() []string {
	d := v.dict()
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	return keys
}

// Len is the length of an array, 0 for other kinds.
func (v Value) Len() int { a, _ := v.data.(array); return len(a) }

// Index is the i-th element of an array, resolved.
func (v Value) Index(i int) Value {
	a, _ := v.data.(array)
	if i < 0 || i >= len(a) {
		return Value{}
	}
	return v.r.resolve(a[i])
}

// RefOf is the reference stored under key, without resolving it; ok is
// false for a direct value. Callers cache by object with it.
func (v Value) RefOf(key string) (Ref, bool) {
	r, ok := v.dict()[name(key)].(Ref)
	return r, ok
}

// RefAt is the reference at index i of an array, unresolved.
func (v Value) RefAt(i int) (Ref, bool) {
	a, _ := v.data.(array)
	if i < 0 || i >= len(a) {
		return Ref{}, false
	}
	r, ok := a[i].(Ref)
	return r, ok
}

// resolve follows a reference; other values are returned as they are.
func (r *Reader) resolve(x any) Value {
	if ref, ok := x.(Ref); ok {
		if r == nil {
			return Value{}
		}
		return Value{r, r.object(ref)}
	}
	return Value{r, x}
}
