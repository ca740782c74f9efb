//go:build corpus

// Run with: go test -tags corpus -run AnnotatedCorpus -v ./output
// (a few minutes on two cores: it checks every corpus PDF).

package output_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/internal/poppler"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser/pdffile"
)

// Every corpus PDF with findings is annotated; the copies open in poppler
// as cleanly as the originals, and the project's reader reads from them
// the pages and text it reads from the originals.
func TestAnnotatedCorpus(t *testing.T) {
	const corpus = "../../shared/corpus/docs"
	paths, _ := filepath.Glob(filepath.Join(corpus, "*.pdf"))
	if len(paths) == 0 {
		t.Skipf("no PDFs in %s (the shared corpus is not beside the repository)", corpus)
	}
	dir := t.TempDir()
	done := 0
	for _, p := range paths {
		data := mustRead(t, p)
		res, err := checkBytes(p, data)
		if err != nil {
			continue // unreadable: nothing to annotate
		}
		if len(res.Findings) == 0 {
			continue
		}
		var log bytes.Buffer
		require.NoError(t, output.Annotated(dir, &output.Run{Files: []output.FileResult{res}}, &log))
		require.Empty(t, log.String())
		out := filepath.Join(dir, filepath.Base(p))
		copyBytes := mustRead(t, out)
		require.True(t, bytes.HasPrefix(copyBytes, data), p)
		a, err := pdffile.Read(data)
		require.NoError(t, err)
		b, err := pdffile.Read(copyBytes)
		require.NoError(t, err, p)
		assert.Equal(t, len(strings.Split(a.Source, "\f")), len(strings.Split(b.Source, "\f")), "%s: page count", p)
		assert.Equal(t, a.Source, b.Source, "%s: text", p)
		popplerAsClean(t, p, out)
		done++
	}
	t.Logf("%d corpus PDFs with findings annotated", done)
	assert.Positive(t, done)
}

// popplerAsClean: the copy opens in poppler with the original's page count
// and no complaint the original does not draw too.
func popplerAsClean(t *testing.T, orig, copyPath string) {
	t.Helper()
	poppler.Need(t)
	oi, oc, err := poppler.Info(t, orig)
	if err != nil {
		return // poppler cannot read the original either
	}
	ci, cc, err := poppler.Info(t, copyPath)
	require.NoError(t, err, cc)
	assert.Equal(t, poppler.Pages(oi), poppler.Pages(ci), copyPath)
	for _, l := range strings.Split(strings.TrimSpace(cc), "\n") {
		if l != "" {
			assert.Contains(t, oc, l, "%s: a complaint the original does not draw", copyPath)
		}
	}
}
