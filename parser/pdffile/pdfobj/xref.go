package pdfobj

import (
	"bytes"
	"errors"
	"fmt"
)

// Bounds on the cross-reference chain.
const (
	maxSections = 4096    // incremental updates followed through /Prev
	maxObjects  = 8 << 20 // entries of one section
)

// readXref reads the cross-reference sections from the last startxref back
// through /Prev (incremental updates, as merging and signing tools write
// them) and /XRefStm (hybrid files). Newer entries win; the trailers merge
// with the newest keys first.
func (r *Reader) readXref() error {
	off, err := r.startxref()
	if err != nil {
		return err
	}
	r.xref = map[uint32]entry{}
	r.trailer = dict{}
	seen := map[int]bool{}
	for n := 0; n < maxSections; n++ {
		if seen[off] {
			break // a /Prev loop
		}
		seen[off] = true
		trailer, err := r.section(off)
		if err != nil {
			if n == 0 {
				return err
			}
			r.note("an older cross-reference section is unreadable (%v)", err)
			break
		}
		if x, ok := trailer["XRefStm"].(int64); ok && !seen[int(x)] {
			seen[int(x)] = true
			if _, err := r.section(int(x)); err != nil {
				r.note("the cross-reference stream of a hybrid file is unreadable (%v)", err)
			}
		}
		for k, v := range trailer {
			if _, ok := r.trailer[k]; !ok && k != "Prev" && k != "XRefStm" {
				r.trailer[k] = v
			}
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			break
		}
		off = int(prev)
	}
	if _, ok := r.trailer["Root"]; !ok {
		return errors.New("the trailer names no document catalog")
	}
	return nil
}

// startxref finds the offset the file's last startxref gives.
func (r *Reader) startxref() (int, error) {
	tail := r.data[max(0, len(r.data)-64<<10):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("no startxref")
	}
	p := &parser{b: tail, pos: i + len("startxref")}
	off, ok := p.uint()
	if !ok || off <= 0 || off >= int64(len(r.data)) {
		return 0, errors.New("startxref gives no offset in the file")
	}
	return int(off), nil
}

// section reads one cross-reference section (table or stream) at off into
// r.xref, keeping entries already set by newer sections, and returns its
// trailer dictionary. Offsets counted from %PDF- rather than the file start
// (junk before the header) are accepted too.
func (r *Reader) section(off int) (dict, error) {
	t, err := r.sectionAt(off)
	if err != nil && r.base > 0 {
		if t2, err2 := r.sectionAt(off + r.base); err2 == nil {
			return t2, nil
		}
	}
	return t, err
}

func (r *Reader) sectionAt(off int) (dict, error) {
	if off < 0 || off >= len(r.data) {
		return nil, fmt.Errorf("offset %d is outside the file", off)
	}
	p := &parser{b: r.data, pos: off}
	if p.keyword("xref") {
		return r.table(p)
	}
	id, ok1 := p.uint()
	_, ok2 := p.uint()
	if !ok1 || !ok2 || !p.keyword("obj") {
		return nil, fmt.Errorf("no cross-reference section at offset %d", off)
	}
	x, _ := r.readAt(off, Ref{uint32(id), 0})
	s, ok := x.(*stream)
	if !ok || s.hdr["Type"] != name("XRef") {
		return nil, fmt.Errorf("object %d at offset %d is not a cross-reference stream", id, off)
	}
	return s.hdr, r.xrefStream(s)
}

// table reads a classic table: subsections "first count" of entries
// "offset gen n|f", then "trailer << … >>". Entry lines are read as tokens,
// not fixed 20-byte records, since producers get the line ends wrong.
func (r *Reader) table(p *parser) (dict, error) {
	for {
		if p.keyword("trailer") {
			t, ok := p.object(0).(dict)
			if !ok {
				return nil, errors.New("cross-reference table without a trailer dictionary")
			}
			return t, nil
		}
		first, ok1 := p.uint()
		count, ok2 := p.uint()
		if !ok1 || !ok2 || count > maxObjects || first > maxObjects {
			return nil, errors.New("malformed cross-reference table")
		}
		for i := int64(0); i < count; i++ {
			o, ok1 := p.uint()
			g, ok2 := p.uint()
			p.skipSpace()
			kind := p.word()
			if !ok1 || !ok2 || len(kind) != 1 || (kind[0] != 'n' && kind[0] != 'f') {
				return nil, errors.New("malformed cross-reference table entry")
			}
			id := uint32(first + i)
			if _, ok := r.xref[id]; ok {
				continue
			}
			if kind[0] == 'n' && o > 0 {
				r.xref[id] = entry{kind: 1, gen: uint16(g), off: int(o)}
			} else if id != 0 {
				r.xref[id] = entry{}
			}
		}
	}
}

// xrefStream reads the entries of a cross-reference stream.
func (r *Reader) xrefStream(s *stream) error {
	var w [3]int
	wa, _ := s.hdr["W"].(array)
	if len(wa) < 3 {
		return errors.New("cross-reference stream without /W")
	}
	width := 0
	for i := range w {
		v, _ := wa[i].(int64)
		if v < 0 || v > 8 {
			return errors.New("cross-reference stream with a bad /W")
		}
		w[i] = int(v)
		width += w[i]
	}
	if width == 0 {
		return errors.New("cross-reference stream with a bad /W")
	}
	size, _ := s.hdr["Size"].(int64)
	index, _ := s.hdr["Index"].(array)
	if len(index) == 0 {
		index = array{int64(0), size}
	}
	data, err := r.decode(s, maxObjects*width)
	if err != nil && len(data) == 0 {
		return err
	}
	for len(index) >= 2 {
		first, _ := index[0].(int64)
		count, _ := index[1].(int64)
		index = index[2:]
		if first < 0 || count < 0 || first > maxObjects || count > maxObjects {
			return errors.New("cross-reference stream with a bad /Index")
		}
		for i := int64(0); i < count && len(data) >= width; i++ {
			rec := data[:width]
			data = data[width:]
			f := [3]int{1, 0, 0} // type 1 when the first field is absent
			for k, pos := 0, 0; k < 3; k++ {
				if w[k] > 0 {
					f[k] = beInt(rec[pos : pos+w[k]])
				}
				pos += w[k]
			}
			id := uint32(first + i)
			if old, ok := r.xref[id]; ok && old.kind != 0 {
				continue
			}
			switch f[0] {
			case 0:
				if _, ok := r.xref[id]; !ok && id != 0 {
					r.xref[id] = entry{}
				}
			case 1:
				r.xref[id] = entry{kind: 1, off: f[1], gen: uint16(f[2])}
			case 2:
				r.xref[id] = entry{kind: 2, off: f[1], idx: f[2]}
			}
		}
	}
	return nil
}

func beInt(b []byte) int {
	v := 0
	for _, c := range b {
		v = v<<8 | int(c)
	}
	return v
}
