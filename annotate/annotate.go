// Package annotate marks places on the pages of a PDF: one highlight
// annotation per mark over its rectangles, with a popup note, written as an
// incremental update so the original bytes (and any signature over them)
// stay as they were.
package annotate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/budgetlint/budgetlint/pdfwrite"
)

// Rect is an area of a page as displayed: origin at the top left of the
// visible page, y growing downwards, in points. Text readers measure glyph
// positions in this frame, whatever the page's rotation.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Color is an RGB colour, each part in [0,1].
type Color [3]float64

// Colours by severity: red for errors, amber for warnings, blue for
// information — the colours of the HTML report.
var (
	Red   = Color{0.93, 0.26, 0.21}
	Amber = Color{1, 0.72, 0}
	Blue  = Color{0.25, 0.55, 0.95}
)

// Mark is one annotation: the lines of a claim on one page, and its note.
// A mark without rectangles is a note on the page's margin (a finding about
// the page or the document rather than about printed words).
type Mark struct {
	Page     int    // 1-based
	Rects    []Rect // one per line the claim covers
	Color    Color
	Author   string // shown as the note's title
	Subject  string // the rule id
	Contents string // the note
}

// Options adjust a run.
type Options struct {
	// Pages, when not 0, is the page count the marks were computed for: a
	// file whose page tree gives another count is refused rather than
	// marked on the wrong pages.
	Pages int
	// Opacity of the highlight fill (0.35 when 0).
	Opacity float64
}

// Result says what was written.
type Result struct {
	Annotations int
	Skipped     int // marks without a place on a page of the file
}

// ErrPageCount: the file's page tree and the marks disagree on the pages.
var ErrPageCount = errors.New("page count differs from the one read")

// Write writes data followed by a revision adding the marks. It does not
// change data.
func Write(w io.Writer, data []byte, marks []Mark, opt Options) (res Result, err error) {
	defer func() {
		if x := recover(); x != nil {
			res, err = Result{}, fmt.Errorf("annotate: %v", x)
		}
	}()
	f, err := pdfwrite.Open(data)
	if err != nil {
		return res, err
	}
	pages := f.Pages()
	if opt.Pages != 0 && opt.Pages != len(pages) {
		return res, fmt.Errorf("%w (%d in the page tree, %d read)", ErrPageCount, len(pages), opt.Pages)
	}
	if opt.Opacity <= 0 || opt.Opacity > 1 {
		opt.Opacity = 0.35
	}
	u := f.NewUpdate()
	gs := u.Add(pdfwrite.Dict{"Type": pdfwrite.Name("ExtGState"), "CA": opt.Opacity, "ca": opt.Opacity, "BM": pdfwrite.Name("Multiply")})
	added := map[int][]pdfwrite.Object{} // page index → new annotation refs
	for i, m := range marks {
		pi := m.Page - 1
		if pi < 0 || pi >= len(pages) || pages[pi].Ref == (pdfwrite.Ref{}) {
			res.Skipped++
			continue
		}
		pg := pages[pi]
		if len(m.Rects) == 0 {
			added[pi] = append(added[pi], note(u, pg, m, len(added[pi])))
			res.Annotations++
			continue
		}
		quads, rect, ok := quadsOf(pg, m.Rects)
		if !ok {
			res.Skipped++
			continue
		}
		annot := u.Reserve()
		popup := u.Add(pdfwrite.Dict{
			"Type": pdfwrite.Name("Annot"), "Subtype": pdfwrite.Name("Popup"),
			"Parent": annot, "Rect": popupRect(pg, m.Rects), "Open": false, "F": int64(24),
		})
		ap := u.Add(appearance(quads, rect, m.Color, gs))
		d := pdfwrite.Dict{
			"Type": pdfwrite.Name("Annot"), "Subtype": pdfwrite.Name("Highlight"),
			"Rect": rectArray(rect), "QuadPoints": quads, "C": colorArray(m.Color), "CA": opt.Opacity,
			"F": int64(4), "P": pg.Ref, "Popup": popup,
			"NM":       pdfwrite.Text(fmt.Sprintf("budgetlint-%d", i+1)),
			"AP":       pdfwrite.Dict{"N": ap},
			"T":        pdfwrite.Text(m.Author),
			"Contents": pdfwrite.Text(m.Contents),
		}
		if m.Subject != "" {
			d["Subj"] = pdfwrite.Text(m.Subject)
		}
		u.Set(annot, d)
		added[pi] = append(added[pi], annot)
		res.Annotations++
	}
	if res.Annotations == 0 {
		// nothing to add: the copy is the original, byte for byte
		_, err = w.Write(data)
		return res, err
	}
	for pi, refs := range added {
		addAnnots(f, u, pages[pi], refs)
	}
	_, err = u.WriteTo(w)
	return res, err
}

