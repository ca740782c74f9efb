package output_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/internal/pdftest"
	"github.com/budgetlint/budgetlint/internal/poppler"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser/pdffile"
	"github.com/budgetlint/budgetlint/pdfwrite"
)

// The annotated copy of a checked PDF: the original bytes followed by a
// highlight over the claim's glyphs (as the project's reader placed them),
// with the finding in the note; the original is not touched.
func TestAnnotatedCopy(t *testing.T) {
	for _, opt := range []pdftest.Options{{}, {Streams: true}} {
		pages := sharePages()
		src := t.TempDir()
		path := writeTemp(t, src, "district/report.pdf", pdftest.Write(pages, opt))
		before := hashFile(t, path)
		res := check(t, path, mustRead(t, path))
		i := findRule(t, res.Findings, "share-mismatch")
		dir := t.TempDir()
		var log bytes.Buffer
		require.NoError(t, output.Annotated(dir, &output.Run{Files: []output.FileResult{res}}, &log))
		assert.Empty(t, log.String())
		assert.Equal(t, before, hashFile(t, path), "the original was modified")

		out := filepath.Join(dir, "report.pdf")
		copyBytes := mustRead(t, out)
		orig := mustRead(t, path)
		require.True(t, bytes.HasPrefix(copyBytes, orig), "the copy starts with the original bytes")

		f, err := pdfwrite.Open(copyBytes)
		require.NoError(t, err)
		got := f.Pages()
		require.Len(t, got, 2)
		annots, _ := f.Resolve(got[1].Dict["Annots"]).(pdfwrite.Array)
		var hl []pdfwrite.Dict
		for _, a := range annots {
			if d, ok := f.Resolve(a).(pdfwrite.Dict); ok && d["Subtype"] == pdfwrite.Name("Highlight") {
				hl = append(hl, d)
			}
		}
		n := 0
		for _, x := range res.Findings {
			if x.Page == 2 {
				n++
			}
		}
		require.Len(t, hl, n, "one highlight per finding on page 2")
		var share pdfwrite.Dict
		for _, d := range hl {
			if text(d["Subj"]) == "share-mismatch" {
				share = d
			}
		}
		require.NotNil(t, share)
		note := text(share["Contents"])
		assert.Contains(t, note, "错误 · share-mismatch")
		assert.Contains(t, note, res.Findings[i].Message)
		assert.Contains(t, note, "所述：")
		assert.Contains(t, note, "应为：")
		// the rectangle covers the claim's glyphs as drawn (user space)
		box := pages[1].Texts[1].Box(shareSpan)
		r := nums(f.Resolve(share["Rect"]))
		require.Len(t, r, 4)
		assert.True(t, r[0] <= box[0] && r[1] <= box[1] && r[2] >= box[2] && r[3] >= box[3], "Rect %v does not cover the glyphs %v", r, box)
		assert.Less(t, r[2]-r[0], box[2]-box[0]+4, "the highlight is the claim's, not the line's")

		// the project's reader reads the same pages and text
		a, err := pdffile.Read(orig)
		require.NoError(t, err)
		b, err := pdffile.Read(copyBytes)
		require.NoError(t, err)
		assert.Equal(t, a.Source, b.Source)
		if !testing.Short() {
			popplerClean(t, out, "2")
		}
	}
}

// Copies keep their paths below the folder the files have in common, so
// two districts' report.pdf do not overwrite each other.
func TestAnnotatedNames(t *testing.T) {
	src := t.TempDir()
	data := pdftest.Write(sharePages(), pdftest.Options{})
	a := writeTemp(t, src, "east/report.pdf", data)
	b := writeTemp(t, src, "west/sub/report.pdf", data)
	dir := t.TempDir()
	run := &output.Run{Files: []output.FileResult{check(t, a, data), check(t, b, data)}}
	require.NoError(t, output.Annotated(dir, run, io.Discard))
	for _, p := range []string{"east/report.pdf", "west/sub/report.pdf"} {
		_, err := os.Stat(filepath.Join(dir, p))
		assert.NoError(t, err, p)
	}
}

// An output folder that is the files' own folder would replace the
// originals: refused, and said.
func TestAnnotatedNeverReplacesOriginal(t *testing.T) {
	src := t.TempDir()
	path := writeTemp(t, src, "report.pdf", pdftest.Write(sharePages(), pdftest.Options{}))
	before := hashFile(t, path)
	var log bytes.Buffer
	run := &output.Run{Files: []output.FileResult{check(t, path, mustRead(t, path))}}
	require.NoError(t, output.Annotated(src, run, &log))
	assert.Contains(t, log.String(), "would replace the original")
	assert.Equal(t, before, hashFile(t, path))
}

// popplerClean: pdfinfo reads the file without complaint, with pages pages,
// and pdftoppm renders its first page.
func popplerClean(t *testing.T, path, pages string) {
	t.Helper()
	poppler.Need(t)
	info, complaints, err := poppler.Info(t, path)
	require.NoError(t, err, complaints)
	assert.Empty(t, complaints)
	assert.Equal(t, pages, poppler.Pages(info))
	_, complaints, err = poppler.Render(t, path, 1, 20)
	assert.NoError(t, err, complaints)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func text(o pdfwrite.Object) string {
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

func nums(o pdfwrite.Object) []float64 {
	a, _ := o.(pdfwrite.Array)
	var out []float64
	for _, x := range a {
		if v, ok := pdfwrite.Num(x); ok {
			out = append(out, v)
		}
	}
	return out
}
