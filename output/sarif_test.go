package output

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
)

// TestSARIFStructure unmarshals the log into a generic tree and asserts the
// properties GitHub code scanning requires, so a renamed Go field cannot
// slip through.
func TestSARIFStructure(t *testing.T) {
	run := testRun(t)
	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, run))
	var log map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &log))

	assert.Equal(t, "2.1.0", log["version"])
	runs := log["runs"].([]any)
	require.Len(t, runs, 1)
	r0 := runs[0].(map[string]any)
	assert.Equal(t, "unicodeCodePoints", r0["columnKind"])

	driver := r0["tool"].(map[string]any)["driver"].(map[string]any)
	assert.Equal(t, "budgetlint", driver["name"])
	ruleIDs := map[string]bool{}
	for _, x := range driver["rules"].([]any) {
		rl := x.(map[string]any)
		id := rl["id"].(string)
		ruleIDs[id] = true
		for _, k := range []string{"shortDescription", "fullDescription", "help"} {
			require.Contains(t, rl, k, "rule %s", id)
			assert.NotEmpty(t, rl[k].(map[string]any)["text"], "rule %s %s", id, k)
		}
		lvl := rl["defaultConfiguration"].(map[string]any)["level"]
		assert.Contains(t, []any{"error", "warning", "note"}, lvl)
	}
	for _, rl := range run.Rules.Rules {
		assert.True(t, ruleIDs[rl.ID], "rule %s missing from tool.driver.rules", rl.ID)
	}

	results := r0["results"].([]any)
	require.Len(t, results, 3)
	levels := []string{}
	for _, x := range results {
		res := x.(map[string]any)
		assert.True(t, ruleIDs[res["ruleId"].(string)])
		levels = append(levels, res["level"].(string))
		assert.NotEmpty(t, res["message"].(map[string]any)["text"])
		locs := res["locations"].([]any)
		require.Len(t, locs, 1)
		phys := locs[0].(map[string]any)["physicalLocation"].(map[string]any)
		assert.NotEmpty(t, phys["artifactLocation"].(map[string]any)["uri"])
		reg := phys["region"].(map[string]any)
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			assert.GreaterOrEqual(t, reg[k].(float64), 1.0, k)
		}
		fp := res["partialFingerprints"].(map[string]any)
		assert.Regexp(t, `^[0-9a-f]{32}:[0-9]+$`, fp[fingerprintKey])
	}
	assert.Equal(t, []string{"error", "warning", "note"}, levels)

	first := results[0].(map[string]any)
	uri := first["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)["uri"]
	assert.Equal(t, "a/panzhihua,%202024:%20final.txt", uri, "relative URI, spaces escaped")

	// PDFs: page and claim in the message, since GitHub cannot show the line.
	pdfMsg := results[1].(map[string]any)["message"].(map[string]any)["text"].(string)
	assert.Contains(t, pdfMsg, "page 3")
	assert.Contains(t, pdfMsg, "比上年增加/减少")

	inv := r0["invocations"].([]any)[0].(map[string]any)
	assert.Equal(t, false, inv["executionSuccessful"], "an unreadable file is a failed execution")
	assert.Contains(t, buf.String(), "c/broken.docx: cannot read: not a zip archive")
}

func TestFingerprintIgnoresPositionAndSpacing(t *testing.T) {
	base := checks.Finding{Rule: "share", Line: 47, Column: 3, Claim: "基本支出154.25万元，占99.35%"}
	moved := base
	moved.Line, moved.Column = 80, 1
	moved.Claim = "基本支出 154.25 万元，\n占９９.35%" // re-wrapped, full-width digits
	tests := []struct {
		name string
		path string
		f    checks.Finding
		same bool
	}{
		{"moved and rewrapped", "a/b.txt", moved, true},
		{"path spelled differently", "./a//b.txt", base, true},
		{"other file", "a/c.txt", base, false},
		{"other rule", "a/b.txt", checks.Finding{Rule: "growth", Claim: base.Claim}, false},
		{"other claim", "a/b.txt", checks.Finding{Rule: "share", Claim: "占98%"}, false},
	}
	want := Fingerprint("a/b.txt", base)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fingerprint(tt.path, tt.f)
			if tt.same {
				assert.Equal(t, want, got)
			} else {
				assert.NotEqual(t, want, got)
			}
		})
	}
}
