package doc

import (
	"fmt"
	"iter"
	"sort"
)

// Offsets maps the indices 0..Len()-1 to integers: a block's analysis runes
// to its raw runes, its raw runes to source offsets. Nearly every index maps
// to one more than the one before (a line's characters stand one after
// another in the source), so the map is kept as the runs in which it does:
// a paragraph of a thousand characters on twenty lines is twenty runs, not
// a thousand ints held for the whole run of the linter. The first run is
// held inline and the others behind one pointer, so the map of a table
// cell or a one-line heading is 16 bytes and allocates nothing.
//
// The zero value is empty; Append builds a map index by index.
type Offsets struct {
	// int32: a source of 2^31 runes is far past any file the readers
	// accept, and a large report holds hundreds of thousands of maps
	n     int32
	first int32 // the value at index 0
	// the runs after the first, by increasing start; nil when there are
	// none. The slice header is never changed in place: Append makes a new
	// one, so copies of a map behave as copies of a slice would.
	more *[]offRun
}

// offRun: from index start on, index i maps to value + (i - start).
type offRun struct{ start, value int32 }

// OffsetsOf is the map of xs[i] for each i.
func OffsetsOf(xs []int) Offsets {
	var o Offsets
	for _, x := range xs {
		o.Append(x)
	}
	return o
}

// Span is the map of the n indices to first, first+1, ...: the runes of a
// line that stands in the source as written.
func Span(first, n int) Offsets {
	if n <= 0 {
		return Offsets{}
	}
	return Offsets{n: narrow(n), first: narrow(first)}
}

// runs is the runs after the first.
func (o Offsets) runs() []offRun {
	if o.more == nil {
		return nil
	}
	return *o.more
}

// withRuns is o with the runs after the first set to rs.
func (o Offsets) withRuns(rs []offRun) Offsets {
	o.more = nil
	if len(rs) > 0 {
		o.more = &rs
	}
	return o
}

// narrow is v as stored; a value past int32 would be a corrupt map.
func narrow(v int) int32 {
	if v != int(int32(v)) {
		panic(fmt.Sprintf("doc.Offsets: value %d out of range", v))
	}
	return int32(v)
}

// Len is the number of indices mapped.
func (o Offsets) Len() int { return int(o.n) }

// At is the value of index i; like a slice, it panics out of range.
func (o Offsets) At(i int) int {
	if i < 0 || i >= int(o.n) {
		panic(fmt.Sprintf("doc.Offsets: index %d out of range [0:%d]", i, o.n))
	}
	more := o.runs()
	k := sort.Search(len(more), func(j int) bool { return int(more[j].start) > i })
	if k == 0 {
		return int(o.first) + i
	}
	r := more[k-1]
	return int(r.value) + i - int(r.start)
}

// Last is the value of the last index (At(Len()-1)).
func (o Offsets) Last() int { return o.At(int(o.n) - 1) }

// Append maps the next index to v.
func (o *Offsets) Append(v int) {
	switch {
	case o.n == 0:
		o.first = narrow(v)
	case v != o.Last()+1:
		*o = o.withRuns(append(o.runs(), offRun{start: o.n, value: narrow(v)}))
	}
	o.n++
}

// Slice is the map of indices lo..hi-1, renumbered from 0. It shares
// nothing with o, so appending to either leaves the other as it was.
func (o Offsets) Slice(lo, hi int) Offsets {
	if lo < 0 || hi > int(o.n) || lo > hi {
		panic(fmt.Sprintf("doc.Offsets: slice [%d:%d] out of range [0:%d]", lo, hi, o.n))
	}
	if lo == hi {
		return Offsets{}
	}
	more := o.runs()
	var rs []offRun
	k := sort.Search(len(more), func(j int) bool { return int(more[j].start) > lo })
	for ; k < len(more) && int(more[k].start) < hi; k++ {
		rs = append(rs, offRun{start: more[k].start - int32(lo), value: more[k].value})
	}
	return Offsets{n: narrow(hi - lo), first: narrow(o.At(lo))}.withRuns(rs)
}

// Shift is the map with d added to every value.
func (o Offsets) Shift(d int) Offsets {
	var rs []offRun
	if more := o.runs(); len(more) > 0 {
		rs = make([]offRun, len(more))
		for i, r := range more {
			rs[i] = offRun{start: r.start, value: narrow(int(r.value) + d)}
		}
	}
	return Offsets{n: o.n, first: narrow(int(o.first) + d)}.withRuns(rs)
}

// All yields each index and its value in order, in constant time per index.
func (o Offsets) All() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		more := o.runs()
		v, k := int(o.first), 0
		for i := 0; i < int(o.n); i++ {
			if k < len(more) && int(more[k].start) == i {
				v = int(more[k].value)
				k++
			}
			if !yield(i, v) {
				return
			}
			v++
		}
	}
}

// Ints is the map written out, one value per index.
func (o Offsets) Ints() []int {
	xs := make([]int, 0, o.n)
	for _, v := range o.All() {
		xs = append(xs, v)
	}
	return xs
}
