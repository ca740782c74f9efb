package claims

import (
	"regexp"
	"sort"
	"strings"
)

// lexicon is the vocabulary compiled for matching. Word lists come from the
// rule pack (rules/*.yaml, `vocabulary:`), so users can extend them.
type lexicon struct {
	up, down, flat         []string
	causeUp, causeDown     []string
	alternatives           []string // template leftovers that offer both directions
	completeLists          [][]string
	dirRe                  *regexp.Regexp
	flatRe                 *regexp.Regexp
	altRe                  *regexp.Regexp
	causeRe                *regexp.Regexp
	causeUpRe, causeDownRe *regexp.Regexp
}

// defaults used when a pack gives no list of that name
var defaultVocab = Vocabulary{
	"increase":       {"增加", "增长", "上升", "提高", "增收", "增支", "上涨", "增多", "多支"},
	"decrease":       {"减少", "下降", "降低", "减收", "减支", "缩减", "压减", "下滑", "回落", "节约", "少支"},
	"flat":           {"持平", "无变化", "没有变化", "未发生变化", "保持不变", "无增减"},
	"cause_increase": {"增加", "增长", "上升", "提高", "追加", "新增", "增多", "上涨", "调增", "扩大", "增资", "增人", "提标", "较多", "偏多"},
	"cause_decrease": {"减少", "下降", "降低", "节约", "节省", "压减", "调减", "缩减", "压缩", "减员", "取消", "下调", "较少", "偏少", "不足"},
	"complete_lists": {"货物,工程,服务", "因公出国,公务用车,公务接待", "人员经费,公用经费"},
	"alternatives":   {"增加/减少", "减少/增加", "增长/下降", "下降/增长", "增加(减少)", "增长(下降)", "上升/下降", "增加/下降", "增长/减少", "大于/小于", "大于/等于/小于", "增(减)", "增减"},
}

func newLexicon(v Vocabulary) *lexicon {
	get := func(name string) []string {
		if l, ok := v[name]; ok && len(l) > 0 {
			return l
		}
		return defaultVocab[name]
	}
	lx := &lexicon{
		up: get("increase"), down: get("decrease"), flat: get("flat"),
		causeUp: get("cause_increase"), causeDown: get("cause_decrease"),
		alternatives: get("alternatives"),
	}
	for _, l := range get("complete_lists") {
		lx.completeLists = append(lx.completeLists, strings.Split(l, ","))
	}
	lx.dirRe = regexp.MustCompile(alt(append(append([]string{}, lx.up...), lx.down...)))
	lx.flatRe = regexp.MustCompile(alt(lx.flat))
	alts := make([]string, len(lx.alternatives))
	for i, a := range lx.alternatives {
		// written with ASCII or full-width brackets and slashes alike
		alts[i] = strings.NewReplacer(`\(`, `[(（]`, `\)`, `[)）]`, `/`, `\s*[/／、]\s*`).Replace(regexp.QuoteMeta(a))
	}
	lx.altRe = regexp.MustCompile(strings.Join(alts, "|"))
	lx.causeRe = regexp.MustCompile(`(?:主要)?(?:变动|变化|增减|增加|减少|增长|下降|差异)?(?:的)?(?:主要)?原因(?:是|为|主要是|主要为|在于|系|:)+`)
	lx.causeUpRe = regexp.MustCompile(alt(lx.causeUp))
	lx.causeDownRe = regexp.MustCompile(alt(lx.causeDown))
	return lx
}

// alt builds an alternation, longest words first so 增长 wins over 增.
func alt(words []string) string {
	ws := append([]string(nil), words...)
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	q := make([]string, 0, len(ws))
	for _, w := range ws {
		if w != "" {
			q = append(q, regexp.QuoteMeta(w))
		}
	}
	if len(q) == 0 {
		return `\x{10FFFF}` // matches nothing in practice
	}
	return "(?:" + strings.Join(q, "|") + ")"
}

func (lx *lexicon) dirOf(word string) Dir {
	for _, w := range lx.up {
		if w == word {
			return DirUp
		}
	}
	for _, w := range lx.down {
		if w == word {
			return DirDown
		}
	}
	for _, w := range lx.flat {
		if w == word {
			return DirFlat
		}
	}
	return DirNone
}

// closed reports parts that are exactly the members of a complete list,
// one each (人员经费 X；公用经费 Y is all of 基本支出).
func (lx *lexicon) closed(parts []*Figure) bool {
	for _, members := range lx.completeLists {
		if len(members) != len(parts) {
			continue
		}
		used := map[int]bool{}
		for _, p := range parts {
			for i, m := range members {
				if !used[i] && strings.Contains(p.Subject, strings.TrimSpace(m)) {
					used[i] = true
					break
				}
			}
		}
		if len(used) == len(members) {
			return true
		}
	}
	return false
}
