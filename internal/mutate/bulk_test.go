package mutate

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/rules"
)

// The benchmark's defaults: the seed every published figure uses, and how
// many copies of each document to make.
const (
	defaultSeed   = 20250101
	defaultPerDoc = 8
)

// TestMutationBenchmark plants errors in every document of the bulk corpus
// and writes the per-operator table, every mutant and the missed-checkable
// list to $MUTATE_OUT (.ci/mutate runs it). It takes minutes, so it runs
// only when BUDGETLINT_MUTATE is set; MUTATE_CORPUS, MUTATE_SEED and
// MUTATE_PER_DOC override the defaults.
func TestMutationBenchmark(t *testing.T) {
	if os.Getenv("BUDGETLINT_MUTATE") == "" {
		t.Skip("mutation benchmark: set BUDGETLINT_MUTATE=1 to run it (.ci/mutate does)")
	}
	dir := envOr("MUTATE_CORPUS", filepath.Join("..", "..", "..", "shared", "corpus", "bulk"))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("mutation benchmark: corpus %s absent", dir)
	}
	seed, err := strconv.ParseUint(envOr("MUTATE_SEED", strconv.Itoa(defaultSeed)), 10, 64)
	require.NoError(t, err)
	perDoc, err := strconv.Atoi(envOr("MUTATE_PER_DOC", strconv.Itoa(defaultPerDoc)))
	require.NoError(t, err)
	out := envOr("MUTATE_OUT", t.TempDir())

	set, err := rules.Default()
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	var paths []string
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if !e.IsDir() && parser.FormatOf(e.Name()) != "" {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(paths)

	ms, failed := RunAll(paths, Config{Seed: seed, PerDoc: perDoc, Engine: eng}, min(runtime.NumCPU(), 2))
	for name, err := range failed {
		t.Logf("not mutated: %s: %v", name, err)
	}
	write := func(name string, f func(w *bufio.Writer) error) {
		file, err := os.Create(filepath.Join(out, name))
		require.NoError(t, err)
		w := bufio.NewWriter(file)
		require.NoError(t, f(w))
		require.NoError(t, w.Flush())
		require.NoError(t, file.Close())
	}
	write("mutation-table.txt", func(w *bufio.Writer) error { return WriteTable(w, ms, seed, failed) })
	write("mutation-all.tsv", func(w *bufio.Writer) error { return WriteTSV(w, ms, nil) })
	write("mutation-missed.tsv", func(w *bufio.Writer) error { return WriteTSV(w, ms, MissedCheckable) })

	s := Summarize(ms)
	t.Logf("%d mutants in %d documents, %d caught; checkable %d, caught %d", s.Mutants, s.Docs, s.Caught, s.Checkable, s.CheckableCaught)
	require.GreaterOrEqual(t, s.Mutants, 200, "the benchmark plants at least 200 mutants")
	require.GreaterOrEqual(t, s.Docs, 30, "over at least 30 documents")
	require.LessOrEqual(t, s.Errors*20, s.Mutants, "at most one copy in 20 fails to build")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
