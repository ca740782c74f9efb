package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// workbook is a department's 一般公共预算财政拨款支出决算表 on its second
// sheet (a contents sheet comes first), with 2010101's 合计 typed wrong.
func workbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "目录"))
	require.NoError(t, f.SetCellValue("目录", "A1", "公开07表 一般公共预算财政拨款支出决算表"))
	_, err := f.NewSheet("公开07表")
	require.NoError(t, err)
	rows := [][]any{
		{"一般公共预算财政拨款支出决算表"},
		{"公开07表", "", "", "", "单位：万元"},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		{"", "合计", 312.5, 212.5, 100},
		{"201", "一般公共服务支出", 312.5, 212.5, 100},
		{"20101", "人大事务", 312.5, 212.5, 100},
		{"2010101", "行政运行", 221.5, 212.5, 0},
		{"2010104", "人大会议", 100, 0, 100},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("公开07表", cell, &r))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

// TestWorkbooks: an .xlsx (or .xlsm) is checked, its finding placed at
// sheet and row;
// a damaged one is named with the reason and makes the exit code say so; a
// legacy .xls is listed as not checked, with what to do.
func TestWorkbooks(t *testing.T) {
	dir := t.TempDir()
	good := workbook(t)
	writeFile(t, filepath.Join(dir, "决算.xlsx"), string(good))
	writeFile(t, filepath.Join(dir, "宏.xlsm"), string(good)) // macros are not read, the sheets are
	writeFile(t, filepath.Join(dir, "截断.xlsx"), string(good[:len(good)/2]))
	writeFile(t, filepath.Join(dir, "旧表.xls"), "\xd0\xcf\x11\xe0 legacy")

	code, text, stderr := runCLI(t, "check", "--no-config", "--lang", "en", filepath.Join(dir, "决算.xlsx"))
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, text, filepath.Join(dir, "决算.xlsx")+":2:7:1: error: ")
	assert.Contains(t, text, "2010101: 合计 = Σ 其余各列: stated 221.5, figures give 212.5")

	code, text, stderr = runCLI(t, "check", "--no-config", "--lang", "en", dir)
	assert.Equal(t, exitTrouble, code, stderr)
	assert.Contains(t, text, filepath.Join(dir, "截断.xlsx")+": error: cannot read: not an XLSX file (not a zip archive")
	assert.Contains(t, text, filepath.Join(dir, "旧表.xls")+": not checked: legacy .xls is not read: save it as .xlsx")
	assert.Contains(t, text, filepath.Join(dir, "宏.xlsm")+":2:7:1: error: ")
	assert.Contains(t, text, "4 files (1 unreadable, 1 not checked)")
}
