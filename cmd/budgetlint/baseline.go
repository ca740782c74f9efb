package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/output"
)

// A baseline records the findings a team has accepted for now, so a run
// reports only new ones. PDFs cannot carry suppression comments; this is
// how they are quieted. Entries are keyed on output.Fingerprint (rule +
// normalised claim + path), never on lines, so editing elsewhere in a
// report does not bring old findings back. The file is JSON with the claim
// spelled out, so a reviewer can read what was accepted in a diff.
type baseline struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Claim       string `json:"claim"`
	Count       int    `json:"count"` // the same claim may be wrong twice in one file
}

const baselineVersion = 1

func newBaseline(files []output.FileResult) *baseline {
	b := &baseline{Version: baselineVersion, Findings: []baselineEntry{}}
	at := map[string]int{}
	for _, f := range files {
		for _, x := range f.Findings {
			fp := output.Fingerprint(f.Path, x)
			if i, ok := at[fp]; ok {
				b.Findings[i].Count++
				continue
			}
			at[fp] = len(b.Findings)
			b.Findings = append(b.Findings, baselineEntry{Fingerprint: fp, Path: output.NormalisePath(f.Path), Rule: x.Rule, Claim: claimOrMessage(x), Count: 1})
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
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("--baseline: %s: version %d, want %d (write it again with --write-baseline)", path, b.Version, baselineVersion)
	}
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
			fp := output.Fingerprint(files[i].Path, x)
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
