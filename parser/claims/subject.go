package claims

import (
	"regexp"
	"strings"
)

// Qual is what kind of value a figure's wording says it is.
type Qual uint8

const (
	QualNone     Qual = iota
	QualBudget        // 预算数, 年初预算, 预算安排
	QualAdjusted      // 调整预算, 调整后预算
	QualFinal         // 决算, 决算数, 支出决算, 实际完成
	QualExec          // 预算执行数, 执行数 (an earlier year's outturn in a budget)
)

func (q Qual) String() string {
	switch q {
	case QualBudget:
		return "预算"
	case QualAdjusted:
		return "调整预算"
	case QualFinal:
		return "决算"
	case QualExec:
		return "执行数"
	}
	return ""
}

var (
	// fund and document names that contain 预算/决算 without qualifying the figure
	fundNames = regexp.MustCompile(`一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|部门预算|单位预算|部门决算|单位决算|预算单位|预算绩效|预算管理|预算稳定调节基金|预算内|预算资金`)
	qualExec  = regexp.MustCompile(`执行数|执行额`)
	// a figure right after 调整为 is the budget as adjusted, though no
	// 预算 stands in its clause (收入预算134.5亿元，执行中按法定程序调整为134.9亿元)
	qualAdj   = regexp.MustCompile(`调整预算|调整后预算|变动预算|调整为\s*$`)
	qualFinal = regexp.MustCompile(`决算|实际完成|实际支出|完成数|实际执行`)
	qualBud   = regexp.MustCompile(`预算`)

	yearWords  = regexp.MustCompile(`\d{4}年度?|上年度?|上一年度?|本年度|当年|全年|年初|年末|同期|去年|今年`)
	fillerEnd  = regexp.MustCompile(`(?:为|是|达到|达|约|共计|合计为|总计为|总额为|分别为|均为|各为)+$`)
	fillerHead = regexp.MustCompile(`^(?:其中|[一二三四五六七八九十]+是|主要用于以下方面|主要用于|包括|分别是|分别为|含|具体情况如下|具体是|如下|全年|截至\d{4}年\d+月\d+日|\d{4}年度?|本年度|另有|以及|及|和|并)+`)
	verbDa     = regexp.MustCompile(`(?:下|到|抵|送|传|表|发|通|直)达$`)
	stripKey   = regexp.MustCompile(`[“”"'‘’《》「」\s]|支出决算数|支出决算|决算数|决算|预算数|预算执行数|执行数|执行$|年初预算|调整预算|调整后预算|预算安排|预算|安排|实际完成|实际|完成|各|均|分别|共|总共|的|方面|在内`)
)

// qualOf reads the qualifier of a figure from its subject text.
func qualOf(subject string) Qual {
	s := fundNames.ReplaceAllString(subject, "")
	switch {
	case qualExec.MatchString(s):
		return QualExec
	case qualAdj.MatchString(s):
		return QualAdjusted
	case qualFinal.MatchString(s):
		return QualFinal
	case qualBud.MatchString(s):
		return QualBudget
	}
	return QualNone
}

// cleanSubject trims connective words around a subject as written.
func cleanSubject(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < 3; i++ {
		s = strings.TrimLeft(s, "，,；;：: ")
		s = fillerHead.ReplaceAllString(s, "")
		s = strings.TrimLeft(s, "，,；;：: ")
		t := fillerEnd.ReplaceAllString(s, "")
		if strings.HasPrefix(s[len(t):], "达") && verbDa.MatchString(t+"达") {
			t += "达" // 下达 is a verb, not 下 and the filler 达
		}
		s = t
		s = strings.TrimRight(s, "，,；;：: ")
	}
	return s
}

// glossRe: a note's reference (地区生产总值[2]) or a Latin abbreviation
// glossing the name before it (生产总值（GDP）) is no part of the name.
var glossRe = regexp.MustCompile(`[\[［]\d{1,2}[\]］]|[(（][A-Z][A-Za-z&]{1,5}[)）]`)

// keyOf normalises a subject for matching: years, quotes, qualifier and
// filler words go, fund names stay (they tell 一般公共预算 from 政府性基金).
func keyOf(subject string) string {
	// protect fund names from the qualifier strip
	marks := fundNames.FindAllString(subject, -1)
	s := fundNames.ReplaceAllString(subject, "\x00")
	s = glossRe.ReplaceAllString(s, "")
	s = yearWords.ReplaceAllString(s, "")
	s = stripKey.ReplaceAllString(s, "")
	for _, m := range marks {
		s = strings.Replace(s, "\x00", m, 1)
	}
	return keyPunct.Replace(s)
}

// keyPunct drops the brackets and commas a key is matched without; made
// once, as keyOf runs for every figure of a report
var keyPunct = strings.NewReplacer("(", "", ")", "", "（", "", "）", "", "、", "", "，", "", ",", "")

// genericKeys are subjects that say nothing on their own (支出决算为…):
// such a figure takes the subject of its sentence.
func isGeneric(key string) bool {
	switch key {
	case "", "支出", "收入", "金额", "资金", "数", "额", "费用", "经费", "其中", "合计", "总计", "小计":
		return true
	}
	return len([]rune(key)) <= 1
}

// sameSubject decides whether two keys name the same quantity: equal, or
// one ends with the other (一般公共预算财政拨款支出 / 财政拨款支出 are not
// the same; 公务用车购置及运行维护费支出 / 公务用车购置及运行维护费 are).
func sameSubject(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	ta, tb := trimTail(a), trimTail(b)
	if ta == tb && len([]rune(ta)) >= 2 {
		return true
	}
	return false
}

func trimTail(k string) string {
	for _, suf := range []string{"支出", "费用", "经费", "资金", "金额"} {
		if strings.HasSuffix(k, suf) && len([]rune(k)) > len([]rune(suf))+1 {
			return strings.TrimSuffix(k, suf)
		}
	}
	return k
}

var (
	boundAfter  = regexp.MustCompile(`^\s*(?:及以上|及以下|以上|以下|以内|左右|台阶|大关|关口)`)
	boundBefore = regexp.MustCompile(`(?:不超过|超过|不低于|低于|不高于|高于|不足|大于|小于|保持在|约|近|逾|突破|站稳|迈上|跨上|跃上)\s*$`)
)

// isThreshold: 单位价值50万元以上, 不超过10万元, 比重保持在80%以上 — a
// bound, or an approximation, not the value of anything.
func (bx *blockCtx) isThreshold(f *Figure) bool {
	if f.Block != bx.b {
		return false
	}
	return boundAfter.MatchString(bx.text(f.End, f.End+4)) || boundBefore.MatchString(bx.text(f.Start-5, f.Start))
}

// ratioBase: 为年初预算85000万元的101.7% — the figure is the base a ratio
// is taken of, stated in passing.
func (bx *blockCtx) ratioBase(f *Figure) bool {
	if f.Block != bx.b || bx.text(f.End, f.End+1) != "的" {
		return false
	}
	for _, g := range bx.figsIn(f.End, f.End+3) {
		if g.Unit == UnitPercent {
			return true
		}
	}
	return false
}

// OwnSubject reports a figure whose sentence names its subject before it
// (全市一般公共预算收入65.42亿元), not one that takes the subject of its
// sentence for a bare 收入 or 支出: 失业保险基金收入完成1.1亿元；支出完成
// 1亿元 gives the second figure the first's key, though it is the fund's
// spending.
func OwnSubject(f *Figure) bool {
	return !isGeneric(keyOf(f.Subject))
}
