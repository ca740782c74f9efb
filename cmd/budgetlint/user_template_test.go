package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A province prints a table no pack knows; its bureau describes it in its
// own rule file — title, header words, identities — and budgetlint reads
// and checks it with no Go written.
const provinceTemplate = `tables:
  templates:
    - id: x-livelihood
      name: 民生实事支出执行情况表
      scope: government
      layout: rows
      titles:
        execution: [民生实事支出执行情况表]
      header_columns:
        - {name: 年初预算, words: [年初预算]}
        - {name: 完成数, words: [完成数]}
        - {name: 完成率%, words: [完成率]}
      row_identities:
        - 完成率% = ratio(完成数, 年初预算)
      column_identities:
        - 合计 = Σ items
`

const provinceReport = `2025年某某省民生实事支出执行情况表
单位：万元
项目 年初预算 完成数 完成率%
一、教育 1200 1180 98.3
二、医疗 800 812 110.5
三、养老 600 594 99.0
合计 2600 2596 99.8
`

func TestUserTemplateChecked(t *testing.T) {
	dir := t.TempDir()
	rules := writeFile(t, filepath.Join(dir, "province.yaml"), provinceTemplate)
	report := writeFile(t, filepath.Join(dir, "report.txt"), provinceReport)

	var out, errb bytes.Buffer
	code := run([]string{"check", "--no-config", "--lang", "en", "--rules", rules, report}, &out, &errb)
	require.Equal(t, exitFindings, code, errb.String())
	s := out.String()
	// the row identity: 812 / 800 is 101.5%, not 110.5%
	assert.Contains(t, s, "report.txt:5:1: error: 民生实事支出执行情况表: 二、医疗: 完成率% = 完成数 / 年初预算: stated 110.5, figures give 101.5 (812 / 800) [table-columns]")
	// the column identity: the numbered items add up to 2586, not 2596
	assert.Contains(t, s, "合计 = Σ items: stated 2596, figures give 2586 (1180 + 812 + 594)")

	// without the user's file the table is no template's: nothing checked
	out.Reset()
	code = run([]string{"check", "--no-config", "--lang", "en", report}, &out, &errb)
	assert.Equal(t, exitOK, code, out.String())
	assert.NotContains(t, out.String(), "[table-columns]")
}
