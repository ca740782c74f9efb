package output

// htmlPage is the report page. Everything it needs is inline: CSS, the
// sorting script and the SVG charts. The first screen is the headline and
// the table of files; everything else is below it.
const htmlPage = `<!DOCTYPE html>
<html lang="{{if eq .Lang "zh"}}zh-CN{{else}}{{.Lang}}{{end}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="budgetlint {{.Record.Version}}">
<title>{{.L.html_title}}{{if .Record.Date}} · {{.Record.Date}}{{end}}</title>
<style>
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32}
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.2em auto;padding:0 1em;color:#222;max-width:1200px;line-height:1.45}
h1{font-size:1.45em;margin:.2em 0} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
.meta{color:#555;font-size:.9em;margin:.2em 0 .8em}
.headline{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin:.4em 0}
.badge{display:inline-block;min-width:2.2em;padding:.15em .6em;border-radius:1em;font-weight:bold;text-align:center;font-variant-numeric:tabular-nums}
.b-error{background:var(--err);color:#fff} .b-warning{background:var(--warn);color:#fff} .b-info{background:var(--info);color:#fff}
.b-none{background:#eee;color:#999;font-weight:normal} .b-ok{background:var(--ok);color:#fff}
.summary{font-size:1.05em;font-weight:bold} .coverage{font-size:.85em;color:#555;margin:.2em 0 .8em}
table{border-collapse:collapse;width:100%;font-size:.93em}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"} th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:center;font-variant-numeric:tabular-nums}
td.path{overflow-wrap:anywhere}
tr.st-unreadable td.path,tr.st-not-checked td.path{background:#fff4f4}
.st{white-space:nowrap;font-size:.9em} .st-unreadable .st{color:var(--err);font-weight:bold} .st-not-checked .st{color:var(--warn);font-weight:bold} .st-clean .st{color:var(--ok)}
.why{display:block;font-size:.85em;color:#666;white-space:normal}
.sev-error{color:var(--err);font-weight:bold} .sev-warning{color:var(--warn);font-weight:bold} .sev-info{color:var(--info)}
.charts{display:flex;flex-wrap:wrap;gap:2em} .charts figure{margin:0;flex:1 1 420px;max-width:680px}
.charts svg{width:100%;height:auto}
rect.bar{fill:#888} rect.error{fill:var(--err)} rect.warning{fill:var(--warn)} rect.info{fill:var(--info)}
svg text{font-size:12px;font-family:inherit}
.claim{background:#fffbe6;padding:.2em .4em;display:block;margin-top:.2em}
details{margin:.6em 0} summary{cursor:pointer;font-weight:bold}
details.file{border:1px solid #e4e4e4;padding:.3em .6em}
.record dt{font-weight:bold;margin-top:.4em} .record dd{margin-left:1.2em;overflow-wrap:anywhere}
.record code{white-space:pre-wrap}
.off{color:#999}
@media (max-width:600px){
 body{margin:.4em auto;padding:0 .5em;font-size:15px}
 h1{font-size:1.2em}
 th,td{padding:.25em .3em}
 .fmt{display:none}
 #files thead{display:none}
 #files tr{display:grid;grid-template-columns:1fr auto auto auto;align-items:center;gap:.15em .3em;border-bottom:1px solid #ddd;padding:.35em 0}
 #files td{border:none;padding:.05em .1em}
 #files td.path{grid-column:1/-1;font-weight:bold}
 #files td.fmt,#files td:last-child{display:none}
 table.findings td:nth-child(5),table.findings th:nth-child(5),table.findings td:nth-child(6),table.findings th:nth-child(6){display:none}
}
{{.PageViewCSS}}
</style>
</head>
<body>
<header>
<h1>{{.L.html_title}}</h1>
<p class="meta">{{if .Record.Date}}{{.L.html_date}}: {{.Record.Date}} · {{end}}budgetlint {{.Record.Version}}{{if .Root}} · {{.L.html_folder}}: {{.Root}}{{end}}</p>
<div class="headline" id="headline">
<span class="summary{{if eq .Totals.All 0}} clean{{end}}">{{.Summary}}</span>
<span class="badge {{if .Totals.Error}}b-error{{else}}b-none{{end}}" title="{{.L.error}}">{{.L.error}} {{.Totals.Error}}</span>
<span class="badge {{if .Totals.Warning}}b-warning{{else}}b-none{{end}}" title="{{.L.warning}}">{{.L.warning}} {{.Totals.Warning}}</span>
<span class="badge {{if .Totals.Info}}b-info{{else}}b-none{{end}}" title="{{.L.info}}">{{.L.info}} {{.Totals.Info}}</span>
</div>
<p class="coverage">{{.L.html_coverage}}: {{.Coverage}}</p>
</header>

<section>
<h2>{{.L.html_files}} ({{len .Files}}) <small class="coverage">{{.L.html_worst_first}}</small></h2>
<table id="files">
<thead><tr><th data-type="text">{{.L.html_file}}</th><th data-type="text" class="fmt">{{.L.col_format}}</th><th data-type="text">{{.L.html_status}}</th><th data-type="num" aria-sort="descending">{{.L.error}}</th><th data-type="num">{{.L.warning}}</th><th data-type="num">{{.L.info}}</th><th data-type="num">{{.L.html_total}}</th></tr></thead>
<tbody>
{{range .Files}}<tr class="st-{{.Status}}"><td class="path" title="{{.Path}}">{{if .Findings}}<a href="#{{.ID}}">{{.Short}}</a>{{else}}{{.Short}}{{end}}</td><td class="fmt">{{.Format}}</td><td class="st">{{.StatusText}}{{if .Reason}}<span class="why">{{.Reason}}</span>{{end}}</td><td class="n">{{template "count" (sev "error" .Errors)}}</td><td class="n">{{template "count" (sev "warning" .Warnings)}}</td><td class="n">{{template "count" (sev "info" .Infos)}}</td><td class="n">{{.N}}</td></tr>
{{end}}</tbody>
</table>
</section>

<section>
<h2>{{.L.html_charts}}</h2>
<div class="charts">
{{template "chart" .ByRule}}
{{template "chart" .ByFile}}
</div>
{{if .Reasons}}<details class="skipped"><summary>{{.L.html_skipped}} ({{.Totals.Coverage.Skipped}})</summary>
<table><thead><tr><th>{{.L.html_reason}}</th><th>{{.L.html_count}}</th></tr></thead><tbody>
{{range .Reasons}}<tr><td>{{.Text}}</td><td class="n">{{.Count}}</td></tr>
{{end}}</tbody></table></details>{{end}}
{{if .Tables}}<details class="skipped"><summary>{{.L.html_skipped_tables}} ({{.Totals.Coverage.Tables.Skipped}})</summary>
<table><thead><tr><th>{{.L.html_reason}}</th><th>{{.L.html_count}}</th></tr></thead><tbody>
{{range .Tables}}<tr><td>{{.Text}}</td><td class="n">{{.Count}}</td></tr>
{{end}}</tbody></table></details>{{end}}
</section>

<section id="findings">
<h2>{{.L.html_findings}}</h2>
{{$L := .L}}{{range .Files}}{{if .Findings}}
<details class="file" id="{{.ID}}" open><summary>{{.Short}} <small>({{.Format}}, {{.N}})</small></summary>
<table class="findings">
<thead><tr><th>{{$L.html_where}}</th><th>{{$L.html_severity}}</th><th>{{$L.html_rule}}</th><th>{{$L.html_finding}}</th><th>{{$L.html_stated}}</th><th>{{$L.html_expected}}</th></tr></thead>
<tbody>
{{range .Findings}}<tr><td>{{if .View}}<a href="#{{.View}}">{{.Where}}</a>{{else}}{{.Where}}{{end}}</td><td class="sev-{{.Severity}}">{{.SeverityName}}</td><td title="{{.Summary}}">{{.Rule}}</td><td>{{.Message}}{{if .Claim}}<span class="claim">{{.Claim}}</span>{{end}}{{if .Context}}<small>{{.Context}}</small>{{end}}</td><td>{{.Stated}}</td><td>{{.Expected}}</td></tr>
{{end}}</tbody>
</table>
</details>{{end}}{{end}}
</section>
{{.PageViews}}

<section id="record" class="record">
<h2>{{.L.html_record}}</h2>
<dl>
<dt>{{.L.html_date}}</dt><dd>{{or .Record.Date "—"}}</dd>
<dt>{{.L.html_version}}</dt><dd>budgetlint {{.Record.Version}}</dd>
<dt>{{.L.html_command}}</dt><dd><code>{{or .Record.Command "—"}}</code></dd>
<dt>{{.L.html_config}}</dt><dd>{{range .Record.Config}}<code>{{.}}</code><br>{{else}}{{.L.html_none}}{{end}}{{range .Record.RuleFiles}}<code>{{.}}</code><br>{{end}}</dd>
<dt>{{.L.html_lang}}</dt><dd>{{.Record.Lang}}</dd>
</dl>
<details><summary>{{.L.html_rules}} ({{len .Record.Rules}})</summary>
<table><tbody>
{{range .Record.Rules}}<tr{{if not .On}} class="off"{{end}}><td>{{.ID}}</td><td class="sev-{{.Severity}}">{{if .On}}{{.Severity}}{{else}}off{{end}}</td><td>{{.Summary}}</td></tr>
{{end}}</tbody></table>
</details>
</section>
<script>
// Sort the files table by the clicked column; numbers descend first, since
// a reader wants the worst files on top.
document.querySelectorAll('#files th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var num = th.dataset.type === 'num';
    var was = th.getAttribute('aria-sort');
    var desc = was ? was === 'ascending' : num;
    document.querySelectorAll('#files th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
    var body = document.querySelector('#files tbody');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent, y = b.cells[col].textContent;
      var c = num ? ((parseFloat(x) || 0) - (parseFloat(y) || 0)) : x.localeCompare(y);
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
</script>
</body>
</html>
{{define "count"}}{{if .N}}<span class="badge b-{{.Sev}}">{{.N}}</span>{{else}}<span class="badge b-none">0</span>{{end}}{{end}}
{{define "chart"}}<figure>
<figcaption><strong>{{.Title}}</strong></figcaption>
{{if .Bars}}<svg viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="{{.Title}}">
{{range .Bars}}<text x="255" y="{{.TextY}}" text-anchor="end">{{.Label}}</text><rect class="{{.Class}}" x="260" y="{{.Y}}" width="{{.W}}" height="18"><title>{{.Label}}: {{.Count}}</title></rect><text x="{{.CountX}}" y="{{.TextY}}">{{.Count}}</text>
{{end}}</svg>{{if .More}}<p>{{.More}}</p>{{end}}{{else}}<p>{{.Empty}}</p>{{end}}
</figure>{{end}}`
