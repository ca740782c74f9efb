// Package pdffile reads the text layer of a PDF report into positioned lines.
//
// The library (github.com/ledongthuc/pdf) parses the file structure; the
// text itself is read by our own text-state machine (content.go) with glyph
// widths from the fonts (fonts.go), because the library's text grouping
// loses widths on CID fonts and merges whole pages on some producers. Lines,
// reading order (layout.go), page roles (roles.go) and garbage detection
// (garbled.go) are ours too.
package pdffile

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// Limits on a whole document.
const (
	maxPages     = 10000
	maxTreeDepth = 64
	maxTreeNodes = 200000
	docBudget    = 30 * time.Second // after this, remaining pages are skipped

	// Content operators a whole document may run: a base that no real
	// report comes near, plus an allowance per input byte (real reports run
	// about one operator per file byte). Without it a few KB can make
	// every page of a long page tree re-run one decompression bomb of 2M
	// operators, seconds of work for a tiny file; with it work is linear
	// in the input size.
	docOpsBase    = 4_000_000
	docOpsPerByte = 64
)

// ErrEncrypted is returned for files that need a password.
var ErrEncrypted = errors.New("encrypted PDF: a password is needed to read it")

// Read returns the pages of a PDF as positioned lines.
func Read(data []byte) (raw *doc.Raw, err error) {
	defer func() {
		if r := recover(); r != nil {
			raw, err = nil, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	r, warn, err := open(data)
	if err != nil {
		return nil, err
	}
	raw = &doc.Raw{Format: doc.FormatPDF, PageLines: true}
	if warn != "" {
		raw.Warnings = append(raw.Warnings, warn)
	}
	pages, err := pageList(r)
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errors.New("malformed PDF: no pages found")
	}
	fonts := fontCache{}
	work := &docWork{limit: docOpsBase + docOpsPerByte*len(data)}
	start := time.Now()
	all := make([][]*pline, len(pages))
	stats := textStats{}
	for i, pg := range pages {
		if time.Since(start) > docBudget {
			raw.Warnings = append(raw.Warnings, fmt.Sprintf("reading stopped at page %d of %d: time budget exceeded", i+1, len(pages)))
			break
		}
		if work.used >= work.limit {
			raw.Warnings = append(raw.Warnings, fmt.Sprintf("reading stopped at page %d of %d: work budget exceeded", i+1, len(pages)))
			break
		}
		res := readPage(pg, fonts, work)
		if res.err != nil {
			raw.Warnings = append(raw.Warnings, fmt.Sprintf("page %d: %v", i+1, res.err))
		}
		stats.add(res)
		all[i] = res.lines
	}
	assignRoles(all, pages)
	assemble(raw, all)
	for _, pg := range pages {
		b := pg.box
		raw.Pages = append(raw.Pages, doc.PageBox{X0: b.x0, Y0: b.y0, X1: b.x1, Y1: b.y1, Rotate: b.rotate})
	}
	raw.NoText = stats.verdict()
	return raw, nil
}

// open parses the file structure, repairing a lost cross-reference table
// (truncated downloads) when it can.
func open(data []byte) (*pdf.Reader, string, error) {
	off := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if off < 0 {
		return nil, "", errors.New("not a PDF file (no %PDF- header)")
	}
	data = data[off:]
	r, err := newReader(data)
	if err == nil {
		return r, "", nil
	}
	if errors.Is(err, ErrEncrypted) {
		return nil, "", err
	}
	fixed, ok := repair(data)
	if !ok {
		return nil, "", fmt.Errorf("malformed PDF: %v", err)
	}
	r2, err2 := newReader(fixed)
	if err2 != nil {
		return nil, "", fmt.Errorf("malformed PDF: %v (repair failed: %v)", err, err2)
	}
	return r2, fmt.Sprintf("damaged PDF (%v): cross-reference table rebuilt, pages may be missing", err), nil
}

func newReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%v", x)
		}
	}()
	r, err = pdf.NewReader(headerFix(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt") {
			return nil, ErrEncrypted
		}
		return nil, err
	}
	if r.Trailer().Key("Encrypt").Kind() != pdf.Null {
		// the library opened it with the empty user password: readable,
		// as any viewer would show it
		return r, nil
	}
	return r, nil
}

// headerFix presents "%PDF-x.y" followed by a line end, which is all the
// library accepts (PDF 2.0 and headers followed by a space are common).
type headerFix []byte

func (h headerFix) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(h)) {
		return 0, fmt.Errorf("EOF")
	}
	n := copy(p, h[off:])
	for i := 0; i < n; i++ {
		switch off + int64(i) {
		case 5:
			p[i] = '1'
		case 7:
			if p[i] < '0' || p[i] > '7' {
				p[i] = '7'
			}
		case 8:
			if p[i] != '\r' && p[i] != '\n' {
				p[i] = '\n'
			}
		}
	}
	var err error
	if n < len(p) {
		err = fmt.Errorf("EOF")
	}
	return n, err
}

