package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
)

// A baseline records the findings a team has accepted for now, so a run
// reports only new ones. PDFs cannot carry suppression comments; this is
// how they are quieted. Entries are keyed on output.Fingerprint (rule +
// normalised claim + path), never on lines, so editing elsewhere in a
// report does not bring old findings back. Paths are relative to the
// baseline file's folder, so the same baseline matches whether the run
// names files absolutely or relatively, from the repository's root or a
// subfolder. The file is JSON with the claim spelled out, so a reviewer can
// read what was accepted in a diff.
type baseline struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`

	root string // absolute folder of the baseline file: paths are relative to it
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Claim       string `json:"claim"`
	Count       int    `json:"count"` // the same claim may be wrong twice in one file
}

// baselineVersion 2 keys paths relative to the baseline's folder; version
// 1 keyed them as typed, and is still read (matched as it was written).
const baselineVersion = 2

func newBaseline(file string, files []output.FileResult) *baseline {
	b := &baseline{Version: baselineVersion, Findings: []baselineEntry{}, root: filepath.Dir(absPath(file))}
	at := map[string]int{}
	for _, f := range files {
		for _, x := range f.Findings {
			fp := b.fingerprint(f.Path, x)
			if i, ok := at[fp]; ok {
				b.Findings[i].Count++
				continue
			}
			at[fp] = len(b.Findings)
			b.Findings = append(b.Findings, baselineEntry{Fingerprint: fp, Path: b.rel(f.Path), Rule: x.Rule, Claim: claimOrMessage(x), Count: 1})
		}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		a, c := b.Findings[i], b.Findings[j]
		if a.Path != c.Path {
			return a.Path < c.Path
		}
		if a.Rule != c.Rule {
			return a.Rule < c.Rule
		}
		return a.Fingerprint < c.Fingerprint
	})
	return b
}

// rel is path relative to the baseline's folder (slash-separated), or the
// absolute path when it is on another volume.
func (b *baseline) rel(path string) string {
	abs := absPath(path)
	if r, err := filepath.Rel(b.root, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

func (b *baseline) fingerprint(path string, x checks.Finding) string {
	if b.Version == 1 {
		return output.Fingerprint(path, x)
	}
	return output.Fingerprint(b.rel(path), x)
}

func claimOrMessage(x checks.Finding) string {
	if x.Claim != "" {
		return x.Claim
	}
	return x.Message
}

func (b *baseline) write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %s: %s", path, describe(err))
	}
	var b baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("--baseline: %s: not a budgetlint baseline: %v", path, err)
	}
	if b.Version != baselineVersion && b.Version != 1 {
		return nil, fmt.Errorf("--baseline: %s: version %d, want %d (write it again with --write-baseline)", path, b.Version, baselineVersion)
	}
	b.root = filepath.Dir(absPath(path))
	return &b, nil
}

// filter drops from files the findings the baseline holds, each entry
// absorbing as many findings as it counted, and returns how many it dropped.
func (b *baseline) filter(files []output.FileResult) int {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint] += e.Count
	}
	dropped := 0
	for i := range files {
		keep := files[i].Findings[:0]
		for _, x := range files[i].Findings {
			fp := b.fingerprint(files[i].Path, x)
			if left[fp] > 0 {
				left[fp]--
				dropped++
				continue
			}
			keep = append(keep, x)
		}
		files[i].Findings = keep
	}
	return dropped
}

// covers reports whether the run had findings a baseline could have held:
// a run with none matches no entry and that is no news.
func (b *baseline) covers(files []output.FileResult) bool {
	for _, f := range files {
		if len(f.Findings) > 0 {
			return true
		}
	}
	return false
}
