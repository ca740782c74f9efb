package tables

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/textfile"
)

func readRaw(t testing.TB, path string) *doc.Raw {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	raw, err := textfile.Read(data)
	require.NoError(t, err)
	return raw
}

func fixture(t testing.TB, name string) []*doc.Table {
	return Detect(readRaw(t, filepath.Join("..", "..", "testdata", "tables", name)))
}

func rowText(r []*doc.Cell) string {
	var parts []string
	for _, c := range r {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, " ")
}

func TestDetectSthjAllNine(t *testing.T) {
	ts := fixture(t, "sthj-2025-final-tables.txt")
	var names []string
	for _, tb := range ts {
		names = append(names, tb.Standard)
		assert.Equal(t, "final", tb.Kind, tb.Title)
		assert.Equal(t, "万元", tb.Unit, tb.Title)
	}
	assert.Equal(t, []string{Summary, Income, Expenditure, FiscalSum, GeneralExp, BasicExp, SanGong, GovFund, StateCap}, names)
	assert.True(t, ts[7].Empty, "本表无数据 marks the fund table empty")
	assert.False(t, ts[0].Empty)

	// side by side: a label's value is in its own half
	first := ts[0].Rows[0]
	assert.Equal(t, "一、一般公共预算财政拨款收入 4,733.14 一、一般公共服务支出 0.00", rowText(first))
	assert.EqualValues(t, 0, first[1].Group)
	assert.EqualValues(t, 1, first[2].Group)
	// a right-only row goes to the right half
	nine := ts[0].Rows[8]
	assert.Equal(t, "九、卫生健康支出 109.34", rowText(nine))
	assert.EqualValues(t, 1, nine[0].Group)

	// a code alone on its line, its name garbled on the next, figures after
	var found bool
	for _, r := range ts[4].Rows {
		if r[0].Text == "2080506" {
			found = true
			assert.Equal(t, "116.59", r[len(r)-3].Text)
			assert.Equal(t, "value", r[len(r)-1].Role)
		}
	}
	assert.True(t, found)

	// split 类/款 economic codes: 301 01 is code 30101, not the amount 1
	basic := ts[5].Rows[1]
	assert.Equal(t, "30101 基本工资 405.36 30201 办公费 92.11", rowText(basic))
	assert.Equal(t, "code", basic[0].Role)
}

func TestDetectSkipsContents(t *testing.T) {
	raw := readRaw(t, filepath.Join("..", "..", "testdata", "tables", "sthj-2025-final-tables.txt"))
	toc := "目 录\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n"
	raw2, err := textfile.Read([]byte(toc))
	require.NoError(t, err)
	assert.Empty(t, Detect(raw2), "contents entries are not tables")
	assert.NotEmpty(t, Detect(raw))
}

func TestDetectPositions(t *testing.T) {
	raw := readRaw(t, filepath.Join("..", "..", "testdata", "tables", "sthj-2025-final-tables.txt"))
	ts := Detect(raw)
	src := doc.NewSource(raw.Source, raw.PageLines)
	c := ts[0].Rows[0][1]
	s, e := c.Block.SourceSpan(0, c.Block.RuneLen())
	assert.Equal(t, "4,733.14", src.Slice(s, e))
	assert.Equal(t, 8, src.Position(s).Line)
	assert.Equal(t, 3, ts[0].FirstLine)
	assert.Greater(t, ts[0].LastLine, 30)
}

// Every Putuo page text of the corpus has all nine tables.
func TestDetectPutuoCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "docs")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("shared corpus absent")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "sh-putuo-*-pages.txt"))
	require.NotEmpty(t, files)
	for _, f := range files {
		ts := Detect(readRaw(t, f))
		seen := map[string]bool{}
		for _, tb := range ts {
			seen[tb.Standard] = true
		}
		assert.Len(t, seen, 9, filepath.Base(f))
	}
}

func FuzzDetect(f *testing.F) {
	for _, name := range []string{"sthj-2025-final-tables.txt", "yichuan-2025-basic-sangong.txt", "yichuan-2025-summary.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tables", name))
		if err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("收入决算表\n单位：万元\n301\n\f208 01 01 1.00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		raw, err := textfile.Read(data)
		if err != nil {
			return
		}
		for _, tb := range Detect(raw) {
			if tb.FirstLine > tb.LastLine {
				t.Fatalf("first line %d after last %d", tb.FirstLine, tb.LastLine)
			}
			var b strings.Builder
			_ = Print(&b, []*doc.Table{tb})
			View(tb)
		}
	})
}

func TestTitlesOfOtherTables(t *testing.T) {
	// government tables are not a department's 支出决算表 / 收入决算表
	for _, title := range []string{"2023年山东省一般公共预算支出决算表", "§2 2021年省本级一般公共预算支出决算表", "社会保险基金预算收入决算表"} {
		std, _ := MatchTitle(title)
		assert.True(t, std == nil || std.Government(), title)
	}
	for title, want := range map[string]string{
		"上海市普陀区生态环境局2025年度收入决算表":  Income,
		"2025年部门收入预算总表":           Income,
		"2025年部门“三公”经费和机关运行经费预算表": SanGong,
		"一般公共预算财政拨款支出决算表":         GeneralExp,
	} {
		std, _ := MatchTitle(title)
		require.NotNil(t, std, title)
		assert.Equal(t, want, std.Name, title)
	}
}

// A government report's "三公" table lists departments, one row each: not
// the department table, so not checked as one.
func TestConfirmRejectsOtherLayouts(t *testing.T) {
	text := "财政拨款“三公”经费支出决算表\n单位：万元\n因公出国（境）费 公务接待费\n甲局 1.00 2.00 3.00\n乙局 4.00 5.00 6.00\n"
	raw, err := textfile.Read([]byte(text))
	require.NoError(t, err)
	ts := Detect(raw)
	require.Len(t, ts, 1)
	assert.Equal(t, "", ts[0].Standard)
	assert.Nil(t, View(ts[0]))
}

// Some reports print their tables in full-width forms (４，７３３．１４,
// ７９．４％): the tables read the same as in ASCII, every row and cell.
func TestDetectFullWidthFigures(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tables", "sthj-2025-final-tables.txt"))
	require.NoError(t, err)
	rs := []rune(string(data))
	isDigit := func(i int) bool { return i >= 0 && i < len(rs) && rs[i] >= '0' && rs[i] <= '9' }
	wide := make([]rune, len(rs))
	for i, r := range rs {
		wide[i] = r
		if isDigit(i) || r == '%' || ((r == '.' || r == ',') && isDigit(i-1) && isDigit(i+1)) {
			wide[i] = r + 0xFF01 - 0x21
		}
	}
	ascii := Detect(readRaw(t, filepath.Join("..", "..", "testdata", "tables", "sthj-2025-final-tables.txt")))
	rawWide, err := textfile.Read([]byte(string(wide)))
	require.NoError(t, err)
	full := Detect(rawWide)
	require.Len(t, full, len(ascii))
	for i := range ascii {
		assert.Equal(t, ascii[i].Standard, full[i].Standard)
		require.Len(t, full[i].Rows, len(ascii[i].Rows), ascii[i].Title)
		for j := range ascii[i].Rows {
			assert.Equal(t, rowText(ascii[i].Rows[j]), rowText(full[i].Rows[j]), "%s row %d", ascii[i].Title, j)
		}
	}
	assert.Equal(t, "一、一般公共预算财政拨款收入 4,733.14 一、一般公共服务支出 0.00", rowText(full[0].Rows[0]))
}
