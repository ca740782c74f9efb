package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// extract --tables on a real Putuo final-accounts PDF prints all nine
// standard tables by name and page, with their figures as read.
func TestExtractTablesPutuoPDF(t *testing.T) {
	f := filepath.Join("..", "..", "..", "shared", "corpus", "docs", "sh-putuo-ghzy-2024-final.pdf")
	if _, err := os.Stat(f); err != nil {
		t.Skip("shared corpus absent")
	}
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"extract", "--tables", f}, &out, &errb), errb.String())
	var heads []string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "# table: ") {
			heads = append(heads, l)
		}
	}
	require.Equal(t, []string{
		"# table: 收入支出决算总表 (page 7) [final, 单位：万元]",
		"# table: 收入决算表 (page 8) [final, 单位：万元]",
		"# table: 支出决算表 (page 10) [final, 单位：万元]",
		"# table: 财政拨款收入支出决算总表 (page 12) [final, 单位：万元]",
		"# table: 一般公共预算财政拨款支出决算表 (page 14) [final, 单位：万元]",
		"# table: 一般公共预算财政拨款基本支出决算表 (page 16) [final, 单位：万元]",
		"# table: 财政拨款“三公”经费支出决算表 (page 17) [final, 单位：万元]",
		"# table: 政府性基金预算财政拨款收入支出决算表 (page 18) [final, 单位：万元, 本表无数据]",
		"# table: 国有资本经营预算财政拨款收入支出决算表 (page 19) [final, 单位：万元, 本表无数据]",
	}, heads)
	// a side-by-side row keeps both halves and their figures
	require.Contains(t, out.String(), "本年收入合计\t9746.50\t|\t本年支出合计\t9759.38\n")
	require.NotContains(t, out.String(), "\f", "tables only, not the page text")
}

func TestExtractTablesText(t *testing.T) {
	dir := t.TempDir()
	p := dir + "/r.txt"
	writeFile(t, p, "一、收入决算情况说明\n本年收入合计 4733.14 万元。\n")
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"extract", "--tables", p}, &out, &errb), errb.String())
	require.Empty(t, out.String(), "a narrative without tables prints nothing")
}