// page is a leaf of the page tree with its inherited attributes.
type page struct {
	v   pdf.Value
	res pdf.Value
	box pageBox
}

// pageList walks the page tree, guarding against cycles and depth.
func pageList(r *pdf.Reader) (pages []page, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("malformed PDF page tree: %v", x)
		}
	}()
	root := r.Trailer().Key("Root").Key("Pages")
	nodes := 0
	// a kid seen before is a cycle or a page listed twice: read it once
	seen := map[objRef]bool{}
	var walk func(v pdf.Value, res, media, crop pdf.Value, rot int64, depth int)
	walk = func(v pdf.Value, res, media, crop pdf.Value, rot int64, depth int) {
		nodes++
		if depth > maxTreeDepth || nodes > maxTreeNodes || len(pages) >= maxPages || v.Kind() != pdf.Dict {
			return
		}
		if x := v.Key("Resources"); x.Kind() == pdf.Dict {
			res = x
		}
		if x := v.Key("MediaBox"); x.Len() == 4 {
			media = x
		}
		if x := v.Key("CropBox"); x.Len() == 4 {
			crop = x
		}
		if x := v.Key("Rotate"); x.Kind() == pdf.Integer || x.Kind() == pdf.Real {
			rot = x.Int64()
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			pages = append(pages, page{v: v, res: res, box: makeBox(media, crop, rot)})
			return
		}
		for i := 0; i < kids.Len() && nodes <= maxTreeNodes; i++ {
			if ref, ok := refAt(kids, i); ok {
				if seen[ref] {
					nodes++
					continue
				}
				seen[ref] = true
			}
			walk(kids.Index(i), res, media, crop, rot, depth+1)
		}
	}
	walk(root, pdf.Value{}, pdf.Value{}, pdf.Value{}, 0, 0)
	return pages, nil
}

func makeBox(media, crop pdf.Value, rot int64) pageBox {
	b := pageBox{x0: 0, y0: 0, x1: 595, y1: 842}
	set := func(v pdf.Value) bool {
		if v.Len() != 4 {
			return false
		}
		a, c := v.Index(0).Float64(), v.Index(2).Float64()
		bb, d := v.Index(1).Float64(), v.Index(3).Float64()
		x0, x1 := math.Min(a, c), math.Max(a, c)
		y0, y1 := math.Min(bb, d), math.Max(bb, d)
		if x1-x0 < 1 || y1-y0 < 1 || x1-x0 > 1e5 || y1-y0 > 1e5 {
			return false
		}
		b.x0, b.y0, b.x1, b.y1 = x0, y0, x1, y1
		return true
	}
	if !set(crop) {
		set(media)
	}
	b.rotate = int(((rot%360)+360)%360) / 90 * 90
	return b
}

// pageResult is what reading one page gave.
type pageResult struct {
	lines       []*pline
	images      int
	glyphs, bad int // shown non-blank glyphs, and those without a known text
	err         error
}

// readPage interprets one page; a failure keeps the glyphs read before it.
func readPage(pg page, fonts fontCache, work *docWork) (res pageResult) {
	run := &pageRun{fonts: fonts, work: work, deadline: time.Now().Add(pageBudget)}
	func() {
		defer func() {
			if x := recover(); x != nil {
				res.err = fmt.Errorf("content partly unreadable: %v", x)
			}
		}()
		data := run.contentBytes(pg.v.Key("Contents"))
		g := gstate{ctm: identity, th: 1}
		run.run(data, pg.res, g, 0)
	}()
	for _, g := range run.glyphs {
		if !g.whitespace {
			res.glyphs++
			if g.bad {
				res.bad++
			}
		}
	}
	res.images = run.images
	func() {
		defer func() {
			if x := recover(); x != nil {
				res.lines, res.err = nil, fmt.Errorf("layout failed: %v", x)
			}
		}()
		res.lines = layoutPage(run.glyphs, run.rules, pg.box)
	}()
	return res
}

// assemble writes the source text and its lines.
func assemble(raw *doc.Raw, pages [][]*pline) {
	var b strings.Builder
	off := 0
	rows := 0 // row numbers are per page in layout, per document in lines
	for pi, lines := range pages {
		base := rows
		if pi > 0 {
			b.WriteByte('\f')
			off++
		}
		for li, l := range lines {
			if li > 0 {
				b.WriteByte('\n')
				off++
			}
			n := utf8.RuneCountInString(l.text)
			pos := make([]int, n)
			for k := range pos {
				pos[k] = off + k
			}
			b.WriteString(l.text)
			off += n
			raw.Lines = append(raw.Lines, doc.Line{
				Text: l.text, Pos: pos, Page: pi + 1, Role: l.role, Break: l.brk, Indent: l.indent,
				Y: round2(l.y), X0: round2(l.x0), X1: round2(l.x1), Size: round2(l.size), Segments: l.segs,
				X: l.xs, Rot: l.rot,
			})
			if l.row > 0 {
				raw.Lines[len(raw.Lines)-1].Row = base + l.row
				rows = max(rows, base+l.row)
			}
		}
	}
	raw.Source = b.String()
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
