package checks

import (
	"fmt"
	"strings"

	"github.com/budgetlint/budgetlint/parser/num"

	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-hierarchy: in a coded table whose template says so (* = Σ
// children, 合计 = Σ classes) every parent row is the sum of its children,
// column by column: 合计 = Σ 类, 类 = Σ its 款, 款 = Σ its 项 (function codes
// 201 > 20101 > 2010101), and an economic class the sum of its items (301 =
// Σ 301xx). Only the next level down is added, so 项 rows are never counted
// into a 类 twice.
func init() {
	RegisterTests("table-hierarchy", map[string]Test{"rows": func(c *Context) { replay(c, ruleHierarchy) }}, Options{Sheets: true, Vars: []string{"stated", "expected", "column", "parts", "row", "table", "context", "claim", "identity"}})
}

// hierRun collects one table's results before they are reported.
type hierRun struct {
	parents, failed int
	found           []pendingFinding
}

type pendingFinding struct {
	row  *tables.Row
	vars Vars
}

// tally counts table identities checked and skipped: a rule's Context, or
// a scratch Units for a dry run that judges how well a table was read.
type tally interface {
	TableChecked()
	TableSkipped(reason string)
}

func hierarchySheet(c tally, s *tables.Sheet, h *hierRun) {
	children, total := hierarchyDeclared(s)
	if !children && total == "" {
		return
	}
	{
		rows := map[string]*tables.Row{}
		var coded []*tables.Row
		for _, r := range s.Rows {
			if r.Code == "" {
				continue
			}
			if _, dup := rows[r.Code]; dup {
				continue // a row repeated on a continued page
			}
			rows[r.Code] = r
			coded = append(coded, r)
		}
		if len(coded) == 0 && children && s.Std.Layout == tables.LayoutRows {
			numberedHierarchy(c, s, h)
			return
		}
		orphans := map[string]bool{} // parents whose children lack their own parent row
		for _, r := range coded {
			if len(r.Code) == 7 && rows[r.Code[:5]] == nil {
				orphans[r.Code[:3]] = true
				orphans[""] = true
			}
			if len(r.Code) == 5 && rows[r.Code[:3]] == nil {
				orphans[""] = true
			}
		}
		for _, parent := range coded {
			if len(parent.Code) == 7 || !children {
				continue
			}
			var kids []*tables.Row
			for _, k := range coded {
				if len(k.Code) == len(parent.Code)+2 && k.Code[:len(parent.Code)] == parent.Code {
					kids = append(kids, k)
				}
			}
			if len(kids) == 0 {
				continue
			}
			if orphans[parent.Code] {
				c.TableSkipped("table row hierarchy: a child row is missing")
				continue
			}
			checkParent(c, s, parent, kids, h)
		}
		if total != "" {
			if tot := s.Find(total, 0); tot != nil {
				var classes []*tables.Row
				for _, r := range coded {
					if len(r.Code) == 3 {
						classes = append(classes, r)
					}
				}
				switch {
				case len(classes) == 0:
				case orphans[""]:
					c.TableSkipped("table row hierarchy: a class row is missing")
				default:
					checkParent(c, s, tot, classes, h)
				}
			}
		}
	}
}

// checkParent compares a parent row with the sum of its children in every
// column where all of them are placed.
func checkParent(c tally, s *tables.Sheet, parent *tables.Row, kids []*tables.Row, h *hierRun) {
	checkParentAs(c, s, parent, kids, h, !s.Std.PartialChildren)
}

// numberedHierarchy checks the rows of a table without codes, nested by
// their numbering (一、 over （一） over rows with none). A government
// table may list only the main items under a heading, so the children are
// taken as all of it only when one of them is the rest (其他…); otherwise
// only children that add up to more than their parent contradict it.
func numberedHierarchy(c tally, s *tables.Sheet, h *hierRun) {
	known := s.IndentKnown()
	for i, p := range s.Rows {
		// the readings of the rows below a heading: one level under a
		// numbered heading; nested by how far their names are indented;
		// every deeper row. Indents may be alignment, not nesting (short
		// names centred), so a heading holds when one reading holds.
		numbered := tables.Level(p.Name) <= 4
		readings := [][]*tables.Row{s.NumberedChildren(i, tables.ByNumber)}
		switch {
		case known:
			readings = [][]*tables.Row{s.NumberedChildren(i, tables.ByIndent), readings[0], s.NumberedChildren(i, tables.AllBelow)}
		case !numbered:
			continue // nesting of unnumbered rows is read from indents only
		}
		if !numbered && len(readings[0]) < 2 {
			// a name indented under another is not its part on that alone
			continue
		}
		var first []*tables.Row
		held := false
		for _, kids := range readings {
			if len(kids) == 0 {
				continue
			}
			if first == nil {
				first = kids
			}
			if parentHolds(s, p, kids, whole(s, kids)) {
				held = true
				break
			}
		}
		switch {
		case first == nil:
		case held:
			h.parents++
			c.TableChecked()
		case !known && !allNumbered(first):
			// unnumbered rows whose indentation is unknown may be two
			// levels (款 and its 项): their sum is no reading of the parent
			c.TableSkipped("table row hierarchy: nesting of unnumbered rows not known")
		default:
			checkParentAs(c, s, p, first, h, whole(s, first))
		}
	}
}

// whole reports children that are all of their parent: a template that
// lists every row, and a last row that is the rest (其他…).
func whole(s *tables.Sheet, kids []*tables.Row) bool {
	if s.Std.PartialChildren || len(kids) < 2 {
		return false
	}
	for _, k := range kids {
		if strings.HasPrefix(tables.StripEnum(tables.Fold(k.Name)), "其他") {
			return true
		}
	}
	return false
}

// parentHolds is checkParentAs without recording: every column where the
// figures are placed is consistent with the children.
func parentHolds(s *tables.Sheet, parent *tables.Row, kids []*tables.Row, whole bool) bool {
	h := &hierRun{}
	checkParentAs(&Units{}, s, parent, kids, h, whole)
	return h.failed == 0
}

// checkParentAs compares a parent row with the sum of its children in
// every figure column (rates are not added) where all of them are placed;
// when the children need not be all of the parent (whole false) only a
// sum above the parent is a contradiction.
func checkParentAs(c tally, s *tables.Sheet, parent *tables.Row, kids []*tables.Row, h *hierRun, whole bool) {
	h.parents++
	failed, unplaced := false, false
	defer func() {
		if failed {
			h.failed++
		}
		if unplaced {
			c.TableSkipped("table row hierarchy: some columns not placed (blank cells lost in text)")
		}
	}()
	for col := range parent.Vals {
		if s.IsRate(parent.Group, col) {
			continue
		}
		pv := parent.Vals[col]
		parts := make([]*tables.Value, len(kids))
		for i, k := range kids {
			if col < len(k.Vals) {
				parts[i] = k.Vals[col]
			}
		}
		sum, ok := sumValues(parts)
		if pv == nil || !ok {
			unplaced = true
			continue
		}
		if allBlank(parts) && !pv.Blank {
			// the column is given for the parent only (a budget set by 款,
			// spent by 项): its rows break down the other columns
			c.TableSkipped("table row hierarchy: the rows below leave this column blank")
			continue
		}
		if belowLargest(pv, parts) {
			c.TableSkipped("table reading failed: total below its largest item")
			failed = true
			continue
		}
		c.TableChecked()
		if pv.Interval().Meets(sum) || !whole && (!pv.Interval().Below(sum) || prefixMeets(pv, parts)) {
			continue
		}
		label := parent.Code
		if label == "" {
			label = parent.Name
		}
		failed = true
		h.found = append(h.found, pendingFinding{parent, Vars{
			"table":    tableName(s),
			"row":      label,
			"column":   columnName(s, parent.Group, col),
			"stated":   figure(pv),
			"expected": show(sum, pv),
			"parts":    partList(parts, nil),
			"context":  fmt.Sprintf("%d rows below %s", len(kids), label),
		}})
	}
}

// hierarchyDeclared reads the template's hierarchy identities: every
// parent = Σ its children, and the label of the row that is Σ the classes.
func hierarchyDeclared(s *tables.Sheet) (children bool, total string) {
	header := foldedHeader(s)
	for _, id := range s.Std.ColumnIdentities {
		if !hierarchyIdentity(id) || !id.Applies(s.T.Kind, header) {
			continue
		}
		if id.Expr.Right[0][0].Sum == "children" {
			children = true
		} else {
			total = id.Expr.Left.Ref.Row
		}
	}
	return children, total
}

// columnName names a column for messages: its declared name, or its number.
func columnName(s *tables.Sheet, g, col int) string {
	if name := s.ColumnName(g, col); name != "" {
		return name
	}
	return fmt.Sprintf("column %d", col+1)
}

func allBlank(vs []*tables.Value) bool {
	for _, v := range vs {
		if !v.Blank {
			return false
		}
	}
	return true
}

// prefixMeets reports rows that, taken from the first, add up to the
// parent at some point: the rows after belong to a parent the table left
// out (其他公共安全支出(款) missing above its 项), not to this one.
func prefixMeets(pv *tables.Value, parts []*tables.Value) bool {
	sum := num.Int(0)
	for _, v := range parts[:len(parts)-1] {
		sum = sum.Add(v.Interval())
		if pv.Interval().Meets(sum) {
			return true
		}
	}
	return false
}

// allNumbered: rows whose nesting their numbering says ((一)(二)…).
func allNumbered(rows []*tables.Row) bool {
	for _, r := range rows {
		if tables.Level(r.Name) > 4 {
			return false
		}
	}
	return true
}
