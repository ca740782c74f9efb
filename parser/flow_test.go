package parser

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// pline is a line of a PDF page as the reader gives it: text, page, the
// left and right ends and the baseline, and the reader's own break mark.
type pline struct {
	text     string
	page     int
	x0, x1   float64
	y        float64
	brk      bool
	indent   int
	role     doc.Role
	segments int
	size     float64 // 12 when not set
}

// pdfRaw builds reader output for lines with geometry (12pt text, a body
// from x=56 to x=536).
func pdfRaw(ls []pline) *doc.Raw {
	raw := &doc.Raw{Format: doc.FormatPDF, PageLines: true}
	var src strings.Builder
	off := 0
	page := 1
	for _, p := range ls {
		for page < p.page {
			src.WriteString("\f")
			off++
			page++
		}
		if p.size == 0 {
			p.size = 12
		}
		l := doc.Line{Text: p.text, Page: p.page, Break: p.brk, Indent: p.indent, Role: p.role,
			Geo: &doc.LineGeo{X0: p.x0, X1: p.x1, Y: p.y, Size: p.size}}
		for i := range []rune(p.text) {
			l.Pos.Append(off + i)
		}
		for i := 0; i < p.segments; i++ {
			l.Geo.Segments = append(l.Geo.Segments, doc.Segment{})
		}
		raw.Lines = append(raw.Lines, l)
		src.WriteString(p.text + "\n")
		off += len([]rune(p.text)) + 1
	}
	raw.Source = src.String()
	return raw
}

