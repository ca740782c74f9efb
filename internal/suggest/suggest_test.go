package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosest(t *testing.T) {
	cands := []string{"check", "rules", "explain", "extract", "test", "share-mismatch", "share-percent-sign", "statistics"}
	for _, tc := range []struct{ word, want string }{
		{"chekc", "check"}, // transposition
		{"chek", "check"},  // deletion
		{"rule", "rules"},  // short of one letter
		{"share-mismach", "share-mismatch"},
		{"stat", "statistics"}, // a prefix
		{"xyz", ""},            // nothing near
		{"share", ""},          // a prefix of two: ambiguous words are not guessed... but the nearest is still given
	} {
		got := Closest(tc.word, cands)
		if tc.word == "share" {
			assert.Contains(t, []string{"share-mismatch", "share-percent-sign"}, got)
			continue
		}
		assert.Equal(t, tc.want, got, tc.word)
	}
	assert.Equal(t, " (did you mean check?)", Hint("chekc", cands))
	assert.Equal(t, "", Hint("check", cands), "the word itself is no hint")
	assert.Equal(t, "", Hint("zzzzzz", cands))
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"eror", "error", 1}, {"erorr", "error", 1}, {"预算", "决算", 1}, {"abc", "abc", 0}} {
		assert.Equal(t, tc.d, distance(tc.a, tc.b), "%s/%s", tc.a, tc.b)
	}
}
