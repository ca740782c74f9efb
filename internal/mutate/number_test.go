package mutate

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/num"
)

func TestFarEnough(t *testing.T) {
	for _, tc := range []struct {
		orig, repl string
		want       bool
	}{
		{"74.9", "64.9", true},      // 13% away
		{"74.9", "75.1", false},     // two units of the last digit: could be rounding
		{"74.9", "70.9", false},     // 5%: too close to call certain
		{"0.5", "0.6", false},       // one unit
		{"0.5", "0.8", true},        // three units, 60%
		{"52,015", "57,015", false}, // 9.6%
		{"52,015", "62,015", true},
		{"0", "3", false}, // a zero has no relative change
	} {
		o, r := num.MustDecimal(tc.orig), num.MustDecimal(tc.repl)
		require.Equal(t, tc.want, farEnough(o, r), "%s → %s", tc.orig, tc.repl)
	}
}

func TestPerturbKeepsTheWrittenForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, in := range []string{"74.9", "1,799", "１２．３４", "100.77", "0.5", "2,617,126", "7"} {
		for i := 0; i < 20; i++ {
			out, ok := perturb([]rune(in), rng, nil)
			require.True(t, ok, in)
			rs := []rune(in)
			require.Len(t, out, len(rs), "%s → %s", in, string(out))
			changed := 0
			for k := range rs {
				if rs[k] != out[k] {
					changed++
					require.True(t, isDigit(rs[k]) && isDigit(out[k]), "%s → %s: only digits change", in, string(out))
					require.Equal(t, rs[k] >= '０', out[k] >= '０', "%s → %s: width kept", in, string(out))
				}
			}
			require.Equal(t, 1, changed, "%s → %s: one digit", in, string(out))
			o, _ := parseWritten(rs)
			r, _ := parseWritten(out)
			require.True(t, farEnough(o, r) && capped(o, r), "%s → %s breaks the change rule", in, string(out))
		}
	}
}

func TestPerturbRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, in := range []string{"0", "0.00", "abc"} {
		_, ok := perturb([]rune(in), rng, nil)
		require.False(t, ok, in)
	}
	// a share of 99.5% can only move down and stay a share
	for i := 0; i < 50; i++ {
		out, ok := perturb([]rune("99.5"), rng, atMost100)
		require.True(t, ok)
		r, _ := parseWritten(out)
		require.True(t, r.Rat().Cmp(num.Hundred) <= 0, string(out))
	}
}

func FuzzPerturb(f *testing.F) {
	for _, s := range []string{"74.9", "1,799", "１２．３４", "0.5", "2025"} {
		f.Add(s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		out, ok := perturb([]rune(s), rand.New(rand.NewPCG(seed, 0)), nil)
		if !ok {
			return
		}
		require.Len(t, out, len([]rune(s)))
		o, _ := parseWritten([]rune(s))
		r, ok := parseWritten(out)
		require.True(t, ok)
		require.True(t, farEnough(o, r) && capped(o, r))
	})
}
