package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files of the printers")

// The text format is what the README shows and what users grep: its layout
// is pinned by a golden file (go test ./output -update rewrites it).
func TestTextGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Text(&b, testRun(t)))
	golden := filepath.Join("testdata", "text.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}
