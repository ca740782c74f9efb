package docxfile

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeDOCX builds a minimal .docx around body XML, as Word lays it out.
func makeDOCX(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/styles.xml": `<w:styles ` + wNS + `><w:style w:type="paragraph" w:styleId="3"><w:name w:val="Body Text"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="21"><w:name w:val="heading 1"/></w:style></w:styles>`,
		documentPart: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	})
}

func zipOf(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(content))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func p(runs ...string) string { return `<w:p>` + strings.Join(runs, "") + `</w:p>` }
func r(text string) string    { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// excerpt is modelled on the 承德 2025 report: a heading, narrative split
// over runs (Word splits at every formatting or spell-check change), a soft
// line break, a tab, a deleted revision and a text box with its fallback.
var excerpt = p(`<w:pPr><w:pStyle w:val="21"/></w:pPr>`, r("一、2024年预算执行情况")) +
	p(r("全市一般公共预算收入"), r("完成"), `<w:r><w:t>125.6亿元</w:t></w:r>`, `<w:r><w:delText>旧数</w:delText></w:r>`, r("，增长5.2%。")) +
	p() +
	p(r("其中：税收收入"), `<w:r><w:br/></w:r>`, r("80.1亿元"), `<w:r><w:tab/></w:r>`, r("占63.8%")) +
	p(`<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>`+p(r("框内"))+`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>`+p(r("框内"))+`</mc:Fallback></mc:AlternateContent></w:r>`, r("正文"))

func TestReadParagraphs(t *testing.T) {
	raw, err := Read(makeDOCX(t, excerpt))
	require.NoError(t, err)
	assert.False(t, raw.PageLines, "no page breaks, so positions are paragraph numbers")
	assert.Equal(t, "一、2024年预算执行情况\n全市一般公共预算收入完成125.6亿元，增长5.2%。\n\n其中：税收收入 80.1亿元\t占63.8%\n框内正文", raw.Source)

	tests := []struct {
		text string
		kind doc.Kind
		line int // 1-based source line = paragraph number
	}{
		{"一、2024年预算执行情况", doc.KindHeading, 1},
		{"全市一般公共预算收入完成125.6亿元，增长5.2%。", doc.KindParagraph, 2},
		{"其中：税收收入 80.1亿元\t占63.8%", doc.KindParagraph, 4},
		{"框内正文", doc.KindParagraph, 5},
	}
	require.Len(t, raw.Lines, len(tests))
	src := doc.NewSource(raw.Source, raw.PageLines)
	for i, tt := range tests {
		l := raw.Lines[i]
		assert.Equal(t, tt.text, l.Text)
		assert.Equal(t, tt.kind, l.Kind)
		assert.True(t, l.Break)
		require.Equal(t, len([]rune(l.Text)), l.Pos.Len())
		assert.Equal(t, tt.line, src.Position(l.Pos.At(0)).Line)
		// every rune maps back to the same rune of the source
		for k, c := range []rune(l.Text) {
			assert.Equal(t, c, src.At(l.Pos.At(k)))
		}
	}
}

func TestReadTableGrid(t *testing.T) {
	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + p(r(text)) + `</w:tc>`
	}
	body := p(r("表1 收支情况")) + `<w:tbl>` +
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, "项目") + tc(`<w:gridSpan w:val="2"/>`, "2024年") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, "") + tc("", "预算数") + tc("", "执行数") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", "100") + `<w:tc>` + p(r("95")) + p(r("（调整后）")) + `</w:tc></w:tr>` +
		`</w:tbl>` + p(r("表后说明"))
	raw, err := Read(makeDOCX(t, body))
	require.NoError(t, err)
	require.Len(t, raw.Tables, 1)
	tb := raw.Tables[0]
	type cell struct {
		Text                       string
		Row, Col, RowSpan, ColSpan int
	}
	var got []cell
	for _, row := range tb.Rows {
		for _, c := range row {
			got = append(got, cell{c.Text, c.Row, c.Col, int(c.RowSpan), int(c.ColSpan)})
			if c.Line >= 0 {
				assert.Equal(t, doc.KindTableCell, raw.Lines[c.Line].Kind)
				assert.Equal(t, strings.Split(c.Text, "\n")[0], raw.Lines[c.Line].Text)
			}
		}
	}
	assert.Equal(t, []cell{
		{"项目", 0, 0, 2, 1}, {"2024年", 0, 1, 1, 2},
		{"预算数", 1, 1, 1, 1}, {"执行数", 1, 2, 1, 1},
		{"100", 2, 1, 1, 1}, {"95\n（调整后）", 2, 2, 1, 1},
	}, got)
	assert.Equal(t, "项目", raw.Lines[tb.FirstLine].Text)
	assert.Equal(t, "（调整后）", raw.Lines[tb.LastLine].Text)
	assert.Equal(t, "表后说明", raw.Lines[tb.LastLine+1].Text)
	// the second paragraph of a cell continues the cell's block
	assert.False(t, raw.Lines[tb.LastLine].Break)
	assert.Equal(t, 10, strings.Count(raw.Source, "\n")+1, "one source line per paragraph, empty cell included")
}

