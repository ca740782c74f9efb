package pdfobj

import (
	"bufio"
	"io"
)

// lzwReader decodes PDF's LZW: codes of 9 to 12 bits, most significant bit
// first, 256 clears the table, 257 ends the data; with early change (the
// default) the code width grows one code sooner than in TIFF's variant,
// which is why compress/lzw cannot read it.
type lzwReader struct {
	r       *bufio.Reader
	early   int
	bits    uint32
	nbits   uint
	width   uint
	table   [][]byte
	prev    []byte
	pending []byte
	done    bool
}

func newLZW(rd io.Reader, early bool) io.Reader {
	l := &lzwReader{r: bufio.NewReader(rd), width: 9}
	if early {
		l.early = 1
	}
	l.reset()
	return l
}

func (l *lzwReader) reset() {
	l.table = l.table[:0]
	for i := 0; i < 256; i++ {
		l.table = append(l.table, []byte{byte(i)})
	}
	l.table = append(l.table, nil, nil) // 256 clear, 257 end
	l.width = 9
	l.prev = nil
}

func (l *lzwReader) code() (int, bool) {
	for l.nbits < l.width {
		c, err := l.r.ReadByte()
		if err != nil {
			return 0, false
		}
		l.bits = l.bits<<8 | uint32(c)
		l.nbits += 8
	}
	l.nbits -= l.width
	return int(l.bits>>l.nbits) & (1<<l.width - 1), true
}

func (l *lzwReader) Read(p []byte) (int, error) {
	for len(l.pending) == 0 {
		if l.done {
			return 0, io.EOF
		}
		c, ok := l.code()
		if !ok || c == 257 {
			l.done = true
			continue
		}
		if c == 256 {
			l.reset()
			continue
		}
		var out []byte
		switch {
		case c < len(l.table) && l.table[c] != nil:
			out = l.table[c]
		case c == len(l.table) && l.prev != nil:
			out = append(append([]byte{}, l.prev...), l.prev[0])
		default:
			l.done = true // a code not yet defined: broken data
			continue
		}
		if l.prev != nil && len(l.table) < 4096 {
			l.table = append(l.table, append(append([]byte{}, l.prev...), out[0]))
		}
		l.prev = out
		if n := len(l.table) + l.early; n >= 1<<l.width && l.width < 12 {
			l.width++
		}
		l.pending = out
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}
