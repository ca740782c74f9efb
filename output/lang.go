package output

import (
	"fmt"

	"github.com/budgetlint/budgetlint/rules"
)

// The printers' own words (headers, labels, the summary line) in each
// language the rule pack speaks; the findings' messages come translated
// from the pack. A run's language is Run.Lang (the pack's when unset).

// label is one piece of interface text: English, Chinese.
type label struct{ en, zh string }

var uiText = map[string]label{
	// severities
	"error":   {"error", "错误"},
	"warning": {"warning", "警告"},
	"info":    {"info", "提示"},
	// file statuses
	"status.checked":     {"checked", "已检查"},
	"status.clean":       {"no findings", "未发现问题"},
	"status.unreadable":  {"unreadable", "无法读取"},
	"status.not-checked": {"not checked", "未检查"},
	"cannot read":        {"cannot read", "无法读取"},
	"not checked":        {"not checked", "未检查"},
	// CSV columns
	"col.path":           {"path", "文件"},
	"col.format":         {"format", "格式"},
	"col.page":           {"page", "页"},
	"col.line":           {"line", "行"},
	"col.column":         {"column", "列"},
	"col.end_line":       {"end_line", "结束行"},
	"col.end_column":     {"end_column", "结束列"},
	"col.severity":       {"severity", "严重程度"},
	"col.rule":           {"rule", "规则"},
	"col.summary":        {"summary", "规则说明"},
	"col.message":        {"message", "问题"},
	"col.claim":          {"claim", "原文"},
	"col.stated":         {"stated", "文中所述"},
	"col.expected":       {"expected", "应为"},
	"col.context":        {"context", "参考"},
	"col.fingerprint":    {"fingerprint", "指纹"},
	"col.status":         {"status", "状态"},
	"col.reason":         {"reason", "原因"},
	"col.errors":         {"errors", "错误"},
	"col.warnings":       {"warnings", "警告"},
	"col.findings":       {"findings", "问题合计"},
	"col.figures":        {"figures", "数字"},
	"col.claims":         {"claims", "说法"},
	"col.decided":        {"decided", "已判定"},
	"col.skipped":        {"skipped", "已跳过"},
	"col.infos":          {"infos", "提示"},
	"col.tables_checked": {"tables_checked", "表格关系已核对"},
	"col.tables_skipped": {"tables_skipped", "表格关系已跳过"},
	// HTML report
	"html.title":          {"budgetlint report", "预算报告检查结果"},
	"html.files":          {"Files", "文件"},
	"html.file":           {"File", "文件"},
	"html.status":         {"Status", "状态"},
	"html.total":          {"Total", "合计"},
	"html.coverage":       {"Coverage", "核查情况"},
	"html.charts":         {"Charts", "图表"},
	"html.by-rule":        {"Findings per rule", "各规则问题数"},
	"html.by-file":        {"Findings per file", "各文件问题数"},
	"html.by-severity":    {"Findings by severity", "问题按严重程度"},
	"html.findings":       {"Findings", "问题明细"},
	"html.where":          {"Where", "位置"},
	"html.severity":       {"Severity", "严重程度"},
	"html.rule":           {"Rule", "规则"},
	"html.finding":        {"Finding", "问题"},
	"html.stated":         {"Stated", "文中所述"},
	"html.expected":       {"Expected", "应为"},
	"html.skipped":        {"Why claims were skipped", "跳过原因"},
	"html.skipped-tables": {"Why table identities were skipped", "表格关系跳过原因"},
	"html.record":         {"Record of this check", "本次检查记录"},
	"html.date":           {"Date", "检查时间"},
	"html.version":        {"Tool version", "工具版本"},
	"html.command":        {"Command line", "命令行"},
	"html.config":         {"Configuration", "配置"},
	"html.folder":         {"Folder", "文件夹"},
	"html.lang":           {"Language", "语言"},
	"html.rules":          {"Rules", "规则"},
	"html.no-findings":    {"No findings.", "未发现问题。"},
	"html.more":           {"… and %d more", "……另有%d项"},
	"html.count":          {"Count", "数量"},
	"html.reason":         {"Reason", "原因"},
	"html.none":           {"none", "无"},
	"html.worst-first":    {"worst first; click a heading to sort", "问题最多的排在前面；点击表头可排序"},
	"html.page-views":     {"Pages", "页面"},
	// page views in the HTML report
	"pv.title":  {"Page views", "页面视图"},
	"pv.legend": {"Each finding's place links to its page: the claim marked in its severity's colour, related places (such as the table row it disagrees with) in light blue.", "每个问题的“位置”链接到其所在页面：红/橙/蓝色为问题原文，淡蓝色为相关位置（如与之不符的表格行）。"},
	"pv.prev":   {"Previous", "上一个"},
	"pv.next":   {"Next", "下一个"},
	"pv.list":   {"List", "列表"},
	"pv.page":   {"Page %d", "第%d页"},
	// statistics
	"stat.count":   {"count", "数量"},
	"stat.rule":    {"rule", "规则"},
	"stat.summary": {"summary", "说明"},
}

// lang returns the run's language: Lang when set, else the rule pack's,
// else the default (Chinese).
func (r *Run) lang() string {
	if r.Lang != "" {
		return r.Lang
	}
	if r.Rules != nil && r.Rules.Lang != "" {
		return r.Rules.Lang
	}
	return rules.DefaultLang
}

// T is the interface text for key in lang (the key itself when unknown).
func T(lang, key string) string {
	l, ok := uiText[key]
	if !ok {
		return key
	}
	if lang == rules.Chinese && l.zh != "" {
		return l.zh
	}
	return l.en
}

// Tf is T with fmt arguments.
func Tf(lang, key string, args ...any) string { return fmt.Sprintf(T(lang, key), args...) }

// statusText is a file's status and why: "not checked: …", "未检查：…".
func statusText(lang, key, reason string) string {
	if lang == rules.Chinese {
		return T(lang, key) + "：" + reason
	}
	return T(lang, key) + ": " + reason
}

// SeverityName is a severity in the run's language.
func SeverityName(lang string, s rules.Severity) string { return T(lang, string(s)) }

// say translates a phrase the code wrote (a skip reason written before a
// locale applied, a status reason) through the run's rule pack.
func (r *Run) say(s string) string {
	if r.Rules == nil || r.lang() != r.Rules.Lang {
		return s
	}
	return r.Rules.Say(s)
}
