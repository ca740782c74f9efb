package output

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCSVBOMHeaderAndRows(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, CSV(&buf, testRun(t)))
	out := buf.String()
	require.True(t, strings.HasPrefix(out, "\ufeffpath,format,page,line,"), "BOM then header: %q", out[:min(40, len(out))])

	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+4, "header, 3 findings, 1 unreadable file")
	assert.Equal(t, csvHeader, recs[0])
	col := func(name string) int {
		for i, h := range csvHeader {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	tests := []struct {
		row          int
		path, rule   string
		page, claim  string
		sev, message string
	}{
		{1, "a/panzhihua, 2024: final.txt", "share", "", "'=基本支出154.25万元， 占99.35%", "error", "share stated 99.35%, figures give 97.87%"},
		{2, "b/report.pdf", "placeholder", "3", "比上年增加/减少", "warning", "template leftover 增加/减少"},
		{4, "c/broken.docx", "", "", "", "error", "cannot read: not a zip archive"},
	}
	for _, tt := range tests {
		r := recs[tt.row]
		assert.Equal(t, tt.path, r[col("path")])
		assert.Equal(t, tt.rule, r[col("rule")])
		assert.Equal(t, tt.page, r[col("page")])
		assert.Equal(t, tt.claim, r[col("claim")], "claim on one line, formula defused")
		assert.Equal(t, tt.sev, r[col("severity")])
		assert.Equal(t, tt.message, r[col("message")])
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	tests := map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "@x": "'@x", "-3.5%": "-3.5%", "-x": "'-x",
		"基本支出": "基本支出", "": "",
	}
	for in, want := range tests {
		assert.Equal(t, want, cell(in), in)
	}
}
