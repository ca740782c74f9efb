package output

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/checks"
)

// The page views of the HTML report: for each finding, a section drawing
// its page from the positions budgetlint read (each character where it
// stands, so tables show as laid out), the claim marked in its severity's
// colour and related places in blue, and the lines around the claim as
// text below, readable on a phone. Each page is drawn once, as an SVG
// group the finding views <use>; a view shows when its link is followed
// (CSS :target), so the report needs no script for it.

// pvFinding is one finding of the report in display order, with what its
// view needs.
type pvFinding struct {
	ID, FileID, Path, Format string
	F                        checks.Finding
	Mark                     *ViewMark
	View                     *View
}

// pageViewID is the anchor of the n-th finding's view (0-based, report order).
func pageViewID(n int) string { return "v" + strconv.Itoa(n+1) }

// renderPageViews writes the page definitions and one section per finding.
func renderPageViews(lang string, fs []pvFinding) template.HTML {
	if len(fs) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<section id="pageviews"><h2>%s</h2><p class="coverage">%s</p>`, esc(T(lang, "pv.title")), esc(T(lang, "pv.legend")))
	// every page drawn once, referred to by the views
	b.WriteString(`<svg class="defs" width="0" height="0" aria-hidden="true"><defs>`)
	drawn := map[string]bool{}
	for _, f := range fs {
		if f.View == nil {
			continue
		}
		for _, p := range f.View.Pages {
			id := pageDefID(f.FileID, p.Page)
			if drawn[id] {
				continue
			}
			drawn[id] = true
			writePageDef(&b, id, &p)
		}
	}
	b.WriteString(`</defs></svg>`)
	for i := range fs {
		writeView(&b, lang, fs, i, drawn)
	}
	b.WriteString(`</section>`)
	return template.HTML(b.String())
}

func pageDefID(fileID string, page int) string { return fmt.Sprintf("pg-%s-%d", fileID, page) }

// writePageDef draws a page's lines: each rune at its x (SVG takes one x
// per character), lines of other writing directions turned into place.
func writePageDef(b *strings.Builder, id string, p *ViewPage) {
	fmt.Fprintf(b, `<g id="%s" class="pg">`, id)
	for _, l := range p.Lines {
		n := utf8.RuneCountInString(l.Text)
		if n == 0 || len(l.X) < n {
			continue
		}
		b.WriteString(`<text xml:space="preserve" x="`)
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(coord(float64(l.X[k])))
		}
		fmt.Fprintf(b, `" y="%s" font-size="%s"`, coord(float64(l.Y)), coord(math.Max(float64(l.Size), 1)))
		if l.Rot >= 1 && l.Rot <= 3 {
			fmt.Fprintf(b, ` transform="rotate(%d)"`, 90*int(l.Rot))
		}
		b.WriteByte('>')
		template.HTMLEscape(b, []byte(l.Text))
		b.WriteString(`</text>`)
	}
	b.WriteString(`</g>`)
}

