package pdffile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

var corpus = filepath.Join("..", "..", "..", "shared", "corpus", "docs")

func readFile(t testing.TB, path string) *doc.Raw {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	raw, err := Read(data)
	require.NoError(t, err)
	return raw
}

func corpusFile(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(corpus, name)
	if _, err := os.Stat(p); err != nil {
		t.Skip("corpus absent")
	}
	return p
}

func linesOf(raw *doc.Raw, page int) []doc.Line {
	var out []doc.Line
	for _, l := range raw.Lines {
		if l.Page == page {
			out = append(out, l)
		}
	}
	return out
}

func findLine(raw *doc.Raw, page int, prefix string) (doc.Line, bool) {
	for _, l := range linesOf(raw, page) {
		if strings.HasPrefix(l.Text, prefix) {
			return l, true
		}
	}
	return doc.Line{}, false
}

func segTexts(l doc.Line) []string {
	var s []string
	for _, g := range l.Segments() {
		s = append(s, g.Text)
	}
	return s
}

// Every line's text sits in Source at its offsets, pages are form-feed
// separated and lines newline separated.
func checkPositions(t *testing.T, raw *doc.Raw) {
	t.Helper()
	src := []rune(raw.Source)
	pages := strings.Count(raw.Source, "\f") + 1
	for i, l := range raw.Lines {
		require.Equal(t, utf8.RuneCountInString(l.Text), l.Pos.Len(), "line %d", i)
		for k, r := range []rune(l.Text) {
			require.Equal(t, r, src[l.Pos.At(k)], "line %d rune %d", i, k)
		}
		require.True(t, l.Page >= 1 && l.Page <= pages)
		if i > 0 && l.Pos.Len() > 0 && raw.Lines[i-1].Pos.Len() > 0 {
			prev := raw.Lines[i-1]
			sep := string(src[prev.Pos.Last()+1 : l.Pos.At(0)])
			if prev.Page == l.Page {
				require.Equal(t, "\n", sep)
			} else {
				require.Equal(t, strings.Repeat("\f", l.Page-prev.Page), sep)
			}
		}
		for _, s := range l.Segments() {
			rs := []rune(l.Text)
			require.LessOrEqual(t, s.Start+utf8.RuneCountInString(s.Text), len(rs))
			require.Equal(t, s.Text, string(rs[s.Start:s.Start+utf8.RuneCountInString(s.Text)]))
		}
	}
}

func TestReadTestdata(t *testing.T) {
	tests := []struct {
		file  string
		pages int
		page  int
		lines []string // consecutive lines on page, in order
	}{
		{"sh-putuo-wanli-street-2024-budget.pdf", 33, 1, []string{
			"上海市普陀区2024年区级部门预算",
			"预算主管部门：上海市普陀区人民政府万里街道办事处",
		}},
		{"sh-putuo-wanli-street-2024-budget.pdf", 33, 6, []string{
			"2024年部门预算编制说明",
			"2024年，上海市普陀区人民政府万里街道办事处收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少",
			"876.75万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。",
		}},
		{"sh-putuo-govoffice-2025-unit-budget.pdf", 21, 6, []string{
			"2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万",
			"元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
		}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/p%d", tc.file, tc.page), func(t *testing.T) {
			raw := readFile(t, filepath.Join("testdata", tc.file))
			assert.Empty(t, raw.NoText)
			assert.True(t, raw.PageLines)
			assert.Equal(t, tc.pages, strings.Count(raw.Source, "\f")+1)
			checkPositions(t, raw)
			var texts []string
			for _, l := range linesOf(raw, tc.page) {
				texts = append(texts, l.Text)
			}
			joined := "\n" + strings.Join(texts, "\n") + "\n"
			assert.Contains(t, joined, "\n"+strings.Join(tc.lines, "\n")+"\n")
		})
	}
}

func TestFiguresStayWhole(t *testing.T) {
	raw := readFile(t, filepath.Join("testdata", "sh-putuo-govoffice-2025-unit-budget.pdf"))
	for _, f := range []string{"9,101.68", "2,389.52", "1,202.95", "91,016,775.35"} {
		assert.Contains(t, raw.Source, f)
	}
	// no space inside a figure, none between CJK glyphs of running text
	assert.NotContains(t, raw.Source, "9,1 01.68")
	l, ok := findLine(raw, 6, "2025年，")
	require.True(t, ok)
	assert.NotContains(t, l.Text, " ")
}

func TestTableSegments(t *testing.T) {
	raw := readFile(t, filepath.Join("testdata", "sh-putuo-wanli-street-2024-budget.pdf"))
	l, ok := findLine(raw, 10, "一、财政拨款收入")
	require.True(t, ok)
	assert.Equal(t, []string{"一、财政拨款收入", "156,211,123", "一、一般公共服务支出", "2,932,700"}, segTexts(l))
	assert.True(t, l.Break)
	assert.Greater(t, l.Geo.X1, l.Geo.X0)
	assert.InDelta(t, 12, l.Geo.Size, 0.5)
	segs := l.Segments()
	for i := 1; i < len(segs); i++ {
		assert.Greater(t, segs[i].X0, segs[i-1].X1)
	}
}

