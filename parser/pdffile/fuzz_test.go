package pdffile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzRead: no panic, no hang, whatever the bytes.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.pdf"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
			f.Add(data[:len(data)/3])
		}
	}
	f.Add(makePDF(f, pdfSpec{content: "BT /F1 12 Tf 72 700 Td [(1,2) -10 (34.5)] TJ ET q 1 0 0 1 0 0 cm /Im1 Do Q"}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		raw, err := Read(data)
		if err == nil && raw == nil {
			t.Fatal("nil Raw without error")
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
