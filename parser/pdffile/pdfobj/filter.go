package pdfobj

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
)

// Reader returns the decoded data of a stream. Reading stops with an error
// at the first broken filter, after the data decoded before it; callers
// bound how much they read.
func (v Value) Reader() io.ReadCloser {
	s, ok := v.data.(*stream)
	if !ok {
		return io.NopCloser(errReader{errors.New("not a stream")})
	}
	rd, err := v.r.streamReader(s)
	if err != nil {
		return io.NopCloser(errReader{err})
	}
	return io.NopCloser(rd)
}

// Data decodes a stream, at most limit bytes.
func (v Value) Data(limit int) ([]byte, error) {
	s, ok := v.data.(*stream)
	if !ok {
		return nil, errors.New("not a stream")
	}
	return v.r.decode(s, limit)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func (r *Reader) decode(s *stream, limit int) ([]byte, error) {
	rd, err := r.streamReader(s)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(rd, int64(limit)))
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil // a cut zlib stream: keep what it gave, as viewers do
	}
	return data, err
}

// streamReader decrypts a stream's bytes and chains its filters.
func (r *Reader) streamReader(s *stream) (io.Reader, error) {
	raw := s.data
	if raw == nil {
		end := min(s.off+s.n, len(r.data))
		if s.off < 0 || s.off > end {
			return nil, errors.New("stream outside the file")
		}
		raw = r.data[s.off:end]
	}
	filters, params := r.filters(s.hdr)
	if r.crypt != nil && s.ref.ID != 0 && r.encrypted(s, filters, params) {
		raw = r.crypt.decrypt(r.crypt.stm, s.ref, raw)
	}
	var rd io.Reader = bytes.NewReader(raw)
	for i, f := range filters {
		var err error
		rd, err = applyFilter(rd, f, params[i])
		if err != nil {
			return nil, err
		}
	}
	return rd, nil
}

// encrypted reports whether a stream's data is encrypted: cross-reference
// streams never are, metadata is unless /EncryptMetadata is false, and a
// /Crypt filter of /Identity opts a stream out.
func (r *Reader) encrypted(s *stream, filters []string, params []Value) bool {
	switch s.hdr["Type"] {
	case name("XRef"):
		return false
	case name("Metadata"):
		if !r.crypt.encMeta {
			return false
		}
	}
	for i, f := range filters {
		if f == "Crypt" {
			n := params[i].Key("Name").Name()
			return n != "" && n != "Identity"
		}
	}
	return r.crypt.stm != mNone
}

func (r *Reader) filters(hdr dict) ([]string, []Value) {
	f := r.resolve(hdr["Filter"])
	p := r.resolve(hdr["DecodeParms"])
	if p.IsNull() {
		p = r.resolve(hdr["DP"])
	}
	switch f.Kind() {
	case Name:
		return []string{f.Name()}, []Value{p}
	case Array:
		var names []string
		var params []Value
		for i := 0; i < f.Len() && i < 16; i++ {
			names = append(names, f.Index(i).Name())
			if p.Kind() == Array {
				params = append(params, p.Index(i))
			} else {
				params = append(params, Value{})
			}
		}
		return names, params
	}
	return nil, nil
}

func applyFilter(rd io.Reader, f string, p Value) (io.Reader, error) {
	switch f {
	case "FlateDecode", "Fl":
		fr, err := flateReader(rd)
		if err != nil {
			return nil, err
		}
		return predictor(fr, p)
	case "LZWDecode", "LZW":
		early := p.Key("EarlyChange")
		return predictor(newLZW(rd, early.IsNull() || early.Int64() != 0), p)
	case "ASCII85Decode", "A85":
		return ascii85.NewDecoder(&a85Clean{r: bufio.NewReader(rd)}), nil
	case "ASCIIHexDecode", "AHx":
		return &hexReader{r: bufio.NewReader(rd)}, nil
	case "RunLengthDecode", "RL":
		return &runLength{r: bufio.NewReader(rd)}, nil
	case "Crypt":
		return rd, nil
	}
	return nil, fmt.Errorf("filter %s is not supported (image data)", f)
}

