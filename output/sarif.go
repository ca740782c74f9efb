package output

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

func init() { Register("sarif", SARIF) }

// The SARIF 2.1.0 subset GitHub code scanning reads. Field names are the
// spec's; omitempty keeps optional parts out rather than empty.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	ColumnKind  string            `json:"columnKind"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifRuleConf struct {
	Level   string `json:"level"`
	Enabled bool   `json:"enabled"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// fingerprintKey is versioned so a change of the fingerprint recipe does not
// silently merge or split alerts in code scanning. v2 numbers the
// occurrences of one fingerprint in a file: the same claim may be wrong
// twice (a table row checked against two columns), and code scanning
// merges results whose fingerprints are equal.
const fingerprintKey = "budgetlintFinding/v2"

// SARIF writes one run with full rule metadata, as staticcheck does.
func SARIF(w io.Writer, r *Run) error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "budgetlint", Version: r.Record.Version, Rules: []sarifRule{}}},
		ColumnKind:  "unicodeCodePoints",
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	index := map[string]int{}
	if r.Rules != nil {
		for _, rl := range r.Rules.Rules {
			index[rl.ID] = len(run.Tool.Driver.Rules)
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rl))
		}
	}
	lang := r.lang()
	for _, f := range r.Files {
		inv := &run.Invocations[0]
		if f.Error != "" {
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "error",
				Message:   sarifText{Text: f.Path + ": " + statusText(lang, "cannot read", r.say(firstLine(f.Error)))},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(f.Path)}}},
			})
			continue
		}
		if f.NotChecked != "" {
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "warning",
				Message:   sarifText{Text: f.Path + ": " + statusText(lang, "not checked", r.say(f.NotChecked))},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(f.Path)}}},
			})
			continue
		}
		seen := map[string]int{}
		for _, x := range f.Findings {
			i, ok := index[x.Rule]
			if !ok {
				// A finding of a rule the set does not list would make
				// ruleIndex dangle; describe it minimally instead.
				i = len(run.Tool.Driver.Rules)
				index[x.Rule] = i
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(&rules.Rule{ID: x.Rule, Summary: x.Rule, Severity: x.Severity}))
			}
			fp := Fingerprint(f.Path, x)
			seen[fp]++
			res := sarifResultOf(lang, f, x, i)
			res.PartialFingerprints = map[string]string{fingerprintKey: fp + ":" + strconv.Itoa(seen[fp])}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifRuleOf(rl *rules.Rule) sarifRule {
	full := strings.TrimSpace(rl.Explain)
	if full == "" {
		full = rl.Summary
	}
	help := full
	if ex := strings.TrimSpace(rl.Example); ex != "" {
		help += "\n\nExample:\n" + ex
	}
	help += fmt.Sprintf("\n\nRun `budgetlint explain %s` for details; turn off with --disable %s.", rl.ID, rl.ID)
	return sarifRule{
		ID:                   rl.ID,
		ShortDescription:     sarifText{Text: rl.Summary},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifText{Text: help},
		DefaultConfiguration: sarifRuleConf{Level: SARIFLevel(rl.Severity), Enabled: rl.On()},
	}
}

func sarifResultOf(lang string, f FileResult, x checks.Finding, ruleIndex int) sarifResult {
	msg := x.Message
	if isPaged(f.Format) {
		// GitHub cannot show a PDF or DOCX at a line, so the reader needs the
		// page and the claim in the message itself.
		msg = where(lang, f.Format, x) + ": " + x.Message
		if x.Claim != "" {
			msg += " — " + oneLine(x.Claim)
		}
	}
	if x.Expected != "" && !strings.Contains(msg, x.Expected) {
		msg += " (expected " + x.Expected + ")"
	}
	return sarifResult{
		RuleID:    x.Rule,
		RuleIndex: ruleIndex,
		Level:     SARIFLevel(x.Severity),
		Message:   sarifText{Text: msg},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: artifact(f.Path),
			Region:           region(x),
		}}},
	}
}

// region clamps positions to what SARIF allows (1-based, end not before start).
func region(x checks.Finding) *sarifRegion {
	g := &sarifRegion{StartLine: max(x.Line, 1), StartColumn: max(x.Column, 1), EndLine: x.EndLine, EndColumn: x.EndColumn}
	if g.EndLine < g.StartLine {
		g.EndLine = g.StartLine
	}
	if g.EndLine == g.StartLine && g.EndColumn <= g.StartColumn {
		g.EndColumn = g.StartColumn + 1
	}
	return g
}

// artifact makes a URI reference: relative paths stay relative to the
// checkout root (%SRCROOT%), as GitHub expects; absolute ones become file URIs.
func artifact(p string) sarifArtifact {
	p = filepath.ToSlash(p)
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
	return sarifArtifact{URI: (&url.URL{Path: p}).EscapedPath(), URIBaseID: "%SRCROOT%"}
}

// SARIFLevel maps budgetlint severities to SARIF levels (info is "note").
func SARIFLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

func isPaged(format string) bool { return format == "pdf" || format == "docx" || format == "xlsx" }

// Where says where a finding is in words a reader of a PDF, DOCX or
// workbook can follow: the page when the reader knows pages (a workbook's
// sheet tab and row), else the paragraph number (a DOCX without rendered
// page breaks).
func Where(format string, x checks.Finding) string {
	switch {
	case x.Page > 0 && format == "xlsx":
		return fmt.Sprintf("sheet %d, row %d", x.Page, x.Line)
	case x.Page > 0:
		return fmt.Sprintf("page %d, line %d", x.Page, x.Line)
	case format == "docx":
		return fmt.Sprintf("paragraph %d", x.Line)
	}
	return fmt.Sprintf("line %d", x.Line)
}