func blockTexts(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// Paragraph-join classes on PDF page geometry: the reader marks a break
// after every line that stops short of the margin; the builder decides
// again, from the same geometry, whether the paragraph really ended.
func TestPDFFlow(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []pline
		want  []string
	}{
		{"a figure that did not fit moves to the next line",
			[]pline{
				{text: "6.非税收入决算数为调整预算的109.4%，主要是持续加大盘活力度，下降", page: 1, x0: 68, x1: 502, y: 324, brk: true, indent: 1},
				{text: "6.8%，下降原因主要是专项收入减收较多。", page: 1, x0: 56, x1: 300, y: 339, brk: true},
				{text: "7.海域使用金决算数为调整预算的18.3%。", page: 1, x0: 68, x1: 300, y: 354, brk: true, indent: 1},
			},
			[]string{"6.非税收入决算数为调整预算的109.4%，主要是持续加大盘活力度，下降6.8%，下降原因主要是专项收入减收较多。", "7.海域使用金决算数为调整预算的18.3%。"}},
		{"a document number that did not fit",
			[]pline{
				{text: "10.根据《关于加强主权外贷预算管理的通知》（财国合〔2020〕", page: 1, x0: 68, x1: 505, y: 442, brk: true, indent: 1},
				{text: "19号）等规定，该项收入调整预算数为0.75亿元，决算数为0。", page: 1, x0: 56, x1: 420, y: 457},
			},
			[]string{"10.根据《关于加强主权外贷预算管理的通知》(财国合〔2020〕19号)等规定，该项收入调整预算数为0.75亿元，决算数为0。"}},
		{"a paragraph that ended short stays ended",
			[]pline{
				{text: "本年收入合计157.60万元，比上年减少37.98万元。", page: 1, x0: 80, x1: 400, y: 100, brk: true, indent: 2},
				{text: "本年支出合计157.60万元，比上年减少37.98万元。", page: 1, x0: 80, x1: 400, y: 115, brk: true, indent: 2},
			},
			[]string{"本年收入合计157.60万元，比上年减少37.98万元。", "本年支出合计157.60万元，比上年减少37.98万元。"}},
		{"across a page break, past the page number and the running head",
			[]pline{
				{text: "2024年度部门决算收入合计1560.05万元，与上年相比，收入合计增加了", page: 1, x0: 56, x1: 536, y: 700},
				{text: "— 3 —", page: 1, x0: 280, x1: 310, y: 800, brk: true, role: doc.RolePageNumber},
				{text: "某某区财政局2024年度部门决算", page: 2, x0: 200, x1: 400, y: 40, brk: true, role: doc.RoleHeader},
				{text: "37.98万元，增长2.49%。", page: 2, x0: 56, x1: 200, y: 90},
			},
			[]string{"2024年度部门决算收入合计1560.05万元，与上年相比，收入合计增加了37.98万元，增长2.49%。"}},
		{"a budget-vs-final sentence over three lines and a page break",
			[]pline{
				{text: "本部门严格执行中央八项规定精神，厉行节约，从严控制“三公”经费", page: 1, x0: 68, x1: 536, y: 710, brk: true, indent: 1},
				{text: "支出。", page: 1, x0: 56, x1: 90, y: 725},
				{text: "（一）因公出国（境）费。2024年度因公出国（境）费年初预算为", page: 1, x0: 68, x1: 500, y: 740, brk: true, indent: 1},
				{text: "— 12 —", page: 1, x0: 280, x1: 310, y: 800, brk: true, role: doc.RolePageNumber},
				{text: "1560.05万元，支出决算为1511.89万元，完成预算的96.91%。决算数", page: 2, x0: 56, x1: 536, y: 90},
				{text: "小于预算数的主要原因是严格控制出访团组。", page: 2, x0: 56, x1: 300, y: 105},
			},
			[]string{"本部门严格执行中央八项规定精神，厉行节约，从严控制“三公”经费支出。",
				"(一)因公出国(境)费。2024年度因公出国(境)费年初预算为1560.05万元，支出决算为1511.89万元，完成预算的96.91%。决算数小于预算数的主要原因是严格控制出访团组。"}},
		{"a note indented as a whole",
			[]pline{
				{text: "根据《财政预决算领域基层政务公开标准指引》（财办预〔", page: 1, x0: 82, x1: 530, y: 245, brk: true, indent: 2},
				{text: "2019〕77号）要求，因本级无对下级国有", page: 1, x0: 82, x1: 529, y: 259, indent: 2},
				{text: "资本经营预算转移支付，本表为空表。", page: 1, x0: 82, x1: 300, y: 273, indent: 2},
			},
			[]string{"根据《财政预决算领域基层政务公开标准指引》(财办预〔2019〕77号)要求，因本级无对下级国有资本经营预算转移支付，本表为空表。"}},
		{"a cause announced at a line end",
			[]pline{
				{text: "2024年“三公”经费预算与2023年持平，主要原因是：", page: 1, x0: 86, x1: 330, y: 149, brk: true, indent: 3},
				{text: "严格执行公务支出管理规定。", page: 1, x0: 86, x1: 240, y: 164, brk: true, indent: 3},
			},
			[]string{"2024年“三公”经费预算与2023年持平，主要原因是:严格执行公务支出管理规定。"}},
		{"a line the reader split at the gap in 40.7 % is still prose",
			[]pline{
				{text: "万元，下降 40.7 %，主要原因是 2019 年实施个人所得税专", page: 1, x0: 90, x1: 505, y: 262, brk: true, segments: 2},
				{text: "项附加扣除，造成应纳税额减少。", page: 1, x0: 90, x1: 410, y: 280, brk: true},
			},
			[]string{"万元，下降40.7%，主要原因是2019年实施个人所得税专项附加扣除，造成应纳税额减少。"}},
		{"a title page's lines set far apart",
			[]pline{
				{text: "第五部分", page: 1, x0: 225, x1: 370, y: 261, brk: true, indent: 2, size: 36},
				{text: "政府债务收支决算", page: 1, x0: 154, x1: 442, y: 381, brk: true, size: 36},
				{text: "报表及说明", page: 1, x0: 208, x1: 388, y: 441, brk: true, indent: 2, size: 36},
			},
			[]string{"第五部分", "政府债务收支决算", "报表及说明"}},
		{"a part's title page does not run into the next page",
			[]pline{
				{text: "第四部分 财政决算公开有关情况的说明", page: 1, x0: 120, x1: 492, y: 377, size: 22, segments: 2},
				{text: "4.1 关于 2023年黑龙江省税收返还和转移支", page: 2, x0: 88, x1: 522, y: 137, size: 22, segments: 2},
				{text: "付执行情况说明", page: 2, x0: 228, x1: 382, y: 167, brk: true, indent: 6, size: 22},
				{text: "2023 年，中央共计下达我省各类转移支付 4804 亿元，省对", page: 2, x0: 117, x1: 524, y: 229, brk: true, indent: 2},
				{text: "下税收返还和转移支付决算数为 3928.1 亿元。", page: 2, x0: 85, x1: 400, y: 261},
				{text: "一、中央对省税收返还和转移支付情况", page: 2, x0: 117, x1: 389, y: 291, brk: true, indent: 2},
			},
			[]string{"第四部分财政决算公开有关情况的说明", "4.1关于2023年黑龙江省税收返还和转移支", "付执行情况说明",
				"2023年，中央共计下达我省各类转移支付4804亿元，省对下税收返还和转移支付决算数为3928.1亿元。", "一、中央对省税收返还和转移支付情况"}},
		{"table rows are not joined",
			[]pline{
				{text: "一般公共服务支出 100.00 90.00", page: 1, x0: 56, x1: 536, y: 100, brk: true, segments: 3},
				{text: "教育支出 50.00 45.00", page: 1, x0: 56, x1: 536, y: 115, brk: true, segments: 3},
			},
			[]string{"一般公共服务支出100.00 90.00", "教育支出50.00 45.00"}},
		{"a numbered item starts a block even on a full line",
			[]pline{
				{text: "本部门主要职责是负责全区机构编制管理工作，制定管理制度并组织实", page: 1, x0: 56, x1: 536, y: 100},
				{text: "施。", page: 1, x0: 56, x1: 80, y: 115},
				{text: "（二）负责全区事业单位登记管理工作。", page: 1, x0: 68, x1: 300, y: 130, brk: true, indent: 1},
			},
			[]string{"本部门主要职责是负责全区机构编制管理工作，制定管理制度并组织实施。", "(二)负责全区事业单位登记管理工作。"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Build("t.pdf", pdfRaw(tc.lines))
			assert.Equal(t, tc.want, blockTexts(d))
		})
	}
}

