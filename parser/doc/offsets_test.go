package doc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offsetsFrom makes a map as blocks have them from steps: 0 goes on by one
// (a character after the one before it), anything else jumps (a line break,
// an indent, a dropped space, an inserted space mapped back to its place).
func offsetsFrom(steps []byte) []int {
	xs := make([]int, 0, len(steps))
	v := 0
	for _, s := range steps {
		switch {
		case s < 160:
			v++
		case s < 200:
			v += int(s - 150) // a jump forward
		case s < 230:
			// the same value again (an inserted space)
		default:
			v -= int(s - 229) // back: a reader may place a rune before the one read before it
		}
		xs = append(xs, v)
	}
	return xs
}

// checkOffsets holds the map to the slice it was made from, index by index,
// and so every slice of it and every shift.
func checkOffsets(t *testing.T, xs []int, lo, hi, d int) {
	o := OffsetsOf(xs)
	require.Equal(t, len(xs), o.Len())
	for i, x := range xs {
		require.Equal(t, x, o.At(i), "index %d of %v", i, xs)
	}
	if len(xs) == 0 {
		assert.Empty(t, o.Ints())
		return
	}
	assert.Equal(t, xs, o.Ints())
	assert.Equal(t, xs[len(xs)-1], o.Last())
	lo, hi = lo%(len(xs)+1), hi%(len(xs)+1)
	if lo > hi {
		lo, hi = hi, lo
	}
	s := o.Slice(lo, hi)
	require.Equal(t, hi-lo, s.Len())
	for i := range hi - lo {
		require.Equal(t, xs[lo+i], s.At(i), "slice [%d:%d] of %v at %d", lo, hi, xs, i)
	}
	sh := o.Shift(d)
	for i, x := range xs {
		require.Equal(t, x+d, sh.At(i))
	}
	// appending to a slice leaves the map it came from as it was
	s.Append(-7)
	assert.Equal(t, xs, o.Ints())
}

func TestOffsetsRandomBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		steps := make([]byte, rng.IntN(300))
		for i := range steps {
			steps[i] = byte(rng.IntN(256))
		}
		checkOffsets(t, offsetsFrom(steps), rng.IntN(400), rng.IntN(400), rng.IntN(100)-50)
	}
}

func TestOffsetsRuns(t *testing.T) {
	// a paragraph of two lines: each line one run, whatever its length
	line1 := []int{10, 11, 12, 13, 14}
	line2 := []int{20, 21, 22}
	o := OffsetsOf(append(line1, line2...))
	assert.Len(t, o.runs(), 1, "two lines, two runs")
	assert.Equal(t, 20, o.At(5))
	assert.Equal(t, 14, o.At(4))
	assert.Panics(t, func() { o.At(8) })
	assert.Panics(t, func() { o.At(-1) })
	assert.Panics(t, func() { var z Offsets; z.Last() })
	assert.Equal(t, []int{13, 14, 20}, o.Slice(3, 6).Ints())
	assert.Equal(t, 0, o.Slice(4, 4).Len())
}

func FuzzOffsets(f *testing.F) {
	f.Add([]byte{0, 0, 0, 170, 0, 0, 210, 0, 240, 0}, 2, 7, 3)
	f.Add([]byte{}, 0, 0, 0)
	f.Fuzz(func(t *testing.T, steps []byte, lo, hi, d int) {
		if lo < 0 || hi < 0 {
			return
		}
		checkOffsets(t, offsetsFrom(steps), lo, hi, d%1000)
	})
}

func TestSpanIsTheRunOfItsOffsets(t *testing.T) {
	s := Span(7, 4)
	assert.Equal(t, []int{7, 8, 9, 10}, s.Ints())
	assert.Equal(t, OffsetsOf([]int{7, 8, 9, 10}), s)
	s.Append(20)
	assert.Equal(t, []int{7, 8, 9, 10, 20}, s.Ints())
	assert.Equal(t, Offsets{}, Span(3, 0))
}

func TestOffsetsRefuseAValuePastTheirWidth(t *testing.T) {
	big := math.MaxInt32
	big++ // past int32, where int is wider (as on every platform the linter ships for)
	if big < 0 {
		t.Skip("int is 32 bits wide")
	}
	var o Offsets
	assert.Panics(t, func() { o.Append(big) })
	assert.Panics(t, func() { Span(big, 1) })
	assert.Equal(t, []int{math.MaxInt32}, OffsetsOf([]int{math.MaxInt32}).Ints())
}

func TestOffsetsCopyIsAValue(t *testing.T) {
	// the runs stand behind a pointer: appending to a copy must not add a
	// run to the map it was copied from
	a := OffsetsOf([]int{10, 11, 20})
	b := a
	b.Append(30)
	b.Append(40)
	assert.Equal(t, []int{10, 11, 20}, a.Ints())
	assert.Equal(t, []int{10, 11, 20, 30, 40}, b.Ints())
	a.Append(50)
	assert.Equal(t, []int{10, 11, 20, 50}, a.Ints())
	assert.Equal(t, []int{10, 11, 20, 30, 40}, b.Ints())
}
