package pdfobj

import (
	"bytes"
	"strconv"
)

// Bounds on one object, so broken or hostile input costs little.
const (
	maxDepth    = 64      // nested arrays and dictionaries
	maxElements = 1 << 20 // elements of one array or dictionary
)

// parser reads objects from b starting at pos.
type parser struct {
	b   []byte
	pos int
}

type keyword string

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (p *parser) skipSpace() {
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		if isSpace(c) {
			p.pos++
			continue
		}
		if c == '%' {
			for p.pos < len(p.b) && p.b[p.pos] != '\n' && p.b[p.pos] != '\r' {
				p.pos++
			}
			continue
		}
		return
	}
}

// word reads a run of regular characters at pos.
func (p *parser) word() []byte {
	s := p.pos
	for p.pos < len(p.b) && !isSpace(p.b[p.pos]) && !isDelim(p.b[p.pos]) {
		p.pos++
	}
	return p.b[s:p.pos]
}

// uint reads an unsigned decimal integer at pos (after spaces), or fails
// leaving pos where it was.
func (p *parser) uint() (int64, bool) {
	save := p.pos
	p.skipSpace()
	s := p.pos
	for p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '9' && p.pos-s < 18 {
		p.pos++
	}
	if p.pos == s || (p.pos < len(p.b) && !isSpace(p.b[p.pos]) && !isDelim(p.b[p.pos])) {
		p.pos = save
		return 0, false
	}
	v, _ := strconv.ParseInt(string(p.b[s:p.pos]), 10, 64)
	return v, true
}

// keyword reports whether the next token is the keyword k, and consumes it.
func (p *parser) keyword(k string) bool {
	save := p.pos
	p.skipSpace()
	if bytes.Equal(p.word(), []byte(k)) {
		return true
	}
	p.pos = save
	return false
}

// object reads one object; keywords other than true/false/null come back
// as a keyword value.
func (p *parser) object(depth int) any {
	p.skipSpace()
	if p.pos >= len(p.b) {
		return nil
	}
	c := p.b[p.pos]
	switch {
	case c == '/':
		p.pos++
		return name(unescapeName(p.word()))
	case c == '(':
		p.pos++
		return p.literal()
	case c == '<':
		if p.pos+1 < len(p.b) && p.b[p.pos+1] == '<' {
			p.pos += 2
			return p.dict(depth)
		}
		p.pos++
		return p.hex()
	case c == '[':
		p.pos++
		return p.array(depth)
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return p.number()
	case isDelim(c):
		p.pos++
		return keyword(p.b[p.pos-1 : p.pos])
	}
	w := p.word()
	switch string(w) {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if len(w) == 0 {
		p.pos++
	}
	return keyword(w)
}

// number reads an integer, a real, or an integer pair followed by R.
func (p *parser) number() any {
	w := p.word()
	if len(w) == 0 { // a lone sign followed by a delimiter
		p.pos++
		return int64(0)
	}
	if i, err := strconv.ParseInt(string(w), 10, 64); err == nil {
		if i >= 0 && i <= 1<<31 {
			save := p.pos
			if gen, ok := p.uint(); ok && gen <= 65535 && p.keyword("R") {
				return Ref{uint32(i), uint16(gen)}
			}
			p.pos = save
		}
		return i
	}
	return parseReal(w)
}

// parseReal is lenient as viewers are: "--5", "5.-", "1.2.3" read as far as
// they make sense.
func parseReal(w []byte) float64 {
	neg := false
	i := 0
	for i < len(w) && (w[i] == '-' || w[i] == '+') {
		neg = neg || w[i] == '-'
		i++
	}
	v, frac, dot := 0.0, 0.1, false
	for ; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			if dot {
				v += float64(c-'0') * frac
				frac /= 10
			} else {
				v = v*10 + float64(c-'0')
			}
		case c == '.' && !dot:
			dot = true
		default:
			i = len(w)
		}
	}
	if neg {
		v = -v
	}
	return v
}

func (p *parser) literal() string {
	var out []byte
	depth := 1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return string(out)
			}
		case '\\':
			if p.pos >= len(p.b) {
				return string(out)
			}
			e := p.b[p.pos]
			p.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if p.pos < len(p.b) && p.b[p.pos] == '\n' {
					p.pos++
				}
				continue
			case '\n':
				continue
			default:
				c = e
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '7'; k++ {
						v = v*8 + int(p.b[p.pos]-'0')
						p.pos++
					}
					c = byte(v)
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (p *parser) hex() string {
	var out []byte
	hi := -1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		if c == '>' {
			break
		}
		v := hexVal(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return string(out)
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for j := 0; j < len(b); j++ {
		if b[j] == '#' && j+2 < len(b) && hexVal(b[j+1]) >= 0 && hexVal(b[j+2]) >= 0 {
			out = append(out, byte(hexVal(b[j+1])<<4|hexVal(b[j+2])))
			j += 2
			continue
		}
		out = append(out, b[j])
	}
	return string(out)
}

func (p *parser) array(depth int) any {
	var a array
	for p.pos < len(p.b) {
		p.skipSpace()
		if p.pos < len(p.b) && p.b[p.pos] == ']' {
			p.pos++
			return a
		}
		if depth >= maxDepth {
			return a
		}
		x := p.object(depth + 1)
		if k, ok := x.(keyword); ok {
			if k == "]" {
				return a
			}
			if k == "endobj" || k == "stream" || k == "obj" {
				p.pos -= len(k) // a broken array: stop before the keyword
				return a
			}
			continue
		}
		if len(a) < maxElements {
			a = append(a, x)
		}
	}
	return a
}

func (p *parser) dict(depth int) any {
	d := dict{}
	for p.pos < len(p.b) {
		p.skipSpace()
		if p.pos+1 < len(p.b) && p.b[p.pos] == '>' && p.b[p.pos+1] == '>' {
			p.pos += 2
			return d
		}
		if depth >= maxDepth {
			return d
		}
		k := p.object(depth + 1)
		key, ok := k.(name)
		if !ok {
			if kw, isKw := k.(keyword); isKw && (kw == "endobj" || kw == "stream" || kw == "obj") {
				p.pos -= len(kw) // an unclosed dictionary
				return d
			}
			if p.pos >= len(p.b) {
				return d
			}
			continue // junk where a key should be: skip it
		}
		v := p.object(depth + 1)
		if kw, isKw := v.(keyword); isKw {
			if kw == ">" { // "/Key>>": the dictionary ends
				if p.pos < len(p.b) && p.b[p.pos] == '>' {
					p.pos++
				}
				return d
			}
			if kw == "endobj" || kw == "stream" || kw == "obj" {
				p.pos -= len(kw)
				return d
			}
			continue
		}
		if len(d) < maxElements {
			d[key] = v
		}
	}
	return d
}
