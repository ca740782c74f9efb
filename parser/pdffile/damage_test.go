package pdffile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Owner-password-only files open with the empty user password, as viewers
// open them, whatever the cipher; a user password is named as such.
func TestEncrypted(t *testing.T) {
	tests := []struct {
		file string
		err  string // "" when the file reads
	}{
		{"plain.pdf", ""},
		{"owner-rc4-40.pdf", ""},
		{"owner-rc4-128.pdf", ""},
		{"owner-aes-128.pdf", ""},
		{"owner-aes-128-objstm.pdf", ""},
		{"owner-aes-256-r5.pdf", ""},
		{"owner-aes-256.pdf", ""},
		{"user-rc4-128.pdf", "needs a password"},
		{"user-aes-256.pdf", "needs a password"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "encrypted", tc.file))
			require.NoError(t, err)
			raw, err := Read(data)
			if tc.err != "" {
				require.ErrorIs(t, err, ErrEncrypted)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Empty(t, raw.NoText)
			assert.Nil(t, raw.Damage)
			assert.Contains(t, raw.Source, "Total income 2,940.05 in 2024")
			assert.Contains(t, raw.Source, "Owner password only")
		})
	}
}

// A damaged file is read as far as it goes and says how it was damaged and
// how many pages were read; a sound one says nothing.
func TestDamagedFiles(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "sh-putuo-wanli-street-2024-budget.pdf"))
	require.NoError(t, err)
	sound, err := Read(good)
	require.NoError(t, err)
	require.Nil(t, sound.Damage)
	pages := strings.Count(sound.Source, "\f") + 1

	junk := bytes.Repeat([]byte{0x9c, 0x01}, 300)
	xref := bytes.LastIndex(good, []byte("startxref"))
	badXref := append(append(append([]byte{}, good[:xref]...), "startxref\n123\n%%EOF\n"...), junk...)
	tests := []struct {
		name     string
		data     []byte
		damage   string // a phrase of the damage report, "" when nothing was repaired or lost
		minRead  int    // at least this many pages read
		trailing int    // bytes after the end-of-file marker
	}{
		{"cut at two thirds", good[:len(good)*2/3], "the file is cut short", 1, 0},
		{"cut before the cross-reference table", good[:bytes.LastIndex(good, []byte("xref"))], "the file is cut short", pages, 0},
		{"bytes after the end", append(append([]byte{}, good...), junk...), "", pages, 600},
		{"bytes after the end of a broken file", badXref, "600 bytes of unknown data after the end-of-file marker", pages, 600},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := Read(tc.data)
			require.NoError(t, err)
			require.NotNil(t, raw.Damage, "a damaged file is called damaged")
			if tc.damage == "" {
				assert.Empty(t, raw.Damage.Problems, "bytes after the end lose nothing")
			} else {
				assert.Contains(t, strings.Join(raw.Damage.Problems, "; "), tc.damage)
			}
			assert.Equal(t, tc.trailing, raw.Damage.TrailingBytes)
			assert.GreaterOrEqual(t, raw.Damage.PagesRead, tc.minRead)
			assert.LessOrEqual(t, raw.Damage.PagesRead, pages)
		})
	}
}

// A file cut before its fonts (producers write them last) reads as noise:
// the damage is said, with the lost fonts, and the no-text verdict names
// the damage as its likely cause rather than blaming the fonts alone.
func TestCutBeforeFonts(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "sh-putuo-wanli-street-2024-budget.pdf"))
	require.NoError(t, err)
	cut := good[:bytes.Index(good, []byte("16 0 obj"))] // the first font object
	raw, err := Read(cut)
	require.NoError(t, err)
	require.NotNil(t, raw.Damage)
	assert.Contains(t, strings.Join(raw.Damage.Problems, "; "), "fonts the pages use are missing")
	assert.Contains(t, raw.NoText, "no usable text layer")
	assert.Contains(t, raw.NoText, "the file is damaged")
}

// Files too small to be a PDF get a plain message, not a Go runtime error.
func TestTinyFiles(t *testing.T) {
	for _, data := range []string{"%PDF", "%PDF-1.4", "%PDF-1.4\n%%EOF\n", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
		"%PDF-1.4\ntrailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF"} {
		_, err := Read([]byte(data))
		require.Error(t, err, "%q", data)
		assert.NotContains(t, err.Error(), "runtime error", "%q", data)
		assert.Contains(t, err.Error(), "PDF", "%q", data)
	}
}