// note adds a sticky note in the page's top left margin, the k-th on the
// page placed below the ones before.
func note(u *pdfwrite.Update, pg pdfwrite.Page, m Mark, k int) pdfwrite.Ref {
	const size = 18.0
	y := math.Min(6+float64(k%20)*(size+4), math.Max(0, pg.Height()-size))
	ax, ay := pg.User(6, y)
	bx, by := pg.User(6+size, y+size)
	rect := [4]float64{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)}
	var icon bytes.Buffer
	// a filled square with a white bar: visible where viewers draw no icon
	w, h := rect[2]-rect[0], rect[3]-rect[1]
	fmt.Fprintf(&icon, "%s %s %s rg 0 0 %s %s re f 1 g %s %s %s %s re f\n",
		num(m.Color[0]), num(m.Color[1]), num(m.Color[2]), num(w), num(h), num(w*0.4), num(h*0.2), num(w*0.2), num(h*0.6))
	ap := u.Add(&pdfwrite.Stream{Dict: pdfwrite.Dict{
		"Type": pdfwrite.Name("XObject"), "Subtype": pdfwrite.Name("Form"),
		"BBox": pdfwrite.Array{int64(0), int64(0), round3(w), round3(h)},
	}, Data: icon.Bytes()})
	annot := u.Reserve()
	popup := u.Add(pdfwrite.Dict{
		"Type": pdfwrite.Name("Annot"), "Subtype": pdfwrite.Name("Popup"),
		"Parent": annot, "Rect": popupRect(pg, []Rect{{6, y, 6 + size, y + size}}), "Open": false, "F": int64(24),
	})
	d := pdfwrite.Dict{
		"Type": pdfwrite.Name("Annot"), "Subtype": pdfwrite.Name("Text"), "Name": pdfwrite.Name("Comment"),
		"Rect": rectArray(rect), "C": colorArray(m.Color), "F": int64(4 | 8 | 16), "P": pg.Ref, "Popup": popup,
		"AP": pdfwrite.Dict{"N": ap}, "T": pdfwrite.Text(m.Author), "Contents": pdfwrite.Text(m.Contents),
	}
	if m.Subject != "" {
		d["Subj"] = pdfwrite.Text(m.Subject)
	}
	u.Set(annot, d)
	return annot
}

// addAnnots appends refs to the page's annotations, keeping the ones it has.
func addAnnots(f *pdfwrite.File, u *pdfwrite.Update, pg pdfwrite.Page, refs []pdfwrite.Object) {
	if ar, ok := pg.Dict["Annots"].(pdfwrite.Ref); ok {
		if old, ok := f.Resolve(ar).(pdfwrite.Array); ok {
			// the array is an object of its own: a new version of it
			// leaves the page object untouched
			u.Set(ar, append(append(pdfwrite.Array{}, old...), refs...))
			return
		}
	}
	d := make(pdfwrite.Dict, len(pg.Dict)+1)
	for k, v := range pg.Dict {
		d[k] = v
	}
	old, _ := f.Resolve(pg.Dict["Annots"]).(pdfwrite.Array)
	d["Annots"] = append(append(pdfwrite.Array{}, old...), refs...)
	u.Set(pg.Ref, d)
}

