package output

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

// externalRef finds anything the browser would fetch: src/href/url() to
// another host, or a protocol-relative reference.
var externalRef = regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?(https?:|//)|@import`)

func htmlDOM(t *testing.T, r *Run) (*goquery.Document, string) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, r))
	page := buf.String()
	dom, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	require.NoError(t, err)
	return dom, page
}

// bureauRun adds a file that was not checked and the record of the run.
func bureauRun(t *testing.T) *Run {
	r := testRun(t)
	r.Files = append(r.Files, FileResult{Path: "d/old.doc", NotChecked: "legacy .doc is not read: save it as .docx", Findings: []checks.Finding{}})
	r.Record = Record{Date: "2026-12-03T10:00:00+08:00", Version: "v1.2.3 rev 0123456789ab", Command: []string{"budgetlint", "check", "-f", "html=报告 1.html", "区县/"},
		Config: []string{"/srv/reports/.budgetlint.yaml"}}
	return r
}

func TestHTMLSelfContained(t *testing.T) {
	run := bureauRun(t)
	// A hostile claim must not inject markup or references.
	run.Files[1].Findings[0].Claim = `<img src="https://evil.example/x.png">占99.35%`
	dom, page := htmlDOM(t, run)
	assert.Empty(t, externalRef.FindAllString(page, -1))
	assert.NotContains(t, page, "<img")
	assert.Contains(t, page, "&lt;img")
	assert.Equal(t, 1, strings.Count(page, "<html"), "one page")
	assert.Equal(t, 1, dom.Find(`meta[name="viewport"]`).Length(), "readable on a phone")
	assert.Contains(t, dom.Find("style").Text(), "@media (max-width:600px)")
	assert.Equal(t, 1, dom.Find("script").Length(), "the sorting script, inline")
}

// The first screen: the headline, then the files, worst first, with a
// status for each and the counts in their severity's colour.
func TestHTMLFilesTableWorstFirst(t *testing.T) {
	dom, _ := htmlDOM(t, bureauRun(t))
	rows := dom.Find("table#files tbody tr")
	require.Equal(t, 5, rows.Length(), "every file, checked or not")
	var order, status []string
	rows.Each(func(_ int, s *goquery.Selection) {
		order = append(order, s.Find("td.path").Text())
		status = append(status, s.AttrOr("class", ""))
	})
	assert.Equal(t, []string{"c/broken.docx", "d/old.doc", "a/panzhihua, 2024: final.txt", "b/report.pdf", "a/clean.txt"}, order,
		"unreadable and unchecked files first, then by errors, warnings, total")
	assert.Equal(t, []string{"st-unreadable", "st-not-checked", "st-checked", "st-checked", "st-clean"}, status)
	notChecked := rows.Eq(1)
	assert.Contains(t, notChecked.Find("td.st").Text(), "not checked")
	assert.Contains(t, notChecked.Find("td.st .why").Text(), "save it as .docx")
	assert.Contains(t, rows.Eq(0).Find("td.st .why").Text(), "not a zip archive")
	// counts in their colours: the error count of the worst checked file
	assert.Equal(t, "1", rows.Eq(2).Find("td.n .badge.b-error").Text())
	assert.Equal(t, 1, rows.Eq(3).Find("td.n .badge.b-warning").Length())
	assert.Equal(t, 1, rows.Eq(3).Find("td.n .badge.b-info").Length())
	assert.Equal(t, 3, rows.Eq(4).Find(".badge.b-none").Length(), "zero counts are grey")
	// a file with findings links to them
	href := rows.Eq(2).Find("td.path a").AttrOr("href", "")
	assert.Equal(t, 1, dom.Find("details.file"+href).Length())
	// headline badges
	assert.Contains(t, dom.Find("#headline .b-error").Text(), "1")
	assert.Contains(t, dom.Find("#headline .summary").Text(), "3 findings")
	// the files table comes before the charts
	all, _ := dom.Html()
	assert.Less(t, strings.Index(all, `id="files"`), strings.Index(all, `class="charts"`))
}

