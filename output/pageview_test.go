package output_test

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/internal/pdftest"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// A final-accounts narrative whose share on page 2 is wrong: 154.25 of
// 157.60 is 97.87%, not 99.35%.
const (
	wholeLine = "2024年度收入总计157.60万元，本年支出合计157.60万元。"
	shareLine = "2024年度一般公共预算财政拨款支出154.25万元，占本年支出合计的99.35%。"
	shareSpan = "154.25万元，占本年支出合计的99.35%"
)

func sharePages() []pdftest.Page {
	p1 := pdftest.Page{Texts: []pdftest.Text{
		{X: 72, Y: 760, Size: 16, S: "第三部分 2024年度部门决算情况说明"},
		{X: 72, Y: 720, Size: 12, S: "一、收入支出决算总体情况说明"},
		{X: 72, Y: 700, Size: 12, S: wholeLine},
	}}
	p2 := pdftest.Page{Texts: []pdftest.Text{
		{X: 72, Y: 760, Size: 12, S: "二、财政拨款支出决算情况说明"},
		{X: 72, Y: 740, Size: 12, S: shareLine},
		{X: 72, Y: 720, Size: 12, S: "主要用于保障机构正常运转。"},
	}}
	return []pdftest.Page{p1, p2}
}

// check runs the default rules over one file's bytes and captures its view,
// as `budgetlint check` does when a format needs views.
func check(t *testing.T, path string, data []byte) output.FileResult {
	t.Helper()
	res, err := checkBytes(path, data)
	require.NoError(t, err)
	return res
}

func checkBytes(path string, data []byte) (output.FileResult, error) {
	format := parser.FormatOf(path)
	d, err := parser.Parse(path, format, data)
	if err != nil {
		return output.FileResult{}, err
	}
	set, err := rules.DefaultIn(rules.English)
	if err != nil {
		return output.FileResult{}, err
	}
	eng, err := checks.New(set)
	if err != nil {
		return output.FileResult{}, err
	}
	fs, cov := eng.Run(d)
	return output.FileResult{Path: path, Format: string(format), Findings: fs, Coverage: &cov, View: output.Capture(d, fs)}, nil
}

func findRule(t *testing.T, fs []checks.Finding, rule string) int {
	t.Helper()
	for i, f := range fs {
		if f.Rule == rule {
			return i
		}
	}
	require.Failf(t, "no finding", "rule %s not among %v", rule, fs)
	return -1
}

func render(t *testing.T, r *output.Run) *goquery.Document {
	t.Helper()
	if r.Lang == "" {
		r.Lang = rules.English // the findings are checked in English (checkBytes)
	}
	var b bytes.Buffer
	require.NoError(t, output.HTML(&b, r))
	dom, err := goquery.NewDocumentFromReader(&b)
	require.NoError(t, err)
	return dom
}

func attr(t *testing.T, s *goquery.Selection, name string) float64 {
	t.Helper()
	v, ok := s.Attr(name)
	require.True(t, ok, "no %s", name)
	f, err := strconv.ParseFloat(v, 64)
	require.NoError(t, err)
	return f
}

