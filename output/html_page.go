package output

// htmlPage is the report page. Everything it needs is inline: CSS, the
// sorting script and the SVG charts.
const htmlPage = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>budgetlint report · 预算报告检查结果</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222;max-width:1200px}
h1{font-size:1.4em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
.headline{font-size:1.1em;background:#f6f6f6;padding:.6em .8em;border-left:4px solid #b00}
.clean{border-left-color:#080}
.headline{font-size:1.3em;font-weight:bold} .coverage{font-size:.85em;color:#555}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"} th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#b00;font-weight:bold} .warning{color:#a60} .info{color:#06a}
.unreadable{background:#fee}
.charts{display:flex;flex-wrap:wrap;gap:2em}
.claim{font-family:inherit;background:#fffbe6;padding:.2em .4em;display:block}
svg text{font-size:12px;font-family:inherit}
{{.PageViewCSS}}
</style>
</head>
<body>
<h1>budgetlint report · 预算报告检查结果</h1>
<p class="headline{{if eq .Totals.All 0}} clean{{end}}">{{.Summary}}</p>
<p class="coverage">Checked · 核查情况: {{.Coverage}}</p>

<div class="charts">
{{template "chart" .ByRule}}
{{template "chart" .ByFile}}
</div>

<h2>Files · 文件 ({{len .Files}})</h2>
<table id="files">
<thead><tr><th data-type="text">File 文件</th><th data-type="text">Format</th><th data-type="num" aria-sort="descending">Errors 错误</th><th data-type="num">Warnings 警告</th><th data-type="num">Info 提示</th><th data-type="num">Total 合计</th></tr></thead>
<tbody>
{{range .Files}}<tr{{if .Error}} class="unreadable"{{end}}><td><a href="#{{.ID}}">{{.Path}}</a>{{if .Error}} — cannot read: {{.Error}}{{end}}</td><td>{{.Format}}</td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td><td class="n">{{.Infos}}</td><td class="n">{{.N}}</td></tr>
{{end}}</tbody>
</table>

<h2>Findings · 问题明细</h2>
{{range .Files}}{{if or .Findings .Error}}
<h3 id="{{.ID}}">{{.Path}} <small>({{.Format}}, {{.N}})</small></h3>
{{if .Error}}<p class="error">cannot read: {{.Error}}</p>{{end}}
{{if .Findings}}<table>
<thead><tr><th>Where 位置</th><th>Severity</th><th>Rule 规则</th><th>Finding 问题</th><th>Stated 所述</th><th>Expected 应为</th></tr></thead>
<tbody>
{{range .Findings}}<tr><td>{{if .View}}<a href="#{{.View}}">{{.Where}}</a>{{else}}{{.Where}}{{end}}</td><td class="{{.Severity}}">{{.Severity}}</td><td title="{{.Summary}}">{{.Rule}}</td><td>{{.Message}}{{if .Claim}}<span class="claim">{{.Claim}}</span>{{end}}{{if .Context}}<small>{{.Context}}</small>{{end}}</td><td>{{.Stated}}</td><td>{{.Expected}}</td></tr>
{{end}}</tbody>
</table>{{end}}
{{end}}{{end}}
{{.PageViews}}
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
      var c = num ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y);
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
</script>
</body>
</html>
{{define "chart"}}<figure>
<figcaption><strong>{{.Title}}</strong></figcaption>
{{if .Bars}}<svg width="{{.Width}}" height="{{.Height}}" role="img" aria-label="{{.Title}}">
{{range .Bars}}<text x="255" y="{{.TextY}}" text-anchor="end">{{.Label}}</text><rect x="260" y="{{.Y}}" width="{{.W}}" height="18" fill="#c0392b"><title>{{.Label}}: {{.Count}}</title></rect><text x="{{.CountX}}" y="{{.TextY}}">{{.Count}}</text>
{{end}}</svg>{{if .More}}<p>… and {{.More}} more</p>{{end}}{{else}}<p>No findings.</p>{{end}}
</figure>{{end}}`
