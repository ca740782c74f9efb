package mutate

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// tally counts mutants and catches, over all and over the checkable ones.
type tally struct {
	all, caught, checkable, checkableCaught, flagged int
}

func (t *tally) add(m Mutant) {
	t.all++
	if m.Caught {
		t.caught++
	}
	if m.Checkable {
		t.checkable++
		if m.Caught {
			t.checkableCaught++
		}
	}
	if m.Flagged {
		t.flagged++
	}
}

func pct(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
}

// Summary counts what a run planted and caught.
type Summary struct {
	Mutants, Docs, Caught, Checkable, CheckableCaught, Errors int
}

// Summarize totals a run's mutants (those whose copy could be built).
func Summarize(ms []Mutant) Summary {
	var s Summary
	docs := map[string]bool{}
	for _, m := range ms {
		if m.Err != "" {
			s.Errors++
			continue
		}
		docs[m.Doc] = true
		s.Mutants++
		if m.Caught {
			s.Caught++
		}
		if m.Checkable {
			s.Checkable++
			if m.Caught {
				s.CheckableCaught++
			}
		}
	}
	s.Docs = len(docs)
	return s
}

// WriteTable prints the catch rates per operator and per document kind,
// over all mutants and over the checkable ones, the reasons mutants are
// uncatchable, and the documents that could not be mutated and why.
func WriteTable(w io.Writer, ms []Mutant, seed uint64, failed map[string]error) error {
	s := Summarize(ms)
	fmt.Fprintf(w, "mutation benchmark: %d mutants in %d documents (seed %d; %d copies could not be built)\n",
		s.Mutants, s.Docs, seed, s.Errors)
	var names []string
	for n := range failed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "not mutated: %s: %v\n", n, failed[n])
	}
	fmt.Fprintf(w, "caught within one line: %d/%d = %s of all; %d/%d = %s of the checkable in principle\n",
		s.Caught, s.Mutants, pct(s.Caught, s.Mutants), s.CheckableCaught, s.Checkable, pct(s.CheckableCaught, s.Checkable))
	var reports []Mutant
	for _, m := range ms {
		if m.Kind != "bulletin" {
			reports = append(reports, m)
		}
	}
	r := Summarize(reports)
	fmt.Fprintf(w, "fiscal reports only (statistical bulletins left out): %d/%d = %s of all; %d/%d = %s of the checkable, in %d documents\n\n",
		r.Caught, r.Mutants, pct(r.Caught, r.Mutants), r.CheckableCaught, r.Checkable, pct(r.CheckableCaught, r.Checkable), r.Docs)
	by := func(title string, keyOf func(Mutant) string) {
		ts := map[string]*tally{}
		var keys []string
		total := &tally{}
		for _, m := range ms {
			if m.Err != "" {
				continue
			}
			k := keyOf(m)
			if ts[k] == nil {
				ts[k] = &tally{}
				keys = append(keys, k)
			}
			ts[k].add(m)
			total.add(m)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "%-18s %7s %7s %7s   %9s %7s %7s   %11s %7s\n", title, "mutants", "caught", "rate", "checkable", "caught", "rate", "uncatchable", "flagged")
		line := func(k string, t *tally) {
			fmt.Fprintf(w, "%-18s %7d %7d %7s   %9d %7d %7s   %11d %7d\n", k, t.all, t.caught, pct(t.caught, t.all),
				t.checkable, t.checkableCaught, pct(t.checkableCaught, t.checkable), t.all-t.checkable, t.flagged)
		}
		for _, k := range keys {
			line(k, ts[k])
		}
		line("all", total)
		fmt.Fprintln(w)
	}
	by("operator", func(m Mutant) string { return m.Op })
	by("document kind", func(m Mutant) string { return m.Kind })

	why := map[string]int{}
	var whys []string
	for _, m := range ms {
		if m.Err != "" || m.Checkable {
			continue
		}
		k := m.Op + ": " + m.Why
		if why[k] == 0 {
			whys = append(whys, k)
		}
		why[k]++
	}
	sort.Slice(whys, func(i, j int) bool {
		if why[whys[i]] != why[whys[j]] {
			return why[whys[i]] > why[whys[j]]
		}
		return whys[i] < whys[j]
	})
	fmt.Fprintln(w, "uncatchable in principle, by reason:")
	for _, k := range whys {
		fmt.Fprintf(w, "  %4d  %s\n", why[k], k)
	}
	missed := map[string]int{}
	var ks []string
	for _, m := range ms {
		if m.Err != "" || !m.Checkable || m.Caught {
			continue
		}
		k := m.Op + ": " + m.Why
		if missed[k] == 0 {
			ks = append(ks, k)
		}
		missed[k]++
	}
	sort.Slice(ks, func(i, j int) bool {
		if missed[ks[i]] != missed[ks[j]] {
			return missed[ks[i]] > missed[ks[j]]
		}
		return ks[i] < ks[j]
	})
	fmt.Fprintln(w, "\nmissed though checkable, by operator and evidence:")
	for _, k := range ks {
		fmt.Fprintf(w, "  %4d  %s\n", missed[k], k)
	}
	return nil
}

// TSVHeader names the columns WriteTSV writes.
const TSVHeader = "doc\tkind\top\tpage\tline\told\tnew\tcheckable\twhy\tcaught\trules\tflagged\tcontext\terror"

// WriteTSV writes one line per mutant that keep accepts (nil: all).
func WriteTSV(w io.Writer, ms []Mutant, keep func(Mutant) bool) error {
	if _, err := fmt.Fprintln(w, TSVHeader); err != nil {
		return err
	}
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	for _, m := range ms {
		if keep != nil && !keep(m) {
			continue
		}
		_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%t\t%s\t%t\t%s\t%t\t%s\t%s\n",
			m.Doc, m.Kind, m.Op, m.Page, m.Line, m.Old, m.New, m.Checkable, clean.Replace(m.Why), m.Caught,
			strings.Join(m.Rules, ","), m.Flagged, clean.Replace(m.Context), clean.Replace(m.Err))
		if err != nil {
			return err
		}
	}
	return nil
}

// MissedCheckable selects the mutants the linter should have caught.
func MissedCheckable(m Mutant) bool { return m.Err == "" && m.Checkable && !m.Caught }
