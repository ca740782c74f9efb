package mutate

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// Config says how many mutants to plant and with which linter.
type Config struct {
	Seed   uint64
	PerDoc int // mutants per document at most, taken round-robin over the operators
	Engine *checks.Engine
}

// Mutant is one planted error and what the linter made of it.
type Mutant struct {
	Doc, Kind, Op string
	Page, Line    int // where the change is, in the source's terms
	Old, New      string
	Checkable     bool
	Why           string
	Context       string   // the sentence as written, the change marked [old→new]
	Caught        bool     // a new warning or error within one line of the change
	Rules         []string // rules of those findings
	Flagged       bool     // the original already had a warning or error within one line
	Err           string   // the copy could not be built
}

// RunFile plants up to cfg.PerDoc errors in one report, one per copy, and
// lints each copy. A report with no usable text gives no mutants.
func RunFile(path string, cfg Config) ([]Mutant, error) {
	src, err := openSource(path)
	if err != nil {
		return nil, err
	}
	d0, err := src.document(nil)
	if err != nil {
		return nil, err
	}
	if d0.NoText != "" {
		return nil, nil
	}
	base := warnings(cfg.Engine, d0)
	if again := warnings(cfg.Engine, mustDoc(src.document(nil))); !sameFindings(base, again) {
		return nil, fmt.Errorf("%s: two readings of the same text give different findings", path)
	}
	v := NewView(d0)
	h := fnv.New64a()
	h.Write([]byte(filepath.Base(path)))
	rng := rand.New(rand.NewPCG(cfg.Seed, h.Sum64()))
	picked := sample(Sites(v, rng), rng, cfg.PerDoc)

	baseKeys := map[string]int{}
	var baseSpans [][2]int
	for _, f := range base {
		baseKeys[key(f)]++
		baseSpans = append(baseSpans, src.span(f))
	}
	var out []Mutant
	for _, st := range picked {
		m := Mutant{Doc: filepath.Base(path), Kind: v.Kind, Op: st.Op, Old: string(st.Old), New: string(st.New),
			Checkable: st.Checkable, Why: st.Why, Context: context(st)}
		edits, err := st.edits(src.text)
		if err != nil {
			m.Err = err.Error()
			out = append(out, m)
			continue
		}
		pos := d0.Source.Position(edits[0].off)
		m.Page, m.Line = pos.Page, pos.Line
		lo, hi := src.lineOf[edits[0].off], src.lineOf[edits[len(edits)-1].off]
		for _, sp := range baseSpans {
			m.Flagged = m.Flagged || near(sp, lo, hi)
		}
		d, err := src.document(edits)
		if err != nil {
			m.Err = err.Error()
			out = append(out, m)
			continue
		}
		left := map[string]int{}
		for k, n := range baseKeys {
			left[k] = n
		}
		seen := map[string]bool{}
		for _, f := range warnings(cfg.Engine, d) {
			k := key(f)
			if left[k] > 0 {
				left[k]--
				continue
			}
			if near(src.span(f), lo, hi) {
				m.Caught = true
				if !seen[f.Rule] {
					seen[f.Rule] = true
					m.Rules = append(m.Rules, f.Rule)
				}
			}
		}
		sort.Strings(m.Rules)
		out = append(out, m)
	}
	return out, nil
}

func mustDoc(d *doc.Document, err error) *doc.Document {
	if err != nil {
		return &doc.Document{Source: doc.NewSource("", false)}
	}
	return d
}

// warnings lints a document and keeps what a reviewer is shown as a
// problem: warnings and errors (information notes are not).
func warnings(e *checks.Engine, d *doc.Document) []checks.Finding {
	fs, _ := e.Run(d)
	out := fs[:0]
	for _, f := range fs {
		if f.Severity.AtLeast(rules.Warning) {
			out = append(out, f)
		}
	}
	return out
}

