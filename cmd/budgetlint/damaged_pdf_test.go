package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Damaged, tiny and encrypted PDFs, one run each: the file is named, the
// damage said, and the exit code follows (a damaged file read in part is a
// warning, bytes after the end of a file read whole a note; a file that
// cannot be read at all exits 2).
func TestDamagedPDFs(t *testing.T) {
	fixtures := filepath.Join("..", "..", "parser", "pdffile", "testdata")
	good, err := os.ReadFile(filepath.Join(fixtures, "sh-putuo-wanli-street-2024-budget.pdf"))
	require.NoError(t, err)
	dir := t.TempDir()
	put := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	junk := append(append([]byte{}, good...), bytes.Repeat([]byte{0x9c, 0x01}, 330)...)
	tests := []struct {
		name    string
		path    string
		code    int
		rule    string // a finding of this rule, with this message part
		message string
		error   string // or a file error containing this
	}{
		{"truncated", put("cut.pdf", good[:len(good)*2/3]), exitFindings, "pdf-damaged", "the file is cut short", ""},
		{"bytes after the end", put("junk.pdf", junk), exitFindings, "pdf-trailing-data", "660 bytes of unknown data after the PDF's end-of-file marker", ""},
		{"tiny", put("tiny.pdf", []byte("%PDF-1.4\n%%EOF\n")), exitTrouble, "", "", "not a readable PDF"},
		{"user password", filepath.Join(fixtures, "encrypted", "user-aes-256.pdf"), exitTrouble, "", "", "needs a password"},
		{"owner password only", filepath.Join(fixtures, "encrypted", "owner-aes-256.pdf"), exitOK, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run([]string{"check", "--no-config", "--quiet", "--lang", "en", "--format", "json", tc.path}, &out, &errb)
			assert.Equal(t, tc.code, code, errb.String())
			var res struct {
				Files []struct {
					Path     string `json:"path"`
					Error    string `json:"error"`
					Findings []struct {
						Rule    string `json:"rule"`
						Message string `json:"message"`
					} `json:"findings"`
				} `json:"files"`
			}
			require.NoError(t, json.Unmarshal(out.Bytes(), &res), out.String())
			require.Len(t, res.Files, 1)
			f := res.Files[0]
			assert.Equal(t, tc.path, f.Path)
			if tc.error != "" {
				assert.Contains(t, f.Error, tc.error)
				assert.NotContains(t, f.Error, "runtime error")
				return
			}
			assert.Empty(t, f.Error)
			var damaged []string
			rules := map[string]bool{}
			for _, x := range f.Findings {
				if x.Rule == "pdf-damaged" || x.Rule == "pdf-trailing-data" {
					damaged = append(damaged, x.Message)
					rules[x.Rule] = true
				}
			}
			if tc.rule == "" {
				assert.Empty(t, damaged, "a sound file is not called damaged")
				return
			}
			require.Len(t, damaged, 1, "one finding says the file is damaged")
			assert.Equal(t, map[string]bool{tc.rule: true}, rules)
			assert.Contains(t, damaged[0], tc.message)
			assert.Regexp(t, `\d+ (of \d+ )?pages read`, damaged[0])
		})
	}
}
