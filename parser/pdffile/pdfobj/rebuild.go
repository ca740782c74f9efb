package pdfobj

import (
	"regexp"
	"sort"
	"strconv"
)

// When the cross-reference data is lost (a truncated download loses it
// first: producers write it last) or wrong, the objects are still in the
// file. rebuild finds every "N G obj" in file order (a later definition
// replaces an earlier one, as incremental updates do), reads the objects
// packed in object streams, and takes the trailer keys from every trailer
// and cross-reference stream dictionary found.

var objDefRe = regexp.MustCompile(`(?:^|[\s>\]\)}])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)

// scanIndex is where each object is defined, the last definition of each.
type scanIndex struct {
	defs  map[uint32]int
	order []uint32 // ids by offset of their definition
}

func scanObjects(data []byte) *scanIndex {
	s := &scanIndex{defs: map[uint32]int{}}
	for _, m := range objDefRe.FindAllSubmatchIndex(data, -1) {
		id, err := strconv.ParseUint(string(data[m[2]:m[3]]), 10, 32)
		if err != nil || id == 0 || id > maxObjects {
			continue
		}
		s.defs[uint32(id)] = m[2]
	}
	for id := range s.defs {
		s.order = append(s.order, id)
	}
	sort.Slice(s.order, func(i, j int) bool { return s.defs[s.order[i]] < s.defs[s.order[j]] })
	return s
}

var trailerRe = regexp.MustCompile(`trailer[\s]*<<`)

// rebuild replaces the cross-reference entries and trailer with what a scan
// of the file finds.
func (r *Reader) rebuild() {
	r.rebuilt = true
	if r.scan == nil {
		r.scan = scanObjects(r.data)
	}
	old := r.trailer
	r.xref = map[uint32]entry{}
	r.cache = map[Ref]any{}
	r.stms = map[uint32]map[uint32]any{}
	for _, id := range r.scan.order {
		r.xref[id] = entry{kind: 1, off: r.scan.defs[id]}
	}
	r.trailer = dict{}
	merge := func(t dict) {
		for _, k := range []name{"Root", "Info", "ID", "Encrypt"} {
			if v, ok := t[k]; ok {
				r.trailer[k] = v // later trailers win
			}
		}
	}
	for _, m := range trailerRe.FindAllIndex(r.data, -1) {
		p := &parser{b: r.data, pos: m[1] - 2}
		if t, ok := p.object(0).(dict); ok {
			merge(t)
		}
	}
	// cross-reference and object streams: their headers carry trailer
	// keys, their contents objects. The streams are not encrypted headers,
	// so reading them before the security handler is set up is safe.
	for _, id := range r.scan.order {
		s, ok := r.readStreamHeader(id)
		if !ok {
			continue
		}
		switch s.hdr["Type"] {
		case name("XRef"):
			merge(s.hdr)
		case name("ObjStm"):
			r.pendingStms = append(r.pendingStms, id)
		}
	}
	for k, v := range old {
		if _, ok := r.trailer[k]; !ok && (k == "Root" || k == "Info" || k == "ID" || k == "Encrypt") {
			r.trailer[k] = v
		}
	}
	r.note("cross-reference data rebuilt from %d objects found in the file", len(r.xref))
	if _, ok := r.trailer["Root"]; !ok {
		r.pendingRoot = true // found once object streams are read
	}
}

// findCatalog takes the last catalog object in the file with a page tree,
// when no trailer names one (a cut-off file loses its trailer).
func (r *Reader) findCatalog() {
	if !r.pendingRoot {
		return
	}
	r.pendingRoot = false
	best, at := Ref{}, -1
	for id, e := range r.xref {
		if e.kind == 0 {
			continue
		}
		ref := Ref{id, e.gen}
		v := Value{r, r.object(ref)}
		if v.Key("Type").Name() == "Catalog" && v.Key("Pages").Kind() == Dict && r.position(e) > at {
			best, at = ref, r.position(e)
		}
	}
	if at >= 0 {
		r.trailer["Root"] = best
	}
}

// readStreamHeader reads object id if it is a stream, without caching it.
func (r *Reader) readStreamHeader(id uint32) (*stream, bool) {
	x, ok := r.readAt(r.scan.defs[id], Ref{id, 0})
	if !ok {
		return nil, false
	}
	s, ok := x.(*stream)
	return s, ok
}

// addStreamObjects adds the objects packed in the object streams a rebuild
// found, unless a later definition replaces them. It runs once the security
// handler is set up: object streams are encrypted.
func (r *Reader) addStreamObjects() {
	for _, num := range r.pendingStms {
		objs := r.objStream(num)
		at := r.scan.defs[num]
		for id := range objs {
			if e, ok := r.xref[id]; ok && r.position(e) > at {
				continue
			}
			r.xref[id] = entry{kind: 2, off: int(num)}
		}
	}
	r.pendingStms = nil
	r.findCatalog()
}

// position is where an entry's object is in the file.
func (r *Reader) position(e entry) int {
	if e.kind == 2 {
		return r.scan.defs[uint32(e.off)]
	}
	return e.off
}

// synthesizeRoot makes a page tree of every page object in the file, in
// file order, when no catalog leads to pages. It returns the page count.
func (r *Reader) synthesizeRoot() int {
	if !r.rebuilt {
		r.rebuild()
	}
	kids := r.PageObjects()
	if len(kids) == 0 {
		return 0
	}
	ka := make(array, len(kids))
	for i, k := range kids {
		ka[i] = k
	}
	r.synthetic = true
	r.trailer["Root"] = dict{"Type": name("Catalog"),
		"Pages": dict{"Type": name("Pages"), "Kids": ka, "Count": int64(len(kids))}}
	r.note("document catalog missing: %d pages gathered from the page objects found", len(kids))
	return len(kids)
}

// PageObjects lists every page object of the file in file order, for
// pages a broken page tree no longer reaches. It scans the file once.
func (r *Reader) PageObjects() []Ref {
	if r.scan == nil {
		r.scan = scanObjects(r.data)
	}
	type at struct {
		ref Ref
		pos int
	}
	var found []at
	for id, e := range r.xref {
		if e.kind == 0 {
			continue
		}
		p := r.position(e)
		ref := Ref{id, e.gen}
		v := Value{r, r.object(ref)}
		if v.Kind() == Dict && v.Key("Type").Name() == "Page" {
			found = append(found, at{ref, p})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].pos != found[j].pos {
			return found[i].pos < found[j].pos
		}
		return found[i].ref.ID < found[j].ref.ID
	})
	out := make([]Ref, len(found))
	for i, f := range found {
		out[i] = f.ref
	}
	return out
}
