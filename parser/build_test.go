package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

func parseText(t *testing.T, text string) *doc.Document {
	t.Helper()
	d, err := Parse("t.txt", doc.FormatText, []byte(text))
	require.NoError(t, err)
	return d
}

// blockWith finds the block whose analysis text contains s.
func blockWith(t *testing.T, d *doc.Document, s string) *doc.Block {
	t.Helper()
	for _, b := range d.Blocks {
		if strings.Contains(b.Text, s) {
			return b
		}
	}
	require.Failf(t, "no block", "no block contains %q", s)
	return nil
}

// pageText is an excerpt of a real PDF's page text (sh-putuo-sthj-2025-final,
// page 20): sentences wrap at the page width and figures at line ends.
const pageText = `第三部分 上海市普陀区生态环境局 2025 年度部门决算情况说
明
一、收入支出决算总体情况说明
上海市普陀区生态环境局 2025 年度收入支出总计 4733.14
万元。与 2024 年度相比，收入支出总计增加 90.09 万元，增长
1.94%。主要原因：基本支出增加。
二、收入决算情况说明
本年收入合计 4733.14 万元，其中：财政拨款收入 4733.14
万元，占 100.00%。
三、支出决算情况说明
本年支出合计 4733.14 万元，其中：基本支出 3365.38 万元，
占 71.10%；项目支出 1367.76 万元，占 28.90%。
四、财政拨款收入支出决算总体情况说明
上海市普陀区生态环境局 2025 年度财政拨款收入支出总计
4733.14 万元。与 2024 年度相比，财政拨款收入支出总计增加
90.09 万元，增长 1.94%。主要原因：基本支出增加。
五、一般公共预算财政拨款支出决算情况说明
（一）一般公共预算财政拨款支出决算总体情况
一般公共预算财政拨款支出 4733.14 万元，占本年支出合计
的 100.00%。与 2024 年度相比，一般公共预算财政拨款支出增
加 90.09 万元，增长 1.94%。主要原因：基本支出增加。
`

func TestSoftWrapsJoinAndHeadingsStayApart(t *testing.T) {
	d := parseText(t, pageText)
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text)
	}
	assert.Equal(t, "第三部分上海市普陀区生态环境局2025年度部门决算情况说明", texts[0], "a wrapped heading is joined")
	assert.Equal(t, "一、收入支出决算总体情况说明", texts[1], "a short heading stands alone")
	assert.Equal(t, "上海市普陀区生态环境局2025年度收入支出总计4733.14万元。与2024年度相比，收入支出总计增加90.09万元，增长1.94%。主要原因:基本支出增加。", texts[2])
	assert.Contains(t, texts, "(一)一般公共预算财政拨款支出决算总体情况")
	b := blockWith(t, d, "一般公共预算财政拨款支出增加90.09")
	assert.Equal(t, doc.KindParagraph, b.Kind)
}

func TestPositionsMapBackToTheSource(t *testing.T) {
	d := parseText(t, pageText)
	b := blockWith(t, d, "收入支出总计增加90.09万元")
	i := strings.Index(b.Text, "1.94%")
	require.GreaterOrEqual(t, i, 0)
	start := len([]rune(b.Text[:i]))
	s, e := b.SourceSpan(start, start+5)
	p := d.Source.Position(s)
	assert.Equal(t, doc.Position{Line: 6, Column: 1}, p, "1.94% starts line 6")
	assert.Equal(t, "1.94%", d.Source.Slice(s, e))
	// a claim that wraps keeps the characters as written, soft wrap removed
	j := strings.Index(b.Text, "增加90.09")
	js := len([]rune(b.Text[:j]))
	assert.Equal(t, "增加 90.09 万元，增长1.94%", b.RawRange(js, start+5))
}

func TestPagesNumbersAndCrossPageSentences(t *testing.T) {
	text := pageText + "（二）政府采购支出情况\n" +
		"上海市普陀区生态环境局 2025 年度政府采购金额（以合同\n" +
		"签订为准）为 372.34 万元，其中：货物采购金额 8.57 万元、工\n" +
		"19\f\n" +
		"程采购金额 0.00 万元、服务采购金额 363.77 万元。\n"
	d := parseText(t, text)
	b := blockWith(t, d, "政府采购金额")
	assert.Contains(t, b.Text, "工程采购金额0.00万元、服务采购金额363.77万元。", "the page number is left out and the sentence goes on across the page")
	i := len([]rune(b.Text)) - 3
	s, _ := b.SourceSpan(i, i+1)
	assert.Equal(t, 2, d.Source.Position(s).Page)
	assert.Equal(t, 26, d.Source.Position(s).Line, "text files with form feeds keep file line numbers")
}

