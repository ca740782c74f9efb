package pdffile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// maxFuzzInput: larger inputs are skipped. The "0/s" stretches were not slow
// inputs (none of the fuzz cache took over 40 ms) but minimization: when a
// worker finds an input with new coverage it shrinks it before reporting,
// for up to -fuzzminimizetime (60 s by default), and neither those runs nor
// the ones before are counted until it is done. Whole reports as seeds
// (60–470 KB, 20–40 ms a run, about 0.4 ms per KB) made every minimization
// run to the limit. Real reports are read whole by the corpus tests; the
// fuzzer works on small inputs, where a mutation reaches a parser branch
// instead of compressed image data, and a run costs a few milliseconds.
const maxFuzzInput = 16 << 10

// FuzzRead: no panic, no hang, whatever the bytes.
//
//	go test -run XX -fuzz=FuzzRead -fuzztime=3m -fuzzminimizetime=5s ./parser/pdffile
//
// (-fuzzminimizetime=5s keeps the silent minimization stretches short.)
func FuzzRead(f *testing.F) {
	// heads of real reports: header, first objects, then a cut (repair path)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.pdf"))
	enc, _ := filepath.Glob(filepath.Join("testdata", "encrypted", "*.pdf"))
	files = append(files, enc...)
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data[:min(len(data), 2<<10)])
			f.Add(data[:min(len(data), 6<<10)])
		}
	}
	for _, content := range []string{
		"BT /F1 12 Tf 72 700 Td [(1,2) -10 (34.5)] TJ ET q 1 0 0 1 0 0 cm /Im1 Do Q",
		"BT /F1 10 Tf 1 0 0 1 72 740 Tm (left prose line goes here) Tj 248 0 Td (right prose line goes here) Tj ET",
		"BT /F1 12 Tf 2 Tr 0 1 -1 0 300 400 Tm 5 TL (a) ' (b) \" T* (c) Tj ET 0 0 m 0 500 l S 10 10 2 600 re f",
		"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00 EI BT /F1 12 Tf 72 700 Td (after image) Tj ET",
	} {
		f.Add(makePDF(f, pdfSpec{content: content}))
	}
	f.Add(sharedContentPDF(3, "BT /F1 12 Tf 72 700 Td (x) Tj ET "+strings.Repeat("q Q ", 1000)))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip("large inputs are read by the corpus tests")
		}
		start := time.Now()
		raw, err := Read(data)
		if err == nil && raw == nil {
			t.Fatal("nil Raw without error")
		}
		// not a timing test: a guard that turns a hang into a finding
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
