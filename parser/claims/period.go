package claims

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// A government report speaks of several periods and scopes at once: last
// year's execution and this year's budget, 全市 and 市本级. A figure's period
// and scope come from its own clause, else the start of its sentence or
// paragraph, else the nearest heading that names one.

// where is a figure's period and scope.
type where struct {
	Year  int    // the year the figure is the value for, 0 when unknown
	Scope string // 全市, 市本级 …, "" when unknown or mixed
}

var (
	// a year that opens a sentence or paragraph sets its period: 2026年全市…
	leadYearRe = regexp.MustCompile(`^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:其中[:：，,]?)?((?:19|20)\d{2})\s*年(?:度)?`)
	// a year inside a comparison is the base's, not the figure's own
	refYearRe = regexp.MustCompile(`(?:比|较|与|同|相比|对比)\s*((?:19|20)\d{2})\s*年`)
)

// scopeLexicon recognises the level of government a figure belongs to.
type scopeLexicon struct {
	re    *regexp.Regexp
	canon map[string]string
}

func newScopeLexicon(v Vocabulary) *scopeLexicon {
	sl := &scopeLexicon{canon: map[string]string{}}
	var words []string
	for _, entry := range v["scopes"] {
		// "市本级=市级,市直" : the canonical name, then its other spellings
		name, others, _ := strings.Cut(entry, "=")
		name = strings.TrimSpace(name)
		words = append(words, name)
		sl.canon[name] = name
		for _, o := range strings.Split(others, ",") {
			if o = strings.TrimSpace(o); o != "" {
				words = append(words, o)
				sl.canon[o] = name
			}
		}
	}
	sl.re = regexp.MustCompile(alt(words))
	return sl
}

