package claims_test

import (
	"os"
	"strings"
	"testing"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// BenchmarkExtractOneLine measures extraction on a 1 MB report written on a
// single line (the seed repeated), the case that once made it quadratic.
// go test -bench ExtractOneLine -benchmem ./parser/claims
func BenchmarkExtractOneLine(b *testing.B) {
	seed, err := os.ReadFile("../../testdata/seed/sc-panzhihua-xiqu-bianban-2024-final.txt")
	if err != nil {
		b.Fatal(err)
	}
	line := strings.ReplaceAll(string(seed), "\n", "")
	text := strings.Repeat(line, 1<<20/len(line)+1)
	d, err := parser.Parse("big.txt", doc.FormatText, []byte(text))
	if err != nil {
		b.Fatal(err)
	}
	set, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	v := claims.Vocabulary(set.Vocabulary)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		claims.Extract(d, v)
	}
}
