package claims

import (
	"math/big"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/num"
)

// Unit is what a figure measures; the units and their scales are defined
// once, in parser/num. The names below let claim code say UnitWanYuan.
type Unit = num.Unit

const (
	UnitNone      = num.UnitNone
	UnitYuan      = num.UnitYuan
	UnitQianYuan  = num.UnitQianYuan
	UnitWanYuan   = num.UnitWanYuan
	UnitYiYuan    = num.UnitYiYuan
	UnitWanYiYuan = num.UnitWanYiYuan
	UnitWan       = num.UnitWan
	UnitPercent   = num.UnitPercent
	UnitPermille  = num.UnitPermille
	UnitPoints    = num.UnitPoints
	UnitCount     = num.UnitCount
)

// Figure is one number in a block, with its unit and place.
//
// Unit, Role and Qual are bytes and stand next to the flags, so that they
// all take one word: a report of thousands of pages holds a hundred
// thousand figures and more.
type Figure struct {
	Block      *doc.Block
	Start, End int    // analysis rune span, unit included
	NumEnd     int    // where the digits end
	Text       string // as in the analysis text, unit included
	Value      num.Decimal
	Unit       Unit

	// Filled by claim extraction.
	Role    Role
	Qual    Qual // 预算 / 决算 / 执行数 … when the wording says so
	Paren   bool // inside brackets: a remark, not a list part
	Earlier bool // stated for an earlier period (较2014年决算数305.65万元, 上年执行数)
	// RatioBase: the budget a ratio is taken against, named inside its
	// phrase (为年初预算513000万元的100.48%). It inherits its sentence's
	// subject, but it is the ratio's base, never the subject's value.
	RatioBase bool
	Subject   string // what the figure is the value of, as written before it
	Key       string // the subject normalised for matching
	Year      int    // a year named in the figure's clause (2023年预算安排…)
	Count     string // the counted word of a UnitCount figure (辆, 个, 台), "" for years and the like
}

// Role is what a figure does in its sentence.
type Role uint8

const (
	RoleLevel Role = iota // the value of something: 本年收入合计157.60万元
	RoleDelta             // a change: 增加37.98万元
	RoleRate              // a change rate: 增长19.42%
	RoleShare             // a share: 占97.87%
	RoleRatio             // a completion or other ratio: 完成预算的96.91%, 为预算的99.5%
	RoleOther
)

// Yuan is the figure's interval in 元 (for a count, the exact number: 9 辆
// are not a rounding of 8.6 辆; but a quantity printed with decimals or in
// 万, 33.78万吨 or 35.39万人, is rounded like money).
func (f *Figure) Yuan() num.Interval {
	if f.Unit == UnitCount {
		if f.Value.Decimals() > 0 || strings.HasPrefix(f.Count, "万") || strings.HasPrefix(f.Count, "亿") {
			return f.Value.Interval()
		}
		return f.Value.Exact()
	}
	return f.Value.Scale(f.Unit.Exp10()).Interval()
}

// Fraction is a percentage figure's interval as a fraction (19.42% → 0.1942±0.00005).
func (f *Figure) Fraction() num.Interval {
	return f.Value.Interval().Scale(big.NewRat(1, 100))
}

// IsZero reports whether the printed value is zero.
func (f *Figure) IsZero() bool { return f.Value.IsZero() }

var figureRe = regexp.MustCompile(`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`)

// countWords make a number not an amount; longest first where one is a
// prefix of another (万人 before 万, 辆次 after 辆 is caught by 辆).
var countWords = []string{"个百分点", "百分点", "平方米", "平方公里", "公里", "千米", "万人", "万户", "万吨", "万平方米", "万亩", "万辆", "万册", "万件", "万次", "万个", "万名", "亿人", "辆", "人次", "人", "次", "个", "批次", "批", "台", "套", "项", "家", "名", "户", "所", "座", "分", "天", "倍", "条", "件", "张", "册", "岁", "小时", "周", "年", "月", "日", "号", "期", "级", "类", "款", "届", "种", "处", "间", "亩", "吨", "米", "元/", "部", "辆次", "位", "篇", "场", "节", "号文", "号)", "组", "本", "份", "趟", "栋", "幢", "股", "支", "根", "片", "公顷", "千瓦", "立方米", "床", "所"}

