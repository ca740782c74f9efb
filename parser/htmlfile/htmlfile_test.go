package htmlfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

func readFile(t *testing.T, path string) *doc.Raw {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	raw, err := Read(data)
	require.NoError(t, err)
	return raw
}

// findLine returns the first line containing s.
func findLine(t *testing.T, raw *doc.Raw, s string) doc.Line {
	t.Helper()
	for _, l := range raw.Lines {
		if strings.Contains(l.Text, s) {
			return l
		}
	}
	require.Failf(t, "line not found", "%q", s)
	return doc.Line{}
}

// posOf is the source offset of the rune of l that starts s.
func posOf(t *testing.T, l doc.Line, s string) int {
	t.Helper()
	i := strings.Index(l.Text, s)
	require.GreaterOrEqual(t, i, 0, "%q not in %q", s, l.Text)
	return l.Pos.At(len([]rune(l.Text[:i])))
}

// checkPositions asserts the reader's contract: every rune maps to the same
// rune in the source, or to the '&' of the reference that produced it, or
// (a collapsed or joining space) to white space or a tag's '<'; offsets rise.
func checkPositions(t *testing.T, raw *doc.Raw) {
	t.Helper()
	src := []rune(raw.Source)
	for _, l := range raw.Lines {
		text := []rune(l.Text)
		require.Equal(t, len(text), l.Pos.Len(), "line %q", l.Text)
		for i, p := range l.Pos.All() {
			require.True(t, p >= 0 && p < len(src), "pos %d outside source in %q", p, l.Text)
			if i > 0 {
				require.Greater(t, p, l.Pos.At(i-1), "positions not increasing in %q", l.Text)
			}
			s, r := src[p], text[i]
			ok := s == r || s == '&' || (r == ' ' && (isHTMLSpace(s) || s == '<'))
			require.True(t, ok, "rune %d %q of %q maps to source %q at %d", i, r, l.Text, s, p)
		}
	}
}

func TestReadTestdata(t *testing.T) {
	tests := []struct {
		file string
		want []string // lines, by content, in order
		pos  map[string]string
		not  []string // text that must not be read
	}{
		{
			file: "yiyang-gb2312.html",
			want: []string{
				"关于益阳市2025年预算执行情况与 2026年预算草案的报告",
				"（一）预算执行情况",
				"1．全市预算执行情况",
				"（1）一般公共预算。经汇总县市区数据，全市地方一般公共预算收入（预计完成数，下同）113.6亿元，为预算的100%，增长5%。",
			},
			pos: map[string]string{"113.6亿元": `<span style="font-size: 16pt;">113.6</span>`},
		},
		{
			file: "cq-jtw.jsp.html",
			want: []string{"重庆市交通委员会", "当前位置： 首页 > 重庆市交通委员会2018年部门预算情况说明", "重庆市交通委员会2018年部门预算情况说明", "一、单位基本情况", "（一）职能职责。"},
			not:  []string{"page language", "taglib", "pageEncoding", "font-family", "%>"},
		},
		{
			file: "shanghai-entities.html",
			want: []string{"上海市2025年预算执行情况", "关于上海市2025年预算执行情况和2026年预算草案的报告", "——2026年2月7日上海市第十六届人民代表大会第四次会议通过", "各位代表："},
			pos:  map[string]string{"“五个中心”": "&ldquo;五个中心&rdquo;", "——2026": "&mdash;&mdash;2026"},
		},
		{
			file: "lvliang-table.html",
			want: []string{"索\u00a0\u00a0引\u00a0\u00a0号：111423LL00100/2019-01010", "发文字号：", "成文日期：2019年03月12日"},
			not:  []string{"不应出现", "color:red"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw := readFile(t, filepath.Join("testdata", tt.file))
			checkPositions(t, raw)
			assert.Equal(t, doc.FormatHTML, raw.Format)
			i := 0
			for _, l := range raw.Lines {
				assert.True(t, l.Break, "line %q", l.Text)
				if i < len(tt.want) && strings.HasPrefix(l.Text, tt.want[i]) {
					i++
				}
			}
			assert.Equal(t, len(tt.want), i, "lines in order; stuck at %q", tt.want[min(i, len(tt.want)-1)])
			for text, at := range tt.pos {
				l := findLine(t, raw, text)
				off := strings.Index(raw.Source, at)
				require.GreaterOrEqual(t, off, 0)
				// the first rune of text is the first character of at (or its entity)
				want := len([]rune(raw.Source[:off]))
				if strings.HasPrefix(at, "<") {
					want += len([]rune(at[:strings.Index(at, ">")+1]))
				}
				assert.Equal(t, want, posOf(t, l, text), "pos of %q", text)
			}
			for _, l := range raw.Lines {
				for _, s := range tt.not {
					assert.NotContains(t, l.Text, s)
				}
			}
		})
	}
}

