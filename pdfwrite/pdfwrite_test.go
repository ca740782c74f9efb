package pdfwrite

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/internal/pdftest"
)

func TestParseObjects(t *testing.T) {
	cases := []struct {
		in   string
		want Object
	}{
		{"<< /Type /Page /MediaBox [0 0 595.276 841.89] /Rotate -90 >>", Dict{"Type": Name("Page"), "MediaBox": Array{int64(0), int64(0), 595.276, 841.89}, "Rotate": int64(-90)}},
		{"[1 0 R 2 0 R 3 4]", Array{Ref{1, 0}, Ref{2, 0}, int64(3), int64(4)}},
		{"(a\\(b\\)c\\n\\101 (nested))", String("a(b)c\nA (nested)")},
		{"<FEFF 4E2D 6587>", String{0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87}},
		{"<ABC>", String{0xAB, 0xC0}},
		{"/A#20B", Name("A B")},
		{"[.5 -.5 5. --3]", Array{0.5, -0.5, 5.0, -3.0}},
		{"<< /K [true false null] % comment\n /L 3 >>", Dict{"K": Array{true, false, nil}, "L": int64(3)}},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			p := &parser{b: []byte(tc.in)}
			got, err := p.object()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"<< /A 1", "[1 2", "(open", "<< 1 2 >>", "<GZ>", "]", "1e5", "nan"} {
		p := &parser{b: []byte(in)}
		_, err := p.object()
		assert.Error(t, err, in)
	}
}

// Written objects read back as they were: a page dictionary copied into an
// update loses nothing.
func TestWriteReadsBack(t *testing.T) {
	objs := []Object{
		Dict{"Type": Name("Page"), "MediaBox": Array{int64(0), int64(0), 595.276, 841.89}, "Odd": Name("a b/c#"), "S": String("(x)\\\n")},
		Array{Ref{12, 0}, nil, true, -0.001, 1234567.5},
		Text("预算执行"),
	}
	for _, o := range objs {
		b := appendObject(nil, o)
		p := &parser{b: b}
		got, err := p.object()
		require.NoError(t, err, string(b))
		assert.Equal(t, o, got, string(b))
	}
}

func TestText(t *testing.T) {
	assert.Equal(t, String("share"), Text("share"))
	assert.Equal(t, String{0xFE, 0xFF, 0x53, 0x60, 0x6B, 0xD4}, Text("占比"))
	assert.Equal(t, String{0xFE, 0xFF, 0xD8, 0x40, 0xDC, 0x0B}, Text("\U0002000B"), "outside the BMP: a surrogate pair")
}

func TestOpenLayouts(t *testing.T) {
	pages := []pdftest.Page{pdftest.Lines("one"), {Rotate: 90, Crop: [4]float64{10, 10, 500, 800}}, {Inherit: true}}
	for _, opt := range []pdftest.Options{{}, {Streams: true}} {
		data := pdftest.Write(pages, opt)
		f, err := Open(data)
		require.NoError(t, err)
		assert.Equal(t, opt.Streams, f.xrefStm)
		assert.False(t, f.Rebuilt)
		got := f.Pages()
		require.Len(t, got, 3)
		assert.Equal(t, [4]float64{0, 0, 595, 842}, got[0].Box)
		assert.Equal(t, [4]float64{10, 10, 500, 800}, got[1].Box)
		assert.Equal(t, 90, got[1].Rotate)
		assert.Equal(t, 790.0, got[1].Width(), "a quarter turn shows the height as width")
		assert.Equal(t, [4]float64{0, 0, 595, 842}, got[2].Box, "inherited from the page tree")
	}
}

// An update adds objects after the original bytes and a section pointing
// back to the original's; read again, the file has the new objects and the
// old ones.
func TestUpdateChains(t *testing.T) {
	for _, opt := range []pdftest.Options{{}, {Streams: true}} {
		data := pdftest.Write([]pdftest.Page{pdftest.Lines("one"), pdftest.Lines("two")}, opt)
		f, err := Open(data)
		require.NoError(t, err)
		u := f.NewUpdate()
		pg := f.Pages()[1]
		note := u.Add(Dict{"Type": Name("Annot"), "Subtype": Name("Text"), "Rect": Array{int64(0), int64(0), int64(10), int64(10)}})
		d := Dict{}
		for k, v := range pg.Dict {
			d[k] = v
		}
		d["Annots"] = Array{note}
		u.Set(pg.Ref, d)
		var out bytes.Buffer
		_, err = u.WriteTo(&out)
		require.NoError(t, err)
		require.True(t, bytes.HasPrefix(out.Bytes(), data))
		g, err := Open(out.Bytes())
		require.NoError(t, err)
		assert.Equal(t, opt.Streams, g.xrefStm, "the new section has the kind of the old one")
		assert.Equal(t, int64(f.startxref), g.Trailer["Prev"])
		gp := g.Pages()
		require.Len(t, gp, 2)
		assert.Equal(t, Array{note}, gp[1].Dict["Annots"])
		assert.Nil(t, gp[0].Dict["Annots"])
		a, _ := g.Resolve(note).(Dict)
		assert.Equal(t, Name("Text"), a["Subtype"])
	}
}

// A download cut short loses the cross-reference table, the page tree and
// the catalog: the pages found are given a new tree and catalog.
func TestTruncatedFile(t *testing.T) {
	data := pdftest.Write([]pdftest.Page{pdftest.Lines("one"), pdftest.Lines("two"), pdftest.Lines("three")}, pdftest.Options{})
	cut := data[:bytes.Index(data, []byte("xref"))]
	// drop the catalog and page tree too, as a cut at the end of a file
	// written catalog-last does
	cut = bytes.Replace(cut, []byte("/Type /Catalog"), []byte("/Type /Lost   "), 1)
	f, err := Open(cut)
	require.NoError(t, err)
	assert.True(t, f.Rebuilt)
	require.Len(t, f.Pages(), 3)
	u := f.NewUpdate()
	var out bytes.Buffer
	_, err = u.WriteTo(&out)
	require.NoError(t, err)
	g, err := Open(out.Bytes())
	require.NoError(t, err)
	assert.False(t, g.Rebuilt, "the update's section lists every object")
	assert.Len(t, g.Pages(), 3)
}

func TestOpenRefuses(t *testing.T) {
	_, err := Open([]byte("hello"))
	assert.Error(t, err)
	_, err = Open([]byte("%PDF-1.4\n1 0 obj << /Foo 1 >> endobj\n"))
	assert.Error(t, err, "no catalog and no page")
	enc := pdftest.Write([]pdftest.Page{pdftest.Lines("x")}, pdftest.Options{})
	enc = bytes.Replace(enc, []byte("trailer\n<<"), []byte("trailer\n<< /Encrypt << /Filter /Standard >>"), 1)
	_, err = Open(enc)
	assert.ErrorIs(t, err, ErrEncrypted)
}

func FuzzOpen(f *testing.F) {
	f.Add(pdftest.Write([]pdftest.Page{pdftest.Lines("one")}, pdftest.Options{}))
	f.Add(pdftest.Write([]pdftest.Page{pdftest.Lines("one"), {Annots: 1}}, pdftest.Options{Streams: true, IndirectAnnots: true}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Open(data)
		if err != nil {
			return
		}
		pages := file.Pages()
		u := file.NewUpdate()
		if len(pages) > 0 && pages[0].Ref != (Ref{}) {
			u.Set(pages[0].Ref, pages[0].Dict)
		}
		var out bytes.Buffer
		if _, err := u.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(out.Bytes(), data) {
			t.Fatal("original bytes changed")
		}
	})
}
