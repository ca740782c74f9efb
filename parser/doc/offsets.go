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
// held inline, so a table cell or a one-line heading allocates nothing.
//
// The zero value is empty; Append builds a map index by index.
type Offsets struct {
	// int32: a source of 2^31 runes is far past any file the readers
	// accept, and a large report holds hundreds of thousands of maps
	n     int32
	first int32    // the value at index 0
	more  []offRun // the runs after the first, by increasing start
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
	k := sort.Search(len(o.more), func(j int) bool { return int(o.more[j].start) > i })
	if k == 0 {
		return int(o.first) + i
	}
	r := o.more[k-1]
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
		o.more = append(o.more, offRun{start: o.n, value: narrow(v)})
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
	s := Offsets{n: narrow(hi - lo), first: narrow(o.At(lo))}
	k := sort.Search(len(o.more), func(j int) bool { return int(o.more[j].start) > lo })
	for ; k < len(o.more) && int(o.more[k].start) < hi; k++ {
		s.more = append(s.more, offRun{start: o.more[k].start - int32(lo), value: o.more[k].value})
	}
	return s
}

// Shift is the map with d added to every value.
func (o Offsets) Shift(d int) Offsets {
	s := Offsets{n: o.n, first: narrow(int(o.first) + d)}
	if len(o.more) > 0 {
		s.more = make([]offRun, len(o.more))
		for i, r := range o.more {
			s.more[i] = offRun{start: r.start, value: narrow(int(r.value) + d)}
		}
	}
	return s
}

// All yields each index and its value in order, in constant time per index.
func (o Offsets) All() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		v, k := int(o.first), 0
		for i := 0; i < int(o.n); i++ {
			if k < len(o.more) && int(o.more[k].start) == i {
				v = int(o.more[k].value)
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
