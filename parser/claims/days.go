package claims

import (
	"regexp"
	"strconv"
	"strings"
)

// DayShare: a count of days stated with its share of the days it is
// counted among (空气质量优良天数231天，占全年总天数的63.3%; 优良天数343天，
// 优良率94.0%). The whole is not printed: it is the days of the year the
// report speaks of, or — for a rate (比例, 优良率, 占比) — the days that
// were monitored, which can be fewer.
type DayShare struct {
	Span
	Days *Figure // 231天
	Pct  *Figure // 63.3%
	// WholeYear: the share names the year's days as its whole (占全年总天数
	// 的, 占总天数的), not the valid days of a rate.
	WholeYear bool
	// Year is the year the days are counted in, 0 when neither the sentence
	// nor the report says.
	Year int
}

// Kind names the claim kind: a share, whose whole the calendar gives.
func (*DayShare) Kind() string { return "share" }

var (
	// dayShareLead: what stands between the count of days and its share,
	// the share's own clause: 占全年总天数的, 占总天数的, 占比, or a rate
	// named after the days (优良率, 优良天数比例, …优良天数占比)
	dayYearLead = regexp.MustCompile(`^占(?:全年)?(?:总)?天数(?:的)?(?:比例|比重)?(?:为|达到|达)?$`)
	dayBareLead = regexp.MustCompile(`^占比(?:为|达到|达)?$`)
	dayRateWord = regexp.MustCompile(`(?:比例|比率|占比|率)(?:为|达到|达)?$`)
	// dayKind: the kind of days a count is of (优良 of 空气质量优良天数, 重污染)
	dayKind = regexp.MustCompile(`(\p{Han}{2,3})天数(?:为|共|累计|达到|达)?$`)
	// dayChange: the count's change, in days or as a rate
	dayChange = regexp.MustCompile(`^(?:同比|比上年|较上年|比去年|与上年相比)?(?:增加|减少|增长|下降|上升|提高|降低)\s*\d+(?:\.\d+)?\s*(?:天|%|个百分点)$`)
	// pageMark: a page's running number left in the text by the page break
	// (占比—15—44.1%)
	pageMark = regexp.MustCompile(`[—－-]\s*\d{1,3}\s*[—－-]`)
)

// dayShares reads the shares of a count of days in sentence s.
func (bx *blockCtx) dayShares(s [2]int, figs []*Figure) {
	for i, d := range figs {
		if d.Unit != UnitCount || d.Count != "天" || d.Paren || d.Value.Decimals() > 0 {
			continue
		}
		subj := bx.text(bx.clauseStart(d.Start, s[0]), d.Start)
		m := dayKind.FindStringSubmatch(subj)
		if m == nil {
			continue
		}
		kind := string([]rune(m[1])[len([]rune(m[1]))-2:]) // 优良 of 城优良天数, 污染 of 重污染天数
		// the share: the next percentage of the sentence, with no other one between
		var p *Figure
		for _, f := range figs[i+1:] {
			if f.Unit == UnitPercent {
				p = f
				break
			}
		}
		if p == nil || p.Paren {
			continue
		}
		pcs := bx.clauseStart(p.Start, s[0])
		lead := strings.TrimSpace(pageMark.ReplaceAllString(bx.text(pcs, p.Start), ""))
		// only the count's own change may stand between (比上年减少2天，占比0.8%)
		adjacent := true
		for _, c := range strings.FieldsFunc(bx.text(bx.unitEnd(d), pcs), func(r rune) bool { return r == '，' || r == ',' }) {
			if c = strings.TrimSpace(c); c != "" && !dayChange.MatchString(c) {
				adjacent = false
			}
		}
		ds := &DayShare{Days: d, Pct: p, Year: bx.dayYear(s, d)}
		switch {
		case adjacent && dayYearLead.MatchString(lead):
			ds.WholeYear = true
		case adjacent && dayBareLead.MatchString(lead):
		case ofDays(lead, kind, subj):
		default:
			continue
		}
		ds.Span = Span{Block: bx.b, Start: bx.clauseStart(d.Start, s[0]), End: p.End}
		bx.set.DayShares = append(bx.set.DayShares, ds)
	}
}

// ofDays reports a rate named after days of the kind counted: 优良天数比例,
// …的优良天数占比, or the kind's rate with nothing before it but what the
// count's own name says (优良率; 城区环境空气达标率 of 城区环境空气达标天数).
// 地表水水质优良比例 is a rate of water, and 全市优良天数比例 after 市区优良
// 天数352天 the rate of another area.
func ofDays(lead, kind, subj string) bool {
	loc := dayRateWord.FindStringIndex(lead)
	if loc == nil {
		return false
	}
	name := lead[:loc[0]]
	if prefix, ok := strings.CutSuffix(name, kind+"天数"); ok {
		return strings.Contains(subj, prefix) || !strings.ContainsAny(prefix, placeRunes)
	}
	prefix, ok := strings.CutSuffix(name, kind)
	return ok && !strings.Contains(prefix, "占") && strings.Contains(subj, prefix)
}

// placeRunes end the names of areas (全市, 市区, 城区, 县城, 全州, 乡镇).
const placeRunes = "省市州盟区县旗城镇乡村"

// dayYear is the year a count of days is counted in: one named in its
// sentence before it (2025年，…全年优良天数343天) or opening its paragraph,
// else 0: the year of a heading further up may be another's, and the two
// lengths of a year differ by one day only.
func (bx *blockCtx) dayYear(s [2]int, d *Figure) int {
	for _, t := range []string{bx.text(s[0], d.Start), bx.text(0, min(24, len(bx.rs)))} {
		if m := yearInClause.FindAllStringSubmatch(t, -1); len(m) > 0 {
			y, _ := strconv.Atoi(m[len(m)-1][1])
			return y
		}
	}
	return 0
}

// isDayShare reports a percentage a day share reads, which is no share of
// a printed whole.
func (bx *blockCtx) isDayShare(f *Figure) bool {
	for k := len(bx.set.DayShares) - 1; k >= 0 && bx.set.DayShares[k].Block == bx.b; k-- {
		if bx.set.DayShares[k].Pct == f {
			return true
		}
	}
	return false
}
