package mutate

import (
	"math/big"
	"math/rand/v2"

	"github.com/budgetlint/budgetlint/parser/num"
)

// The change rule. A planted figure must be one a careful reader calls
// wrong, not a rounding: it differs from the printed value by at least a
// tenth of it and by at least three units of its last printed digit (one or
// two units can be the rounding of a recomputation from other rounded
// figures). It stays plausible: at most 60% away, same number of digits,
// decimals, separators and character width, so it reads like a slip of the
// pen rather than a different order of magnitude.
var (
	minRelative = big.NewRat(1, 10)
	maxRelative = big.NewRat(6, 10)
	minUnits    = big.NewRat(3, 1)
)

// farEnough reports whether repl is a certain error against orig by the
// change rule's lower bounds (the upper bound is checked by capped).
func farEnough(orig, repl num.Decimal) bool {
	o, r := orig.Rat(), repl.Rat()
	if o.Sign() <= 0 || r.Sign() < 0 {
		return false
	}
	diff := new(big.Rat).Sub(r, o)
	diff.Abs(diff)
	if diff.Cmp(new(big.Rat).Mul(o, minRelative)) < 0 {
		return false
	}
	unit := num.Pow10(orig.Exp())
	return diff.Cmp(new(big.Rat).Mul(unit, minUnits)) >= 0
}

// capped reports whether repl stays within the change rule's plausible range.
func capped(orig, repl num.Decimal) bool {
	o := orig.Rat()
	diff := new(big.Rat).Sub(repl.Rat(), o)
	diff.Abs(diff)
	return diff.Cmp(new(big.Rat).Mul(o, maxRelative)) <= 0
}

// foldDigit maps a full-width digit to ASCII; other runes are returned as is.
func foldDigit(r rune) rune {
	if r >= '０' && r <= '９' {
		return r - '０' + '0'
	}
	if r == '．' || r == pdfDecimalPoint {
		return '.'
	}
	return r
}

func isDigit(r rune) bool { return foldDigit(r) >= '0' && foldDigit(r) <= '9' }

// parseWritten reads a number as written (full-width digits, thousands
// separators) into an exact decimal.
func parseWritten(rs []rune) (num.Decimal, bool) {
	b := make([]rune, 0, len(rs))
	for _, r := range rs {
		b = append(b, foldDigit(r))
	}
	return num.ParseDecimal(string(b))
}

// perturb plants a new value in the number written as rs by changing one
// digit, chosen at random among the changes the rule allows and keep accepts
// (nil accepts all). It reports false when no digit change qualifies.
func perturb(rs []rune, rng *rand.Rand, keep func(orig, repl num.Decimal) bool) ([]rune, bool) {
	orig, ok := parseWritten(rs)
	if !ok || orig.Sign() <= 0 {
		return nil, false
	}
	first := -1
	intDigits := 0
	for i, r := range rs {
		if foldDigit(r) == '.' {
			break
		}
		if isDigit(r) {
			if first < 0 {
				first = i
			}
			intDigits++
		}
	}
	var cands [][]rune
	for i, r := range rs {
		if !isDigit(r) {
			continue
		}
		cur := foldDigit(r)
		for c := '0'; c <= '9'; c++ {
			if c == cur || (i == first && c == '0' && intDigits > 1) {
				continue
			}
			out := append([]rune(nil), rs...)
			if r >= '０' && r <= '９' {
				out[i] = c - '0' + '０'
			} else {
				out[i] = c
			}
			repl, ok := parseWritten(out)
			if !ok || !farEnough(orig, repl) || !capped(orig, repl) {
				continue
			}
			if keep != nil && !keep(orig, repl) {
				continue
			}
			cands = append(cands, out)
		}
	}
	if len(cands) == 0 {
		return nil, false
	}
	return cands[rng.IntN(len(cands))], true
}

// atMost100 keeps a share that was a proper share (≤ 100%) a proper share.
func atMost100(orig, repl num.Decimal) bool {
	h := big.NewRat(100, 1)
	return orig.Rat().Cmp(h) > 0 || repl.Rat().Cmp(h) <= 0
}
