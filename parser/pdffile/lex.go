package pdffile

// A small lexer for content streams and CMaps. The library's Interpret reads
// through an unbounded reader, panics on stray bytes (inline images) and
// boxes every operand in a Value; lexing bounded bytes ourselves keeps memory
// and work per page under our control and never panics.

type opKind uint8

const (
	kNull opKind = iota
	kNum
	kStr
	kName
	kArr
	kDict
	kBool
)

type operand struct {
	kind opKind
	num  float64
	str  string // string bytes or name
	arr  []operand
}

const (
	maxOperands   = 64 // operands kept before an operator; more is junk
	maxArrayDepth = 16 // nested arrays/dicts in a content stream
	maxArrayLen   = 1 << 16
)

type lexer struct {
	b   []byte
	pos int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next reads one token: an operand (ok, op=="") or an operator (op!="").
// It returns done at the end of input.
func (l *lexer) next(depth int) (o operand, op string, done bool) {
	for {
		if l.pos >= len(l.b) {
			return o, "", true
		}
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		l.pos++
		return operand{kind: kStr, str: l.literal()}, "", false
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return l.dict(depth), "", false
		}
		l.pos++
		return operand{kind: kStr, str: l.hex()}, "", false
	case c == '/':
		l.pos++
		s := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
			l.pos++
		}
		return operand{kind: kName, str: unescapeName(l.b[s:l.pos])}, "", false
	case c == '[':
		l.pos++
		return l.array(depth), "", false
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		if c == '>' && l.pos < len(l.b) && l.b[l.pos] == '>' {
			l.pos++
		}
		return operand{}, "", false // stray delimiter: skip
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return operand{kind: kNum, num: l.number()}, "", false
	}
	s := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == s { // lone delimiter we do not know
		l.pos++
		return operand{}, "", false
	}
	w := string(l.b[s:l.pos])
	switch w {
	case "true":
		return operand{kind: kBool, num: 1}, "", false
	case "false":
		return operand{kind: kBool}, "", false
	case "null":
		return operand{}, "", false
	}
	return o, w, false
}

func (l *lexer) number() float64 {
	neg := false
	if l.b[l.pos] == '+' || l.b[l.pos] == '-' {
		neg = l.b[l.pos] == '-'
		l.pos++
		// producers write "--1" or "-+1" sometimes
		for l.pos < len(l.b) && (l.b[l.pos] == '-' || l.b[l.pos] == '+') {
			l.pos++
		}
	}
	var v float64
	frac := 0.0
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if c >= '0' && c <= '9' {
			if frac > 0 {
				v += float64(c-'0') * frac
				frac /= 10
			} else {
				v = v*10 + float64(c-'0')
			}
		} else if c == '.' && frac == 0 {
			frac = 0.1
		} else {
			break
		}
		l.pos++
	}
	if neg {
		v = -v
	}
	return v
}

func (l *lexer) literal() string {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
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
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
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

func (l *lexer) hex() string {
	var out []byte
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
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
	for i := 0; i < len(b); i++ {
		if b[i] == '#' {
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
	}
	return string(b)
}

// array reads up to the closing bracket; operators inside are ignored.
func (l *lexer) array(depth int) operand {
	return l.items(operand{kind: kArr}, depth, '[', ']', func() int {
		if l.b[l.pos] == ']' {
			return 1
		}
		return 0
	})
}

// dict reads a dictionary as a flat list of operands (keys and values); only
// inline image parameters and marked-content properties use them here.
func (l *lexer) dict(depth int) operand {
	return l.items(operand{kind: kDict}, depth, '<', '>', func() int {
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			return 2
		}
		return 0
	})
}

// items reads operands into o until closer reports the closing delimiter's
// length; nesting deeper than maxArrayDepth is skipped, not read.
func (l *lexer) items(o operand, depth int, open, close byte, closer func() int) operand {
	for l.pos < len(l.b) {
		for l.pos < len(l.b) && isWhite(l.b[l.pos]) {
			l.pos++
		}
		if l.pos >= len(l.b) {
			break
		}
		if n := closer(); n > 0 {
			l.pos += n
			return o
		}
		if depth >= maxArrayDepth {
			l.skipNested(open, close)
			return o
		}
		v, op, done := l.next(depth + 1)
		if done {
			break
		}
		if op == "" && len(o.arr) < maxArrayLen {
			o.arr = append(o.arr, v)
		}
	}
	return o
}

func (l *lexer) skipNested(open, close byte) {
	d := 1
	for l.pos < len(l.b) && d > 0 {
		switch l.b[l.pos] {
		case open:
			d++
		case close:
			d--
		}
		l.pos++
	}
}

// skipInlineImage moves past the binary data of an inline image (after ID)
// to just behind the EI that ends it.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isWhite(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isWhite(l.b[i-1])) &&
			(i+2 == len(l.b) || isWhite(l.b[i+2]) || isDelimiter(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