func TestReadPageBreaks(t *testing.T) {
	body := p(r("第一页")) +
		p(r("页末"), `<w:r><w:br w:type="page"/></w:r>`) +
		p(`<w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r>`) + // same break, rendered: not a third page
		p(r("跨页前"), `<w:r><w:lastRenderedPageBreak/><w:t>跨页后</w:t></w:r>`)
	raw, err := Read(makeDOCX(t, body))
	require.NoError(t, err)
	assert.True(t, raw.PageLines)
	assert.Equal(t, "第一页\n页末\f第二页\n跨页前\f跨页后", raw.Source)
	src := doc.NewSource(raw.Source, true)
	type line struct {
		Text          string
		Page, SrcLine int
		Break         bool
	}
	var got []line
	for _, l := range raw.Lines {
		got = append(got, line{l.Text, l.Page, src.Position(l.Pos.At(0)).Line, l.Break})
		assert.Equal(t, l.Page, src.Position(l.Pos.At(0)).Page)
	}
	assert.Equal(t, []line{
		{"第一页", 1, 1, true}, {"页末", 1, 2, true}, {"第二页", 2, 1, true},
		{"跨页前", 2, 2, true}, {"跨页后", 3, 1, false},
	}, got)
}

func TestReadRefuses(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create(documentPart)
	_, _ = w.Write(bytes.Repeat([]byte{' '}, 8<<20)) // 8 MB of spaces deflate to ~8 KB
	require.NoError(t, zw.Close())

	var lying bytes.Buffer // declares 10 bytes, inflates to 1 MB
	zw = zip.NewWriter(&lying)
	content := bytes.Repeat([]byte("a"), 1<<20)
	hw, err := zw.CreateRaw(&zip.FileHeader{Name: documentPart, Method: zip.Store, CompressedSize64: uint64(len(content)), UncompressedSize64: 10})
	require.NoError(t, err)
	_, _ = hw.Write(content)
	require.NoError(t, zw.Close())

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("%PDF-1.7 not a docx"), "not a DOCX file (not a zip archive"},
		{"zip without document", zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"}), "no word/document.xml"},
		{"zip bomb", bomb.Bytes(), "zip bomb"},
		{"size lie", lying.Bytes(), "not a DOCX file"},
		{"broken xml", makeDOCX(t, "<w:p><w:r>"), "word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestReadCorpus reads the real 承德 2025 draft when the shared corpus is there.
func TestReadCorpus(t *testing.T) {
	data, err := os.ReadFile("../../../shared/corpus/docs/he-chengde-2025-budget-exec-report.docx")
	if err != nil {
		t.Skip("shared corpus not available:", err)
	}
	raw, err := Read(data)
	require.NoError(t, err)
	assert.Greater(t, len(raw.Lines), 50)
	assert.Contains(t, raw.Source, "承德")
	assert.Contains(t, raw.Source, "一般公共预算")
	src := doc.NewSource(raw.Source, raw.PageLines)
	for _, l := range raw.Lines {
		require.NotZero(t, l.Pos.Len())
		require.Equal(t, []rune(l.Text)[0], src.At(l.Pos.At(0)))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(makeDOCX(f, excerpt))
	f.Add(makeDOCX(f, `<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val="99999999"/></w:tcPr><w:p><w:r><w:br w:type="page"/></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		raw, err := Read(data)
		if err != nil {
			return
		}
		src := []rune(raw.Source)
		for _, l := range raw.Lines {
			if l.Pos.Len() != len([]rune(l.Text)) {
				t.Fatalf("line %q has %d positions", l.Text, l.Pos.Len())
			}
			for k, c := range []rune(l.Text) {
				if l.Pos.At(k) >= len(src) || src[l.Pos.At(k)] != c {
					t.Fatalf("line %q rune %d does not map to the source", l.Text, k)
				}
			}
		}
	})
}
