package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTableCompleteness(t *testing.T) {
	orig := fixtureText(t, "sthj-2025-final-tables.txt")
	toc := "目 录\n七、财政拨款“三公”经费支出决算表\n八、政府性基金预算财政拨款收入支出决算表\n九、国有资本经营预算财政拨款收入支出决算表\n"
	fs, _ := runTables(t, "sthj.txt", toc+orig)
	require.Empty(t, rulesOf(fs, "table-completeness"), "all nine present; the two empty ones carry 本表无数据")

	// the last table cut off: the contents entry is reported where it stands
	i := strings.Index(orig, "国有资本经营预算财政拨款收入支出决算表\n单位")
	require.Greater(t, i, 0)
	cut := orig[:i]
	fs, _ = runTables(t, "sthj.txt", toc+cut)
	m := rulesOf(fs, "table-completeness")
	require.Len(t, m, 1)
	require.Equal(t, 4, m[0].Line)
	require.Equal(t, "九、国有资本经营预算财政拨款收入支出决算表", m[0].Claim)

	// without contents: a final report with its tables must have all nine
	fs, _ = runTables(t, "sthj.txt", cut)
	m = rulesOf(fs, "table-completeness")
	require.Len(t, m, 1)
	require.Contains(t, m[0].Message, "国有资本经营预算财政拨款收入支出决算表 is missing")

	// a narrative without tables is not judged
	fs, _ = runTables(t, "x.txt", "一、收入决算情况说明\n本年收入合计 4733.14 万元。\n")
	require.Empty(t, rulesOf(fs, "table-completeness"))
}
