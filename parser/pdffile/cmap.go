package pdffile

import (
	"unicode/utf16"
)

// toUnicode is a parsed /ToUnicode CMap: code bytes → text, and the code
// space, which says how many bytes each code takes.
type toUnicode struct {
	m     map[uint32]string
	space []codeRange
}

type codeRange struct {
	n      int // bytes
	lo, hi uint32
}

const (
	maxCMapEntries = 1 << 17
	maxCMapWork    = 1 << 20 // range expansions per CMap or width array: overlapping ranges do not grow the map
)

func beUint(s string) uint32 {
	var v uint32
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// utf16BE decodes the destination strings of bfchar/bfrange.
func utf16BE(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// parseCMap reads the bfchar/bfrange/codespacerange sections of a CMap.
func parseCMap(data []byte) *toUnicode {
	t := &toUnicode{m: map[uint32]string{}}
	l := &lexer{b: data}
	var stk []operand
	work := 0
	for {
		o, op, done := l.next(0)
		if done {
			break
		}
		if op == "" {
			if len(stk) < 3*maxCMapEntries {
				stk = append(stk, o)
			}
			continue
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				lo, hi := stk[i], stk[i+1]
				if lo.kind == kStr && hi.kind == kStr && len(lo.str) == len(hi.str) && len(lo.str) >= 1 && len(lo.str) <= 4 {
					t.space = append(t.space, codeRange{len(lo.str), beUint(lo.str), beUint(hi.str)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				src, dst := stk[i], stk[i+1]
				if src.kind != kStr || len(t.m) >= maxCMapEntries {
					continue
				}
				switch dst.kind {
				case kStr:
					t.m[beUint(src.str)] = utf16BE(dst.str)
				case kName: // glyph names are allowed here, rarely used
					if r, ok := glyphRune(dst.str); ok {
						t.m[beUint(src.str)] = string(r)
					}
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi, dst := stk[i], stk[i+1], stk[i+2]
				if lo.kind != kStr || hi.kind != kStr {
					continue
				}
				a, b := beUint(lo.str), beUint(hi.str)
				if b < a || b-a > 0xffff {
					continue
				}
				for c := a; c <= b && len(t.m) < maxCMapEntries && work < maxCMapWork; c++ {
					work++
					k := int(c - a)
					switch dst.kind {
					case kStr:
						if dst.str == "" {
							continue
						}
						// the last UTF-16 unit is incremented across the range
						d := []byte(dst.str)
						if len(d) >= 2 {
							v := uint16(d[len(d)-2])<<8 | uint16(d[len(d)-1])
							v += uint16(k)
							d[len(d)-2], d[len(d)-1] = byte(v>>8), byte(v)
						} else {
							d[len(d)-1] += byte(k)
						}
						t.m[c] = utf16BE(string(d))
					case kArr:
						if k < len(dst.arr) && dst.arr[k].kind == kStr {
							t.m[c] = utf16BE(dst.arr[k].str)
						}
					}
				}
			}
		}
		stk = stk[:0]
	}
	return t
}

// codeLen says how many bytes the code starting s takes, from the code space.
func (t *toUnicode) codeLen(s string) int {
	if t == nil || len(t.space) == 0 {
		return 0
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		v := beUint(s[:n])
		for _, r := range t.space {
			if r.n == n && v >= r.lo && v <= r.hi {
				return n
			}
		}
	}
	return 0
}
