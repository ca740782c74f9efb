package pdffile

import (
	"os"
	"strings"
	"testing"
)

// go test -bench . -benchmem ./parser/pdffile: open + layout per document,
// reported per page too.
func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip("file absent")
	}
	raw, err := Read(data)
	if err != nil {
		b.Fatal(err)
	}
	pages := strings.Count(raw.Source, "\f") + 1
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*pages), "ns/page")
}

func BenchmarkReadSmall(b *testing.B) {
	benchFile(b, "testdata/sh-putuo-govoffice-2025-unit-budget.pdf")
}

func BenchmarkReadLarge(b *testing.B) {
	benchFile(b, corpus+"/gd-2024-province-final-accounts-report.pdf")
}

func BenchmarkReadTables(b *testing.B) {
	benchFile(b, corpus+"/xj-2024-budget-exec-tables.pdf")
}
