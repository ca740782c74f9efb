package claims

import (
	"regexp"
	"strings"
)

// Gap: a growth rate set against another's in percentage points —
// 乌恰县农林牧渔业总产值同比增长17.6%，增速高于全州11.9个百分点;
// 房地产开发投资同比增长13.9%，增幅高于全国（-17.2%）31.1个百分点;
// 高技术制造业、装备制造业增加值分别增长14.7%、13.7%，分别高于全市平均
// 水平7.7、6.7个百分点. The rate less the points (plus them, 低于) is the
// rate it is set against: printed in brackets, it must be that; not printed,
// every statement of one paragraph set against the same name implies the
// same rate.
type Gap struct {
	Span
	Rate    *Figure // the rate set against the other
	RateNeg bool    // the rate is a fall (下降3.4%)
	Below   bool    // 低于, 慢于: the rate is below the other
	Points  *Figure
	Ref     string  // the other's name as written (全州, 全国, 全市平均水平)
	RefRate *Figure // the other's rate, printed in brackets after its name
	RefNeg  bool
	// Change is the change claim of Rate, if one was read; Signed: the
	// direction of Rate is known (its own change's, or the word before a
	// list of rates: 分别增长14.7%、13.7%).
	Change *Change
	Signed bool
}

// Kind names the claim kind.
func (*Gap) Kind() string { return "gap" }

var (
	// gapRe: the comparison, the name it is against, an optional bracketed
	// rate, and the start of the points: 高于全州11.9个百分点, 低于全国（3.8%）
	gapRe   = regexp.MustCompile(`(?:分别)?(高于|低于|快于|慢于)([\p{Han}A-Za-z“”]{1,14}?)\s*(?:[(]\s*(-?[\d.]+)\s*%\s*[)])?\s*$`)
	speedRe = regexp.MustCompile(`增速|增幅|增长速度|增长率`)
	// gapLead: what may stand between a rate and its comparison
	gapLead = regexp.MustCompile(`^[\s，,、（(]*(?:(?:其|该)?(?:增速|增幅|增长速度|增长率)(?:比)?)?\s*(?:分别)?$`)
)

// gaps reads sentence s's rates set against another's.
func (bx *blockCtx) gaps(s [2]int, figs []*Figure) {
	var changeOf map[*Figure]*Change // the block's changes by rate, read once a gap is seen
	for i := 0; i < len(figs); i++ {
		f := figs[i]
		if f.Unit != UnitCount || f.Count != "个百分点" && f.Count != "百分点" {
			continue
		}
		if changeOf == nil {
			changeOf = map[*Figure]*Change{}
			for k := len(bx.set.Changes) - 1; k >= 0 && bx.set.Changes[k].Block == bx.b; k-- {
				if ch := bx.set.Changes[k]; ch.Rate != nil {
					changeOf[ch.Rate] = ch
				}
			}
		}
		// the points, a list of them after 分别 (7.7、6.7个百分点)
		pts := []*Figure{f}
		for k := i - 1; k >= 0; k-- {
			g := figs[k]
			if strings.Trim(bx.text(g.End, pts[0].Start), " 、和") != "" || g.Unit == UnitPercent {
				break
			}
			pts = append([]*Figure{g}, pts...)
		}
		first := pts[0]
		start := s[0]
		lead := bx.text(start, first.Start)
		m := gapRe.FindStringSubmatchIndex(lead)
		if m == nil {
			continue
		}
		at := start + len([]rune(lead[:m[0]]))
		word := lead[m[2]:m[3]]
		ref := strings.TrimSpace(lead[m[4]:m[5]])
		// the rates compared: the rate figures right before the comparison
		var rates []*Figure
		end := at
		for k := len(figs) - 1; k >= 0; k-- {
			g := figs[k]
			if g.Start >= at {
				continue
			}
			if g.Unit != UnitPercent || g.Paren && !first.Paren {
				break
			}
			between := bx.text(bx.unitEnd(g), end)
			if len(rates) == 0 && !gapLead.MatchString(between) || len(rates) > 0 && strings.Trim(between, " 、和") != "" {
				break
			}
			rates = append([]*Figure{g}, rates...)
			end = g.Start
		}
		if len(rates) != len(pts) || len(rates) == 0 {
			continue
		}
		if _, own := changeOf[rates[0]]; !own && rates[0].Role != RoleRate {
			continue // percentages that are no change rates (占比41.6%)
		}
		var refRate *Figure
		if m[6] >= 0 {
			for _, g := range figs {
				if g.Start >= at && g.Start < first.Start && g.Unit == UnitPercent {
					refRate = g
				}
			}
		}
		// a fall set against another with no word of speed (下降6.2%，低于
		// 全省1.8个百分点) may compare the sizes of the falls: only 增速,
		// 增幅 say the rates are compared with their signs
		speed := speedRe.MatchString(bx.text(rates[len(rates)-1].End, at))
		var lead0 *Change // the change whose word the list's rates share
		if ch := changeOf[rates[0]]; ch != nil && (ch.Dir == DirUp || ch.Dir == DirDown) {
			lead0 = ch
		}
		for k, r := range rates {
			g := &Gap{Rate: r, Below: word == "低于" || word == "慢于", Points: pts[k], Ref: ref, RefRate: refRate}
			if ch := changeOf[r]; ch != nil && (ch.Dir == DirUp || ch.Dir == DirDown) {
				g.Change, g.RateNeg, g.Signed = ch, ch.Dir == DirDown, true
			} else if lead0 != nil {
				g.RateNeg, g.Signed = lead0.Dir == DirDown, true
			}
			if g.RateNeg && !speed {
				g.Signed = false
			}
			if refRate != nil {
				g.RefNeg = refRate.Value.Sign() < 0
			}
			g.Span = Span{Block: bx.b, Start: r.Start, End: bx.unitEnd(pts[k])}
			bx.set.Gaps = append(bx.set.Gaps, g)
		}
	}
}
