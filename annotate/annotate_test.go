package annotate_test

import (
	"bytes"
	"crypto/sha256"
	"image"
	"math"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/annotate"
	"github.com/budgetlint/budgetlint/internal/pdftest"
	"github.com/budgetlint/budgetlint/internal/poppler"
	"github.com/budgetlint/budgetlint/parser/pdffile"
	"github.com/budgetlint/budgetlint/pdfwrite"
)

const claim = "share 99.35% of the total"

// twoPages is a report excerpt whose claim stands on page 2.
func twoPages(p2 pdftest.Page) []pdftest.Page {
	p1 := pdftest.Lines("Income 157.60, of which grants 154.25.", "Spending 157.60 in total.")
	p2.Texts = append(p2.Texts,
		pdftest.Text{X: 72, Y: 700, Size: 12, S: "Grants 154.25, " + claim + "."},
		pdftest.Text{X: 72, Y: 680, Size: 12, S: "Compared with 2023, down 37.98."})
	return []pdftest.Page{p1, p2}
}

// glyphBox is the user-space box of the claim's glyphs.
func glyphBox(t pdftest.Text, sub string) [4]float64 { return t.Box(sub) }

// display maps a user-space box to the displayed page, the frame marks use.
func display(box [4]float64, rot int, b [4]float64) annotate.Rect {
	pt := func(x, y float64) (float64, float64) {
		switch rot {
		case 90:
			return y - b[1], x - b[0]
		case 180:
			return b[2] - x, y - b[1]
		case 270:
			return b[3] - y, b[2] - x
		}
		return x - b[0], b[3] - y
	}
	ax, ay := pt(box[0], box[1])
	cx, cy := pt(box[2], box[3])
	return annotate.Rect{X0: math.Min(ax, cx), Y0: math.Min(ay, cy), X1: math.Max(ax, cx), Y1: math.Max(ay, cy)}
}

func TestWriteLayouts(t *testing.T) {
	a4 := [4]float64{0, 0, 595, 842}
	cases := []struct {
		name   string
		page   pdftest.Page
		opt    pdftest.Options
		before int // annotations page 2 has already
	}{
		{name: "cross-reference table", page: pdftest.Page{}},
		{name: "object and cross-reference streams", page: pdftest.Page{}, opt: pdftest.Options{Streams: true}},
		{name: "existing annotations kept", page: pdftest.Page{Annots: 2}, before: 2},
		{name: "annotation array of its own", page: pdftest.Page{Annots: 1}, opt: pdftest.Options{IndirectAnnots: true}, before: 1},
		{name: "streams and an annotation array of its own", page: pdftest.Page{Annots: 3}, opt: pdftest.Options{Streams: true, IndirectAnnots: true}, before: 3},
		{name: "page turned a quarter", page: pdftest.Page{Rotate: 90}},
		{name: "page upside down", page: pdftest.Page{Rotate: 180}},
		{name: "page turned three quarters and cropped", page: pdftest.Page{Rotate: 270, Crop: [4]float64{20, 30, 580, 800}}},
		{name: "cropped", page: pdftest.Page{Crop: [4]float64{36, 36, 559, 806}}},
		{name: "media box inherited from the page tree", page: pdftest.Page{Inherit: true}},
		{name: "bytes after %%EOF without a line end", page: pdftest.Page{}, opt: pdftest.Options{Tail: "%signature padding"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pages := twoPages(tc.page)
			orig := pdftest.Write(pages, tc.opt)
			hash := sha256.Sum256(orig)
			box := a4
			if tc.page.Crop != ([4]float64{}) {
				box = tc.page.Crop
			}
			want := glyphBox(pages[1].Texts[0], claim)
			contents := "占比不符：所述99.35%，应为97.87%（154.25 / 157.60 本年支出合计）"
			marks := []annotate.Mark{{
				Page: 2, Rects: []annotate.Rect{display(want, tc.page.Rotate, box)}, Color: annotate.Red,
				Author: "budgetlint", Subject: "share", Contents: contents,
			}}
			var out bytes.Buffer
			res, err := annotate.Write(&out, orig, marks, annotate.Options{Pages: 2})
			require.NoError(t, err)
			assert.Equal(t, 1, res.Annotations)
			assert.Equal(t, hash, sha256.Sum256(orig), "the original bytes were changed")
			require.True(t, bytes.HasPrefix(out.Bytes(), orig), "the update must append to the original bytes")

			// read back with the writer's own reader: the page has its old
			// annotations and the new one, over the claim's glyphs
			f, err := pdfwrite.Open(out.Bytes())
			require.NoError(t, err)
			got := f.Pages()
			require.Len(t, got, 2)
			annots, _ := f.Resolve(got[1].Dict["Annots"]).(pdfwrite.Array)
			require.Len(t, annots, tc.before+1)
			hl, _ := f.Resolve(annots[tc.before]).(pdfwrite.Dict)
			require.NotNil(t, hl)
			assert.Equal(t, pdfwrite.Name("Highlight"), hl["Subtype"])
			assert.Equal(t, contents, decodeText(hl["Contents"]))
			r := numbers(t, f.Resolve(hl["Rect"]))
			assert.True(t, covers(r, want), "Rect %v does not cover the glyphs %v", r, want)
			q := numbers(t, f.Resolve(hl["QuadPoints"]))
			require.Len(t, q, 8)
			assert.True(t, covers(bounds(q), want), "QuadPoints %v do not cover the glyphs %v", q, want)
			ap, _ := f.Resolve(hl["AP"]).(pdfwrite.Dict)
			_, isStream := f.Resolve(ap["N"]).(*pdfwrite.Stream)
			assert.True(t, isStream, "no appearance stream")
			popup, _ := f.Resolve(hl["Popup"]).(pdfwrite.Dict)
			assert.Equal(t, pdfwrite.Name("Popup"), popup["Subtype"])
			assert.Nil(t, got[0].Dict["Annots"], "page 1 has no finding")

			// the project's own reader reads the same pages and text
			a, err := pdffile.Read(orig)
			require.NoError(t, err)
			b, err := pdffile.Read(out.Bytes())
			require.NoError(t, err)
			assert.Equal(t, a.Source, b.Source)
			assert.Contains(t, b.Source, claim)

			checkPoppler(t, orig, out.Bytes(), want, tc.page.Rotate, box)
		})
	}
}

