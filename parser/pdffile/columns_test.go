package pdffile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/parser/doc"
)

func lineTexts(t *testing.T, content string) []string {
	t.Helper()
	raw, err := Read(makePDF(t, pdfSpec{content: content}))
	require.NoError(t, err)
	checkPositions(t, raw)
	var out []string
	for _, l := range raw.Lines {
		out = append(out, l.Text)
	}
	return out
}

// text draws s at (x, y) in Helvetica 10.
func text(x, y int, s string) string {
	return fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 %d %d Tm (%s) Tj ET", x, y, s)
}

func TestTwoColumns(t *testing.T) {
	var c []string
	c = append(c, text(200, 780, "A title across the whole page width here"))
	// two columns of prose on a shared baseline grid
	for i := 0; i < 6; i++ {
		y := 740 - 14*i
		c = append(c, text(72, y, fmt.Sprintf("left prose line number %d goes here", i)))
		c = append(c, text(320, y, fmt.Sprintf("right prose line number %d goes here", i)))
	}
	// a table whose rows cross the gutter stays in row order
	for i := 0; i < 3; i++ {
		y := 640 - 14*i
		c = append(c, text(72, y, fmt.Sprintf("Item %d", i)), text(250, y, "12.5"), text(420, y, "99.1"))
	}
	// then two columns again
	for i := 0; i < 4; i++ {
		y := 580 - 14*i
		c = append(c, text(72, y, fmt.Sprintf("more left words in line %d now and on", i)))
		c = append(c, text(320, y, fmt.Sprintf("more right words in line %d now and on", i)))
	}
	got := lineTexts(t, strings.Join(c, "\n"))
	want := []string{"A title across the whole page width here"}
	for i := 0; i < 6; i++ {
		want = append(want, fmt.Sprintf("left prose line number %d goes here", i))
	}
	for i := 0; i < 6; i++ {
		want = append(want, fmt.Sprintf("right prose line number %d goes here", i))
	}
	for i := 0; i < 3; i++ {
		want = append(want, fmt.Sprintf("Item %d 12.5 99.1", i))
	}
	for i := 0; i < 4; i++ {
		want = append(want, fmt.Sprintf("more left words in line %d now and on", i))
	}
	for i := 0; i < 4; i++ {
		want = append(want, fmt.Sprintf("more right words in line %d now and on", i))
	}
	assert.Equal(t, want, got)

	raw, err := Read(makePDF(t, pdfSpec{content: strings.Join(c, "\n")}))
	require.NoError(t, err)
	// the right column is not one long indent, and its first line runs on
	// from the left column's last
	assert.Zero(t, raw.Lines[8].Indent)
	assert.False(t, raw.Lines[7].Break, "top of the right column")
	assert.False(t, raw.Lines[3].Break, "a left-column line is not short")
}

// A two-column table (names left, figures right) leaves the middle of the
// page empty on every row too, but it is not prose: row order stays.
func TestTableIsNotTwoColumns(t *testing.T) {
	var c []string
	var want []string
	for i := 0; i < 10; i++ {
		y := 740 - 14*i
		c = append(c, text(72, y, fmt.Sprintf("General budget item %d", i)), text(400, y, fmt.Sprintf("%d,204.5%d", i+1, i)))
		want = append(want, fmt.Sprintf("General budget item %d %d,204.5%d", i, i+1, i))
	}
	assert.Equal(t, want, lineTexts(t, strings.Join(c, "\n")))
}

// One column of prose with short last lines is not two columns.
func TestOneColumnStays(t *testing.T) {
	var c, want []string
	for i := 0; i < 12; i++ {
		s := fmt.Sprintf("a full line of prose that runs across the page number %d", i)
		if i%4 == 3 {
			s = fmt.Sprintf("short end %d", i)
		}
		c = append(c, text(72, 740-14*i, s))
		want = append(want, s)
	}
	assert.Equal(t, want, lineTexts(t, strings.Join(c, "\n")))
}

// A narrow column of terms beside their wide explanations is a table, even
// when the terms are words: row order stays.
func TestLabelColumnIsNotTwoColumns(t *testing.T) {
	var c, want []string
	for i := 0; i < 8; i++ {
		y := 740 - 14*i
		term := fmt.Sprintf("Term number %d", i)
		def := fmt.Sprintf("the explanation of this term runs wide across the rest %d", i)
		c = append(c, text(72, y, term), text(200, y, def))
		want = append(want, term+" "+def)
	}
	assert.Equal(t, want, lineTexts(t, strings.Join(c, "\n")))
}

// A page number under the left column is still found at the page's foot.
func TestPageNumberUnderLeftColumn(t *testing.T) {
	var c []string
	for i := 0; i < 6; i++ {
		y := 740 - 14*i
		c = append(c, text(72, y, fmt.Sprintf("left prose line number %d goes here", i)))
		c = append(c, text(320, y, fmt.Sprintf("right prose line number %d goes here", i)))
	}
	c = append(c, text(72, 40, "12"))
	raw, err := Read(makePDF(t, pdfSpec{content: strings.Join(c, "\n")}))
	require.NoError(t, err)
	var roles []doc.Role
	for _, l := range raw.Lines {
		if l.Text == "12" {
			roles = append(roles, l.Role)
		}
	}
	assert.Equal(t, []doc.Role{doc.RolePageNumber}, roles)
	assert.Equal(t, "left prose line number 0 goes here", raw.Lines[0].Text)
	// it is read with its column, before the right one; its role keeps it
	// out of sentences
	assert.Equal(t, "12", raw.Lines[6].Text)
	assert.Equal(t, "right prose line number 0 goes here", raw.Lines[7].Text)
}
