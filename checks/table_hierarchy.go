package checks

import (
	"fmt"

	"github.com/budgetlint/budgetlint/parser/tables"
)

// table-hierarchy: in a coded table whose template says so (* = Σ
// children, 合计 = Σ classes) every parent row is the sum of its children,
// column by column: 合计 = Σ 类, 类 = Σ its 款, 款 = Σ its 项 (function codes
// 201 > 20101 > 2010101), and an economic class the sum of its items (301 =
// Σ 301xx). Only the next level down is added, so 项 rows are never counted
// into a 类 twice.
func init() {
	RegisterTests("table-hierarchy", map[string]Test{"rows": func(c *Context) { replay(c, ruleHierarchy) }}, Options{Vars: []string{"stated", "expected", "column", "parts", "row", "table", "context", "claim", "identity"}})
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
		if belowLargest(pv, parts) {
			c.TableSkipped("table reading failed: total below its largest item")
			failed = true
			continue
		}
		c.TableChecked()
		if pv.Interval().Meets(sum) {
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