// The page view of a PDF finding draws the page as read, with the claim's
// glyphs under a rectangle of the finding's severity, and the lines around
// it below with the claim marked.
func TestPageViewPDF(t *testing.T) {
	pages := sharePages()
	data := pdftest.Write(pages, pdftest.Options{})
	res := check(t, "report.pdf", data)
	i := findRule(t, res.Findings, "share-mismatch")
	f := res.Findings[i]
	require.Equal(t, 2, f.Page)
	dom := render(t, &output.Run{Files: []output.FileResult{res}})

	// the finding's place links to its view
	link := dom.Find(`a[href="#v` + strconv.Itoa(i+1) + `"]`)
	require.Equal(t, 1, link.Length())
	assert.Equal(t, output.Where("pdf", f), link.Text())
	view := dom.Find("section.pv#v" + strconv.Itoa(i+1))
	require.Equal(t, 1, view.Length())
	assert.Contains(t, view.Find("p").First().Text(), "share-mismatch")
	assert.Contains(t, view.Find("p.figs").Text(), "99.35%")

	// the page is drawn once and used by the view; the claim's page
	// first, then the page of the whole it is a share of
	figs := view.Find("figure.page svg")
	require.Equal(t, 2, figs.Length(), "the claim's page and the related place's")
	fig := figs.First()
	assert.Equal(t, "0 0 595 842", fig.AttrOr("viewBox", ""))
	use := fig.Find("use").AttrOr("href", "")
	page := dom.Find("svg.defs g" + use)
	require.Equal(t, 1, page.Length(), "the view uses a page that is defined")
	assert.Equal(t, 3, page.Find("text").Length(), "each line of page 2 where it stands")
	line := page.Find("text").FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == shareLine })
	require.Equal(t, 1, line.Length())
	xs := strings.Fields(line.AttrOr("x", ""))
	assert.Len(t, xs, len([]rune(shareLine)), "one x per character")
	assert.Equal(t, "72", xs[0])
	assert.Equal(t, strconv.Itoa(842-740), line.AttrOr("y", ""), "baseline from the top of the page")

	// the claim's rectangle covers its glyphs (display space: y down)
	box := pages[1].Texts[1].Box(shareSpan)
	hl := fig.Find("rect.hl-claim.sev-error")
	require.Equal(t, 1, hl.Length())
	x, y := attr(t, hl, "x"), attr(t, hl, "y")
	w, h := attr(t, hl, "width"), attr(t, hl, "height")
	assert.LessOrEqual(t, x, box[0])
	assert.GreaterOrEqual(t, x+w, box[2])
	assert.LessOrEqual(t, y, 842-box[3])
	assert.GreaterOrEqual(t, y+h, 842-box[1])
	assert.Less(t, w, box[2]-box[0]+6, "no wider than the claim")

	// the lines around the claim, with the claim marked
	ex := view.Find("ol.excerpt li").Not(".gap")
	assert.Equal(t, 4, ex.Length(), "the page's three lines, then the whole's line")
	assert.Equal(t, shareSpan, view.Find("ol.excerpt mark.hl-claim").Text())
	assert.Equal(t, "2:2", ex.Eq(1).Find(".ln").Text(), "page:line")
	// the whole the share is of, stated on page 1, after a gap
	assert.Equal(t, 1, view.Find("ol.excerpt li.gap").Length())
	assert.Equal(t, "1:3", ex.Eq(3).Find(".ln").Text())
	assert.Equal(t, "157.60万元", ex.Eq(3).Find("mark.hl-rel").Text())
}

// Related places (the whole a share is taken of, the table row a sentence
// disagrees with) are drawn in their own colour, on their own page when it
// is another.
func TestPageViewRelated(t *testing.T) {
	pages := sharePages()
	res := check(t, "report.pdf", pdftest.Write(pages, pdftest.Options{}))
	i := findRule(t, res.Findings, "share-mismatch")
	f := res.Findings[i]
	require.Len(t, f.Related, 1, "the share's whole")
	assert.Equal(t, 1, f.Related[0].Page)
	assert.Equal(t, "本年支出合计", f.Related[0].Note)
	dom := render(t, &output.Run{Files: []output.FileResult{res}})
	figs := dom.Find("section#v" + strconv.Itoa(i+1) + " figure.page")
	require.Equal(t, 2, figs.Length(), "the claim's page, then the related place's")
	assert.Contains(t, figs.Eq(0).Find("figcaption").Text(), "Page 2")
	assert.Contains(t, figs.Eq(1).Find("figcaption").Text(), "Page 1")
	assert.Equal(t, 0, figs.Eq(0).Find("rect.hl-rel").Length())
	assert.Equal(t, 0, figs.Eq(1).Find("rect.hl-claim").Length())
	rel := figs.Eq(1).Find("rect.hl-rel")
	require.Equal(t, 1, rel.Length())
	// over the second 157.60万元 of the line, the one 本年支出合计 names
	line := pages[0].Texts[2]
	k := strings.LastIndex(line.S, "157.60万元")
	x0 := line.X + pdftest.Advance(line.S[:k], line.Size, true)
	x1 := x0 + pdftest.Advance("157.60万元", line.Size, true)
	x, w := attr(t, rel, "x"), attr(t, rel, "width")
	assert.LessOrEqual(t, x, x0)
	assert.GreaterOrEqual(t, x+w, x1)
	assert.Less(t, w, x1-x0+6, "the figure, not the line")
}

