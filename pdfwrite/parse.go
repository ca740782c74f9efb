package pdfwrite

import (
	"bytes"
	"errors"
	"strconv"
)

// Limits that keep a hostile file from costing unbounded work.
const (
	maxDepth       = 64       // nesting of arrays and dictionaries
	maxObjectBytes = 64 << 20 // a decoded stream this reader decodes (xref and object streams)
)

var errSyntax = errors.New("PDF syntax error")

// parser reads objects from a byte slice.
type parser struct {
	b     []byte
	pos   int
	depth int
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

// keyword reads a run of regular characters (a number, true, obj, R...).
func (p *parser) keyword() string {
	p.skipSpace()
	s := p.pos
	for p.pos < len(p.b) && !isSpace(p.b[p.pos]) && !isDelim(p.b[p.pos]) {
		p.pos++
	}
	return string(p.b[s:p.pos])
}

// peekKeyword reads a keyword without consuming it.
func (p *parser) peekKeyword() string {
	save := p.pos
	k := p.keyword()
	p.pos = save
	return k
}

// object reads one object; "N G R" is read as a reference.
func (p *parser) object() (Object, error) {
	p.skipSpace()
	if p.pos >= len(p.b) {
		return nil, errSyntax
	}
	switch c := p.b[p.pos]; c {
	case '/':
		return p.name(), nil
	case '(':
		return p.literal()
	case '<':
		if p.pos+1 < len(p.b) && p.b[p.pos+1] == '<' {
			return p.dict()
		}
		return p.hex()
	case '[':
		return p.array()
	case ']', '>', ')', '{', '}':
		return nil, errSyntax
	}
	k := p.keyword()
	switch k {
	case "":
		p.pos++ // a stray delimiter
		return nil, errSyntax
	case "null":
		return nil, nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	if n, err := strconv.ParseInt(k, 10, 64); err == nil {
		// N G R?
		save := p.pos
		if g, err := strconv.ParseInt(p.keyword(), 10, 64); err == nil && g >= 0 && g < 1<<16 {
			if p.keyword() == "R" && n >= 0 && n < 1<<31 {
				return Ref{int(n), int(g)}, nil
			}
		}
		p.pos = save
		return n, nil
	}
	if f, ok := parseReal(k); ok {
		return f, nil
	}
	return nil, errSyntax
}

// parseReal accepts what producers write: 1.5, .5, -.5, 5., and tolerates
// a doubled sign some writers emit.
func parseReal(k string) (float64, bool) {
	for len(k) > 1 && (k[0] == '-' || k[0] == '+') && (k[1] == '-' || k[1] == '+') {
		k = k[1:]
	}
	f, err := strconv.ParseFloat(k, 64)
	if err != nil || f != f {
		return 0, false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; c == 'e' || c == 'E' || c == 'x' || c == 'n' || c == 'N' || c == 'i' || c == 'I' || c == '_' {
			return 0, false // not PDF number syntax
		}
	}
	return f, true
}

func (p *parser) name() Name {
	p.pos++ // '/'
	var out []byte
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		if isSpace(c) || isDelim(c) {
			break
		}
		if c == '#' && p.pos+2 < len(p.b) {
			if v, err := strconv.ParseUint(string(p.b[p.pos+1:p.pos+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				p.pos += 3
				continue
			}
		}
		out = append(out, c)
		p.pos++
	}
	return Name(out)
}

func (p *parser) literal() (Object, error) {
	p.pos++ // '('
	var out []byte
	depth := 1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return String(out), nil
			}
		case '\\':
			if p.pos >= len(p.b) {
				return nil, errSyntax
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
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '7'; k++ {
						v = v*8 + int(p.b[p.pos]-'0')
						p.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, errSyntax
}

func (p *parser) hex() (Object, error) {
	p.pos++ // '<'
	var out []byte
	var hi byte
	half := false
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return String(out), nil
		}
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			if isSpace(c) {
				continue
			}
			return nil, errSyntax
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, errSyntax
}

func (p *parser) array() (Object, error) {
	p.pos++ // '['
	if p.depth++; p.depth > maxDepth {
		return nil, errSyntax
	}
	defer func() { p.depth-- }()
	out := Array{}
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, errSyntax
		}
		if p.b[p.pos] == ']' {
			p.pos++
			return out, nil
		}
		o, err := p.object()
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
}

func (p *parser) dict() (Object, error) {
	p.pos += 2 // '<<'
	if p.depth++; p.depth > maxDepth {
		return nil, errSyntax
	}
	defer func() { p.depth-- }()
	out := Dict{}
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, errSyntax
		}
		if p.b[p.pos] == '>' {
			if p.pos+1 < len(p.b) && p.b[p.pos+1] == '>' {
				p.pos += 2
				return out, nil
			}
			return nil, errSyntax
		}
		if p.b[p.pos] != '/' {
			return nil, errSyntax
		}
		k := p.name()
		v, err := p.object()
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
}

// indirect reads "N G obj ... endobj" at the parser's position. For a
// stream it returns a *Stream whose data is cut by length (the resolved
// /Length), or by the endstream keyword when the length is wrong.
func (p *parser) indirect(length func(Object) (int, bool)) (Ref, Object, error) {
	n, err1 := strconv.Atoi(p.keyword())
	g, err2 := strconv.Atoi(p.keyword())
	if err1 != nil || err2 != nil || p.keyword() != "obj" {
		return Ref{}, nil, errSyntax
	}
	ref := Ref{n, g}
	o, err := p.object()
	if err != nil {
		return ref, nil, err
	}
	d, isDict := o.(Dict)
	if !isDict || p.peekKeyword() != "stream" {
		return ref, o, nil
	}
	p.keyword() // stream
	if p.pos < len(p.b) && p.b[p.pos] == '\r' {
		p.pos++
	}
	if p.pos < len(p.b) && p.b[p.pos] == '\n' {
		p.pos++
	}
	start := p.pos
	if n, ok := length(d["Length"]); ok && n >= 0 && start+n <= len(p.b) {
		rest := p.b[start+n:]
		if i := bytes.Index(rest[:min(len(rest), 32)], []byte("endstream")); i >= 0 {
			p.pos = start + n + i + len("endstream")
			return ref, &Stream{Dict: d, Data: p.b[start : start+n]}, nil
		}
	}
	i := bytes.Index(p.b[start:], []byte("endstream"))
	if i < 0 {
		return ref, nil, errSyntax
	}
	end := start + i
	for end > start && (p.b[end-1] == '\n' || p.b[end-1] == '\r') {
		end-- // the line end before endstream is not data
	}
	p.pos = start + i + len("endstream")
	return ref, &Stream{Dict: d, Data: p.b[start:end]}, nil
}
