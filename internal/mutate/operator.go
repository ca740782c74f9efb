package mutate

import (
	"math/rand/v2"
	"sort"

	"github.com/budgetlint/budgetlint/parser/num"
)

// Site is one planted error: runes [At, At+len(Old)) of a paragraph become
// New (as many runes), with the verdict on whether the document prints
// what a reader needs to see the error.
type Site struct {
	Op        string
	Para      *Para
	At        int
	Old, New  []rune
	Checkable bool
	Why       string // the evidence that makes it checkable, or why it is not
}

// An operator finds the places in a document where it can plant its error.
type operator struct {
	name string
	find func(v *View, rng *rand.Rand) []*Site
}

var operators = map[string]operator{}

func register(name string, find func(v *View, rng *rand.Rand) []*Site) {
	if _, dup := operators[name]; dup {
		panic("mutate: operator registered twice: " + name)
	}
	operators[name] = operator{name: name, find: find}
}

// Operators lists the operator names in a stable order.
func Operators() []string {
	out := make([]string, 0, len(operators))
	for n := range operators {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Sites runs every operator over a view. The random source decides the
// planted values; the same seed gives the same sites.
func Sites(v *View, rng *rand.Rand) map[string][]*Site {
	out := map[string][]*Site{}
	for _, name := range Operators() {
		out[name] = operators[name].find(v, rng)
	}
	return out
}

// numberSite plants a perturbed value in figure f, when the change rule
// allows one.
func numberSite(op string, p *Para, f *Figure, rng *rand.Rand, keep func(o, r num.Decimal) bool) *Site {
	old := p.Raw[f.NumStart:f.NumEnd]
	repl, ok := perturb(old, rng, keep)
	if !ok {
		return nil
	}
	return &Site{Op: op, Para: p, At: f.NumStart, Old: append([]rune(nil), old...), New: repl}
}

// planted is the value a number site plants.
func (st *Site) planted() num.Decimal {
	d, _ := parseWritten(st.New)
	return d
}