// quadsOf maps display rectangles to QuadPoints in user space (for each
// rectangle: top left, top right, bottom left, bottom right as the text
// reads, which is what viewers expect) and their union.
func quadsOf(pg pdfwrite.Page, rs []Rect) (pdfwrite.Array, [4]float64, bool) {
	var quads pdfwrite.Array
	u := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	w, h := pg.Width(), pg.Height()
	for _, r := range rs {
		x0, x1 := clamp(math.Min(r.X0, r.X1), 0, w), clamp(math.Max(r.X0, r.X1), 0, w)
		y0, y1 := clamp(math.Min(r.Y0, r.Y1), 0, h), clamp(math.Max(r.Y0, r.Y1), 0, h)
		if x1-x0 < 0.1 || y1-y0 < 0.1 || math.IsNaN(x0+x1+y0+y1) {
			continue
		}
		for _, p := range [4][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
			ux, uy := pg.User(p[0], p[1])
			ux, uy = round3(ux), round3(uy)
			quads = append(quads, ux, uy)
			u[0], u[1] = math.Min(u[0], ux), math.Min(u[1], uy)
			u[2], u[3] = math.Max(u[2], ux), math.Max(u[3], uy)
		}
	}
	if len(quads) == 0 {
		return nil, u, false
	}
	return quads, u, true
}

// appearance is the highlight drawn by the file itself: the quads filled in
// the mark's colour, translucent and multiplied so the text stays legible.
// Viewers that do not generate appearances (many do not) show this.
func appearance(quads pdfwrite.Array, rect [4]float64, c Color, gs pdfwrite.Ref) *pdfwrite.Stream {
	var b bytes.Buffer
	fmt.Fprintf(&b, "/GS0 gs %s %s %s rg\n", num(c[0]), num(c[1]), num(c[2]))
	for i := 0; i+7 < len(quads); i += 8 {
		p := make([]float64, 8)
		for k := range p {
			p[k], _ = pdfwrite.Num(quads[i+k])
		}
		// top left, top right, bottom right, bottom left
		fmt.Fprintf(&b, "%s %s m %s %s l %s %s l %s %s l h f\n",
			num(p[0]), num(p[1]), num(p[2]), num(p[3]), num(p[6]), num(p[7]), num(p[4]), num(p[5]))
	}
	return &pdfwrite.Stream{
		Dict: pdfwrite.Dict{
			"Type": pdfwrite.Name("XObject"), "Subtype": pdfwrite.Name("Form"),
			"BBox":      rectArray(rect),
			"Resources": pdfwrite.Dict{"ExtGState": pdfwrite.Dict{"GS0": gs}},
		},
		Data: b.Bytes(),
	}
}

// popupRect places the note beside the claim, inside the page.
func popupRect(pg pdfwrite.Page, rs []Rect) pdfwrite.Array {
	const pw, ph = 220.0, 110.0
	w, h := pg.Width(), pg.Height()
	r := rs[0]
	x := clamp(math.Max(r.X0, r.X1)+6, 0, math.Max(0, w-pw))
	y := clamp(math.Min(r.Y0, r.Y1), 0, math.Max(0, h-ph))
	ax, ay := pg.User(x, y)
	bx, by := pg.User(x+pw, y+ph)
	return rectArray([4]float64{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)})
}

func rectArray(r [4]float64) pdfwrite.Array {
	return pdfwrite.Array{round3(r[0]), round3(r[1]), round3(r[2]), round3(r[3])}
}

func colorArray(c Color) pdfwrite.Array {
	return pdfwrite.Array{round3(c[0]), round3(c[1]), round3(c[2])}
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

func num(v float64) string {
	return string(pdfwrite.AppendReal(nil, round3(v)))
}
