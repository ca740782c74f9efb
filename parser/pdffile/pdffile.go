// Package pdffile reads the text layer of a PDF report into positioned lines.
//
// The object layer (pdfobj) reads the file structure, repairs what it can
// and says what was damaged; the text is read by a text-state machine
// (content.go) with glyph widths from the fonts (fonts.go, encoding.go).
// Lines, reading order (layout.go), page roles (roles.go) and garbage
// detection (garbled.go) follow.
package pdffile

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	pdf "github.com/budgetlint/budgetlint/parser/pdffile/pdfobj"
)

// Limits on a whole document.
const (
	maxPages     = 10000
	maxTreeDepth = 64
	maxTreeNodes = 200000
	// After docBudget plus pageShare per page (at most maxShare), remaining
	// pages are skipped: a long report on a busy machine reads to its end,
	// and a hostile file of many slow pages still stops within two minutes.
	docBudget = 30 * time.Second
	pageShare = 50 * time.Millisecond
	maxShare  = 90 * time.Second

	// Content operators a whole document may run: a base that no real
	// report comes near, plus an allowance per input byte (real reports run
	// about one operator per file byte). Without it a few KB can make
	// every page of a long page tree re-run one decompression bomb of 2M
	// operators, seconds of work for a tiny file; with it work is linear
	// in the input size.
	docOpsBase    = 4_000_000
	docOpsPerByte = 64
)

// ErrEncrypted is returned for files that need a user password.
var ErrEncrypted = pdf.ErrPassword

// Read returns the pages of a PDF as positioned lines. A file whose
// structure is damaged is read as far as it goes, and raw.Damage says what
// was wrong and how many pages were read.
func Read(data []byte) (raw *doc.Raw, err error) {
	defer func() {
		if r := recover(); r != nil {
			raw, err = nil, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	if len(bytes.TrimSpace(data)) < minPDF {
		return nil, fmt.Errorf("not a readable PDF: the file has only %d bytes", len(data))
	}
	r, err := pdf.Open(data)
	if err != nil {
		return nil, err
	}
	raw = &doc.Raw{Format: doc.FormatPDF, PageLines: true}
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
	lost := 0
	for i, pg := range pages {
		if time.Since(start) > docBudget+min(time.Duration(len(pages))*pageShare, maxShare) {
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
		if res.missing {
			lost++
		}
		stats.add(res)
		for _, l := range res.lines {
			l.items = nil // glyph boxes are for the page's layout only
		}
		all[i] = res.lines
	}
	assignRoles(all, pages)
	assemble(raw, all)
	for _, pg := range pages {
		b := pg.box
		raw.Pages = append(raw.Pages, doc.PageBox{X0: b.x0, Y0: b.y0, X1: b.x1, Y1: b.y1, Rotate: b.rotate})
	}
	raw.NoText = stats.verdict()
	raw.Damage = damage(r, pages, lost)
	if raw.NoText != "" && raw.Damage != nil {
		// a cut-off file loses its fonts (producers write them last) and
		// its text then reads as noise: the damage is the cause
		raw.NoText += "; the file is damaged, which may be the cause"
	}
	return raw, nil
}

// minPDF is the size below which no PDF can hold a page: a header, a
// catalog, a page tree and a page take more.
const minPDF = 64

// damage sums up what was wrong with the file, nil for a sound one.
func damage(r *pdf.Reader, pages []page, lost int) *doc.Damage {
	problems := r.Damage()
	declared := r.DeclaredPages()
	found := len(pages)
	if lost > 0 {
		problems = append(problems, plural(lost, "the content of 1 page is missing", "the content of %d pages is missing"))
	}
	if n := missingFonts(pages); n > 0 {
		problems = append(problems, plural(n, "1 font the pages use is missing", "%d fonts the pages use are missing"))
	}
	if declared > found {
		problems = append(problems, fmt.Sprintf("the file declares %d pages, %d were found", declared, found))
	}
	trailing := r.Trailing()
	if len(problems) == 0 && trailing == 0 {
		return nil
	}
	if len(problems) > 0 && trailing > 0 {
		problems = append(problems, fmt.Sprintf("%d bytes of unknown data after the end-of-file marker", trailing))
	}
	return &doc.Damage{Problems: problems, PagesRead: found - lost, PagesDeclared: declared, TrailingBytes: trailing}
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
	if r.Rebuilt() {
		// pages a broken tree no longer reaches, in file order
		for _, ref := range r.PageObjects() {
			if !seen[ref] && len(pages) < maxPages {
				seen[ref] = true
				v := r.Object(ref)
				pages = append(pages, page{v: v, res: v.Key("Resources"), box: makeBox(v.Key("MediaBox"), v.Key("CropBox"), v.Key("Rotate").Int64())})
			}
		}
	}
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
	missing     bool // the page's content is not in the file
}

// readPage interprets one page; a failure keeps the glyphs read before it.
func readPage(pg page, fonts fontCache, work *docWork) (res pageResult) {
	res.missing = contentMissing(pg.v)
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// missingFonts counts the fonts the pages name by reference whose objects
// are not in the file: their text cannot be known.
func missingFonts(pages []page) int {
	missing := map[objRef]bool{}
	for _, pg := range pages {
		fonts := pg.res.Key("Font")
		for _, k := range fonts.Keys() {
			if ref, ok := refOf(fonts, k); ok && !missing[ref] && fonts.Key(k).IsNull() {
				missing[ref] = true
			}
		}
		if len(missing) > 1000 {
			break
		}
	}
	return len(missing)
}

// contentMissing: the page refers to content that is not in the file (cut
// off, or lost with a broken cross-reference table).
func contentMissing(pg pdf.Value) bool {
	c := pg.Key("Contents")
	if _, ok := refOf(pg, "Contents"); ok && c.IsNull() {
		return true
	}
	for i := 0; i < c.Len(); i++ {
		if c.Index(i).IsNull() {
			return true
		}
	}
	return false
}

// assemble writes the source text and its lines.
func assemble(raw *doc.Raw, pages [][]*pline) {
	var b strings.Builder
	off := 0
	rows := 0 // row numbers are per page in layout, per document in lines
	// the lines and their geometry in two exact-size arrays: a report of
	// thousands of pages has a hundred thousand lines or more
	count := 0
	for _, lines := range pages {
		count += len(lines)
	}
	raw.Lines = slices.Grow(raw.Lines, count)
	geos := make([]doc.LineGeo, 0, count)
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
			b.WriteString(l.text)
			geos = append(geos, doc.LineGeo{Y: round2(l.y), X0: round2(l.x0), X1: round2(l.x1), Size: round2(l.size),
				Segments: l.segs, X: l.xs, Rot: l.rot})
			raw.Lines = append(raw.Lines, doc.Line{
				Text: l.text, Pos: doc.Span(off, n), Page: pi + 1, Role: l.role, Break: l.brk, Indent: l.indent,
				Geo: &geos[len(geos)-1],
			})
			off += n
			if l.row > 0 {
				raw.Lines[len(raw.Lines)-1].Row = base + l.row
				rows = max(rows, base+l.row)
			}
		}
	}
	raw.Source = b.String()
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
