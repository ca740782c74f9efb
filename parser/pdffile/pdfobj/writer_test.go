package pdfobj

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// builder writes synthetic PDFs the way producers and merging tools do:
// plain objects, object streams, cross-reference tables and streams,
// incremental updates appended to a file.
type builder struct {
	b      bytes.Buffer
	offs   map[int]int    // object → offset, for objects written directly
	packed map[int][2]int // object → (object stream, index)
}

func newBuilder() *builder {
	w := &builder{offs: map[int]int{}, packed: map[int][2]int{}}
	w.b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return w
}

// update continues an existing file: what follows is an incremental update.
func update(base []byte) *builder {
	w := &builder{offs: map[int]int{}, packed: map[int][2]int{}}
	w.b.Write(base)
	return w
}

func (w *builder) obj(id int, body string) {
	w.offs[id] = w.b.Len()
	fmt.Fprintf(&w.b, "%d 0 obj\n%s\nendobj\n", id, body)
}

func (w *builder) stream(id int, dict, data string) {
	w.obj(id, fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// objStm packs objects into object stream id (uncompressed).
func (w *builder) objStm(id int, members map[int]string) {
	ids := sortedKeys(members)
	var head, body strings.Builder
	for i, m := range ids {
		fmt.Fprintf(&head, "%d %d ", m, body.Len())
		body.WriteString(members[m] + "\n")
		w.packed[m] = [2]int{id, i}
	}
	h := head.String()
	w.stream(id, fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(ids), len(h)), h+body.String())
}

// table writes a classic cross-reference section for the objects written
// since the builder began, and returns its offset.
func (w *builder) table(trailer string) int {
	at := w.b.Len()
	w.b.WriteString("xref\n0 1\n0000000000 65535 f\r\n")
	for _, id := range sortedKeys(w.offs) {
		fmt.Fprintf(&w.b, "%d 1\n%010d 00000 n\r\n", id, w.offs[id])
	}
	fmt.Fprintf(&w.b, "trailer\n<< %s >>\n", trailer)
	return at
}

// xrefStream writes a cross-reference stream as object id listing every
// object written since the builder began, direct and packed, and returns
// its offset.
func (w *builder) xrefStream(id int, trailer string) int {
	at := w.b.Len()
	w.offs[id] = at
	ids := sortedKeys(w.offs)
	for n := range w.packed {
		ids = append(ids, n)
	}
	sort.Ints(ids)
	var data []byte
	var index strings.Builder
	for _, n := range ids {
		fmt.Fprintf(&index, "%d 1 ", n)
		if p, ok := w.packed[n]; ok {
			data = append(data, 2, 0, 0, byte(p[0]>>8), byte(p[0]), byte(p[1]))
			continue
		}
		off := w.offs[n]
		data = append(data, 1, byte(off>>24), byte(off>>16), byte(off>>8), byte(off), 0)
	}
	fmt.Fprintf(&w.b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Index [%s] %s /Length %d >>\nstream\n",
		id, ids[len(ids)-1]+1, index.String(), trailer, len(data))
	w.b.Write(data)
	w.b.WriteString("\nendstream\nendobj\n")
	return at
}

func (w *builder) end(startxref int) []byte {
	fmt.Fprintf(&w.b, "startxref\n%d\n%%%%EOF\n", startxref)
	return w.b.Bytes()
}

func sortedKeys[V any](m map[int]V) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

// The objects of a small report: catalog 1, page tree 2, pages 3 and 4
// with contents 5 and 6, font 7.
func reportObjects() map[int]string {
	return map[int]string{
		1: "<< /Type /Catalog /Pages 2 0 R >>",
		2: "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
		4: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
		7: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
}

const (
	page1 = "BT /F1 12 Tf 72 700 Td (Total income 2,940.05) Tj ET"
	page2 = "BT /F1 12 Tf 72 700 Td (Total expenditure 2,940.05) Tj ET"
)

// classicReport is the report with one cross-reference table.
func classicReport() []byte {
	w := newBuilder()
	objs := reportObjects()
	for _, id := range sortedKeys(objs) {
		w.obj(id, objs[id])
	}
	w.stream(5, "", page1)
	w.stream(6, "", page2)
	return w.end(w.table("/Size 8 /Root 1 0 R"))
}
