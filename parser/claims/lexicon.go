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
	completeWholes         []string // the whole a complete list names, "" when the entry gives none
	collectives            []collective
	spellings              map[string]string // another spelling of a subject's name → the name (GDP → 生产总值)
	impliedWholes          map[string]string // a part's key → the whole a share naming no whole is of (税收 → 一般公共预算收入)
	structureRe            *regexp.Regexp    // a structure ratio's lead (structure.go)
	dirRe                  *regexp.Regexp
	flatRe                 *regexp.Regexp
	altRe                  *regexp.Regexp
	causeRe                *regexp.Regexp
	causeUpRe, causeDownRe *regexp.Regexp
}

func newLexicon(v Vocabulary) *lexicon {
	// the word lists live in the rule pack (rules/default.yaml), one copy
	lx := &lexicon{
		up: v["increase"], down: v["decrease"], flat: v["flat"],
		causeUp: v["cause_increase"], causeDown: v["cause_decrease"],
		alternatives: v["alternatives"],
	}
	for _, l := range v["complete_lists"] {
		// "政府采购=货物,工程,服务": the whole the members make, then the members
		whole, members, ok := strings.Cut(l, "=")
		if !ok {
			whole, members = "", l
		}
		lx.completeLists = append(lx.completeLists, strings.Split(members, ","))
		lx.completeWholes = append(lx.completeWholes, strings.TrimSpace(whole))
	}
	lx.collectives = parseCollectives(v)
	lx.spellings = byMember(v["spellings"], strings.TrimSpace)
	lx.impliedWholes = byMember(v["implied_wholes"], keyOf)
	lx.structureRe = structureLead(lx.collectives)
	lx.dirRe = regexp.MustCompile(alt(append(append([]string{}, lx.up...), lx.down...)))
	lx.flatRe = regexp.MustCompile(alt(lx.flat))
	alts := make([]string, len(lx.alternatives))
	for i, a := range lx.alternatives {
		// written with ASCII or full-width brackets and slashes alike
		alts[i] = strings.NewReplacer(`\(`, `[(（]`, `\)`, `[)）]`, `/`, `\s*[/／、]\s*`).Replace(regexp.QuoteMeta(a))
	}
	if len(alts) == 0 {
		alts = []string{matchNothing}
	}
	lx.altRe = regexp.MustCompile(strings.Join(alts, "|"))
	lx.causeRe = regexp.MustCompile(`(?:主要)?(?:变动|变化|增减|增加|减少|增长|下降|差异)?(?:的)?(?:主要)?原因(?:是|为|主要是|主要为|在于|系|:)+`)
	lx.causeUpRe = regexp.MustCompile(alt(lx.causeUp))
	lx.causeDownRe = regexp.MustCompile(alt(lx.causeDown))
	return lx
}

// splitTrim splits a vocabulary entry's list at sep, spaces trimmed and
// empty names dropped.
// byMember reads vocabulary entries "name=member,member" (生产总值=GDP;
// 一般公共预算收入=税收收入,税收) into a map from each member, as key gives
// it, to the name.
func byMember(entries []string, key func(string) string) map[string]string {
	out := map[string]string{}
	for _, e := range entries {
		name, members, ok := strings.Cut(e, "=")
		if !ok {
			continue
		}
		for _, m := range splitTrim(members, ",") {
			out[key(m)] = strings.TrimSpace(name)
		}
	}
	return out
}

func splitTrim(list, sep string) []string {
	var out []string
	for _, n := range strings.Split(list, sep) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// matchNothing is the pattern for an empty word list: U+10FFFF is a
// noncharacter, never found in a report.
const matchNothing = `\x{10FFFF}`

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
		return matchNothing
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
	ok, _ := lx.closedKind(parts)
	return ok
}

