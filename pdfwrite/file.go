package pdfwrite

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// ErrEncrypted: objects added to an encrypted file would have to be
// encrypted with its key, which this writer does not do.
var ErrEncrypted = errors.New("encrypted PDF: annotations are not added to encrypted files")

// entry is where an object lives: at an offset in the file, or as the
// index-th object of an object stream.
type entry struct {
	off    int
	gen    int
	stream int // object number of the object stream, 0 when at off
	index  int
}

// File is an existing PDF opened for an update.
type File struct {
	data      []byte
	xref      map[int]entry
	Trailer   Dict
	startxref int  // offset of the newest cross-reference section; -1 when unusable
	xrefStm   bool // the newest section is a cross-reference stream
	size      int  // one more than the highest object number in use
	// Rebuilt is set when the cross-reference sections could not be read
	// and objects were found by scanning the file; an update then writes a
	// complete section of its own rather than one pointing back.
	Rebuilt bool
	// orphans are the page objects of a file whose catalog is lost, in
	// file order; an update gives them a new page tree and catalog.
	orphans []Ref
	cache   map[int]Object
	streams map[int]*objStream
}

type objStream struct {
	data  []byte
	first int
	offs  []int
	nums  []int
}

// Open reads the cross-reference sections of data. It does not copy data:
// the caller keeps it unchanged until the update is written.
func Open(data []byte) (f *File, err error) {
	defer func() {
		if x := recover(); x != nil {
			f, err = nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, errors.New("not a PDF file (no %PDF- header)")
	}
	f = &File{data: data, xref: map[int]entry{}, cache: map[int]Object{}, streams: map[int]*objStream{}, startxref: -1}
	if err := f.readXrefChain(); err != nil || f.Trailer == nil || !f.isCatalog(f.Trailer["Root"]) {
		if !f.rebuild() {
			if err == nil {
				err = errors.New("no document catalog")
			}
			return nil, fmt.Errorf("malformed PDF: %v", err)
		}
	}
	if f.Trailer["Encrypt"] != nil {
		return nil, ErrEncrypted
	}
	if _, ok := f.Trailer["Root"].(Ref); !ok && len(f.orphans) == 0 {
		return nil, errors.New("malformed PDF: no document catalog")
	}
	return f, nil
}

var startxrefRe = regexp.MustCompile(`startxref\s+(\d+)`)

func (f *File) readXrefChain() error {
	tail := f.data[max(0, len(f.data)-4096):]
	ms := startxrefRe.FindAllSubmatch(tail, -1)
	if ms == nil {
		return errors.New("no startxref")
	}
	off, err := strconv.Atoi(string(ms[len(ms)-1][1]))
	if err != nil || off <= 0 || off >= len(f.data) {
		return errors.New("startxref out of range")
	}
	seen := map[int]bool{}
	for first := true; off > 0; first = false {
		if seen[off] || len(seen) > 1000 {
			return errors.New("cross-reference sections loop")
		}
		seen[off] = true
		trailer, isStm, err := f.readSection(off)
		if err != nil {
			return err
		}
		if first {
			f.Trailer, f.startxref, f.xrefStm = trailer, off, isStm
			if n, ok := trailer["Size"].(int64); ok {
				f.size = int(n)
			}
		}
		if x, ok := trailer["XRefStm"].(int64); ok && !isStm && !seen[int(x)] {
			// a hybrid file: the stream lists the compressed objects
			seen[int(x)] = true
			if _, _, err := f.readSection(int(x)); err != nil {
				return err
			}
		}
		prev, _ := trailer["Prev"].(int64)
		off = int(prev)
	}
	for n := range f.xref {
		f.size = max(f.size, n+1)
	}
	return nil
}

// set records an entry unless a newer section already did.
func (f *File) set(n int, e entry) {
	if _, ok := f.xref[n]; !ok {
		f.xref[n] = e
	}
}

// free marks an object freed by a newer section.
func (f *File) free(n int) {
	if _, ok := f.xref[n]; !ok {
		f.xref[n] = entry{off: -1}
	}
}

func (f *File) readSection(off int) (Dict, bool, error) {
	if off < 0 || off >= len(f.data) {
		return nil, false, errors.New("cross-reference offset out of range")
	}
	p := &parser{b: f.data, pos: off}
	if p.peekKeyword() == "xref" {
		p.keyword()
		d, err := f.readTable(p)
		return d, false, err
	}
	d, err := f.readStream(p)
	return d, true, err
}

func (f *File) readTable(p *parser) (Dict, error) {
	for {
		k := p.keyword()
		if k == "trailer" {
			o, err := p.object()
			d, ok := o.(Dict)
			if err != nil || !ok {
				return nil, errors.New("bad trailer")
			}
			return d, nil
		}
		start, err1 := strconv.Atoi(k)
		count, err2 := strconv.Atoi(p.keyword())
		if err1 != nil || err2 != nil || start < 0 || count < 0 || count > len(f.data)/18+1 {
			return nil, errors.New("bad cross-reference table")
		}
		for i := 0; i < count; i++ {
			o, err1 := strconv.Atoi(p.keyword())
			g, err2 := strconv.Atoi(p.keyword())
			t := p.keyword()
			if err1 != nil || err2 != nil || (t != "n" && t != "f") {
				return nil, errors.New("bad cross-reference entry")
			}
			n := start + i
			if n == 0 && start == 1 && i == 0 && t == "f" {
				// a common producer bug: the table starts at 1 but lists object 0
				start = 0
				n = 0
			}
			if t == "f" {
				f.free(n)
			} else if n > 0 {
				f.set(n, entry{off: o, gen: g})
			}
		}
	}
}

func (f *File) readStream(p *parser) (Dict, error) {
	_, o, err := p.indirect(f.length)
	if err != nil {
		return nil, fmt.Errorf("bad cross-reference stream: %v", err)
	}
	s, ok := o.(*Stream)
	if !ok || s.Dict["Type"] != Name("XRef") {
		return nil, errors.New("no cross-reference table or stream at startxref")
	}
	data, err := decode(s)
	if err != nil {
		return nil, fmt.Errorf("cross-reference stream: %v", err)
	}
	w, _ := s.Dict["W"].(Array)
	if len(w) != 3 {
		return nil, errors.New("cross-reference stream without /W")
	}
	var ws [3]int
	row := 0
	for i, x := range w {
		n, ok := x.(int64)
		if !ok || n < 0 || n > 8 {
			return nil, errors.New("bad /W")
		}
		ws[i] = int(n)
		row += int(n)
	}
	if row == 0 {
		return nil, errors.New("bad /W")
	}
	size, _ := s.Dict["Size"].(int64)
	index := Array{int64(0), size}
	if ix, ok := s.Dict["Index"].(Array); ok {
		index = ix
	}
	field := func(b []byte, def int64) int64 {
		if len(b) == 0 {
			return def
		}
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		start, _ := index[i].(int64)
		count, _ := index[i+1].(int64)
		for k := int64(0); k < count && pos+row <= len(data); k++ {
			e := data[pos : pos+row]
			pos += row
			t := field(e[:ws[0]], 1)
			a := field(e[ws[0]:ws[0]+ws[1]], 0)
			b := field(e[ws[0]+ws[1]:], 0)
			n := int(start + k)
			switch t {
			case 0:
				f.free(n)
			case 1:
				if n > 0 {
					f.set(n, entry{off: int(a), gen: int(b)})
				}
			case 2:
				f.set(n, entry{stream: int(a), index: int(b)})
			}
		}
	}
	d := Dict{}
	for k, v := range s.Dict {
		switch k {
		case "Size", "Root", "Info", "ID", "Encrypt", "Prev":
			d[k] = v
		}
	}
	return d, nil
}

// length resolves a stream's /Length, which may be an indirect object.
func (f *File) length(o Object) (int, bool) {
	switch v := o.(type) {
	case int64:
		return int(v), true
	case Ref:
		e, ok := f.xref[v.Num]
		if !ok || e.stream != 0 || e.off <= 0 || e.off >= len(f.data) {
			return 0, false
		}
		p := &parser{b: f.data, pos: e.off}
		_, x, err := p.indirect(func(Object) (int, bool) { return 0, false })
		if n, ok := x.(int64); err == nil && ok {
			return int(n), true
		}
	}
	return 0, false
}

var objDefRe = regexp.MustCompile(`(?:^|[\r\n\s])(\d{1,9})\s+(\d{1,5})\s+obj\b`)

// rebuild finds objects by scanning when the cross-reference sections
// cannot be read (a truncated download, offsets shifted by an editor).
func (f *File) rebuild() bool {
	f.xref = map[int]entry{}
	f.cache = map[int]Object{}
	f.size = 0
	var trailer Dict
	var order []int // object numbers in the order they first appear
	for _, m := range objDefRe.FindAllSubmatchIndex(f.data, 1<<20) {
		n, _ := strconv.Atoi(string(f.data[m[2]:m[3]]))
		g, _ := strconv.Atoi(string(f.data[m[4]:m[5]]))
		if n <= 0 {
			continue
		}
		if _, ok := f.xref[n]; !ok {
			order = append(order, n)
		}
		f.xref[n] = entry{off: m[2], gen: g} // a later definition wins
		f.size = max(f.size, n+1)
	}
	// object streams: their objects count too, unless defined directly
	for n, e := range f.xref {
		if e.stream != 0 {
			continue
		}
		if s, ok := f.objectAt(e.off).(*Stream); ok && s.Dict["Type"] == Name("ObjStm") {
			if os := f.objStreamOf(n); os != nil {
				for i, k := range os.nums {
					if _, ok := f.xref[k]; !ok && k > 0 {
						f.xref[k] = entry{stream: n, index: i}
						f.size = max(f.size, k+1)
					}
				}
			}
		}
	}
	// the last trailer dictionary in the file, or a catalog found by type
	for _, loc := range regexp.MustCompile(`trailer\s*<<`).FindAllIndex(f.data, -1) {
		p := &parser{b: f.data, pos: loc[1] - 2}
		if o, err := p.object(); err == nil {
			if d, ok := o.(Dict); ok && d["Root"] != nil {
				trailer = d
			}
		}
	}
	if trailer == nil || !f.isCatalog(trailer["Root"]) {
		trailer = Dict{}
		for n, e := range f.xref {
			if d, ok := f.resolve(Ref{n, e.gen}).(Dict); ok && d["Type"] == Name("Catalog") {
				trailer["Root"] = Ref{n, e.gen}
				break
			}
		}
		if trailer["Root"] == nil {
			// the catalog is lost (written last, cut off): the pages
			// found, in file order, as the text reader recovers them
			for _, n := range order {
				r := Ref{n, f.xref[n].gen}
				if d, ok := f.resolve(r).(Dict); ok && d["Type"] == Name("Page") {
					f.orphans = append(f.orphans, r)
				}
			}
			if len(f.orphans) == 0 {
				return false
			}
		}
	}
	f.Trailer = trailer
	f.Rebuilt = true
	f.startxref = -1
	return true
}

func (f *File) isCatalog(o Object) bool {
	d, ok := f.Resolve(o).(Dict)
	return ok && d["Pages"] != nil
}

// objectAt parses the indirect object at off.
func (f *File) objectAt(off int) Object {
	if off < 0 || off >= len(f.data) {
		return nil
	}
	p := &parser{b: f.data, pos: off}
	_, o, err := p.indirect(f.length)
	if err != nil {
		return nil
	}
	return o
}

// Resolve follows a reference; other objects are returned as they are.
func (f *File) Resolve(o Object) Object {
	for i := 0; i < 32; i++ {
		r, ok := o.(Ref)
		if !ok {
			return o
		}
		o = f.resolve(r)
	}
	return nil
}

func (f *File) resolve(r Ref) Object {
	if o, ok := f.cache[r.Num]; ok {
		return o
	}
	f.cache[r.Num] = nil // a reference loop resolves to null
	var o Object
	e, ok := f.xref[r.Num]
	switch {
	case !ok || e.off < 0:
	case e.stream != 0:
		if os := f.objStreamOf(e.stream); os != nil && e.index < len(os.offs) {
			p := &parser{b: os.data, pos: os.first + os.offs[e.index]}
			o, _ = p.object()
		}
	default:
		o = f.objectAt(e.off)
	}
	f.cache[r.Num] = o
	return o
}

func (f *File) objStreamOf(n int) *objStream {
	if os, ok := f.streams[n]; ok {
		return os
	}
	f.streams[n] = nil
	e, ok := f.xref[n]
	if !ok || e.stream != 0 {
		return nil
	}
	s, ok := f.objectAt(e.off).(*Stream)
	if !ok {
		return nil
	}
	data, err := decode(s)
	if err != nil {
		return nil
	}
	first, _ := s.Dict["First"].(int64)
	count, _ := s.Dict["N"].(int64)
	if first < 0 || int(first) > len(data) || count < 0 || int(count) > len(data) {
		return nil
	}
	os := &objStream{data: data, first: int(first)}
	p := &parser{b: data[:first]}
	for i := 0; i < int(count); i++ {
		num, err1 := strconv.Atoi(p.keyword())
		off, err2 := strconv.Atoi(p.keyword())
		if err1 != nil || err2 != nil || off < 0 {
			break
		}
		os.nums = append(os.nums, num)
		os.offs = append(os.offs, off)
	}
	f.streams[n] = os
	return os
}

// decode undoes a stream's filters: none, or FlateDecode with or without a
// PNG predictor, which is what cross-reference and object streams use.
func decode(s *Stream) ([]byte, error) {
	filter := s.Dict["Filter"]
	parms, _ := s.Dict["DecodeParms"].(Dict)
	if a, ok := filter.(Array); ok {
		if len(a) == 0 {
			filter = nil
		} else if len(a) == 1 {
			filter = a[0]
		} else {
			return nil, errors.New("chained filters")
		}
	}
	if pa, ok := s.Dict["DecodeParms"].(Array); ok && len(pa) == 1 {
		parms, _ = pa[0].(Dict)
	}
	switch filter {
	case nil:
		return s.Data, nil
	case Name("FlateDecode"), Name("Fl"):
	default:
		return nil, fmt.Errorf("filter %v", filter)
	}
	zr, err := zlib.NewReader(bytes.NewReader(s.Data))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxObjectBytes))
	if err != nil && len(data) == 0 {
		return nil, err
	}
	pred, _ := parms["Predictor"].(int64)
	if pred < 10 {
		return data, nil
	}
	cols := int64(1)
	if c, ok := parms["Columns"].(int64); ok && c > 0 && c < 1<<20 {
		cols = c
	}
	return unpredict(data, int(cols))
}

// unpredict reverses PNG row filters (one byte per pixel, as in
// cross-reference streams).
func unpredict(data []byte, cols int) ([]byte, error) {
	row := cols + 1
	out := make([]byte, 0, len(data)/row*cols)
	prev := make([]byte, cols)
	for i := 0; i+row <= len(data); i += row {
		t, cur := data[i], append([]byte(nil), data[i+1:i+row]...)
		for k := range cur {
			var left, up, ul byte
			if k > 0 {
				left, ul = cur[k-1], prev[k-1]
			}
			up = prev[k]
			switch t {
			case 1:
				cur[k] += left
			case 2:
				cur[k] += up
			case 3:
				cur[k] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[k] += paeth(left, up, ul)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
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
