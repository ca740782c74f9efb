package pdfobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageTexts opens a file and returns the content of each page the page
// tree reaches.
func pageTexts(t *testing.T, data []byte) (*Reader, []string) {
	t.Helper()
	r, err := Open(data)
	require.NoError(t, err)
	var out []string
	kids := r.Trailer().Key("Root").Key("Pages").Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		b, _ := kids.Index(i).Key("Contents").Data(1 << 20)
		out = append(out, string(b))
	}
	return r, out
}

func TestStructures(t *testing.T) {
	// an incremental update replaces page 2's content, as editing and
	// merging tools append it
	incremental := func() []byte {
		base := classicReport()
		w := update(base)
		w.stream(6, "", "BT /F1 12 Tf 72 700 Td (Updated 100.00) Tj ET")
		prev := bytes.LastIndex(base, []byte("\nxref\n")) + 1
		return w.end(w.table(fmt.Sprintf("/Size 8 /Root 1 0 R /Prev %d", prev)))
	}
	// cross-reference stream and object streams (PDF 1.5 and later)
	packed := func(hybrid bool) []byte {
		w := newBuilder()
		objs := reportObjects()
		w.obj(1, objs[1])
		w.stream(5, "", page1)
		w.stream(6, "", page2)
		w.objStm(8, map[int]string{2: objs[2], 3: objs[3], 4: objs[4], 7: objs[7]})
		if !hybrid {
			return w.end(w.xrefStream(9, "/Root 1 0 R"))
		}
		// hybrid: a classic table for readers of PDF 1.4, the packed
		// objects only in the stream /XRefStm points to
		xs := w.xrefStream(9, "/Root 1 0 R")
		delete(w.offs, 9)
		delete(w.offs, 8)
		return w.end(w.table(fmt.Sprintf("/Size 10 /Root 1 0 R /XRefStm %d", xs)))
	}
	// two files merged by appending the second's objects as an update
	// whose xref stream points back to a classic table
	mixed := func() []byte {
		base := classicReport()
		w := update(base)
		w.objStm(10, map[int]string{2: "<< /Type /Pages /Kids [3 0 R 4 0 R 11 0 R] /Count 3 >>",
			11: "<< /Type /Page /Parent 2 0 R /Contents 12 0 R /Resources << /Font << /F1 7 0 R >> >> >>"})
		w.stream(12, "", "BT /F1 12 Tf 72 700 Td (Appended page 3) Tj ET")
		prev := bytes.LastIndex(base, []byte("\nxref\n")) + 1
		return w.end(w.xrefStream(13, fmt.Sprintf("/Root 1 0 R /Prev %d", prev)))
	}
	tests := []struct {
		name  string
		data  []byte
		pages []string
	}{
		{"one cross-reference table", classicReport(), []string{page1, page2}},
		{"incremental update", incremental(), []string{page1, "BT /F1 12 Tf 72 700 Td (Updated 100.00) Tj ET"}},
		{"xref stream and object streams", packed(false), []string{page1, page2}},
		{"hybrid file", packed(true), []string{page1, page2}},
		{"update with an xref stream over a table", mixed(), []string{page1, page2, "BT /F1 12 Tf 72 700 Td (Appended page 3) Tj ET"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, pages := pageTexts(t, tc.data)
			assert.Equal(t, tc.pages, pages)
			assert.Empty(t, r.Damage(), "a sound file is not called damaged")
			assert.False(t, r.Rebuilt())
			assert.Equal(t, len(tc.pages), r.DeclaredPages())
		})
	}
}

