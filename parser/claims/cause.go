package claims

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Cause: 主要原因是 … after a change or comparison.
type Cause struct {
	Span
	Text    string // the cause as written
	Dir     Dir    // the direction the cause describes
	DirWord string
	RefDir  Dir // the direction of what it explains
	RefFrom int // where the explained claim starts (for the claim span)
	Empty   bool
	// Cut is true when the cause runs to the end of a block that stops
	// mid-sentence: the text flow was lost and the cause is not all there.
	Cut bool
}

// Kind names the claim kind.
func (*Cause) Kind() string { return "cause" }

var (
	negRe        = regexp.MustCompile(`(?:未|没有|无|不|未再|停止|暂停)$`)
	enumRe       = regexp.MustCompile(`[一二三四五六七八九十]是|^\s*(?:\d[.、]|\(\d\)|①)`)
	intensityRe  = regexp.MustCompile(`^(?:较多|较少|偏多|偏少|不足)$`)
	basePeriodRe = regexp.MustCompile(`同期|上年|去年|基数|上一年`)
	refUpRe      = regexp.MustCompile(`超额完成|超预算|超出预算|超过预算`)
	adversative  = regexp.MustCompile(`但是|但|然而|不过|虽然|尽管`)
)

// causes finds 主要原因是 … and the direction it describes.
func (bx *blockCtx) causes(sents [][2]int) {
	lx := bx.set.vocab
	for _, m := range bx.find(lx.causeRe, 0, len(bx.rs)) {
		if !strings.Contains(bx.text(m[0], m[1]), "原因") {
			continue
		}
		// the cause runs to the end of its sentence
		end := len(bx.rs)
		for _, s := range sents {
			if m[1] >= s[0] && m[1] <= s[1] {
				end = s[1]
			}
		}
		if m[1] < len(bx.rs) && bx.rs[m[1]-1] != ':' && bx.rs[m[1]-1] != '：' && (bx.rs[m[1]] == ':' || bx.rs[m[1]] == '：') {
			m[1]++
		}
		body := strings.TrimSpace(bx.text(m[1], end))
		c := &Cause{Text: body}
		c.Empty = strings.Trim(body, "。.；;，, ") == ""
		c.Dir, c.DirWord = bx.causeDir(m[1], end)
		if adversative.MatchString(body) || enumRe.MatchString(body) || strings.ContainsAny(body, "；;") || basePeriodRe.MatchString(body) {
			c.Dir = DirNone // 新增…，但…不同, 一是…二是…: the cause weighs several things; no single direction
		}
		if c.Dir != DirNone && bx.otherWay(m[1], end, c.Dir) {
			c.Dir = DirNone // 减少安排…，相应增加…: a shift from one thing to another has both directions
		}
		c.Cut = end == len(bx.rs) && !endsSentence(bx.b.Text)
		// what it explains: a direction word just before 原因 (…支出减少的主要原因是
		// puts it inside the match), else the last change
		ownStart := bx.clauseStart(m[0], 0)
		yuan := m[0] + utf8.RuneCountInString(bx.text(m[0], m[1])[:strings.Index(bx.text(m[0], m[1]), "原因")])
		own := bx.text(ownStart, yuan)
		c.RefFrom = m[0]
		if cm := compRe.FindStringSubmatch(own); cm != nil {
			switch cm[1] {
			case "大于", "高于", "超过", "超出":
				c.RefDir = DirUp
			case "小于", "低于", "少于":
				c.RefDir = DirDown
			default:
				c.RefDir = DirFlat
			}
			c.RefFrom = ownStart
		} else if refUpRe.MatchString(own) {
			c.RefDir = DirUp
			c.RefFrom = ownStart
		} else if locs := lx.dirRe.FindAllStringIndex(own, -1); len(locs) > 0 {
			last := locs[len(locs)-1]
			c.RefDir = lx.dirOf(own[last[0]:last[1]])
			if bx.masked(ownStart + runeIndex(own, last[0])) {
				c.RefDir = DirNone // 增加（减少）的主要原因: the author never chose a direction
			}
			c.RefFrom = ownStart
		} else if locs := lx.flatRe.FindAllStringIndex(own, -1); len(locs) > 0 {
			c.RefDir = DirFlat
			c.RefFrom = ownStart
		} else {
			var last *Change
			for _, ch := range bx.blockChanges {
				if ch.End <= m[0] && m[0]-ch.End <= 12 {
					last = ch
				}
			}
			if last != nil {
				c.RefDir = last.Dir
				if last.Flat && last.Dir != DirFlat {
					c.RefDir = DirNone // a change that contradicts itself explains nothing
				}
				c.RefFrom = last.Start
			}
		}
		c.Span = Span{Block: bx.b, Start: c.RefFrom, End: end}
		if end > 0 && bx.rs[end-1] == '。' {
			c.Span.End = end - 1
		}
		bx.set.Causes = append(bx.set.Causes, c)
	}
}

// otherWay reports a clause of the cause after its first that states the
// opposite direction.
func (bx *blockCtx) otherWay(s, e int, dir Dir) bool {
	j := s
	for j < e && !bx.isClauseSep(j) {
		j++ // the first clause gave dir
	}
	for j++; j < e; j++ {
		k := j
		for k < e && !bx.isClauseSep(k) {
			k++
		}
		if d, _ := bx.causeDir(j, k); d != DirNone && d != dir {
			return true
		}
		j = k
	}
	return false
}

// endsSentence: the text ends with a sentence's final punctuation.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, " ")
	for _, p := range []string{"。", "；", ";", "！", "？", "!", "?", ".", ")", "”"} {
		if strings.HasSuffix(t, p) {
			return true
		}
	}
	return false
}

// causeDir is the direction a cause states: the direction word that ends
// the cause's first clause, as a predicate does (人员经费增加, …收入减少所致).
// A direction word deep inside a name (新增建设用地有偿使用费收入减少,
// 新增专项债券转贷额度未明确) is not the cause's direction. A negated word
// counts the other way: 未新增 is no increase.
func (bx *blockCtx) causeDir(s, e int) (Dir, string) {
	lx := bx.set.vocab
	end := s
	for end < e && !bx.isClauseSep(end) {
		end++
	}
	t := bx.text(s, end)
	best, bestEnd := -1, -1
	var dir Dir
	word := ""
	for _, c := range []struct {
		re *regexp.Regexp
		d  Dir
	}{{lx.causeUpRe, DirUp}, {lx.causeDownRe, DirDown}} {
		for _, loc := range c.re.FindAllStringIndex(t, -1) {
			if loc[1] > bestEnd || (loc[1] == bestEnd && loc[0] < best) {
				best, bestEnd, dir, word = loc[0], loc[1], c.d, t[loc[0]:loc[1]]
			}
		}
	}
	if best < 0 || utf8.RuneCountInString(t[bestEnd:]) > 6 {
		return DirNone, ""
	}
	if intensityRe.MatchString(word) {
		// 减少较多 / 增加较少: the adverb grades the word before it
		for _, c := range []struct {
			re *regexp.Regexp
			d  Dir
		}{{lx.causeUpRe, DirUp}, {lx.causeDownRe, DirDown}} {
			for _, loc := range c.re.FindAllStringIndex(t[:best], -1) {
				if loc[1] == best && !intensityRe.MatchString(t[loc[0]:loc[1]]) {
					dir, word, best = c.d, t[loc[0]:loc[1]], loc[0]
				}
			}
		}
	}
	if negRe.MatchString(t[:best]) {
		if dir == DirUp {
			dir = DirDown
		} else {
			dir = DirUp
		}
	}
	return dir, word
}