// findFigures finds the numbers of a block's analysis text.
func findFigures(b *doc.Block) []*Figure {
	text := b.Text
	var out []*Figure
	// the item's own number is not a figure, nor part of one: 1.2025年 is
	// item 1 and the year 2025
	from := 0
	if b.Number != nil {
		from = len(string([]rune(text)[:min(b.Number.Len, utf8.RuneCountInString(text))]))
	}
	locs := figureRe.FindAllStringIndex(text[from:], -1)
	rc := doc.RuneCounter{S: text}
	for _, loc := range locs {
		s, e := loc[0]+from, loc[1]+from
		// part of a longer token: a letter or digit right before (codes, 20765.62 inside ids)
		if s > from {
			prev, _ := utf8.DecodeLastRuneInString(text[:s])
			if prev == '.' || prev == '/' || prev == '_' || isASCIIAlnum(prev) {
				continue
			}
		}
		if nearPrivateUse(text, s, e) {
			continue // a glyph the PDF did not map sits in or next to the number
		}
		lit := text[s:e]
		rest := text[e:]
		restTrim := strings.TrimLeft(rest, " ")
		f := &Figure{Block: b}
		d, ok := num.ParseDecimal(lit)
		if !ok {
			continue
		}
		f.Value = d
		unitLen := 0
		switch {
		case strings.HasPrefix(restTrim, "%"):
			f.Unit, unitLen = UnitPercent, 1
		case strings.HasPrefix(restTrim, "‰"):
			f.Unit, unitLen = UnitPermille, len("‰")
		default:
			f.Unit = UnitNone
			for _, cw := range countWords {
				if strings.HasPrefix(restTrim, cw) {
					f.Unit, f.Count = UnitCount, cw+unitRunOn(cw, restTrim[len(cw):])
					break
				}
			}
			if f.Unit == UnitNone {
				if u, n := num.MoneyPrefix(restTrim); n > 0 {
					f.Unit, unitLen = u, n
				} else if w := scaledCount(restTrim); w != "" {
					f.Unit, f.Count = UnitCount, w // 112.78万头, 28.02亿美元
				}
			}
		}
		if f.Unit == UnitNone && isYearLike(lit, rest) {
			f.Unit = UnitCount
		}
		// a number glued to letters after it is a code, not a figure (2010601款)
		if unitLen == 0 && len(restTrim) == len(rest) && rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			if isASCIIAlnum(r) {
				continue
			}
		}
		if unitLen > 0 && f.Unit.IsAmount() && splitDigits(text[from:s]) {
			continue // 执行数为 1673.7 5亿元: the digits of one amount broken by a space, its value unknown
		}
		end := e
		if unitLen > 0 {
			end = e + (len(rest) - len(restTrim)) + unitLen
		}
		f.Start = rc.At(s)
		f.NumEnd = f.Start + utf8.RuneCountInString(lit)
		f.End = f.Start + utf8.RuneCountInString(text[s:end])
		f.Text = text[s:end]
		out = append(out, f)
	}
	return out
}

// splitDigitsRe: a number then only spaces, at the end of the text before
// an amount.
var splitDigitsRe = regexp.MustCompile(`\d[\d,]*(?:\.\d+)? +$`)

// splitDigits reports text ending in a number and a space: the amount after
// it is the tail of a figure that text taken from a PDF broke apart (1673.7 5
// 亿元, 7265.2 7亿元), not an amount of its own.
func splitDigits(before string) bool { return splitDigitsRe.MatchString(before) }

// scaledCount is 万 or 亿 and the unit they scale when it is not money
// (万头, 亿美元, 亿千瓦时, 万吨公里), "" otherwise: a measure word of two or
// more runes whole, else the one rune after the scale.
func scaledCount(rest string) string {
	for _, p := range []string{"万", "亿"} {
		w, ok := strings.CutPrefix(rest, p)
		if !ok {
			continue
		}
		for _, words := range [][]string{scaledWords, countWords} {
			for _, cw := range words {
				if utf8.RuneCountInString(cw) > 1 && strings.HasPrefix(w, cw) && !strings.HasPrefix(cw, "万") && !strings.HasPrefix(cw, "亿") {
					return p + cw + unitRunOn(cw, w[len(cw):])
				}
			}
		}
		if r, n := utf8.DecodeRuneInString(w); n > 0 && unicode.Is(unicode.Han, r) {
			return p + string(r) + unitRunOn(string(r), w[n:])
		}
	}
	return ""
}

// scaledWords: measure words written after 万 or 亿 that are no count word
// of their own.
var scaledWords = []string{"美元", "港元", "欧元", "标准箱", "标箱"}

// unitRuns: what a unit runs on with after its counted word, so a count of
// 万人次 or 亿吨公里 is not taken for one of 万人 or 亿吨.
var unitRuns = []struct{ after, tail string }{
	{"人", "次"}, {"户", "次"}, {"辆", "次"}, {"册", "次"}, {"件", "次"}, {"架", "次"},
	{"人", "公里"}, {"吨", "公里"}, {"吨", "标准煤"}, {"千瓦", "时"}, {"千瓦", "小时"},
}

// unitRunOn is the rest of a unit after its counted word w, "" if none.
func unitRunOn(w, rest string) string {
	for _, u := range unitRuns {
		if strings.HasSuffix(w, u.after) && strings.HasPrefix(rest, u.tail) {
			return u.tail
		}
	}
	return ""
}

// isYearLike: a four-digit 19xx/20xx without decimals next to 年 or a date separator.
func isYearLike(lit, rest string) bool {
	if len(lit) != 4 || (lit[:2] != "19" && lit[:2] != "20") {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	return rest == "" || strings.HasPrefix(rest, "年") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "/")
}

func isASCIIAlnum(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// nearPrivateUse reports a private-use character touching text[s:e].
func nearPrivateUse(text string, s, e int) bool {
	isPUA := func(r rune) bool {
		return (r >= 0xE000 && r <= 0xF8FF) || r >= 0xF0000 || r == utf8.RuneError
	}
	if s > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); isPUA(r) {
			return true
		}
	}
	if e < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[e:]); isPUA(r) {
			return true
		}
	}
	return false
}
