package pdfobj

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// ErrPassword is returned for a file that needs a user password to open.
var ErrPassword = errors.New("encrypted PDF: it needs a password to open (a user password is set)")

// entry is one cross-reference entry.
type entry struct {
	kind uint8  // 0 free, 1 at an offset in the file, 2 inside an object stream
	gen  uint16 // kind 1
	off  int    // kind 1: offset; kind 2: number of the object stream
	idx  int    // kind 2: index within the stream
}

// Reader reads the objects of one PDF file held in memory.
type Reader struct {
	data    []byte
	base    int // offset of %PDF-: offsets may count from there when junk precedes it
	xref    map[uint32]entry
	trailer dict
	cache   map[Ref]any
	stms    map[uint32]map[uint32]any // parsed objects of each object stream read
	busy    map[Ref]bool              // objects being read: a reference cycle reads as null
	crypt   *crypt
	damage  []string
	noted   map[string]bool
	// bytes after the last %%EOF: not damage by themselves (a reader loses
	// nothing to them), so not in damage
	trailing int
	scan     *scanIndex // every object definition in the file, once a scan was needed
	rebuilt  bool
	// synthetic: the page tree was made from the page objects found
	synthetic bool
	// object streams a rebuild found, read once decryption is set up
	pendingStms []uint32
	pendingRoot bool // no trailer named the catalog: look for it
}

// Open reads the structure of a PDF file: its cross-reference sections and
// trailer, the security handler when the file is encrypted. A broken
// structure is rebuilt from the objects in the file and said in Damage.
func Open(data []byte) (*Reader, error) {
	head := data[:min(len(data), 1024)]
	off := bytes.Index(head, []byte("%PDF-"))
	if off < 0 {
		return nil, errors.New("not a PDF file (no %PDF- header)")
	}
	r := &Reader{data: data, base: off, cache: map[Ref]any{}, stms: map[uint32]map[uint32]any{},
		busy: map[Ref]bool{}, noted: map[string]bool{}}
	r.checkEnd()
	if err := r.readXref(); err != nil {
		r.note("cross-reference table unreadable (%v)", err)
		r.rebuild()
	}
	if err := r.setupCrypt(); err != nil {
		return nil, err
	}
	r.addStreamObjects()
	if !r.rootOK() && !r.rebuilt {
		r.note("document catalog not found through the cross-reference table")
		r.rebuild()
		if err := r.setupCrypt(); err != nil {
			return nil, err
		}
		r.addStreamObjects()
	}
	if !r.rootOK() {
		if n := r.synthesizeRoot(); n == 0 {
			if len(r.xref) == 0 {
				return nil, fmt.Errorf("not a readable PDF: no objects in %d bytes", len(data))
			}
			return nil, errors.New("malformed PDF: no pages found")
		}
	}
	return r, nil
}

// Trailer is the file's trailer dictionary (merged over incremental updates).
func (r *Reader) Trailer() Value { return Value{r, r.trailer} }

// Damage says what was wrong with the file's structure, one phrase each;
// empty for a sound file.
func (r *Reader) Damage() []string { return r.damage }

// Rebuilt reports whether the structure was rebuilt by scanning the file.
func (r *Reader) Rebuilt() bool { return r.rebuilt }

// Encrypted reports whether the file is encrypted (and was opened).
func (r *Reader) Encrypted() bool { return r.crypt != nil }

func (r *Reader) note(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	if !r.noted[s] && len(r.damage) < 20 {
		r.noted[s] = true
		r.damage = append(r.damage, s)
	}
}

// checkEnd notes a file that does not end with %%EOF (cut short) and
// counts the bytes appended after the end.
func (r *Reader) checkEnd() {
	found, trailing := End(r.data)
	if !found {
		r.note("no end-of-file marker (%%%%EOF): the file is cut short")
	}
	r.trailing = trailing
}

// Trailing is the number of bytes of unknown data after the file's last
// %%EOF (blank bytes not counted).
func (r *Reader) Trailing() int { return r.trailing }

// End looks for the end-of-file marker in the file's last 64 KB: found is
// false for a file cut short, and trailing counts the bytes after the last
// marker when they are more than blank space.
func End(data []byte) (found bool, trailing int) {
	tail := data[max(0, len(data)-64<<10):]
	i := bytes.LastIndex(tail, []byte("%%EOF"))
	if i < 0 {
		return false, 0
	}
	if rest := bytes.TrimLeft(tail[i+5:], "\r\n"); len(bytes.TrimRight(rest, " \r\n\t\f\x00")) > 0 {
		return true, len(rest)
	}
	return true, 0
}

func (r *Reader) rootOK() bool {
	root := r.Trailer().Key("Root")
	return root.Kind() == Dict && root.Key("Pages").Kind() == Dict
}

// object reads indirect object ref, null when it cannot be found.
func (r *Reader) object(ref Ref) any {
	if x, ok := r.cache[ref]; ok {
		return x
	}
	if r.busy[ref] {
		return nil
	}
	r.busy[ref] = true
	defer delete(r.busy, ref)
	x := r.load(ref)
	r.cache[ref] = x
	return x
}

func (r *Reader) load(ref Ref) any {
	e, ok := r.xref[ref.ID]
	switch {
	case ok && e.kind == 1:
		if x, ok := r.readAt(e.off, ref); ok {
			return x
		}
		if x, ok := r.readAt(e.off+r.base, ref); ok && r.base > 0 {
			return x
		}
		r.note("cross-reference entries point to the wrong places; objects found by scanning the file")
	case ok && e.kind == 2:
		if objs := r.objStream(uint32(e.off)); objs != nil {
			if x, ok := objs[ref.ID]; ok {
				return x
			}
		}
	case ok:
		return nil // free
	}
	if r.scan == nil && ok {
		r.scan = scanObjects(r.data)
	}
	if r.scan != nil {
		if off, ok := r.scan.defs[ref.ID]; ok {
			if x, ok := r.readAt(off, Ref{ref.ID, 0}); ok {
				return x
			}
		}
	}
	return nil
}