// For text, HTML and DOCX the view is the lines around the claim.
func TestPageViewText(t *testing.T) {
	text := "一、收入支出决算总体情况说明\n\n" + wholeLine + "\n其中：基本支出120.00万元。\n" + shareLine + "\n二、其他说明\n本单位无政府性基金收支。\n三、名词解释\n"
	res := check(t, "report.txt", []byte(text))
	i := findRule(t, res.Findings, "share-mismatch")
	dom := render(t, &output.Run{Files: []output.FileResult{res}})
	view := dom.Find("section#v" + strconv.Itoa(i+1))
	require.Equal(t, 1, view.Length())
	assert.Equal(t, 0, view.Find("figure").Length(), "no page drawing without positions")
	lines := view.Find("ol.excerpt li")
	assert.Equal(t, 7, lines.Length(), "three lines above, the claim's, three below")
	assert.Equal(t, "2", lines.First().Find(".ln").Text())
	assert.Equal(t, "5", lines.Eq(3).Find(".ln").Text())
	assert.Equal(t, shareSpan, lines.Eq(3).Find("mark.hl-claim").Text())
}

// Previous and next lead through every finding of the report in the order
// the report lists them, across files.
func TestPageViewNavigation(t *testing.T) {
	a := check(t, "a.pdf", pdftest.Write(sharePages(), pdftest.Options{}))
	b := check(t, "b.txt", []byte(wholeLine+"\n"+shareLine+"\n"+strings.Replace(shareLine, "99.35", "98.00", 1)+"\n"))
	dom := render(t, &output.Run{Files: []output.FileResult{a, b}})
	views := dom.Find("section.pv")
	n := len(a.Findings) + len(b.Findings)
	require.Equal(t, n, views.Length())
	require.GreaterOrEqual(t, n, 3)
	views.Each(func(k int, s *goquery.Selection) {
		assert.Equal(t, "v"+strconv.Itoa(k+1), s.AttrOr("id", ""))
		prev, next := s.Find(`a[rel="prev"]`), s.Find(`a[rel="next"]`)
		if k == 0 {
			assert.Equal(t, 0, prev.Length())
		} else {
			assert.Equal(t, "#v"+strconv.Itoa(k), prev.AttrOr("href", ""))
		}
		if k == n-1 {
			assert.Equal(t, 0, next.Length())
		} else {
			assert.Equal(t, "#v"+strconv.Itoa(k+2), next.AttrOr("href", ""))
		}
		list := s.Find(".pvnav a.up").AttrOr("href", "")
		assert.Equal(t, 1, dom.Find(list).Length(), "back to the file's findings")
	})
	// every link to a view has its view, and the page has no outside reference
	dom.Find(`td a[href^="#v"]`).Each(func(_ int, s *goquery.Selection) {
		assert.Equal(t, 1, dom.Find("section.pv"+s.AttrOr("href", "")).Length())
	})
	html, _ := dom.Html()
	assert.NotRegexp(t, `(?i)(src|href)\s*=\s*["']?(https?:|//)|<link|<script src`, html)
}

