// Package suggest finds the word a user probably meant ("did you mean"),
// for mistyped commands, flags, rule ids and keys.
package suggest

import (
	"sort"
	"strings"
)

// Closest returns the candidate nearest to word by edit distance, or ""
// when none is near enough to be a plausible typo: at most a third of the
// word's length (at least one edit), as golangci-lint and cobra judge it.
func Closest(word string, candidates []string) string {
	best, bestD := "", -1
	limit := max(1, len([]rune(word))/3)
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := distance(lw, strings.ToLower(c))
		if d > limit {
			// a prefix typed short of the whole name (--stat for --statistics)
			if len(lw) >= 3 && strings.HasPrefix(strings.ToLower(c), lw) {
				d = limit
			} else {
				continue
			}
		}
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	return best
}

// Hint is " (did you mean X?)" for the closest candidate, or "".
func Hint(word string, candidates []string) string {
	if c := Closest(word, candidates); c != "" && c != word {
		return " (did you mean " + c + "?)"
	}
	return ""
}

// Keys lists a map's keys, sorted, as candidates.
func Keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// distance is the Damerau–Levenshtein distance (adjacent transpositions
// count as one edit: "eror" and "erorr" are both one from "error").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