func TestNormalisation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"本年收入合计１５７．６０万元，占９７．８７％。", "本年收入合计157.60万元，占97.87%。"},
		{"本 年 收 入 合 计 2946.25 万 元", "本年收入合计2946.25万元"},
		{"（一）机关运行经费支出情况", "(一)机关运行经费支出情况"},
		{"支出\u30002,940.05\u00a0万元；", "支出2,940.05万元;"},
		{"GDP growth 5 percent", "GDP growth 5 percent"},
		// a PDF font's private-use decimal point
		{"收入２０７０\U001001B0５亿元,增长０\U001001B0６％.", "收入2070.5亿元,增长0.6%."},
	} {
		d := parseText(t, tc.in)
		require.Len(t, d.Blocks, 1, tc.in)
		assert.Equal(t, tc.want, d.Blocks[0].Text)
	}
}

func TestSingleLineReportColumnsInCharacters(t *testing.T) {
	text := "标题: 平潭 ==== 正文 ==== 一般预算收入88.5万元，比上年增收8.70万元，增长9.97％。"
	d := parseText(t, text)
	b := d.Blocks[0]
	i := len([]rune(b.Text[:strings.Index(b.Text, "9.97")]))
	s, _ := b.SourceSpan(i, i+1)
	p := d.Source.Position(s)
	assert.Equal(t, 1, p.Line)
	assert.Equal(t, len([]rune(text[:strings.Index(text, "9.97")]))+1, p.Column, "columns count characters, not bytes")
}

func TestContentsAndAttachments(t *testing.T) {
	text := "目 录\n第一部分 概况\n第二部分 决算情况说明\n第一部分 概况\n一、主要职能\n负责全区工作。\n第二部分 2024年度部门决算情况说明\n第三部分 附件\n附件1\n2023年部门整体支出绩效自评报告\n截至2023年末，编制4名。\n"
	d := parseText(t, text)
	assert.True(t, blockWith(t, d, "决算情况说明").TOC, "contents entries")
	body := d.Blocks[3]
	assert.Equal(t, "第一部分概况", body.Text)
	assert.False(t, body.TOC, "the body starts where the first entry repeats")
	assert.False(t, blockWith(t, d, "第三部分附件").Appendix, "the attachment heading itself belongs to the report")
	assert.True(t, blockWith(t, d, "截至2023年末").Appendix)
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in    string
		style doc.Style
		value int
	}{
		{"第三部分 决算情况说明", doc.StylePart, 3},
		{"十一、其他重要事项", doc.StyleCJK, 11},
		{"(二十)其他", doc.StyleParenCJK, 20},
		{"3.社会保障和就业支出", doc.StyleArabic, 3},
		{"12、公用经费", doc.StyleArabic, 12},
		{"(4)其他", doc.StyleParenArab, 4},
		{"⑨城乡社区", doc.StyleCircled, 9},
		{"1.94%。主要原因", doc.StyleNone, 0},
		{"2025年度收入", doc.StyleNone, 0},
		{"372.34万元", doc.StyleNone, 0},
	} {
		n := ParseNumber(tc.in)
		if tc.style == doc.StyleNone {
			assert.Nil(t, n, tc.in)
			continue
		}
		require.NotNil(t, n, tc.in)
		assert.Equal(t, tc.style, n.Style, tc.in)
		assert.Equal(t, tc.value, n.Value, tc.in)
	}
}

func TestBadInputIsAnErrorNotAPanic(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"blank", []byte(" \n\t\n")},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}},
		{"invalid utf-8", []byte("预算\xff\xfe\xfd收入\x80\x81")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.txt", doc.FormatText, tc.data)
			assert.Error(t, err)
		})
	}
}

// Thousands separators are read as reports print them, and the analysis
// text writes them one way; the raw text keeps them as printed.
func TestThousandsSeparators(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"full-width comma before a unit", "比上年增加26，305万元，增长5.1%。", "比上年增加26,305万元，增长5.1%。"},
		{"full-width commas, two groups", "收入总计1，234，567.89元。", "收入总计1,234,567.89元。"},
		{"full-width comma between list items stays", "分别为26，305，以及其他。", "分别为26，305，以及其他。"},
		{"a year is not a group", "截至2023，305个项目完成。", "截至2023，305个项目完成。"},
		{"stray space after a separator", "支出合计2, 847,319元。", "支出合计2,847,319元。"},
		{"space inside a group", "政府性基金收入17,5 53万元。", "政府性基金收入17,553万元。"},
		{"decimals stay decimals", "增长1.26，305万元用于采购。", "增长1.26，305万元用于采购。"},
		{"a clause comma before a figure", "增长5%，1, 234万元用于采购。", "增长5%，1,234万元用于采购。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseText(t, tc.in)
			require.Len(t, d.Blocks, 1)
			b := d.Blocks[0]
			assert.Equal(t, tc.want, b.Text)
			assert.Equal(t, tc.in, b.RawRange(0, len([]rune(b.Text))), "the raw text is as printed")
		})
	}
}