// A baseline that drops findings after checking leaves the views of the
// others in place.
func TestViewMarksFollowFindings(t *testing.T) {
	res := check(t, "report.pdf", pdftest.Write(sharePages(), pdftest.Options{}))
	require.NotEmpty(t, res.Findings)
	i := findRule(t, res.Findings, "share-mismatch")
	m := res.View.Mark(res.Findings[i])
	require.NotNil(t, m)
	res.Findings = append([]checks.Finding{}, res.Findings[i])
	assert.Same(t, m, res.View.Mark(res.Findings[0]))
	assert.Nil(t, res.View.Mark(checks.Finding{Rule: "other"}))
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func writeTemp(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// A place over a table row is marked cell by cell, not over the empty
// columns between the cells; a blank inside a phrase does not split it.
func TestViewRectsSplitAtColumnGaps(t *testing.T) {
	row := []pdftest.Text{
		{X: 72, Y: 700, Size: 10, S: "一般公共服务支出"},
		{X: 330, Y: 700, Size: 10, S: "120.00"},
		{X: 460, Y: 700, Size: 10, S: "80.00"},
	}
	phrase := pdftest.Text{X: 72, Y: 660, Size: 10, S: "本年 收入合计157.60万元"}
	data := pdftest.Write([]pdftest.Page{{Texts: append(row, phrase)}}, pdftest.Options{})
	d, err := parser.Parse("t.pdf", doc.FormatPDF, data)
	require.NoError(t, err)
	lines := strings.Split(d.Source.Text(), "\n")
	require.Len(t, lines, 2)
	whole := func(n int) checks.Finding {
		c := len([]rune(lines[n-1]))
		return checks.Finding{Rule: "r" + strconv.Itoa(n), Page: 1, Line: n, Column: 1, EndLine: n, EndColumn: c + 1, Claim: lines[n-1]}
	}
	v := output.Capture(d, []checks.Finding{whole(1), whole(2)})
	cells := v.Marks[0].Spots[0].Rects
	require.Len(t, cells, 3, "one rectangle per cell")
	for i, c := range cells {
		assert.InDelta(t, row[i].X, c.X0, 0.5)
		assert.InDelta(t, row[i].X+pdftest.Advance(row[i].S, 10, row[i].CJK()), c.X1, 0.5)
	}
	assert.Len(t, v.Marks[1].Spots[0].Rects, 1, "a blank inside a phrase does not split it")
}

// An HTML report's view shows the text as read, not its markup: a line per
// paragraph, a table row's cells on one line, the claim marked.
func TestPageViewHTML(t *testing.T) {
	page := `<html><body>
<h2>一、收入支出决算总体情况说明</h2>
<p style="text-indent:2em"><span>` + wholeLine + `</span></p>
<table><tr><td>项目</td><td>决算数</td></tr><tr><td>本年支出合计</td><td>157.60</td></tr></table>
<p><span style="font-family:宋体">2024年度一般公共预算财政拨款支出154.25</span><span>万元，占本年支出合计的99.35%。</span></p>
<p>主要用于保障机构正常运转。</p>
</body></html>`
	res := check(t, "report.html", []byte(page))
	i := findRule(t, res.Findings, "share-mismatch")
	dom := render(t, &output.Run{Files: []output.FileResult{res}})
	lines := dom.Find("section#v" + strconv.Itoa(i+1) + " ol.excerpt li")
	require.Positive(t, lines.Length())
	var texts []string
	lines.Each(func(_ int, s *goquery.Selection) {
		texts = append(texts, strings.TrimPrefix(s.Text(), s.Find(".ln").Text()))
	})
	for _, l := range texts {
		assert.NotContains(t, l, "<", "markup shown: %q", l)
		assert.NotContains(t, l, "style=")
	}
	assert.Contains(t, texts, "本年支出合计  157.60", "a table row on one line")
	assert.Contains(t, texts, shareLine)
	assert.Equal(t, shareSpan, lines.Find("mark.hl-claim").Text())
}

// The views speak the report's language: a Chinese report's views have
// Chinese labels and no English ones, an English report's the reverse.
func TestPageViewLanguage(t *testing.T) {
	res := check(t, "report.pdf", pdftest.Write(sharePages(), pdftest.Options{}))
	for _, tc := range []struct {
		lang      string
		want, not []string
	}{
		{rules.Chinese, []string{"页面视图", "上一个", "下一个", "第2页", "文中所述", "应为"}, []string{"Prev", "Next", "Page", "Stated", "Expected", "page 2"}},
		{rules.English, []string{"Page views", "Previous", "Next", "Page 2", "Stated", "Expected"}, []string{"页面视图", "上一个", "下一个", "文中所述"}},
	} {
		dom := render(t, &output.Run{Lang: tc.lang, Files: []output.FileResult{res}})
		text := dom.Find("section#pageviews").Text()
		for _, w := range tc.want {
			assert.Contains(t, text, w, tc.lang)
		}
		// the report's own words only: messages and the drawn page are the document's
		dom.Find("section#pageviews svg, section#pageviews ol.excerpt").Remove()
		labels := dom.Find("section#pageviews .pvnav, section#pageviews figcaption, section#pageviews p.figs, section#pageviews h2, section#pageviews h3 small").Text()
		for _, w := range tc.not {
			assert.NotContains(t, labels, w, tc.lang)
		}
	}
}
