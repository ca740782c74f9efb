package tables

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/parser/doc"
)

// LinkGrids prepares the grids a reader built (HTML tables) for
// recognition, from the document around them:
//
//   - a government site puts a table's title and its 单位：万元 line in
//     paragraphs before the <table>, not in a <caption>; without them the
//     grid is not recognised and its figures are read in 元;
//   - a 注：本表无数据 paragraph after the table marks it empty;
//   - every cell gets the block the builder made of its text, so a finding
//     on a row points at its line like a finding on a PDF table does.
//
// Tables read from lines (text, PDF) have their lines already and are
// left alone, as are grids whose cells cannot be matched to the blocks in
// order (a page laid out in a table, whose cells became paragraphs).
func LinkGrids(d *doc.Document) {
	cur := 0
	for _, t := range d.Tables {
		if t.FirstLine > 0 || t.LastLine > 0 || hasRoles(t) {
			continue // read from lines
		}
		first, last, ok := matchCells(d.Blocks, cur, t)
		if !ok {
			continue
		}
		cur = last + 1
		around(d.Blocks, first, last, t)
	}
}

func hasRoles(t *doc.Table) bool {
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Role != "" || c.Block != nil {
				return true
			}
		}
	}
	return false
}

// matchCells finds the table's cells among the table-cell blocks from
// index from on: the first non-empty cell where it first occurs, and
// every following non-empty cell in the next table-cell block. Only a
// complete match links the cells; the index range of the table's blocks
// is returned.
func matchCells(blocks []*doc.Block, from int, t *doc.Table) (int, int, bool) {
	var cells []*doc.Cell
	for _, row := range t.Rows {
		for _, c := range row {
			if cellKey(c.Text) != "" {
				cells = append(cells, c)
			}
		}
	}
	if len(cells) == 0 {
		return 0, 0, false
	}
	key0 := cellKey(cells[0].Text)
	for start := from; start < len(blocks); start++ {
		b := blocks[start]
		if b.Kind != doc.KindTableCell || cellKey(b.Text) != key0 {
			continue
		}
		found := make([]*doc.Block, 0, len(cells))
		j := start
		for _, c := range cells {
			// skip what the builder made of text between cells that is no
			// cell of this grid (a caption, a note written inside <table>)
			for j < len(blocks) && blocks[j].Kind != doc.KindTableCell {
				j++
			}
			if j >= len(blocks) || cellKey(blocks[j].Text) != cellKey(c.Text) {
				break
			}
			found = append(found, blocks[j])
			j++
		}
		if len(found) < len(cells) {
			// the same text may start another table first; a grid whose
			// cells diverge here is tried at its next occurrence
			continue
		}
		for i, c := range cells {
			c.Block = found[i]
		}
		return start, j - 1, true
	}
	return 0, 0, false
}

// cellKey compares a cell's text with its block's: the builder folds
// full-width forms and drops spaces ("项 目" → "项目", "单位：" → "单位:"),
// so only letters, digits and CJK are compared.
func cellKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0 // full-width ASCII
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// around reads the title and unit from the short paragraphs just before a
// grid (blocks[first] is its first cell block) and its notes from the
// paragraphs right after it (blocks[last] is its last).
func around(blocks []*doc.Block, first, last int, t *doc.Table) {
	if t.Page == 0 {
		t.Page = int(blocks[first].Page)
	}
	// back from the table: the unit line and the title, within three short
	// paragraphs and not past another table
	for i, n := first-1, 0; i >= 0 && n < 3; i-- {
		b := blocks[i]
		if b.Kind == doc.KindTableCell {
			break
		}
		n++
		text := strings.TrimSpace(b.Text)
		if m := unitAnyRe.FindStringSubmatch(text); m != nil && t.Unit == "" {
			t.Unit = m[1]
		}
		if t.Title != "" {
			break
		}
		f := Fold(unitAnyRe.ReplaceAllString(text, ""))
		if utf8.RuneCountInString(f) > 60 || strings.ContainsAny(f, "。；，,") {
			break // a sentence: the narrative before the table
		}
		if std, _ := MatchTitle(f); std != nil {
			t.Title = strings.TrimSpace(unitAnyRe.ReplaceAllString(text, ""))
			break
		}
	}
	// the unit may be the last cell of the first row instead
	if t.Unit == "" && len(t.Rows) > 0 {
		for _, c := range t.Rows[0] {
			if m := unitAnyRe.FindStringSubmatch(c.Text); m != nil {
				t.Unit = m[1]
			}
		}
	}
	for i := last + 1; i < len(blocks) && i <= last+2; i++ {
		b := blocks[i]
		f := Fold(b.Text)
		if b.Kind == doc.KindTableCell || !(strings.HasPrefix(f, "注") || strings.HasPrefix(f, "说明") || strings.HasPrefix(f, "备注")) {
			break
		}
		t.Notes = append(t.Notes, strings.TrimSpace(b.Text))
		if (strings.Contains(f, "本表无数据") || strings.Contains(f, "本表为空")) && !conditionalNote(f) {
			t.Empty = true
		}
	}
}