func coord(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// writeView writes the section of finding i.
func writeView(b *strings.Builder, lang string, fs []pvFinding, i int, drawn map[string]bool) {
	f := fs[i]
	x := f.F
	fmt.Fprintf(b, `<section class="pv" id="%s"><nav class="pvnav">`, f.ID)
	if i > 0 {
		fmt.Fprintf(b, `<a href="#%s" rel="prev">‹ %s</a>`, fs[i-1].ID, T(lang, "pv.prev"))
	} else {
		fmt.Fprintf(b, `<span>‹ %s</span>`, T(lang, "pv.prev"))
	}
	fmt.Fprintf(b, `<a class="up" href="#%s">↑ %s</a>`, f.FileID, T(lang, "pv.list"))
	if i+1 < len(fs) {
		fmt.Fprintf(b, `<a href="#%s" rel="next">%s ›</a>`, fs[i+1].ID, T(lang, "pv.next"))
	} else {
		fmt.Fprintf(b, `<span>%s ›</span>`, T(lang, "pv.next"))
	}
	fmt.Fprintf(b, `<span class="count">%d / %d</span></nav>`, i+1, len(fs))
	fmt.Fprintf(b, `<h3>%s <small>%s</small></h3>`, esc(f.Path), esc(where(lang, f.Format, x)))
	fmt.Fprintf(b, `<p><span class="%s">%s</span> <b>%s</b> %s</p>`, esc(string(x.Severity)), esc(SeverityName(lang, x.Severity)), esc(x.Rule), esc(x.Message))
	if x.Stated != "" || x.Expected != "" {
		fmt.Fprintf(b, `<p class="figs">%s <b>%s</b> · %s <b>%s</b></p>`, esc(T(lang, "html.stated")), esc(x.Stated), esc(T(lang, "html.expected")), esc(x.Expected))
	}
	if x.Context != "" {
		fmt.Fprintf(b, `<p class="coverage">%s</p>`, esc(x.Context))
	}
	if f.Mark != nil {
		for _, pg := range markPages(f.Mark) {
			id := pageDefID(f.FileID, pg)
			vp := f.View.page(pg)
			if !drawn[id] || vp == nil {
				continue
			}
			writeFigure(b, lang, id, vp, f.Mark, string(x.Severity))
		}
		writeExcerpt(b, f.Mark.Excerpt, string(x.Severity))
	}
	b.WriteString(`</section>`)
}

// markPages lists the pages a finding's places are on, the claim's first.
func markPages(m *ViewMark) []int {
	var out []int
	seen := map[int]bool{}
	for _, s := range m.Spots {
		for _, r := range s.Rects {
			if !seen[r.Page] {
				seen[r.Page] = true
				out = append(out, r.Page)
			}
		}
	}
	return out
}

// writeFigure draws page vp with the finding's places on it, under the text.
func writeFigure(b *strings.Builder, lang, id string, vp *ViewPage, m *ViewMark, sev string) {
	caption := Tf(lang, "pv.page", vp.Page)
	fmt.Fprintf(b, `<figure class="page"><figcaption>%s</figcaption>`, esc(caption))
	fmt.Fprintf(b, `<svg viewBox="0 0 %s %s" role="img" aria-label="%s"><rect class="paper" width="%s" height="%s"/>`,
		coord(vp.W), coord(vp.H), esc(caption), coord(vp.W), coord(vp.H))
	for _, s := range m.Spots {
		cls := "hl-claim sev-" + sev
		if s.Related {
			cls = "hl-rel"
		}
		for _, r := range s.Rects {
			if r.Page != vp.Page {
				continue
			}
			fmt.Fprintf(b, `<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, cls,
				coord(r.X0-1), coord(r.Y0-1), coord(r.X1-r.X0+2), coord(r.Y1-r.Y0+2))
		}
	}
	fmt.Fprintf(b, `<use href="#%s"/></svg></figure>`, id)
}

// writeExcerpt writes the lines around the claim with the places marked.
func writeExcerpt(b *strings.Builder, lines []ExcerptLine, sev string) {
	if len(lines) == 0 {
		return
	}
	b.WriteString(`<ol class="excerpt">`)
	for _, l := range lines {
		where := strconv.Itoa(l.N)
		if l.Page > 0 {
			where = fmt.Sprintf("%d:%d", l.Page, l.N)
		}
		if l.Gap {
			b.WriteString(`<li class="gap">⋯</li>`)
		}
		fmt.Fprintf(b, `<li><span class="ln">%s</span>`, where)
		rs := []rune(l.Text)
		at := 0
		for _, r := range l.Runs {
			s, e := max(r.Start, at), min(r.End, len(rs))
			if s >= e {
				continue
			}
			b.WriteString(esc(string(rs[at:s])))
			cls := "hl-claim sev-" + sev
			if r.Related {
				cls = "hl-rel"
			}
			fmt.Fprintf(b, `<mark class="%s">%s</mark>`, cls, esc(string(rs[s:e])))
			at = e
		}
		b.WriteString(esc(string(rs[at:])))
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// pageViewCSS styles the views; it joins the report's style sheet.
const pageViewCSS = `
.pv{display:none;border-top:2px solid #888;margin-top:1em;padding-top:.5em}
.pv:target{display:block}
.pvnav{display:flex;gap:1em;flex-wrap:wrap;position:sticky;top:0;background:#fff;padding:.4em 0;font-size:1.05em}
.pvnav span{color:#999} .pvnav .count{margin-left:auto;color:#555}
.figs b{font-variant-numeric:tabular-nums}
figure.page{margin:.6em 0;max-width:900px}
figure.page svg{width:100%;height:auto;border:1px solid #ccc;box-shadow:0 1px 4px #0002;background:#fff}
figure.page text{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;fill:#111;white-space:pre}
.paper{fill:#fff}
rect.hl-claim{fill-opacity:.35;stroke-width:.8} rect.hl-rel{fill:#3a8dde;fill-opacity:.22;stroke:#3a8dde;stroke-width:.6;stroke-dasharray:2 1}
rect.sev-error{fill:#e53935;stroke:#b71c1c} rect.sev-warning{fill:#ffb300;stroke:#a66d00} rect.sev-info{fill:#1e88e5;stroke:#0d47a1}
ol.excerpt{list-style:none;padding:.4em;margin:.4em 0;background:#fafafa;border:1px solid #e4e4e4;font-size:.95em;overflow-wrap:anywhere}
ol.excerpt li{white-space:pre-wrap;line-height:1.6} ol.excerpt li.gap{color:#999;padding-left:3.2em}
ol.excerpt .ln{display:inline-block;min-width:3.2em;color:#999;font-variant-numeric:tabular-nums;user-select:none}
mark.hl-claim{background:#ffcdd2;border-bottom:2px solid #c62828} mark.sev-warning{background:#ffe082;border-bottom-color:#a66d00} mark.sev-info{background:#bbdefb;border-bottom-color:#0d47a1}
mark.hl-rel{background:#d6e9fb;border-bottom:2px dashed #3a8dde}
svg.defs{position:absolute}
@media (max-width:600px){body{margin:.6em}.pvnav{font-size:1.15em}}
`

// linkPageViews gives each finding of the report (in the order shown) its
// view anchor and renders the views.
func linkPageViews(lang string, files []htmlFile) template.HTML {
	var fs []pvFinding
	for i := range files {
		hf := &files[i]
		if hf.res == nil {
			continue
		}
		for k := range hf.Findings {
			if k >= len(hf.res.Findings) {
				break
			}
			pf := pvFinding{ID: pageViewID(len(fs)), FileID: hf.ID, Path: hf.Path, Format: hf.Format, F: hf.res.Findings[k], View: hf.res.View}
			pf.Mark = hf.res.View.Mark(pf.F)
			hf.Findings[k].View = pf.ID
			fs = append(fs, pf)
		}
	}
	return renderPageViews(lang, fs)
}
