package claims

import (
	"regexp"
	"strings"
)

// Share: a part stated as a percentage of a whole.
type Share struct {
	Span
	Part      *Figure
	PartName  string
	Whole     *Figure
	WholeName string
	Pct       *Figure
	NoSign    bool // the percentage was written without %
}

// Kind names the claim kind.
func (*Share) Kind() string { return "share" }

var wholeTrim = regexp.MustCompile(`(?:的)?(?:比重|比例|份额)?(?:为|是|约)?$`)

// shares finds 占 X% claims and their part and whole.
func (bx *blockCtx) shares(s [2]int, figs []*Figure) {
	for i, f := range figs {
		if f.Role != RoleShare {
			continue
		}
		sh := &Share{Pct: f, NoSign: f.Unit == UnitNone}
		cs := bx.clauseStart(f.Start, s[0])
		zhan := strings.LastIndex(bx.text(cs, f.Start), "占")
		if zhan < 0 {
			continue
		}
		zhanAt := cs + runeIndex(bx.text(cs, f.Start), zhan)
		wholeName := wholeTrim.ReplaceAllString(strings.TrimPrefix(bx.text(zhanAt+1, f.Start), "比"), "")
		sh.WholeName = strings.TrimSpace(wholeName)
		// the part: the amount just before, with only a comma between
		if i > 0 {
			p := figs[i-1]
			between := strings.TrimSpace(bx.text(p.End, zhanAt))
			if p.Role == RoleLevel && p.Unit.IsAmount() && (between == "" || between == "，" || between == ",") {
				sh.Part = p
			}
		}
		if sh.Part == nil {
			name := cleanSubject(bx.text(cs, zhanAt))
			if name != "" {
				sh.PartName = name
				sh.Part = bx.set.lookupLevel(bx.b, zhanAt, keyOf(name), QualNone, bx.set.Facts.Kind, nil)
			}
		} else {
			sh.PartName = sh.Part.Subject
		}
		start := f.Start
		if sh.Part != nil && sh.Part.Block == bx.b && sh.Part.Start < start {
			start = sh.Part.Start
		}
		sh.Span = Span{Block: bx.b, Start: start, End: f.End}
		if sh.WholeName == "" || sh.WholeName == "总额" || sh.WholeName == "总数" {
			sh.Whole = bx.listHead(s, f.Start)
			if sh.Whole != nil && bx.hasShare(sh.Whole) {
				// 安排48亿元，占比67.7%。其中，人员经费45.7亿元，占比64.5%: the
				// head is itself a share of a larger total; whose share this is, is unclear
				sh.Whole = nil
			}
			if sh.Whole == nil {
				// “三公”经费财政拨款支出决算中，A…占X%: the sentence names its whole
				if name := bx.sentenceWhole(s); name != "" {
					sh.WholeName = name
					sh.Whole = bx.set.lookupLevel(bx.b, s[0], keyOf(name), qualOf(name), bx.set.Facts.Kind, nil)
				}
			}
		} else {
			sh.Whole = bx.set.lookupLevel(bx.b, zhanAt, keyOf(sh.WholeName), QualNone, bx.set.Facts.Kind, nil)
			if sh.Whole == nil && bx.set.Facts.Unit != "" {
				// a department report names its totals once; a government report
				// has one 一般公共预算支出 per level (全市, 市本级, 县区)
				sh.Whole = bx.set.lookupLevelLoose(bx.b, zhanAt, keyOf(sh.WholeName))
			}
		}
		if sh.Whole == sh.Part {
			sh.Whole = nil
		}
		bx.set.Shares = append(bx.set.Shares, sh)
	}
}

// hasShare reports whether a share figure follows f directly (f，占X%).
func (bx *blockCtx) hasShare(f *Figure) bool {
	for _, g := range bx.figsIn(f.End, len(bx.rs)) {
		if g.Start > f.End && g.Role == RoleShare {
			return strings.TrimLeft(bx.text(f.End, g.Start), "，, ") != "" && !bx.hasFigure(f.End, g.Start) && !strings.ContainsAny(bx.text(f.End, g.Start), "。；;")
		}
	}
	return false
}

// sentenceWhole reads a whole named as the scope of a sentence's list:
// "X中，A…，占…" names X.
func (bx *blockCtx) sentenceWhole(s [2]int) string {
	end := s[0]
	for end < s[1] && !bx.isClauseSep(end) {
		end++
	}
	head := strings.TrimSpace(bx.text(bx.clauseStart(s[0]+1, s[0]), end))
	if !strings.HasSuffix(head, "中") || head == "其中" || bx.hasFigure(s[0], end) {
		return "" // 其中 opens a list; it names no whole
	}
	return cleanSubject(strings.TrimSuffix(head, "中"))
}