// readAt parses the indirect object at off: "ID GEN obj … endobj", with its
// stream when it has one. ok is false when off does not hold object ref.ID.
func (r *Reader) readAt(off int, ref Ref) (any, bool) {
	if off < 0 || off >= len(r.data) {
		return nil, false
	}
	p := &parser{b: r.data, pos: off}
	id, ok1 := p.uint()
	gen, ok2 := p.uint()
	if !ok1 || !ok2 || !p.keyword("obj") || uint32(id) != ref.ID {
		return nil, false
	}
	ref.Gen = uint16(gen)
	x := p.object(0)
	if _, ok := x.(keyword); ok {
		x = nil
	}
	if r.crypt != nil {
		x = r.crypt.decryptStrings(x, ref)
	}
	d, isDict := x.(dict)
	if !isDict || !p.keyword("stream") {
		return x, true
	}
	return r.streamAt(p.pos, d, ref), true
}

// streamAt finds the data of a stream whose keyword ends at pos. A wrong
// /Length is common: the data then ends at the next endstream.
func (r *Reader) streamAt(pos int, hdr dict, ref Ref) *stream {
	if pos < len(r.data) && r.data[pos] == '\r' {
		pos++
	}
	if pos < len(r.data) && r.data[pos] == '\n' {
		pos++
	}
	n := -1
	if l := r.resolve(hdr["Length"]); l.Kind() == Integer {
		n = int(l.Int64())
	}
	if n >= 0 && pos+n <= len(r.data) {
		q := &parser{b: r.data, pos: pos + n}
		if q.keyword("endstream") {
			return &stream{hdr: hdr, off: pos, n: n, ref: ref}
		}
	}
	if e := bytes.Index(r.data[pos:], []byte("endstream")); e >= 0 {
		n = e
		if n > 0 && r.data[pos+n-1] == '\n' {
			n--
		}
		if n > 0 && r.data[pos+n-1] == '\r' {
			n--
		}
		return &stream{hdr: hdr, off: pos, n: n, ref: ref}
	}
	r.note("object %d is cut off by the end of the file", ref.ID)
	return &stream{hdr: hdr, off: pos, n: len(r.data) - pos, ref: ref}
}

// Bounds on object streams.
const (
	maxStmObjects = 1 << 20
	maxStmBytes   = 64 << 20
)

// objStream reads the objects of object stream num, once.
func (r *Reader) objStream(num uint32) map[uint32]any {
	if objs, ok := r.stms[num]; ok {
		return objs
	}
	r.stms[num] = nil // a stream that refers to itself reads as empty
	s, ok := r.object(Ref{num, 0}).(*stream)
	if !ok || s.hdr["Type"] != name("ObjStm") {
		return nil
	}
	data, err := r.decode(s, maxStmBytes)
	if err != nil && len(data) == 0 {
		r.note("object stream %d unreadable (%v)", num, err)
		return nil
	}
	first := int(r.resolve(s.hdr["First"]).Int64())
	n := int(r.resolve(s.hdr["N"]).Int64())
	objs := map[uint32]any{}
	p := &parser{b: data}
	type pair struct{ id, off int64 }
	var pairs []pair
	for i := 0; i < n && i < maxStmObjects; i++ {
		id, ok1 := p.uint()
		o, ok2 := p.uint()
		if !ok1 || !ok2 {
			break
		}
		pairs = append(pairs, pair{id, o})
	}
	for _, pr := range pairs {
		q := &parser{b: data, pos: first + int(pr.off)}
		if q.pos < 0 || q.pos >= len(data) {
			continue
		}
		x := q.object(0)
		if _, ok := x.(keyword); ok {
			x = nil
		}
		if _, ok := objs[uint32(pr.id)]; !ok {
			objs[uint32(pr.id)] = x
		}
	}
	r.stms[num] = objs
	return objs
}

// String formats a value for messages and tests.
func (v Value) String() string { return format(v.data) }

func format(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case name:
		return "/" + string(x)
	case string:
		return strconv.Quote(x)
	case Ref:
		return fmt.Sprintf("%d %d R", x.ID, x.Gen)
	case *stream:
		return format(x.hdr) + " stream"
	case array:
		var b bytes.Buffer
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(format(e))
		}
		b.WriteByte(']')
		return b.String()
	case dict:
		keys := Value{data: x}.Keys()
		var b bytes.Buffer
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteString(" /" + k + " " + format(x[name(k)]))
		}
		b.WriteString(" >>")
		return b.String()
	}
	return fmt.Sprint(x)
}

// Object is indirect object ref.
func (r *Reader) Object(ref Ref) Value { return Value{r, r.object(ref)} }

// DeclaredPages is the page count the file states: its page tree's /Count,
// or the linearization dictionary's /N (kept at the start of the file, so a
// cut-off download still says how many pages it had); 0 when unknown.
func (r *Reader) DeclaredPages() int {
	n := 0
	if !r.synthetic {
		n = int(r.Trailer().Key("Root").Key("Pages").Key("Count").Int64())
	}
	p := &parser{b: r.data[:min(len(r.data), 4096)], pos: r.base + len("%PDF-1.x")}
	if _, ok := p.uint(); ok {
		if _, ok := p.uint(); ok && p.keyword("obj") {
			if d, ok := p.object(0).(dict); ok && d["Linearized"] != nil {
				if c, ok := d["N"].(int64); ok && c > int64(n) {
					n = int(c)
				}
			}
		}
	}
	return max(0, min(n, 1<<20))
}