// Paragraph-join classes in text files: blank lines and odd indents inside
// an unfinished sentence, as text copied from a PDF has them.
func TestTextFlow(t *testing.T) {
	// paragraphs wrapped at the page width, first lines indented
	body := strings.Repeat("  本部门严格执行预算管理制度，加强资金使用管理，提高财政资\n"+
		"金使用效益，确保各项工作任务按计划完成，推动重点项目落地见\n效。\n", 8)
	for _, tc := range []struct {
		name string
		in   string
		want string // a block that must be there
	}{
		{"a blank line inside an unfinished sentence",
			body + "  2024 年全省一般公共预算收入决算数为 3615.29 亿元，比上年决算数增加\n\n23.25 亿元，增长 0.6%。具体情况如下：\n",
			"2024年全省一般公共预算收入决算数为3615.29亿元，比上年决算数增加23.25亿元，增长0.6%。具体情况如下:"},
		{"a blank line after an unindented wrap",
			body + "  13.烟叶税决算数为 93394 万元，比上年决算数减少 8758 万元，下降 8.6%。主\n\n要是 2024 年降雨较多，烟叶税相应减收。\n",
			"13.烟叶税决算数为93394万元，比上年决算数减少8758万元，下降8.6%。主要是2024年降雨较多，烟叶税相应减收。"},
		{"a line ending on a comma, the next oddly indented",
			body + "  国有资本经营预算支出 86.95 亿元，\n                     调出资金 140.73 亿元，\n支出决算结果 227.68 亿元；收支相抵年终结余 36.17 亿元。\n",
			"国有资本经营预算支出86.95亿元，调出资金140.73亿元，支出决算结果227.68亿元;收支相抵年终结余36.17亿元。"},
		{"a full line that a wrap ended on a clause opener, the list unindented below it",
			body + "  全年国有资源有偿使用收入完成16.26亿元，增长5.6%，其中：\n探矿权出让收入3.06亿元，采矿权出让收入2.10亿元。\n  全年一般公共预算收入完成53.68亿元。\n",
			"全年国有资源有偿使用收入完成16.26亿元，增长5.6%，其中:探矿权出让收入3.06亿元，采矿权出让收入2.10亿元。"},
		{"a full line that a wrap ended on a full stop, the paragraph going on unindented",
			body + "  市本级社会保险基金收入预算安排85,224万元，增长19.6%。\n主要收入项目是：保险费收入43,057万元，财政补贴收入37,505万元，\n加上上级补助收入9,788万元，收入合计95,012万元。\n",
			"市本级社会保险基金收入预算安排85,224万元，增长19.6%。主要收入项目是:保险费收入43,057万元，财政补贴收入37,505万元，加上上级补助收入9,788万元，收入合计95,012万元。"},
		{"a cause on the next line",
			"与2023年预算持平，主要原因是：\n严格控制公务用车运行支出。\n",
			"与2023年预算持平，主要原因是:严格控制公务用车运行支出。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseText(t, tc.in)
			assert.Contains(t, blockTexts(d), tc.want)
		})
	}
	d := parseText(t, body+"  一、收入支出决算总体情况说明\n\n  本年收入合计157.60万元。\n")
	assert.Contains(t, blockTexts(d), "一、收入支出决算总体情况说明", "a heading stays apart from the paragraph after the blank line")
	d = parseText(t, body+"  市本级社会保险基金收入预算安排85,224万元，增长19.6%。\n关于2025年市级政府债务情况的说明\n  2025年市级政府债务限额101亿元。\n")
	assert.Contains(t, blockTexts(d), "关于2025年市级政府债务情况的说明", "an unindented title after a full line ending a sentence stands apart")
}

