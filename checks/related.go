package checks

import (
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// Related places a finding points to, so that a reader sees both sides of a
// contradiction: the table row a sentence disagrees with, the whole a share
// is taken of. Each is nil when the place cannot be located in the source
// (a row read from an HTML grid without cell blocks, a figure without one).

// relatedRow is the place of table row r.
func relatedRow(c *Context, r *tables.Row, note string) []Place {
	if r == nil {
		return nil
	}
	b := rowBlock(r)
	if b == nil || b.RuneLen() == 0 {
		return nil
	}
	p := c.Place(b, 0, b.RuneLen())
	p.Note = note
	return []Place{p}
}

// relatedFigure is the place of figure f, unless it lies within the span
// [start,end) of block claim, where the finding itself points already.
func relatedFigure(c *Context, f *claims.Figure, note string, sp claims.Span) []Place {
	if f == nil || f.Block == nil || f.Block.RawAt.Len() == 0 {
		return nil
	}
	if f.Block == sp.Block && f.Start >= sp.Start && f.End <= sp.End {
		return nil
	}
	p := c.Place(f.Block, f.Start, f.End)
	p.Note = note
	return []Place{p}
}