func TestTitleFirstHeading(t *testing.T) {
	raw := readFile(t, "testdata/yiyang-gb2312.html")
	require.NotEmpty(t, raw.Lines)
	first := raw.Lines[0]
	assert.Equal(t, doc.KindHeading, first.Kind)
	assert.Equal(t, "关于益阳市2025年预算执行情况与 2026年预算草案的报告", first.Text)
	// GB2312 bytes decoded: the source holds the characters, not mojibake
	assert.Contains(t, raw.Source, "<title>关于益阳市2025年")
	assert.Equal(t, len([]rune(raw.Source[:strings.Index(raw.Source, "<title>")]))+7, first.Pos.At(0))
}

func TestKinds(t *testing.T) {
	src := `<html><head><title>T</title><style>p{}</style></head><body>
<h2>一、总体情况</h2><p>正文<b>加粗</b>继续</p><ul><li>条目一<li>条目二</ul>
<table><caption>表1 收支表</caption><tr><th>项目</th><td>1.5</td></tr></table>
<div>甲<br>乙</div><pre>第一行
  第二行</pre></body></html>`
	raw, err := Read([]byte(src))
	require.NoError(t, err)
	checkPositions(t, raw)
	type kl struct {
		kind doc.Kind
		text string
	}
	var got []kl
	for _, l := range raw.Lines {
		got = append(got, kl{l.Kind, l.Text})
	}
	assert.Equal(t, []kl{
		{doc.KindHeading, "T"},
		{doc.KindHeading, "一、总体情况"},
		{doc.KindParagraph, "正文加粗继续"},
		{doc.KindListItem, "条目一"},
		{doc.KindListItem, "条目二"},
		{doc.KindCaption, "表1 收支表"},
		{doc.KindTableCell, "项目"},
		{doc.KindTableCell, "1.5"},
		{doc.KindParagraph, "甲"},
		{doc.KindParagraph, "乙"},
		{doc.KindParagraph, "第一行"},
		{doc.KindParagraph, "第二行"},
	}, got)
	require.Len(t, raw.Tables, 1)
	assert.Equal(t, "表1 收支表", raw.Tables[0].Title)
	assert.Equal(t, 2, raw.Lines[len(raw.Lines)-1].Indent, "pre keeps its indentation as Indent")
}