// closedKind is closed, with the kind the list's members share (债券 for
// 一般债券 and 专项债券, "" for 货物, 工程, 服务).
func (lx *lexicon) closedKind(parts []*Figure) (bool, string) {
	for _, members := range lx.completeLists {
		if _, ok := assign(members, parts); ok {
			return true, commonSuffix(members)
		}
	}
	return false, ""
}

// closedUnnamed reports whether the parts make a complete list that names
// no whole: all of any total stated with them.
func (lx *lexicon) closedUnnamed(parts []*Figure) bool {
	for i, members := range lx.completeLists {
		if lx.completeWholes[i] != "" {
			continue
		}
		if _, ok := assign(members, parts); ok {
			return true
		}
	}
	return false
}

// closedWhole is the whole named by the complete list the parts make (政府
// 采购 of 货物, 工程, 服务), "" when none is.
func (lx *lexicon) closedWhole(parts []*Figure) string {
	for i, members := range lx.completeLists {
		if lx.completeWholes[i] == "" {
			continue
		}
		if _, ok := assign(members, parts); ok {
			return lx.completeWholes[i]
		}
	}
	return ""
}

// closedRest is what the parts of a complete list all say after their
// member's name (转贷收入 of 新增债券转贷收入 and 再融资债券转贷收入), ""
// when they say nothing more or differ.
func (lx *lexicon) closedRest(parts []*Figure) string {
	for _, members := range lx.completeLists {
		of, ok := assign(members, parts)
		if !ok {
			continue
		}
		rest := ""
		for k, p := range parts {
			if of[k] < 0 {
				continue
			}
			_, after, _ := strings.Cut(p.Subject, strings.TrimSpace(members[of[k]]))
			if rest != "" && after != rest {
				return ""
			}
			rest = after
		}
		return rest
	}
	return ""
}

// assign gives each part the first member of a complete list its subject
// names that no part before took (-1 for none), and reports whether the
// parts are the list's members, one each.
func assign(members []string, parts []*Figure) ([]int, bool) {
	if len(members) != len(parts) {
		return nil, false
	}
	of := make([]int, len(parts))
	used := map[int]bool{}
	for k, p := range parts {
		of[k] = -1
		for i, m := range members {
			if !used[i] && strings.Contains(p.Subject, strings.TrimSpace(m)) {
				used[i], of[k] = true, i
				break
			}
		}
	}
	return of, len(used) == len(members)
}

func commonSuffix(ws []string) string {
	suf := []rune(strings.TrimSpace(ws[0]))
	for _, w := range ws[1:] {
		r := []rune(strings.TrimSpace(w))
		n := 0
		for n < len(suf) && n < len(r) && suf[len(suf)-1-n] == r[len(r)-1-n] {
			n++
		}
		suf = suf[len(suf)-n:]
	}
	return string(suf)
}

// closedStrict is closedKind for lists whose parts may be finer items than
// a list's members: a list matches only when no part names a longer member
// (of any list) that extends the member it matched. 因公出国, 公务用车运行维护
// and 公务接待 match 因公出国, 公务用车, 公务接待 by name but leave 公务用车购置
// out.
func (lx *lexicon) closedStrict(parts []*Figure) bool {
	finer := func(p *Figure, m string) bool {
		for _, b := range lx.completeLists {
			for _, m2 := range b {
				m2 = strings.TrimSpace(m2)
				if m2 != m && strings.HasPrefix(m2, m) && strings.Contains(p.Subject, m2) {
					return true
				}
			}
		}
		return false
	}
	for _, members := range lx.completeLists {
		if len(members) != len(parts) {
			continue
		}
		used := map[int]bool{}
		ok := true
		for _, p := range parts {
			hit := false
			for i, m := range members {
				m = strings.TrimSpace(m)
				if !used[i] && strings.Contains(p.Subject, m) {
					used[i], hit = true, !finer(p, m)
					break
				}
			}
			ok = ok && hit
		}
		if ok && len(used) == len(members) {
			return true
		}
	}
	return false
}