// HTML and DOCX mark paragraphs themselves; only a cause announced at the
// end of one paragraph runs into the next.
func TestMarkupFlow(t *testing.T) {
	d, err := Parse("t.html", doc.FormatHTML, []byte("<p>2024年“三公”经费预算与2023年持平，主要原因是：</p><p>严格执行公务支出管理规定。</p><p>本年收入合计157.60万元，</p><p>本年支出合计157.60万元。</p>"))
	require.NoError(t, err)
	assert.Equal(t, []string{"2024年“三公”经费预算与2023年持平，主要原因是:严格执行公务支出管理规定。", "本年收入合计157.60万元，", "本年支出合计157.60万元。"}, blockTexts(d))
	raw := &doc.Raw{Format: doc.FormatDOCX, PageLines: true, Source: "本年收入合计157.60万元，比上年\f减少37.98万元。"}
	raw.Lines = []doc.Line{
		{Text: "本年收入合计157.60万元，比上年", Page: 1, Break: true},
		{Text: "减少37.98万元。", Page: 2},
	}
	off := 0
	for li := range raw.Lines {
		for range []rune(raw.Lines[li].Text) {
			raw.Lines[li].Pos.Append(off)
			off++
		}
		off++
	}
	assert.Equal(t, []string{"本年收入合计157.60万元，比上年减少37.98万元。"}, blockTexts(Build("t.docx", raw)), "a paragraph split at a page break is one paragraph")
}

// Letter-spaced headings read as their words: numbering is found in them.
func TestLetterSpacedHeading(t *testing.T) {
	d := parseText(t, "（  三  ）  推  进  机  构  改  革\n2024年，本部门推进机构改革，完成各项任务。\n二、2023 全市一般公共预算收支情况\n")
	require.Len(t, d.Blocks, 3)
	for i, want := range []struct {
		style doc.Style
		value int
	}{{doc.StyleParenCJK, 3}, {doc.StyleNone, 0}, {doc.StyleCJK, 2}} {
		b := d.Blocks[i]
		if want.style == doc.StyleNone {
			assert.Nil(t, b.Number, b.Text)
			continue
		}
		require.NotNil(t, b.Number, b.Text)
		assert.Equal(t, want.style, b.Number.Style)
		assert.Equal(t, want.value, b.Number.Value)
		assert.Equal(t, doc.KindHeading, b.Kind, b.Text)
	}
}

