package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// TestTablesRecognitionReport reads every document of the shared corpus and
// logs, per template, the tables recognised, those whose title matched but
// whose header did not, and the identities checked and failed. It takes a
// few minutes, so it runs only when asked:
//
//	TABLES_REPORT=1 go test -run TablesRecognitionReport -v ./checks/
func TestTablesRecognitionReport(t *testing.T) {
	if os.Getenv("TABLES_REPORT") == "" {
		t.Skip("set TABLES_REPORT=1 to read the whole shared corpus")
	}
	for _, set := range []string{"bulk", "docs"} {
		dir := filepath.Join("..", "..", "shared", "corpus", set)
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		if len(files) == 0 {
			t.Skip("shared corpus absent")
		}
		type stat struct{ tables, docs, unmatched, unreadable, checked, failed int }
		stats := map[string]*stat{}
		get := func(name string) *stat {
			if stats[name] == nil {
				stats[name] = &stat{}
			}
			return stats[name]
		}
		reasons := map[string]int{}
		for _, f := range files {
			if parser.FormatOf(f) == "" {
				continue
			}
			d, err := parser.Open(f, parser.DefaultLimits)
			if err != nil {
				continue
			}
			seen := map[string]bool{}
			for _, tb := range d.Tables {
				if tb.Unmatched != "" {
					name, why, _ := strings.Cut(tb.Unmatched, ": ")
					get(name).unmatched++
					reasons[name+": "+strings.Split(why, "\"")[0]]++
				}
				s := tables.View(tb)
				if s == nil {
					continue
				}
				st := get(s.Std.Name)
				st.tables++
				if !seen[s.Std.Name] {
					st.docs++
					seen[s.Std.Name] = true
				}
				j := judge(s)
				if j.misread {
					st.unreadable++
					continue
				}
				for _, v := range j.verdicts {
					switch {
					case v.failed:
						st.failed++
					case v.skip == "":
						st.checked++
					}
				}
			}
		}
		var names []string
		for n := range stats {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		fmt.Fprintf(&b, "%s: template: tables (documents), header not matched, unreadable, identities checked, failed\n", set)
		for _, n := range names {
			s := stats[n]
			fmt.Fprintf(&b, "  %s: %d (%d), %d, %d, %d, %d\n", n, s.tables, s.docs, s.unmatched, s.unreadable, s.checked, s.failed)
		}
		var rs []string
		for r, n := range reasons {
			rs = append(rs, fmt.Sprintf("  %4d %s", n, r))
		}
		sort.Strings(rs)
		b.WriteString("header not matched, why:\n" + strings.Join(rs, "\n"))
		t.Log(b.String())
		require.NotEmpty(t, stats)
	}
}
