// Package poppler runs poppler's command-line tools on a PDF in tests, as an
// independent reader: a file it opens without complaint is a file viewers
// open. Tests skip when the tools are absent (apt install poppler-utils).
package poppler

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Need skips t when poppler-utils is not installed.
func Need(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: install poppler-utils to check files with an independent reader", tool)
		}
	}
}

// Info runs pdfinfo on the file and returns its output and what it said
// on stderr (poppler reports damage there even when it recovers).
func Info(t testing.TB, path string) (out, complaints string, err error) {
	t.Helper()
	cmd := exec.Command("pdfinfo", path)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

// Pages is the page count pdfinfo gives.
func Pages(info string) string {
	for _, l := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Render draws one page at dpi, its crop box as viewers show it, and returns the image and what poppler
// said on stderr.
func Render(t testing.TB, path string, page, dpi int) (image.Image, string, error) {
	t.Helper()
	dir := t.TempDir()
	base := filepath.Join(dir, "p")
	cmd := exec.Command("pdftoppm", "-cropbox", "-png", "-r", itoa(dpi), "-f", itoa(page), "-l", itoa(page), "-singlefile", path, base)
	var e bytes.Buffer
	cmd.Stderr = &e
	if err := cmd.Run(); err != nil {
		return nil, e.String(), err
	}
	f, err := os.Open(base + ".png")
	if err != nil {
		return nil, e.String(), err
	}
	defer f.Close()
	img, err := png.Decode(f)
	return img, e.String(), err
}

func itoa(n int) string { return strconv.Itoa(n) }