// checkPoppler opens the copy in poppler and checks the highlight is drawn:
// the claim's area is reddish in the copy and not in the original.
func checkPoppler(t *testing.T, orig, annotated []byte, want [4]float64, rot int, box [4]float64) {
	t.Helper()
	if testing.Short() {
		return
	}
	poppler.Need(t)
	dir := t.TempDir()
	po, pa := filepath.Join(dir, "orig.pdf"), filepath.Join(dir, "annotated.pdf")
	require.NoError(t, os.WriteFile(po, orig, 0o644))
	require.NoError(t, os.WriteFile(pa, annotated, 0o644))
	info, complaints, err := poppler.Info(t, pa)
	require.NoError(t, err, complaints)
	assert.Empty(t, complaints)
	assert.Equal(t, "2", poppler.Pages(info))
	r := display(want, rot, box)
	redness := func(path string) float64 {
		img, complaints, err := poppler.Render(t, path, 2, 72)
		require.NoError(t, err, complaints)
		assert.Empty(t, complaints)
		return meanRedness(img, image.Rect(int(r.X0)+1, int(r.Y0)+1, int(r.X1)-1, int(r.Y1)-1))
	}
	assert.Less(t, redness(po), 5.0, "the original is not red there")
	assert.Greater(t, redness(pa), 40.0, "the highlight is not drawn over the claim")
}