func TestInlineAndWhitespace(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"spans joined", `<p><span>收入</span><span>113.6</span><span>亿元</span></p>`, []string{"收入113.6亿元"}},
		{"space between spans kept once", "<p><span>a</span> \n\t <span>b</span></p>", []string{"a b"}},
		{"white space collapsed and trimmed", "<p>\n   增长 \n\n  5%  </p>", []string{"增长 5%"}},
		{"br ends a line", `<p>第一<br/>第二<br>第三</p>`, []string{"第一", "第二", "第三"}},
		{"empty blocks dropped", `<p> </p><p>&nbsp;</p><div><span></span></div><p>x</p>`, []string{"x"}},
		{"entities", `<p>&lt;a&gt; &amp; &quot;q&quot; &#12288;&#x4E00; &nbsp;x &copy2025 &notin; &ampx R&D</p>`, []string{"<a> & \"q\" \u3000一 \u00a0x ©2025 ∉ &x R&D"}},
		{"script and comments skipped", `<p>a<script>document.write("b")</script><!-- c -->d<noscript>e</noscript><template>f</template></p>`, []string{"ad"}},
		{"asp block dropped", `<p>前<% Response.Write("<p>x</p>") %>后</p>`, []string{"前后"}},
		{"unclosed tags", `<div><p>one<p>two<li>three<h3>four`, []string{"one", "two", "three", "four"}},
		{"zero-width only line dropped", "<p>\u200d\u200d</p><p>y</p>", []string{"y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := Read([]byte(tt.html))
			require.NoError(t, err)
			checkPositions(t, raw)
			var got []string
			for _, l := range raw.Lines {
				got = append(got, l.Text)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestEntityPositions(t *testing.T) {
	src := "<p>a&amp;b&#12288;c</p>"
	raw, err := Read([]byte(src))
	require.NoError(t, err)
	require.Len(t, raw.Lines, 1)
	l := raw.Lines[0]
	assert.Equal(t, "a&b\u3000c", l.Text)
	assert.Equal(t, []int{3, 4, 9, 10, 18}, l.Pos.Ints())
}

func TestPositionsAreRuneOffsets(t *testing.T) {
	// multi-byte characters before the text: offsets count runes, not bytes
	src := "<title>预算报告</title><p>收入<span>100</span>万元</p>"
	raw, err := Read([]byte(src))
	require.NoError(t, err)
	require.Len(t, raw.Lines, 2)
	l := raw.Lines[1]
	assert.Equal(t, "收入100万元", l.Text)
	r := []rune(src)
	assert.Equal(t, '收', r[l.Pos.At(0)])
	assert.Equal(t, 22, l.Pos.At(0))
	assert.Equal(t, '1', r[l.Pos.At(2)])
	assert.Equal(t, '万', r[l.Pos.At(5)])
}

func TestCRLFNormalised(t *testing.T) {
	raw, err := Read([]byte("<p>a</p>\r\n<p>b\r\nc</p>"))
	require.NoError(t, err)
	assert.Equal(t, "<p>a</p>\n<p>b\nc</p>", raw.Source)
	require.Len(t, raw.Lines, 2)
	assert.Equal(t, "b c", raw.Lines[1].Text)
	assert.Equal(t, []int{12, 13, 14}, raw.Lines[1].Pos.Ints())
}

func TestTableGrid(t *testing.T) {
	src := `<table>
<tr><td rowspan="2">项目</td><td colspan="2">2025年</td><td rowspan=2>备注</td></tr>
<tr><td>预算数</td><td>决算数</td></tr>
<tr><td>合计</td><td>1,234.56</td><td><p>1,200</p><p>.00</p></td><td></td></tr>
</table>`
	raw, err := Read([]byte(src))
	require.NoError(t, err)
	checkPositions(t, raw)
	require.Len(t, raw.Tables, 1)
	tb := raw.Tables[0]
	type cell struct {
		row, col, rs, cs int
		text             string
	}
	var got []cell
	for ri, row := range tb.Rows {
		for _, c := range row {
			assert.Equal(t, ri, c.Row)
			got = append(got, cell{c.Row, c.Col, int(c.RowSpan), int(c.ColSpan), c.Text})
		}
	}
	assert.Equal(t, []cell{
		{0, 0, 2, 1, "项目"}, {0, 1, 1, 2, "2025年"}, {0, 3, 2, 1, "备注"},
		{1, 1, 1, 1, "预算数"}, {1, 2, 1, 1, "决算数"},
		{2, 0, 1, 1, "合计"}, {2, 1, 1, 1, "1,234.56"}, {2, 2, 1, 1, "1,200 .00"}, {2, 3, 1, 1, ""},
	}, got)
	assert.Empty(t, tb.Title)
	var lines []string
	for _, l := range raw.Lines {
		assert.Equal(t, doc.KindTableCell, l.Kind)
		lines = append(lines, l.Text)
	}
	assert.Equal(t, []string{"项目", "2025年", "备注", "预算数", "决算数", "合计", "1,234.56", "1,200 .00"}, lines)
}

func TestRealTable(t *testing.T) {
	raw := readFile(t, "testdata/honghe-table.html")
	checkPositions(t, raw)
	require.Len(t, raw.Tables, 1)
	tb := raw.Tables[0]
	require.Len(t, tb.Rows, 8)
	for _, row := range tb.Rows {
		assert.Len(t, row, 4)
	}
	assert.Equal(t, "单位：万元", tb.Rows[0][3].Text)
	assert.Equal(t, "比2025年预算数增减", tb.Rows[1][3].Text)
	assert.Equal(t, "3142.4", tb.Rows[2][2].Text)
	assert.Equal(t, "-0.6", tb.Rows[4][3].Text)
	assert.Equal(t, 3, tb.Rows[4][3].Col)

	lv := readFile(t, "testdata/lvliang-table.html")
	require.Len(t, lv.Tables, 1)
	c := lv.Tables[0].Rows[0][0]
	assert.EqualValues(t, 2, c.ColSpan)
	assert.Equal(t, 1, lv.Tables[0].Rows[1][1].Col)
}

func TestNestedTable(t *testing.T) {
	src := `<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table>尾</td><td>右</td></tr></table>`
	raw, err := Read([]byte(src))
	require.NoError(t, err)
	checkPositions(t, raw)
	var lines []string
	for _, l := range raw.Lines {
		lines = append(lines, l.Text)
	}
	assert.Equal(t, []string{"外", "内1", "内2", "尾", "右"}, lines)
	require.Len(t, raw.Tables, 2)
	assert.Equal(t, "外 尾", raw.Tables[0].Rows[0][0].Text)
	assert.Equal(t, 1, raw.Tables[0].Rows[0][1].Col)
	assert.Equal(t, "内2", raw.Tables[1].Rows[0][1].Text)
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ html, want string }{
		{`<meta charset="gb2312">`, "gb2312"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK">`, "GBK"},
		{`<meta content="text/html;charset=utf-8" http-equiv="Content-Type"/>`, "utf-8"},
		{`<meta name="x" content="y">`, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DeclaredCharset([]byte(tt.html)), tt.html)
	}
}

func TestMalformedNeverPanics(t *testing.T) {
	inputs := []string{
		"<", "&", "&#", "&#x", "&#99999999999999999999;", "<p>&", "<table><td rowspan=99999999 colspan=99999999>x",
		"<td>x</td></tr></table></table>", "<%", "<% unclosed <p>text</p>", "<title>t", "<script>never closed",
		"</p></div></li></h1>", "<table><caption><table><caption>x", "\xff\xfe<\x00p\x00>\x00", "<pre>\r\n\r\n</pre>",
		strings.Repeat("<div>", 5000) + "x" + strings.Repeat("</span>", 5000),
	}
	for _, in := range inputs {
		raw, err := Read([]byte(in))
		if err == nil {
			checkPositions(t, raw)
		}
	}
}

// largePage is a 16 MB page on one line whose nested tags never close.
func largePage() []byte {
	var b strings.Builder
	b.WriteString("<html><body>")
	para := "<p><span>全市一般公共预算收入</span><span>113.6</span><span>亿元&nbsp;增长5%</span></p><div><table><tr><td>合计</td><td rowspan=2>1.5"
	for b.Len() < 16<<20 {
		b.WriteString(para)
	}
	return []byte(b.String())
}

// Speed is measured by BenchmarkReadLargePage, not asserted here.
func TestLargeSingleLinePage(t *testing.T) {
	raw, err := Read(largePage())
	require.NoError(t, err)
	assert.Greater(t, len(raw.Lines), 100000)
	assert.Equal(t, "全市一般公共预算收入113.6亿元\u00a0增长5%", raw.Lines[0].Text)
}

// TestCorpus reads every HTML report of the shared corpus and checks the
// position contract on all of them.
func TestCorpus(t *testing.T) {
	dir := "../../../shared/corpus/docs"
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) == 0 {
		t.Skip("shared corpus not found at " + dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw := readFile(t, f)
			checkPositions(t, raw)
			assert.Greater(t, len(raw.Lines), 20)
			for _, l := range raw.Lines {
				assert.NotContains(t, l.Text, "function(", "script text read as text")
				assert.NotContains(t, l.Text, "<%")
			}
		})
	}
	t.Run("yiyang spans joined", func(t *testing.T) {
		raw := readFile(t, filepath.Join(dir, "hn-yiyang-2025-budget-exec-report-gb2312.html"))
		l := findLine(t, raw, "一般公共预算收入（预计完成数，下同）")
		assert.Contains(t, l.Text, "113.6亿元，为预算的100%，增长5%")
	})
}

// BenchmarkReadLargePage: go test -bench ReadLargePage ./parser/htmlfile (about 1 s per 16 MB page).
func BenchmarkReadLargePage(b *testing.B) {
	page := largePage()
	b.SetBytes(int64(len(page)))
	for i := 0; i < b.N; i++ {
		if _, err := Read(page); err != nil {
			b.Fatal(err)
		}
	}
}