// flateReader reads zlib data, or raw deflate data when the zlib header is
// missing or wrong (some producers write either).
func flateReader(rd io.Reader) (io.Reader, error) {
	br := bufio.NewReader(rd)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// a85Clean drops white space and the <~ ~> markers.
type a85Clean struct {
	r       *bufio.Reader
	done    bool
	started bool
}

func (a *a85Clean) Read(p []byte) (int, error) {
	if !a.started {
		a.started = true
		for {
			c, err := a.r.ReadByte()
			if err != nil {
				break
			}
			if isSpace(c) {
				continue
			}
			if c == '<' {
				if next, _ := a.r.Peek(1); len(next) == 1 && next[0] == '~' {
					a.r.ReadByte()
					break
				}
			}
			a.r.UnreadByte()
			break
		}
	}
	n := 0
	for n < len(p) && !a.done {
		c, err := a.r.ReadByte()
		if err != nil {
			a.done = true
			break
		}
		if c == '~' {
			a.done = true
			break
		}
		if isSpace(c) {
			continue
		}
		p[n] = c
		n++
	}
	if n == 0 && a.done {
		return 0, io.EOF
	}
	return n, nil
}

type hexReader struct {
	r    *bufio.Reader
	done bool
}

func (h *hexReader) Read(p []byte) (int, error) {
	n := 0
	hi := -1
	for n < len(p) && !h.done {
		c, err := h.r.ReadByte()
		if err != nil || c == '>' {
			h.done = true
			break
		}
		v := hexVal(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
			continue
		}
		p[n] = byte(hi<<4 | v)
		n++
		hi = -1
	}
	if hi >= 0 && n < len(p) {
		p[n] = byte(hi << 4)
		n++
	}
	if n == 0 && h.done {
		return 0, io.EOF
	}
	return n, nil
}

type runLength struct {
	r       *bufio.Reader
	pending []byte
	done    bool
}

func (rl *runLength) Read(p []byte) (int, error) {
	for len(rl.pending) == 0 {
		if rl.done {
			return 0, io.EOF
		}
		c, err := rl.r.ReadByte()
		if err != nil || c == 128 {
			rl.done = true
			continue
		}
		if c < 128 {
			buf := make([]byte, int(c)+1)
			k, _ := io.ReadFull(rl.r, buf)
			rl.pending = buf[:k]
			continue
		}
		b, err := rl.r.ReadByte()
		if err != nil {
			rl.done = true
			continue
		}
		rl.pending = bytes.Repeat([]byte{b}, 257-int(c))
	}
	n := copy(p, rl.pending)
	rl.pending = rl.pending[n:]
	return n, nil
}

// predictor undoes a PNG (10–15) or TIFF (2) predictor, row by row.
func predictor(rd io.Reader, p Value) (io.Reader, error) {
	pred := p.Key("Predictor").Int64()
	if pred <= 1 {
		return rd, nil
	}
	colors := int(p.Key("Colors").Int64())
	if colors < 1 {
		colors = 1
	}
	bpc := int(p.Key("BitsPerComponent").Int64())
	if bpc < 1 {
		bpc = 8
	}
	cols := int(p.Key("Columns").Int64())
	if cols < 1 {
		cols = 1
	}
	if colors > 64 || bpc > 16 || cols > 1<<20 {
		return nil, errors.New("predictor parameters out of range")
	}
	bpp := max(1, colors*bpc/8)
	row := (colors*bpc*cols + 7) / 8
	if pred == 2 {
		if bpc != 8 {
			return rd, nil // rare: left as it is
		}
		return &tiffReader{r: rd, row: make([]byte, row), bpp: bpp}, nil
	}
	return &pngReader{r: rd, prev: make([]byte, row), cur: make([]byte, row+1), bpp: bpp}, nil
}

type pngReader struct {
	r         io.Reader
	prev, cur []byte
	pending   []byte
	bpp       int
	err       error
}

func (pr *pngReader) Read(p []byte) (int, error) {
	for len(pr.pending) == 0 {
		if pr.err != nil {
			return 0, pr.err
		}
		n, err := io.ReadFull(pr.r, pr.cur)
		if err != nil {
			pr.err = err
			if err == io.ErrUnexpectedEOF {
				pr.err = io.EOF
			}
			if n <= 1 {
				continue
			}
		}
		row := pr.cur[1:n]
		unpredict(pr.cur[0], row, pr.prev[:len(row)], pr.bpp)
		copy(pr.prev, row)
		pr.pending = append(pr.pending[:0], row...)
	}
	n := copy(p, pr.pending)
	pr.pending = pr.pending[n:]
	return n, nil
}

func unpredict(kind byte, row, prev []byte, bpp int) {
	for i := range row {
		var left, up, ul byte
		if i >= bpp {
			left = row[i-bpp]
			ul = prev[i-bpp]
		}
		up = prev[i]
		switch kind {
		case 1:
			row[i] += left
		case 2:
			row[i] += up
		case 3:
			row[i] += byte((int(left) + int(up)) / 2)
		case 4:
			row[i] += paeth(left, up, ul)
		}
	}
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

type tiffReader struct {
	r       io.Reader
	row     []byte
	pending []byte
	bpp     int
	err     error
}

func (t *tiffReader) Read(p []byte) (int, error) {
	for len(t.pending) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		n, err := io.ReadFull(t.r, t.row)
		if err != nil {
			t.err = io.EOF
			if n == 0 {
				continue
			}
		}
		row := t.row[:n]
		for i := t.bpp; i < len(row); i++ {
			row[i] += row[i-t.bpp]
		}
		t.pending = row
	}
	n := copy(p, t.pending)
	t.pending = t.pending[n:]
	return n, nil
}
