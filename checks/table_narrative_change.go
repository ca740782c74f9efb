package checks

import (
	"strconv"
	"strings"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/tables"
)

// A change amount of the narrative (比上年减少3108万元, 较预算数减少0.31亿元)
// against the row of its subject or item: the row's own 增减额 when it
// prints one, else the difference of the row's amounts the reference names
// (执行数 − 上年执行数 for last year, 执行数 − 预算数 for the budget). The
// amount, signed by its direction word, must meet one reading within the
// printing of both; the row is the one the sentence's current amount
// binds to (its figure is the row's), so a change of another quantity is
// never read against it.

// amountFrom is a change a row's amounts give: a − b.
type amountFrom struct{ a, b string }

// changeAmounts are the readings of a change amount by its reference:
// printed columns and differences. ok is false for a reference the
// tables cannot answer (比2020年, 比预期).
func changeAmounts(ref string, year int) (printed []string, from []amountFrom, ok bool) {
	named := 0
	if m := refYear.FindStringSubmatch(ref); m != nil {
		named, _ = strconv.Atoi(m[1])
	}
	if named != 0 && year == 0 {
		return nil, nil, false
	}
	budget := strings.Contains(ref, "预算")
	if strings.TrimSpace(ref) == "" {
		// 其中，因公出国（境）费减少412万元 after 与年初预算对比，…: a
		// comparison the paragraph named before, last year's or the budget
		p, f, _ := changeAmounts("上年", year)
		bp, bf, _ := changeAmounts("预算", year)
		return append(p, bp...), append(f, bf...), true
	}
	switch {
	case budget && (named == 0 || named == year) && !strings.Contains(ref, "上年"):
		// 较预算数减少, 比年初预算增加: this year's outturn against its budget
		if strings.Contains(ref, "调整") {
			return nil, []amountFrom{{"执行数", "调整预算数"}}, true
		}
		if strings.Contains(ref, "年初") {
			return []string{"较预算增减额"}, []amountFrom{{"执行数", "预算数"}}, true
		}
		return []string{"较预算增减额"}, []amountFrom{{"执行数", "预算数"}, {"执行数", "调整预算数"}}, true
	case budget && (named == year-1 || named == 0):
		// 比上年预算数增加: this year's budget (or outturn) against last year's
		return nil, []amountFrom{{"预算数", "上年预算数"}, {"执行数", "上年预算数"}}, true
	case !budget && (named == year-1 || named == 0 && priorYear(ref)):
		// 比上年, 较2021年决算数: against last year's outturn
		return []string{"增减额"}, []amountFrom{{"执行数", "上年执行数"}, {"预算数", "上年执行数"}, {"预算数", "上年预算数"}}, true
	}
	return nil, nil, false
}

// changeReadings reads a change amount in a bound row whose column q
// holds the sentence's current amount: the printed change, or a difference
// from that column.
func changeReadings(q tables.Quote, printed []string, from []amountFrom) []rowReading {
	var out []rowReading
	for _, col := range printed {
		if v := q.Other(col); v != nil && !v.Blank {
			at := tables.Quote{Sheet: q.Sheet, Row: q.Row, Column: col, Value: v, Scope: q.Scope, Year: q.Year}
			out = append(out, rowReading{scaled(q.Sheet, v), figure(v) + tableUnit(q.Sheet), at, false})
		}
	}
	for _, fr := range from {
		a, b := q.Other(fr.a), q.Other(fr.b)
		if fr.a != q.Column || a == nil || b == nil || a.Blank || b.Blank {
			continue
		}
		d := scaled(q.Sheet, a).Sub(scaled(q.Sheet, b))
		at := tables.Quote{Sheet: q.Sheet, Row: q.Row, Column: fr.a + " − " + fr.b, Value: a, Scope: q.Scope, Year: q.Year}
		text := show(a.Interval().Sub(b.Interval()), a) + tableUnit(q.Sheet) + " (" + figure(a) + " − " + figure(b) + ")"
		out = append(out, rowReading{d, text, at, false})
	}
	return out
}

// narrativeChange checks a change amount against its subject's row, or
// else against its item's rows.
func narrativeChange(c *Context, ix *tables.Index, ch *claims.Change) {
	if ch.Amount == nil || ch.Current == nil || ch.Comparable || ch.Annual || ch.Flat {
		return
	}
	if ch.Dir != claims.DirUp && ch.Dir != claims.DirDown || ch.Amount.Value.Sign() < 0 || !ch.Amount.Unit.IsAmount() {
		return
	}
	if otherQuantity.MatchString(sentenceBefore(ch.Amount)) {
		return
	}
	year, _ := c.Claims.Where(ch.Current)
	stated := ch.Amount.Yuan()
	if ch.Dir == claims.DirDown {
		stated = stated.Neg()
	}
	read := func(qs []tables.Quote) [][]rowReading {
		var byRow [][]rowReading
		for _, q := range qs {
			y := year
			if y == 0 {
				y = q.Year // the sentence's year unsaid: the table's
			}
			printed, from, ok := changeAmounts(ch.Ref, y)
			if !ok || q.Value == nil || q.Value.Blank || !ch.Current.Yuan().Meets(scaled(q.Sheet, q.Value)) {
				continue // a reference the table cannot answer; another quantity than the row's
			}
			if rr := changeReadings(q, printed, from); len(rr) > 0 {
				byRow = append(byRow, rr)
			}
		}
		return byRow
	}
	byRow := read(quotes(c, ix, ch.Current, []string{"执行数", "预算数"}))
	if len(byRow) == 0 {
		byRow = read(itemRows(c, ix, ch.Current))
	}
	if len(byRow) == 0 {
		return
	}
	c.TableChecked()
	for _, rr := range byRow {
		for _, r := range rr {
			if stated.Meets(r.iv) {
				c.Decided(ch)
				return
			}
		}
	}
	if len(c.run.reported[ch]) > 0 {
		return // another rule reported the claim: one defect, one finding
	}
	if !agree(byRow) {
		c.TableSkipped(skipRowsDisagree)
		c.Skip(ch, skipRowsDisagree)
		return
	}
	c.Decided(ch)
	r := byRow[0][0]
	for _, o := range byRow[0] {
		if o.iv.Abs().Meets(stated.Abs()) {
			r = o // the reading whose size the text gives: its direction is what differs
			break
		}
	}
	reportNarrative(c, ch.Amount, ch.Current, ch.DirWord+ch.Amount.Text, r.q, r.text)
}

// skipRowsDisagree: an item bound to rows of several tables that give
// different readings.
const skipRowsDisagree = "table narrative: the item's rows in several tables give different changes"
