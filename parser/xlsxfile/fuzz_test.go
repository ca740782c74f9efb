package xlsxfile_test

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
)

// FuzzReadXLSX checks that no input panics (the reader recovers excelize's
// panics, so one that escapes is the reader's own) and that what is read
// holds together: every line is the source's text at its positions, and
// every table cell's block points at its own text on its sheet's page.
func FuzzReadXLSX(f *testing.F) {
	f.Add(fixture(f, nil))
	f.Add(fixture(f, func(ef *excelize.File, sheet string) {
		_ = ef.SetRowVisible(sheet, 8, false)
		_ = ef.SetColVisible(sheet, "B", false)
		_ = ef.MergeCell(sheet, "C10", "E12")
		_, _ = ef.NewSheet("目录")
		_ = ef.SetCellValue("目录", "A1", "目录\n表一")
	}))
	data := fixture(f, nil)
	f.Add(data[:len(data)-100])
	f.Fuzz(func(t *testing.T, data []byte) {
		raw, err := xlsxfile.Read(data)
		if err != nil {
			return
		}
		src := []rune(raw.Source)
		for _, l := range raw.Lines {
			if err := at(src, l.Text, l.Pos.Ints()); err != nil {
				t.Fatalf("line %q: %v", l.Text, err)
			}
			if l.Text == "" {
				t.Fatal("empty line emitted")
			}
		}
		s := doc.NewSource(raw.Source, true)
		for _, tb := range raw.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if c.Block == nil {
						continue
					}
					if err := at(src, c.Block.Raw, c.Block.SrcAt.Ints()); err != nil {
						t.Fatalf("cell %q: %v", c.Text, err)
					}
					if p := s.Position(c.Block.SrcAt.At(0)); p.Page != tb.Page {
						t.Fatalf("cell %q on page %d of a table on page %d", c.Text, p.Page, tb.Page)
					}
				}
			}
		}
	})
}

// at checks that text stands in src at pos, rune for rune.
func at(src []rune, text string, pos []int) error {
	rs := []rune(text)
	if len(rs) != len(pos) {
		return fmt.Errorf("%d runes, %d positions", len(rs), len(pos))
	}
	for i, p := range pos {
		if p < 0 || p >= len(src) || src[p] != rs[i] {
			return fmt.Errorf("rune %d not at source offset %d", i, p)
		}
	}
	return nil
}
