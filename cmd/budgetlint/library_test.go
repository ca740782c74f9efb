package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/rules"
)

// The command and the library give the same findings for the same page:
// suppressions are part of the lint, not of the command.
func TestLibraryAndCommandAgree(t *testing.T) {
	const page = `<html><body>
<p>本年支出合计157.60万元。</p>
<!-- budgetlint-disable-next-line share-mismatch -- 表内数据四舍五入 -->
<p>基本支出154.25万元，占本年支出合计的99.35%。</p>
<!-- budgetlint-disable-next-line share-mismatch -- 四舍五入 -->
<p>项目支出3.35万元，占本年支出合计的3.13%。</p>
<p>比上年增加/减少。</p>
</body></html>
`
	path := writeFile(t, filepath.Join(t.TempDir(), "page.html"), page)

	set, err := rules.Default()
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	d, err := parser.Open(path, parser.DefaultLimits)
	require.NoError(t, err)
	lib, _ := eng.Run(d)
	require.NotEmpty(t, lib)

	var out, errb bytes.Buffer
	code := run([]string{"check", "--no-config", "--format", "json", path}, &out, &errb)
	require.Equal(t, exitFindings, code, errb.String())
	var res struct {
		Files []struct{ Findings []checks.Finding }
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	require.Len(t, res.Files, 1)
	assert.Equal(t, lib, res.Files[0].Findings)
	var ids []string
	for _, f := range lib {
		ids = append(ids, f.Rule)
	}
	assert.Contains(t, ids, "placeholder-alternatives")
	assert.NotContains(t, ids, "share-mismatch", "both wrong shares are suppressed")
}