func TestReadingOrderAndBreaks(t *testing.T) {
	raw := readFile(t, filepath.Join("testdata", "sh-putuo-wanli-street-2024-budget.pdf"))
	lines := linesOf(raw, 5)
	require.NotEmpty(t, lines)
	for i := 1; i < len(lines); i++ {
		assert.GreaterOrEqual(t, lines[i].Geo.Y, lines[i-1].Geo.Y, "top to bottom")
	}
	// a paragraph's first line is indented and starts a block; its
	// continuation does not
	first, ok := findLine(raw, 5, "（五）基本支出预算")
	require.True(t, ok)
	assert.True(t, first.Break)
	assert.Equal(t, 2, first.Indent)
	cont, ok := findLine(raw, 5, "括人员经费和公用经费两部分。")
	require.True(t, ok)
	assert.False(t, cont.Break)
}

func TestPageNumbersCorpus(t *testing.T) {
	raw := readFile(t, corpusFile(t, "nx-yinchuan-2025-budget-exec-report.pdf"))
	n := 0
	for _, l := range raw.Lines {
		if l.Role == doc.RolePageNumber {
			n++
			assert.Equal(t, fmt.Sprintf("- %d -", l.Page), l.Text)
		}
	}
	assert.GreaterOrEqual(t, n, 20)
}

func TestGarbledCorpus(t *testing.T) {
	raw := readFile(t, corpusFile(t, "js-huaian-2025-budget-exec-report-garbled.pdf"))
	assert.Contains(t, raw.NoText, "no usable text layer")
}

func TestTruncatedCorpus(t *testing.T) {
	data, err := os.ReadFile(corpusFile(t, "he-shijiazhuang-2025-budget-exec-report-TRUNCATED.pdf"))
	require.NoError(t, err)
	raw, err := Read(data)
	require.NoError(t, err) // pages are recovered
	require.NotNil(t, raw.Damage)
	assert.Contains(t, strings.Join(raw.Damage.Problems, "; "), "the file is cut short")
	assert.Equal(t, 72, raw.Damage.PagesRead)
	assert.Contains(t, raw.Source, "关于石家庄市2025年预算执行情况和")
}

func TestBadInput(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "sh-putuo-govoffice-2025-unit-budget.pdf"))
	require.NoError(t, err)
	tests := []struct {
		name string
		data []byte
	}{
		{"html named .pdf", []byte("<html><body>not a pdf</body></html>")},
		{"header only", []byte("%PDF-1.7\n")},
		{"cut in the header", good[:200]},
		{"encrypted", makePDF(t, pdfSpec{encrypt: true, content: "BT /F1 12 Tf 72 700 Td (hi) Tj ET"})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.data)
			assert.Error(t, err)
		})
	}
	// a cut file either fails cleanly or yields what survived
	raw, err := Read(good[:len(good)/2])
	if err == nil {
		assert.NotNil(t, raw)
	}
}

func TestImageOnlyIsNoText(t *testing.T) {
	raw, err := Read(makePDF(t, pdfSpec{image: true, content: "q 500 0 0 700 50 50 cm /Im1 Do Q"}))
	require.NoError(t, err)
	assert.Contains(t, raw.NoText, "no usable text layer")
	assert.Contains(t, raw.NoText, "image")
}

func TestGeneratedPage(t *testing.T) {
	content := strings.Join([]string{
		"BT /F1 10 Tf 1 0 0 1 72 760 Tm (Running head) Tj ET",
		"BT /F1 12 Tf 72 700 Td (Total 2,940.05 in 2024) Tj ET",
		// TJ adjustments inside a figure must not split it
		"BT /F1 12 Tf 72 680 Td [(1,2) -10 (34.5)] TJ ET",
		// a second column of figures far right
		"BT /F1 12 Tf 72 660 Td (Income) Tj 300 0 Td (4,733.14) Tj ET",
		"BT /F1 10 Tf 290 40 Td (- 3 -) Tj ET",
	}, "\n")
	raw, err := Read(makePDF(t, pdfSpec{content: content}))
	require.NoError(t, err)
	require.Empty(t, raw.NoText)
	checkPositions(t, raw)
	var texts []string
	for _, l := range raw.Lines {
		texts = append(texts, l.Text)
	}
	assert.Equal(t, []string{"Running head", "Total 2,940.05 in 2024", "1,234.5", "Income 4,733.14", "- 3 -"}, texts)
	assert.Equal(t, doc.RolePageNumber, raw.Lines[4].Role)
	assert.Equal(t, []string{"Income", "4,733.14"}, segTexts(raw.Lines[3]))
	assert.InDelta(t, 842-700, raw.Lines[1].Geo.Y, 0.01)
	assert.InDelta(t, 72, raw.Lines[1].Geo.X0, 0.01)
}

type pdfSpec struct {
	content string
	image   bool
	encrypt bool
}

// makePDF writes a one-page PDF with Helvetica as /F1 and, optionally, an
// image /Im1 or an (unusable) encryption dictionary.
func makePDF(t testing.TB, s pdfSpec) []byte {
	stream := deflate(s.content)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
	}
	enc := ""
	if s.encrypt {
		enc = " /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <" + strings.Repeat("ab", 32) + "> /U <" + strings.Repeat("cd", 32) + "> /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
	}
	return writePDF(objs, enc)
}

// deflate compresses a content stream as /FlateDecode expects.
func deflate(content string) string {
	var zb bytes.Buffer
	zw := zlib.NewWriter(&zb)
	zw.Write([]byte(content))
	zw.Close()
	return zb.String()
}

// writePDF numbers objs from 1 (object 1 is the catalog), writes the xref
// table and a trailer with extra entries appended.
func writePDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}