// meanRedness is how much red exceeds blue on average over r, 0..255.
func meanRedness(img image.Image, r image.Rectangle) float64 {
	r = r.Intersect(img.Bounds())
	var sum float64
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, _, cb, _ := img.At(x, y).RGBA()
			sum += (float64(cr) - float64(cb)) / 257
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func numbers(t *testing.T, o pdfwrite.Object) []float64 {
	t.Helper()
	a, ok := o.(pdfwrite.Array)
	require.True(t, ok, "not an array: %v", o)
	var out []float64
	for _, x := range a {
		v, ok := pdfwrite.Num(x)
		require.True(t, ok)
		out = append(out, v)
	}
	return out
}

func bounds(q []float64) []float64 {
	b := []float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for i := 0; i+1 < len(q); i += 2 {
		b[0], b[1] = math.Min(b[0], q[i]), math.Min(b[1], q[i+1])
		b[2], b[3] = math.Max(b[2], q[i]), math.Max(b[3], q[i+1])
	}
	return b
}

// covers: r holds the glyph box (to a thousandth of a point, the precision
// written).
func covers(r []float64, g [4]float64) bool {
	const tol = 0.001
	return len(r) == 4 && r[0] <= g[0]+tol && r[1] <= g[1]+tol && r[2] >= g[2]-tol && r[3] >= g[3]-tol
}

func decodeText(o pdfwrite.Object) string {
	s, _ := o.(pdfwrite.String)
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		var u []uint16
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(s)
}

// A finding about a page or the document, with no words to cover, is a
// note in the page's margin; several stack downwards; each is drawn by the
// file itself.
func TestWriteMarginNotes(t *testing.T) {
	orig := pdftest.Write(twoPages(pdftest.Page{Rotate: 90}), pdftest.Options{})
	marks := []annotate.Mark{
		{Page: 2, Color: annotate.Amber, Author: "budgetlint", Subject: "numbering-gap", Contents: "警告 · numbering-gap\n第二部分之后是第四部分"},
		{Page: 2, Color: annotate.Red, Author: "budgetlint", Subject: "year-mention", Contents: "错误 · year-mention"},
		{Page: 3, Contents: "no such page"},
	}
	var out bytes.Buffer
	res, err := annotate.Write(&out, orig, marks, annotate.Options{})
	require.NoError(t, err)
	assert.Equal(t, 2, res.Annotations)
	assert.Equal(t, 1, res.Skipped, "a page the file does not have")
	f, err := pdfwrite.Open(out.Bytes())
	require.NoError(t, err)
	pg := f.Pages()[1]
	annots, _ := f.Resolve(pg.Dict["Annots"]).(pdfwrite.Array)
	require.Len(t, annots, 2)
	var tops []float64
	for _, a := range annots {
		d, _ := f.Resolve(a).(pdfwrite.Dict)
		assert.Equal(t, pdfwrite.Name("Text"), d["Subtype"])
		ap, _ := f.Resolve(d["AP"]).(pdfwrite.Dict)
		_, ok := f.Resolve(ap["N"]).(*pdfwrite.Stream)
		assert.True(t, ok, "drawn by the file")
		r := numbers(t, f.Resolve(d["Rect"]))
		// inside the page (user space of a page turned a quarter)
		assert.True(t, r[0] >= 0 && r[1] >= 0 && r[2] <= 595 && r[3] <= 842, "%v", r)
		tops = append(tops, r[0])
	}
	assert.NotEqual(t, tops[0], tops[1], "the second note is placed apart from the first")
	assert.Contains(t, decodeText(mustDict(t, f, annots[0])["Contents"]), "第二部分之后是第四部分")
}

func mustDict(t *testing.T, f *pdfwrite.File, o pdfwrite.Object) pdfwrite.Dict {
	t.Helper()
	d, ok := f.Resolve(o).(pdfwrite.Dict)
	require.True(t, ok)
	return d
}

// Whatever the file, writing marks never panics and never changes the
// original bytes of what it writes.
func FuzzWrite(f *testing.F) {
	f.Add(pdftest.Write(twoPages(pdftest.Page{}), pdftest.Options{}), 2, 10.0, 20.0)
	f.Add(pdftest.Write(twoPages(pdftest.Page{Rotate: 270, Annots: 1}), pdftest.Options{Streams: true, IndirectAnnots: true}), 1, -5.0, 1e9)
	f.Fuzz(func(t *testing.T, data []byte, page int, x, y float64) {
		marks := []annotate.Mark{
			{Page: page, Rects: []annotate.Rect{{X0: x, Y0: y, X1: x + 50, Y1: y + 12}}, Contents: "占比不符"},
			{Page: page, Contents: "note"},
		}
		var out bytes.Buffer
		if _, err := annotate.Write(&out, data, marks, annotate.Options{}); err != nil {
			return
		}
		if !bytes.HasPrefix(out.Bytes(), data) {
			t.Fatal("original bytes changed")
		}
	})
}