func TestThousandsInATableCell(t *testing.T) {
	text, at := joinThousands([]rune("26，305"), []int{0, 1, 2, 3, 4, 5}, true)
	assert.Equal(t, "26,305", string(text), "a cell holds one figure: the comma groups it")
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, at)
	text, at = joinThousands([]rune("2, 847"), []int{0, 1, 2, 3, 4, 5}, false)
	assert.Equal(t, "2,847", string(text))
	assert.Equal(t, []int{0, 1, 3, 4, 5}, at, "the dropped space leaves no place behind")
}

// fundPage is written in the style of a provincial final-accounts report:
// lines wrapped at the page width, items run on after a full stop.
const fundPage = `1.政府性基金预算收入完成情况。2020 年全省政府性基金
预算收入完成 449.4 亿元，增长 18.9%。
（1）国有土地使用权出让收入完成 395.9亿元，增长 38%。
（2）车辆通行费完成 3.3 亿元，下降 89%，原省管车辆通
行费不再作为政府性基金收入减收。
（3）彩票公益金完成 9.9 亿元，下降 25%，主要是受疫情
影响，彩票销售量减少。
（4）城市基础设施配套费完成 23.9 亿元，下降 22.3%。
2.政府性基金预算支出完成情况。2020 年全省政府性基金
预算支出完成 1048 亿元，增长82.3%，主要是:
（1）城乡社区支出完成 607.6 亿元，增长 48.4%。（2）交
通运输支出完成45.5 亿元，下降29.4%。
（3）其他支出完成 152.4亿元，增长 130.4%。
（4）抗疫特别国债支出完成 189.8 亿元，为 2020年新增支
出事项，2019 年无此支出。
`

func TestInlineItemsAfterAFullStop(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want []string
	}{
		{"（六） after a duty's full stop",
			"（五）负责全区机构编制管理工作，制定相关管理制度。（六）负责全区事业单位登记管理工作。\n",
			[]string{"(五)负责全区机构编制管理工作，制定相关管理制度。", "(六)负责全区事业单位登记管理工作。"}},
		{"items run on over a wrapped line", fundPage,
			[]string{"1.政府性基金预算收入完成情况。2020年全省政府性基金预算收入完成449.4亿元，增长18.9%。",
				"(1)国有土地使用权出让收入完成395.9亿元，增长38%。", "(2)车辆通行费完成3.3亿元，下降89%，原省管车辆通行费不再作为政府性基金收入减收。",
				"(3)彩票公益金完成9.9亿元，下降25%，主要是受疫情影响，彩票销售量减少。", "(4)城市基础设施配套费完成23.9亿元，下降22.3%。",
				"2.政府性基金预算支出完成情况。2020年全省政府性基金预算支出完成1048亿元，增长82.3%，主要是:",
				"(1)城乡社区支出完成607.6亿元，增长48.4%。", "(2)交通运输支出完成45.5亿元，下降29.4%。",
				"(3)其他支出完成152.4亿元，增长130.4%。", "(4)抗疫特别国债支出完成189.8亿元，为2020年新增支出事项，2019年无此支出。"}},
		{"a list inside a sentence stays whole",
			"主要用于：（1）人员经费；（2）公用经费。\n",
			[]string{"主要用于:(1)人员经费;(2)公用经费。"}},
		{"a number that does not follow is text",
			"（一）收入情况。（三）号文件规定的收入全额上缴。\n",
			[]string{"(一)收入情况。(三)号文件规定的收入全额上缴。"}},
		{"a figure after a full stop is not an item",
			"1.一般公共服务支出增长5%。2.5亿元用于人员支出。\n",
			[]string{"1.一般公共服务支出增长5%。2.5亿元用于人员支出。"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parseText(t, tc.in)
			var got []string
			for _, b := range d.Blocks {
				got = append(got, b.Text)
			}
			assert.Equal(t, tc.want, got)
		})
	}
	d := parseText(t, "（五）负责全区机构编制管理工作。（六）负责全区事业单位登记管理工作。\n")
	require.Len(t, d.Blocks, 2)
	b := d.Blocks[1]
	require.NotNil(t, b.Number)
	assert.Equal(t, 6, b.Number.Value)
	assert.Equal(t, "（六）负责", b.RawRange(0, 5), "the item keeps its characters as written")
	s, _ := b.SourceSpan(0, 1)
	assert.Equal(t, doc.Position{Line: 1, Column: 17}, d.Source.Position(s))
}
