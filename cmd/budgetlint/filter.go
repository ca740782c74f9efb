package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// pathFilter decides which files of a walk are checked. Patterns are globs
// with `**` for any number of folders; each is matched against the path
// relative to the walked folder and against the base name, so `*.pdf`,
// `drafts/**` and `**/附件*.html` all do what a golangci-lint or Vale user
// expects.
type pathFilter struct {
	include, exclude []string
}

func newPathFilter(include, exclude []string) (*pathFilter, error) {
	f := &pathFilter{}
	for _, p := range include {
		if err := validGlob(p); err != nil {
			return nil, fmt.Errorf("--include %q: %v", p, err)
		}
		f.include = append(f.include, filepath.ToSlash(p))
	}
	for _, p := range exclude {
		if err := validGlob(p); err != nil {
			return nil, fmt.Errorf("exclude %q: %v", p, err)
		}
		f.exclude = append(f.exclude, filepath.ToSlash(p))
	}
	return f, nil
}

func validGlob(p string) error {
	_, err := path.Match(strings.ReplaceAll(p, "**", "*"), "")
	return err
}

// excluded reports whether rel (relative to the walked folder; for a file
// named on the command line, the path as given) matches an exclude pattern.
func (f *pathFilter) excluded(rel string) bool {
	return matchAny(f.exclude, rel)
}

// included reports whether a file found in a walk is wanted: no include
// patterns means every report file.
func (f *pathFilter) included(rel string) bool {
	return len(f.include) == 0 || matchAny(f.include, rel)
}

func matchAny(patterns []string, rel string) bool {
	rel = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(rel)), "./")
	base := path.Base(rel)
	for _, p := range patterns {
		p = strings.TrimPrefix(p, "./")
		if globMatch(p, rel) || (!strings.Contains(p, "/") && globMatch(p, base)) {
			return true
		}
		// A pattern naming a folder (drafts, drafts/) covers what is inside.
		if dir := strings.TrimSuffix(p, "/"); dir != "" && !strings.ContainsAny(dir, "*?[") && strings.HasPrefix(rel, dir+"/") {
			return true
		}
	}
	return false
}

// globMatch matches slash-separated paths; `**` as a whole segment matches
// zero or more segments.
func globMatch(pattern, name string) bool {
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(ps, ns []string) bool {
	for len(ps) > 0 {
		if ps[0] == "**" {
			for i := 0; i <= len(ns); i++ {
				if matchSegs(ps[1:], ns[i:]) {
					return true
				}
			}
			return false
		}
		if len(ns) == 0 {
			return false
		}
		if ok, _ := path.Match(ps[0], ns[0]); !ok {
			return false
		}
		ps, ns = ps[1:], ns[1:]
	}
	return len(ns) == 0
}
