package pdfwrite

import (
	"bytes"
	"fmt"
	"io"
	"sort"
)

// Update is a revision being built: new objects and replacements of
// existing ones.
type Update struct {
	f    *File
	objs map[int]Object
	gens map[int]int
	next int
}

// NewUpdate starts a revision of f.
func (f *File) NewUpdate() *Update {
	return &Update{f: f, objs: map[int]Object{}, gens: map[int]int{}, next: max(f.size, 1)}
}

// Add stores a new object and returns its reference.
func (u *Update) Add(o Object) Ref {
	n := u.next
	u.next++
	u.objs[n] = o
	return Ref{n, 0}
}

// Reserve returns a reference for an object given later with Set, so that
// objects can point at each other.
func (u *Update) Reserve() Ref {
	n := u.next
	u.next++
	u.objs[n] = nil
	return Ref{n, 0}
}

// Set replaces object r (an existing one, or one reserved) in the revision.
func (u *Update) Set(r Ref, o Object) {
	u.objs[r.Num] = o
	u.gens[r.Num] = r.Gen
	if r.Num >= u.next {
		u.next = r.Num + 1
	}
}

// Len is the number of objects in the revision.
func (u *Update) Len() int { return len(u.objs) }

// WriteTo writes the original file followed by the revision.
func (u *Update) WriteTo(w io.Writer) (int64, error) {
	data := u.f.data
	var b bytes.Buffer
	b.Grow(len(data) + 256*len(u.objs) + 1024)
	b.Write(data)
	if len(data) > 0 && data[len(data)-1] != '\n' && data[len(data)-1] != '\r' {
		b.WriteByte('\n')
	}
	if len(u.f.orphans) > 0 && u.f.Trailer["Root"] == nil {
		// the lost catalog: a new one over the pages found
		kids := make(Array, len(u.f.orphans))
		for i, r := range u.f.orphans {
			kids[i] = r
		}
		tree := u.Add(Dict{"Type": Name("Pages"), "Kids": kids, "Count": int64(len(kids))})
		u.f.Trailer["Root"] = u.Add(Dict{"Type": Name("Catalog"), "Pages": tree})
	}
	offs := map[int]int{}
	nums := make([]int, 0, len(u.objs))
	for n := range u.objs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var buf []byte
	for _, n := range nums {
		offs[n] = b.Len()
		buf = fmt.Appendf(buf[:0], "%d %d obj\n", n, u.gens[n])
		buf = appendObject(buf, u.objs[n])
		buf = append(buf, "\nendobj\n"...)
		b.Write(buf)
	}
	trailer := Dict{"Size": int64(u.next)}
	for _, k := range []Name{"Root", "Info", "ID"} {
		if v, ok := u.f.Trailer[k]; ok {
			trailer[k] = v
		}
	}
	compressed := map[int]entry{}
	if u.f.Rebuilt {
		// the old sections are unusable: this one lists every object
		for n, e := range u.f.xref {
			if _, mine := offs[n]; mine {
				continue
			}
			switch {
			case e.stream != 0:
				compressed[n] = e
			case e.off > 0:
				offs[n] = e.off
				u.gens[n] = e.gen
			}
		}
	} else {
		trailer["Prev"] = int64(u.f.startxref)
	}
	xrefAt := b.Len()
	if (u.f.xrefStm || len(compressed) > 0) && xrefAt < 1<<32 {
		u.writeXrefStream(&b, offs, compressed, trailer, xrefAt)
	} else {
		u.writeXrefTable(&b, offs, trailer)
	}
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return b.WriteTo(w)
}

// runs groups sorted object numbers into contiguous subsections.
func runs(nums []int) [][2]int {
	var out [][2]int
	for _, n := range nums {
		if k := len(out) - 1; k >= 0 && out[k][0]+out[k][1] == n {
			out[k][1]++
			continue
		}
		out = append(out, [2]int{n, 1})
	}
	return out
}

func sortedKeys(m map[int]int) []int {
	out := make([]int, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

func (u *Update) writeXrefTable(b *bytes.Buffer, offs map[int]int, trailer Dict) {
	nums := sortedKeys(offs)
	b.WriteString("xref\n")
	if u.f.Rebuilt {
		b.WriteString("0 1\n0000000000 65535 f\r\n")
	}
	for _, r := range runs(nums) {
		fmt.Fprintf(b, "%d %d\n", r[0], r[1])
		for n := r[0]; n < r[0]+r[1]; n++ {
			fmt.Fprintf(b, "%010d %05d n\r\n", offs[n], u.gens[n])
		}
	}
	b.WriteString("trailer\n")
	b.Write(appendDict(nil, trailer))
	b.WriteByte('\n')
}

// writeXrefStream writes the section as a cross-reference stream, for files
// whose readers may expect one (a file that uses them is PDF 1.5 or later).
func (u *Update) writeXrefStream(b *bytes.Buffer, offs map[int]int, compressed map[int]entry, trailer Dict, at int) {
	self := u.next
	offs[self] = at
	trailer["Size"] = int64(self + 1)
	all := map[int]int{}
	for n := range offs {
		all[n] = 0
	}
	for n := range compressed {
		all[n] = 0
	}
	var index Array
	var data []byte
	for _, r := range runs(sortedKeys(all)) {
		index = append(index, int64(r[0]), int64(r[1]))
		for n := r[0]; n < r[0]+r[1]; n++ {
			if e, ok := compressed[n]; ok {
				s, i := e.stream, e.index
				data = append(data, 2, byte(s>>24), byte(s>>16), byte(s>>8), byte(s), byte(i>>8), byte(i))
				continue
			}
			o := offs[n]
			g := u.gens[n]
			data = append(data, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), byte(g>>8), byte(g))
		}
	}
	d := Dict{"Type": Name("XRef"), "W": Array{int64(1), int64(4), int64(2)}, "Index": index}
	for k, v := range trailer {
		d[k] = v
	}
	buf := fmt.Appendf(nil, "%d 0 obj\n", self)
	buf = appendObject(buf, &Stream{Dict: d, Data: data})
	buf = append(buf, "\nendobj\n"...)
	b.Write(buf)
}