// A page whose lines were read bottom up (its items count down) cannot be
// followed from line to line: a clause ending on a comma is not continued
// by the line below it, which belongs to the sentence before.
func TestBottomUpPageIsNotJoined(t *testing.T) {
	page := "为预算数的  115.3  %，主要是森林植被恢复费等专项收入不及预期。\n" +
		"（三）专项收入为预算数  148.03  亿元，执行数为  170.61  亿元，下降  6.1%  ，\n" +
		"为预算数的  93.3  %。\n" +
		"（二）行政事业性收费收入预算数  70.46  亿元，执行数为  76.51  亿元，\n" +
		"（一）税收收入预算数  1089.1  亿元，执行数为  1048.99  亿元，\n" +
		"\f本年收入合计157.60万元，\n其中：财政拨款收入154.25万元。\n"
	d := parseText(t, page)
	texts := blockTexts(d)
	assert.Contains(t, texts, "(三)专项收入为预算数148.03亿元，执行数为170.61亿元，下降6.1%，")
	assert.Contains(t, texts, "本年收入合计157.60万元，其中:财政拨款收入154.25万元。", "other pages flow as usual")
	require.Len(t, d.Warnings, 1)
	assert.Contains(t, d.Warnings[0], "bottom up")
}

// Page texts of a PDF saved as text repeat the report's title at the top
// of each page: it is a running head, not a line of the sentence that runs
// across the page break.
func TestTextRunningHead(t *testing.T) {
	page := func(n int, body string) string {
		return "关于2025年预算执行情况的报告\n" + body + "\n- " + strconv.Itoa(n) + " -\n\f"
	}
	in := page(1, "  全市一般公共预算收入完成522.18亿元，增长3.97%。") +
		page(2, "  加上上级补助收入288.26亿元，调入资金48.25") +
		page(3, "亿元，上年结转16.87亿元，收入合计375.38亿元。") +
		page(4, "  全市一般公共预算支出完成539.68亿元。")
	d := parseText(t, in)
	texts := blockTexts(d)
	assert.Contains(t, texts, "加上上级补助收入288.26亿元，调入资金48.25亿元，上年结转16.87亿元，收入合计375.38亿元。")
	for _, b := range texts {
		assert.NotContains(t, b, "预算执行情况的报告", "the running head is no text of the report's body")
	}
}

// Text copied out of some PDFs breaks a figure before its decimal point
// (全市收入完成 519 / .7 亿元): the decimals go on with the figure.
func TestTextFigureBrokenAtPoint(t *testing.T) {
	d := parseText(t, "———一般公共预算完成情况。全市收入完成 519\n.7 亿元，占预算的 102\n.5%，比上年增长 12\n.8%。\n")
	assert.Contains(t, blockTexts(d), "———一般公共预算完成情况。全市收入完成519.7亿元，占预算的102.5%，比上年增长12.8%。")
}

// TestTextWrapWidthAmongTables: a text that prints its tables as lines of
// their own, wider than the prose, and runs a few lines of prose together
// still wraps its prose at one width: a full line goes on in the next.
func TestTextWrapWidthAmongTables(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 12; i++ {
		b.WriteString("2025  年，全市一般公共预算收入  2183  亿元，增长  3%  。\n")
		b.WriteString("按税收与非税收入占比划分：税收收入  1570  亿元，占一般公\n")
		b.WriteString("共预算收入的比重为  72%  ；非税收入  613  亿元，占一般公共\n")
		b.WriteString("预算收入的比重为  28%  。\n")
	}
	for i := 0; i < 3; i++ {
		b.WriteString("于加强食品安全建设，支持粮食储备加工项目，做好粮食等重点商品储备和管理，提高应急供应能力等。支出增长主要是粮食风险基\n")
		b.WriteString("金支出规模增加。\n")
	}
	for i := 0; i < 30; i++ {
		// tables of several layouts: as wide as their columns
		b.WriteString("一般公共服务支出   2,391,234   2,517,890" + strings.Repeat("   105.3%   8,123,456", i%6) + "\n")
	}
	d := parseText(t, b.String())
	joined := false
	for _, x := range blockTexts(d) {
		joined = joined || strings.Contains(x, "税收收入1570亿元，占一般公共预算收入的比重为72%;非税收入613亿元，占一般公共预算收入的比重为28%。")
	}
	assert.True(t, joined, "the wrapped sentence is one block")
}
