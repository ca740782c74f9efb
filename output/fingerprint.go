package output

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/budgetlint/budgetlint/checks"
)

// Fingerprint identifies a finding independently of where it sits in the
// file: rule + normalised claim text + file path. Editing elsewhere in a
// report moves line numbers but must not make a baselined finding "new"
// again, and SARIF consumers (GitHub code scanning) use the same idea to
// track an alert across commits.
func Fingerprint(path string, f checks.Finding) string {
	claim := NormaliseClaim(f.Claim)
	if claim == "" {
		// Document-level findings have no claim; their message is what
		// distinguishes them.
		claim = NormaliseClaim(f.Message)
	}
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	h.Write([]byte(claim))
	h.Write([]byte{0})
	h.Write([]byte(NormalisePath(path)))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// NormaliseClaim folds full-width forms (NFKC) and drops all white space, so
// a claim re-wrapped by an editor or re-extracted from a PDF with different
// spacing keeps its fingerprint.
func NormaliseClaim(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// NormalisePath makes a path comparable across operating systems and the
// ways users spell it (./a/b.txt, a//b.txt, a\b.txt).
func NormalisePath(p string) string {
	return filepath.ToSlash(filepath.Clean(p))
}