func TestDamage(t *testing.T) {
	good := classicReport()
	cut := good[:bytes.Index(good, []byte("6 0 obj"))+45] // inside page 2's content
	wrongOffsets := regexp.MustCompile(`\n3 1\n\d{10}`).ReplaceAll(good, []byte("\n3 1\n0000000100"))
	noCatalog := bytes.Replace(good[:bytes.Index(good, []byte("xref"))], []byte("/Type /Catalog"), []byte("/Type /Junk"), 1)
	tests := []struct {
		name     string
		data     []byte
		damage   []string // phrases the damage report must contain
		pages    int      // pages the tree reaches
		trailing int      // bytes after %%EOF, which are not damage
	}{
		{"cut inside a stream", cut, []string{"no end-of-file marker", "rebuilt from", "object 6 is cut off"}, 2, 0},
		{"cut after the pages", good[:bytes.Index(good, []byte("xref"))], []string{"no end-of-file marker", "rebuilt from"}, 2, 0},
		{"bytes after %%EOF", append(append([]byte{}, good...), "\x8a\x01 garbage from an older copy"...), nil, 2, 29},
		{"blank bytes after %%EOF", append(append([]byte{}, good...), "\r\n \x00\n"...), nil, 2, 0},
		{"cross-reference offsets wrong", wrongOffsets, []string{"objects found by scanning"}, 2, 0},
		{"no catalog, no table", noCatalog, []string{"no end-of-file marker", "document catalog missing: 2 pages gathered"}, 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, pages := pageTexts(t, tc.data)
			assert.Equal(t, page1, pages[0], "page 1 is read")
			got := strings.Join(r.Damage(), "; ")
			for _, d := range tc.damage {
				assert.Contains(t, got, d)
			}
			if tc.damage == nil {
				assert.Empty(t, got)
			}
			assert.Equal(t, tc.trailing, r.Trailing())
			assert.Equal(t, tc.pages, r.Trailer().Key("Root").Key("Pages").Key("Kids").Len())
		})
	}
}

func TestUnreadable(t *testing.T) {
	tests := []struct {
		name, data, err string
	}{
		{"html named .pdf", "<html><body>not a pdf</body></html>", "not a PDF file"},
		{"header only", "%PDF-1.4\n", "no objects"},
		{"header and end", "%PDF-1.4\n%%EOF\n", "no objects"},
		{"objects but no page", "%PDF-1.4\n1 0 obj << /Type /Font >> endobj\n%%EOF", "no pages found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open([]byte(tc.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

func TestFilters(t *testing.T) {
	text := "BT /F1 12 Tf (2,940.05) Tj ET"
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(text))
	zw.Close()
	// PNG "up" rows of 4 bytes: each row adds to the one above
	rows := []byte{2, 1, 2, 3, 4, 2, 1, 1, 1, 1}
	var zp bytes.Buffer
	zw = zlib.NewWriter(&zp)
	zw.Write(rows)
	zw.Close()
	tests := []struct {
		name, dict, data, want string
	}{
		{"flate", "/Filter /FlateDecode", z.String(), text},
		{"flate cut short keeps what decoded", "/Filter /FlateDecode", z.String()[:z.Len()-6], text[:len(text)-2]},
		{"hex", "/Filter /ASCIIHexDecode", "42 54 2f>", "BT/"},
		{"ascii85", "/Filter /ASCII85Decode", "<~87cURD]i,\"Ebo80~>", "Hello World!"},
		{"run length", "/Filter /RunLengthDecode", "\x02abc\xfdz\x80", "abczzzz"},
		{"lzw", "/Filter /LZWDecode", "\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01", "-----A---B"},
		{"png up predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", zp.String(), "\x01\x02\x03\x04\x02\x03\x04\x05"},
		{"filter chain", "/Filter [/ASCIIHexDecode /FlateDecode]", fmt.Sprintf("%x>", z.String()), text},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newBuilder()
			objs := reportObjects()
			for _, id := range sortedKeys(objs) {
				w.obj(id, objs[id])
			}
			w.stream(5, tc.dict, tc.data)
			w.stream(6, "", page2)
			_, pages := pageTexts(t, w.end(w.table("/Size 8 /Root 1 0 R")))
			if strings.HasPrefix(tc.name, "flate cut") {
				assert.True(t, strings.HasPrefix(tc.want, pages[0][:min(len(pages[0]), len(tc.want))]))
				return
			}
			assert.Equal(t, tc.want, pages[0])
		})
	}
}

// FuzzOpen: no panic and no hang on any bytes; a reader that opens walks.
func FuzzOpen(f *testing.F) {
	f.Add(classicReport())
	f.Add(classicReport()[:300])
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			t.Skip()
		}
		r, err := Open(data)
		if err != nil {
			return
		}
		kids := r.Trailer().Key("Root").Key("Pages").Key("Kids")
		for i := 0; i < kids.Len() && i < 100; i++ {
			_, _ = kids.Index(i).Key("Contents").Data(1 << 20)
		}
	})
}
