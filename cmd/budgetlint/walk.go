package main

import (
	"errors"
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

// job is a file and the engine built for its configuration.
type job struct {
	path string
	eng  *checks.Engine
}

// collect expands folders recursively into report files. A path that does
// not exist is an error result; files of types budgetlint does not read are
// skipped inside folders and reported when named directly.
//
// The filter's exclude patterns apply to named files too (pre-commit passes
// them one by one and a config's exclude must still hold); include patterns
// only narrow what a folder walk finds. Folder-level files apply to named
// files as to walked ones, so a district's settings hold under pre-commit.
// A broken folder-level file stops the run before any file is checked.
func collect(args []string, filter *pathFilter, dirs *dirConfigs) ([]found, []output.FileResult, error) {
	files, errs, _, err := collectCounting(args, filter, dirs)
	return files, errs, err
}

// collectCounting is collect that also counts, by extension, the files a
// folder walk passed over because budgetlint does not read their type, so a
// bureau's summary can say that 2 .doc files were not checked.
func collectCounting(args []string, filter *pathFilter, dirs *dirConfigs) ([]found, []output.FileResult, map[string]int, error) {
	skipped := map[string]int{}
	var files []found
	var errs []output.FileResult
	seen := map[string]bool{}
	add := func(p string, c *dirConf) {
		if !seen[p] {
			seen[p] = true
			files = append(files, found{p, c})
		}
	}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			errs = append(errs, output.FileResult{Path: a, Error: describe(err)})
			continue
		}
		top := dirs.topFor(a, fi.IsDir())
		if !fi.IsDir() {
			c, err := dirs.at(filepath.Dir(a), top)
			if err != nil {
				return nil, nil, nil, err
			}
			if !filter.excluded(a) && !c.excluded(a) {
				add(a, c)
			}
			continue
		}
		var cfgErr error
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, output.FileResult{Path: p, Error: describe(err)})
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
			if filter.included(rel) && !filter.excluded(rel) && !c.excluded(p) {
				if parser.FormatOf(p) != "" {
					add(p, c)
				} else if ext := strings.ToLower(filepath.Ext(p)); ext != "" && ext != ".yaml" && ext != ".yml" && !strings.HasPrefix(d.Name(), ".") {
					skipped[ext]++
				}
			}
			return nil
		})
		if cfgErr != nil {
			return nil, nil, nil, cfgErr
		}
		if err != nil {
			errs = append(errs, output.FileResult{Path: a, Error: describe(err)})
		}
	}
	return files, errs, skipped, nil
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