func TestHTMLChartsSkipReasonsAndRecord(t *testing.T) {
	r := bureauRun(t)
	r.Files[0].Coverage = &checks.Coverage{Figures: 3, Claims: 5, Decided: 2, Skipped: 3, Reasons: map[string]int{"share: no whole stated": 2, "cause: text cut off": 1}}
	dom, _ := htmlDOM(t, r)
	assert.Equal(t, 2, dom.Find(".charts figure svg").Length())
	assert.Equal(t, 2, dom.Find(".charts figure").First().Find("rect").Length(), "one bar per rule")
	skipped := dom.Find("details.skipped")
	require.Equal(t, 1, skipped.Length())
	_, open := skipped.Attr("open")
	assert.False(t, open, "skip reasons are collapsed")
	assert.Equal(t, "share: no whole stated", skipped.Find("tbody tr").First().Find("td").First().Text(), "most frequent first")
	rec := dom.Find("#record")
	assert.Contains(t, rec.Text(), "2026-12-03T10:00:00+08:00")
	assert.Contains(t, rec.Text(), "v1.2.3 rev 0123456789ab")
	assert.Contains(t, rec.Find("code").First().Text(), "budgetlint check -f 'html=报告 1.html' 区县/", "the command line as typed")
	assert.Contains(t, rec.Text(), "/srv/reports/.budgetlint.yaml")
	assert.Equal(t, len(r.Rules.Rules), rec.Find("details tbody tr").Length(), "every rule with its severity")
	assert.Contains(t, dom.Find("title").Text(), "2026-12-03")
}

// In Chinese every label is Chinese; the rule ids and file names stay.
func TestHTMLChinese(t *testing.T) {
	r := bureauRun(t)
	r.Lang = rules.Chinese
	dom, _ := htmlDOM(t, r)
	assert.Equal(t, "zh-CN", dom.Find("html").AttrOr("lang", ""))
	assert.Equal(t, "预算报告检查结果", dom.Find("h1").Text())
	var heads []string
	dom.Find("table#files thead th").Each(func(_ int, s *goquery.Selection) { heads = append(heads, s.Text()) })
	assert.Equal(t, []string{"文件", "格式", "状态", "错误", "警告", "提示", "合计"}, heads)
	assert.Contains(t, dom.Find("#headline .summary").Text(), "共3个问题")
	assert.Equal(t, "未检查", strings.TrimSpace(strings.TrimSuffix(dom.Find("tr.st-not-checked td.st").Contents().First().Text(), "")))
	assert.Contains(t, dom.Find("tr.st-unreadable td.st").Text(), "无法读取")
	assert.Contains(t, dom.Find("tr.st-clean td.st").Text(), "未发现问题")
	assert.Contains(t, dom.Find("#record h2").Text(), "本次检查记录")
	assert.Contains(t, dom.Find("table.findings td").First().Text(), "第47行")
	assert.Contains(t, dom.Find("table.findings").Eq(1).Find("td").First().Text(), "第3页第5行")
}

func TestHTMLChartOrdersAndCaps(t *testing.T) {
	var items []kv
	for i := 0; i < chartMaxBars+5; i++ {
		items = append(items, kv{string(rune('a'+i%26)) + strings.Repeat("x", i), i + 1})
	}
	c := chart("en", "t", items, nil)
	require.Len(t, c.Bars, chartMaxBars)
	assert.Equal(t, "… and 5 more", c.More)
	assert.Equal(t, chartMaxBars+5, c.Bars[0].Count, "largest first")
	assert.Equal(t, chartBarMaxW, c.Bars[0].W)
	assert.Less(t, c.Bars[1].W, c.Bars[0].W)
}

func TestHTMLEmptyRun(t *testing.T) {
	set, _ := rules.DefaultIn(rules.English)
	dom, _ := htmlDOM(t, &Run{Rules: set, Files: []FileResult{{Path: "x.txt", Format: "text", Findings: []checks.Finding{}}}})
	assert.Contains(t, dom.Find(".charts").Text(), "No findings.")
	assert.Equal(t, 1, dom.Find("#headline .summary.clean").Length())
	assert.Equal(t, 3, dom.Find("#headline .badge.b-none").Length())
}