// key identifies a finding across the original and a copy: every planted
// change keeps the characters count, so places do not move.
func key(f checks.Finding) string {
	return fmt.Sprintf("%s|%d|%d:%d-%d:%d|%s|%s", f.Rule, f.Page, f.Line, f.Column, f.EndLine, f.EndColumn, f.Claim, f.Message)
}

func sameFindings(a, b []checks.Finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if key(a[i]) != key(b[i]) {
			return false
		}
	}
	return true
}

// span is the range of reader lines a finding covers. A finding names the
// page of its start only: on a paged source an end line before the start
// line lies on the next page (a sentence running over a page break).
func (s *source) span(f checks.Finding) [2]int {
	a := s.offset(f.Page, f.Line, f.Column)
	endPage := f.Page
	if s.pages && f.EndLine < f.Line {
		endPage++
	}
	b := s.offset(endPage, f.EndLine, max(f.EndColumn-1, 1))
	if f.EndLine == 0 {
		b = a
	}
	la, lb := int(s.lineOf[a]), int(s.lineOf[b])
	if lb < la {
		la, lb = lb, la
	}
	return [2]int{la, lb}
}

// near reports whether a finding's lines come within one reader line of
// the change's lines [lo, hi].
func near(sp [2]int, lo, hi int32) bool {
	return sp[0] <= int(hi)+1 && sp[1] >= int(lo)-1
}

// edits maps a site's characters to source offsets. A character the
// source writes otherwise (an HTML entity) cannot be planted.
func (st *Site) edits(text []rune) ([]edit, error) {
	b := st.Para.Block
	var out []edit
	for k, r := range st.New {
		i := st.At + k
		if i >= b.SrcAt.Len() {
			return nil, fmt.Errorf("site beyond its paragraph")
		}
		off := b.SrcAt.At(i)
		if off < 0 || off >= len(text) || text[off] != st.Para.Raw[i] {
			return nil, fmt.Errorf("the source writes %q otherwise", string(st.Para.Raw[i]))
		}
		if r != st.Old[k] {
			out = append(out, edit{off: off, r: r})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the planted text equals the original")
	}
	return out, nil
}

// context is the sentence around a site as written, the change marked.
func context(st *Site) string {
	p := st.Para
	s := p.sentenceAt(st.At)
	a, e := max(st.At-40, 0), min(st.At+len(st.Old)+40, len(p.Raw))
	if s != nil {
		a, e = max(s.Start, a), min(s.End, e)
	}
	var sb strings.Builder
	sb.WriteString(string(p.Raw[a:st.At]))
	sb.WriteString("[" + string(st.Old) + "→" + string(st.New) + "]")
	sb.WriteString(string(p.Raw[st.At+len(st.Old) : e]))
	return strings.Join(strings.Fields(sb.String()), " ")
}

// sample takes up to n sites, round-robin over the operators (in name
// order) after shuffling each operator's sites, so every operator is
// represented in every document that has its sites.
func sample(sites map[string][]*Site, rng *rand.Rand, n int) []*Site {
	names := Operators()
	for _, name := range names {
		s := sites[name]
		rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	}
	var out []*Site
	for round := 0; len(out) < n; round++ {
		took := false
		for _, name := range names {
			if round < len(sites[name]) && len(out) < n {
				out = append(out, sites[name][round])
				took = true
			}
		}
		if !took {
			break
		}
	}
	return out
}

// RunAll runs every file with workers in parallel and returns the mutants
// in file order, with the files that could not be read.
func RunAll(paths []string, cfg Config, workers int) ([]Mutant, map[string]error) {
	res := make([][]Mutant, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res[i], errs[i] = RunFile(paths[i], cfg)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []Mutant
	failed := map[string]error{}
	for i := range paths {
		out = append(out, res[i]...)
		if errs[i] != nil {
			failed[filepath.Base(paths[i])] = errs[i]
		}
	}
	return out, failed
}