// scopes lists the distinct scopes named in t, in order.
func (sl *scopeLexicon) scopes(t string) []string {
	var out []string
	for _, m := range sl.re.FindAllString(t, -1) {
		c := sl.canon[m]
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	return out
}

// only is the scope t names, "" when it names none or several (全市和市本级).
func (sl *scopeLexicon) only(t string) string {
	ss := sl.scopes(t)
	if len(ss) == 0 {
		return ""
	}
	for _, s := range ss[1:] {
		if s != ss[0] {
			return ""
		}
	}
	return ss[0]
}

// last is the last scope t names.
func (sl *scopeLexicon) last(t string) string {
	ss := sl.scopes(t)
	if len(ss) == 0 {
		return ""
	}
	return ss[len(ss)-1]
}

// locate fills the period and scope of every amount of a block; head is
// the year and scope of the headings above it.
func (bx *blockCtx) locate(headYear int, headScope string) {
	sl := bx.set.scopes
	blockYear := 0
	if m := leadYearRe.FindStringSubmatch(bx.text(0, 24)); m != nil {
		blockYear, _ = strconv.Atoi(m[1])
	}
	for _, s := range bx.sents {
		sentYear := 0
		if m := leadYearRe.FindStringSubmatch(bx.text(s[0], s[0]+24)); m != nil {
			sentYear, _ = strconv.Atoi(m[1])
		}
		for _, f := range bx.figsIn(s[0], s[1]) {
			if !f.Unit.IsAmount() {
				continue
			}
			w := where{}
			cs := bx.clauseStart(f.Start, s[0])
			clause := bx.text(cs, f.Start)
			switch {
			case f.Year != 0 && !refYearRe.MatchString(clause):
				w.Year = f.Year
			case sentYear != 0:
				w.Year = sentYear
			case blockYear != 0:
				w.Year = blockYear
			default:
				w.Year = headYear
			}
			// the scope named last before the figure in its sentence, else
			// in its paragraph, else the heading's
			if sc := sl.last(bx.text(s[0], f.Start)); sc != "" {
				w.Scope = sc
			} else if sc := sl.last(bx.text(0, s[0])); sc != "" {
				w.Scope = sc
			} else {
				w.Scope = headScope
			}
			bx.set.where[f] = w
		}
	}
}

// followHeading updates the heading context with a heading block, or with
// an unnumbered title standing as paragraphs of its own (关于2025年省级政府
// 性基金预算 / 收支执行情况的说明 over the section that explains a table):
// a report's sections alternate between years and levels, and without it
// the section would read in the year of the last numbered heading (二、2026
// 年省级一般公共预算支出情况). A title's lines are read together, and one
// that names two years (2018年一般公共预算执行情况 / 和2019年一般公共预算
// 草案, or a cover's …2018年预算执行情 / 况和2019年预算草案) says neither.
// What a title says holds until the next heading: lines of a table read as
// paragraphs (2019年自治区本级政府性基金预算支出) look like titles too.
func (s *Set) followHeading(b *doc.Block) {
	if b.Kind != doc.KindHeading {
		if !titleLine(b) {
			s.title.text = ""
			return
		}
		s.lead = leadCtx{}
		if s.title.text == "" {
			s.title.where = where{s.headYear, s.headScope}
		}
		s.title.text += b.Text
		s.title.set = true
		ys := map[string]bool{}
		for _, m := range yearInClause.FindAllStringSubmatch(s.title.text, -1) {
			ys[m[1]] = true
		}
		switch len(ys) {
		case 0:
		case 1:
			for y := range ys {
				s.title.Year, _ = strconv.Atoi(y)
			}
		default:
			s.title.Year = 0
		}
		if len(s.scopes.scopes(s.title.text)) > 0 {
			s.title.Scope = s.scopes.only(s.title.text)
		}
		return
	}
	s.title, s.lead = titleCtx{}, leadCtx{}
	if m := yearInClause.FindStringSubmatch(b.Text); m != nil {
		s.headYear, _ = strconv.Atoi(m[1])
	}
	if len(s.scopes.scopes(b.Text)) > 0 {
		s.headScope = s.scopes.only(b.Text)
	}
}

// titleCtx is the period and scope an unnumbered title sets, from the
// heading's on.
type titleCtx struct {
	where
	text string // the title's lines read so far; "" after a line of text
	set  bool   // a title was read since the last heading
}

// head is the period and scope of the headings and titles above a block,
// or for an item under a paragraph that opens with its year, that
// paragraph's: 2025年，全省社会保险基金收入7812.93亿元… then 一、企业职工基本
// 养老保险。基金收入3214.44亿元… speaks of 2025 and the whole province
// whatever the heading further up says.
func (s *Set) head(b *doc.Block) (int, string) {
	if s.lead.set && isItem(b) {
		return s.lead.Year, s.lead.Scope
	}
	if s.title.set {
		return s.title.Year, s.title.Scope
	}
	return s.headYear, s.headScope
}

// leadCtx is the period and scope a paragraph's opening year sets for the
// items under it.
type leadCtx struct {
	where
	set bool
}

// followLead updates the items' context after a block: a paragraph that
// opens with a year sets it, with the scope its first sentence names (else
// the heading's); one that names another year further in leaves it
// unknown (经汇总…，预计2019年全区… before the next year's items).
func (s *Set) followLead(bx *blockCtx) {
	if isItem(bx.b) || bx.b.Kind != doc.KindParagraph {
		return
	}
	if m := leadYearRe.FindStringSubmatch(bx.text(0, 24)); m != nil {
		y, _ := strconv.Atoi(m[1])
		_, scope := s.head(bx.b)
		first := len(bx.rs)
		if len(bx.sents) > 0 {
			first = bx.sents[0][1]
		}
		if sc := s.scopes.only(bx.text(0, first)); sc != "" {
			scope = sc
		}
		s.lead = leadCtx{where{y, scope}, true}
		return
	}
	if yearInClause.MatchString(bx.b.Text) {
		s.lead = leadCtx{}
	}
}

// isItem reports a numbered or dashed item of a list (一、…, 1.…, ——…).
func isItem(b *doc.Block) bool {
	return b.Number != nil || strings.HasPrefix(strings.TrimSpace(b.Text), "—")
}

// titleLine reports an unnumbered paragraph that reads as a title: short,
// with no sentence punctuation and no figure but its year.
func titleLine(b *doc.Block) bool {
	if b.Kind != doc.KindParagraph || b.Number != nil || utf8.RuneCountInString(b.Text) > 30 || strings.ContainsAny(b.Text, "。，,；;：:、") {
		return false
	}
	return !digitRe.MatchString(yearInClause.ReplaceAllString(b.Text, ""))
}

// digitRe: a digit other than a year's.
var digitRe = regexp.MustCompile(`[0-9０-９]`)
