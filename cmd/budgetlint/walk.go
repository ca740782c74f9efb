package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
	"github.com/budgetlint/budgetlint/parser"
)

// found is a report file and the configuration of its folder.
type found struct {
	path string
	conf *dirConf
}

// job is a file and the engine built for its configuration; data holds
// the bytes of standard input, read under the name path.
type job struct {
	path string
	eng  *checks.Engine
	data []byte
}

// collect expands folders recursively into report files. A path that does
// not exist is an error result; files of types budgetlint does not read are
// not-checked results inside folders (listed in every output with the
// reason) and error results when named directly. A path with glob
// characters that names no file is expanded here, as shells on Windows do
// not.
//
// The filter's exclude patterns apply to named files too (pre-commit passes
// them one by one and a config's exclude must still hold); include patterns
// only narrow what a folder walk finds. Folder-level files apply to named
// files as to walked ones, so a district's settings hold under pre-commit.
// A broken folder-level file stops the run before any file is checked.
func collect(args []string, filter *pathFilter, dirs *dirConfigs) ([]found, []output.FileResult, error) {
	var files []found
	var others []output.FileResult
	seen := map[string]bool{}
	add := func(p string, c *dirConf) {
		if !seen[p] {
			seen[p] = true
			files = append(files, found{p, c})
		}
	}
	for _, a := range expandGlobs(args) {
		fi, err := os.Stat(a)
		if err != nil {
			msg := describe(err)
			if hasGlob(a) {
				msg = "no file matches this pattern"
			}
			others = append(others, output.FileResult{Path: a, Error: msg})
			continue
		}
		top := dirs.topFor(a, fi.IsDir())
		if !fi.IsDir() {
			c, err := dirs.at(filepath.Dir(a), top)
			if err != nil {
				return nil, nil, err
			}
			if filter.excluded(a) || c.excluded(a) {
				continue
			}
			if parser.FormatOf(a) == "" {
				others = append(others, output.FileResult{Path: a, Error: notReadReason(a)})
				continue
			}
			add(a, c)
			continue
		}
		var cfgErr error
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				others = append(others, output.FileResult{Path: p, Error: describe(err)})
				return nil
			}
			rel, _ := filepath.Rel(a, p)
			// A folder is judged by its parent's configuration; the files
			// in it by its own.
			c, cerr := dirs.at(filepath.Dir(p), top)
			if d.IsDir() && p != a {
				if cerr != nil {
					cfgErr = cerr
					return filepath.SkipAll
				}
				if strings.HasPrefix(d.Name(), ".") || filter.excluded(rel) || c.excluded(p) {
					return filepath.SkipDir
				}
			}
			if d.IsDir() {
				return nil
			}
			if cerr != nil {
				cfgErr = cerr
				return filepath.SkipAll
			}
			if !filter.included(rel) || filter.excluded(rel) || c.excluded(p) {
				return nil
			}
			switch {
			case parser.FormatOf(p) != "":
				add(p, c)
			case listedUnread(p, d):
				others = append(others, output.FileResult{Path: p, NotChecked: notReadReason(p)})
			}
			return nil
		})
		if cfgErr != nil {
			return nil, nil, cfgErr
		}
		if err != nil {
			others = append(others, output.FileResult{Path: a, Error: describe(err)})
		}
	}
	return files, others, nil
}

// listedUnread: a file a walk found but does not read is listed, unless it
// is hidden or configuration (.budgetlint.yaml, rule files), which lives
// beside reports by design.
func listedUnread(p string, d fs.DirEntry) bool {
	if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
		return false
	}
	ext := strings.ToLower(filepath.Ext(p))
	return ext != ".yaml" && ext != ".yml"
}

// notReadReason says why a file is not read and what to do about it.
func notReadReason(p string) string {
	ext := strings.ToLower(filepath.Ext(p))
	switch ext {
	case ".doc":
		return "legacy .doc is not read: save it as .docx"
	case ".xls":
		return "legacy .xls is not read: save it as .xlsx"
	case ".et":
		return "a WPS .et workbook is not read: save it as .xlsx"
	case ".wps", ".rtf", ".odt", ".ofd":
		return ext + " is not read: save it as .docx or .pdf"
	case ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif":
		return "an image is not read: a scanned page needs OCR into a PDF with a text layer"
	case ".zip", ".rar", ".7z":
		return "an archive is not read: unpack it first"
	case "":
		if kind := sniff(p); kind != "" {
			return "no file extension: the file looks like " + kind + ": name it with its extension"
		}
		return "no file extension: the type is unknown (budgetlint reads .txt, .md, .html, .pdf, .docx and .xlsx)"
	}
	return ext + " is not a report type budgetlint reads (.txt, .md, .html, .pdf, .docx, .xlsx)"
}

// sniff names a file's type from its first bytes: a report saved without
// its extension (downloads often are) is common.
func sniff(p string) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF (.pdf)"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a Word or Excel file (.docx or .xlsx)"
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0")):
		return "a legacy Word or Excel file (.doc or .xls)"
	case bytes.Contains(bytes.ToLower(head), []byte("<html")):
		return "a web page (.html)"
	}
	return ""
}

func hasGlob(p string) bool { return strings.ContainsAny(p, "*?[") }

// expandGlobs expands arguments that hold glob characters and name no
// existing file; one that matches nothing stays, to be reported.
func expandGlobs(args []string) []string {
	var out []string
	for _, a := range args {
		if !hasGlob(a) {
			out = append(out, a)
			continue
		}
		if _, err := os.Stat(a); err == nil {
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(a)
		if err != nil || len(m) == 0 {
			out = append(out, a)
			continue
		}
		out = append(out, m...)
	}
	return out
}

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, fs.ErrNotExist) {
			return "no such file or folder"
		}
		if errors.Is(err, fs.ErrPermission) {
			return "permission denied"
		}
		return pe.Err.Error()
	}
	return err.Error()
}
