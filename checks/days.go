package checks

import (
	"math/big"
	"strconv"

	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/num"
)

// days checks the share of a count of days whose whole is the calendar's:
// 优良天数231天，占全年总天数的63.3% is 231 over the year's days; a rate of
// the days (优良率, 优良天数比例, 占比) is over the days monitored, which may
// be fewer than the year's but not fewer than the days counted.
func init() {
	dayShares := func(c *Context) []*claims.DayShare { return c.Claims.DayShares }
	RegisterTests("days", map[string]Test{
		"share": each(dayShares, dayShare),
	}, Options{Vars: []string{"stated", "expected", "how"}})
}

// yearDays are the days of year y, both lengths when the year is unknown.
func yearDays(y int) []int64 {
	switch {
	case y == 0:
		return []int64{365, 366}
	case y%4 == 0 && (y%100 != 0 || y%400 == 0):
		return []int64{366}
	}
	return []int64{365}
}

func dayShare(c *Context, ds *claims.DayShare) {
	stated := statedRate(ds.Pct)
	days := ds.Days.Value.Rat()
	wholes := yearDays(ds.Year)
	n := ds.Days.Value.String()
	c.Decided(ds)
	if ds.WholeYear {
		var got num.Interval
		for _, w := range wholes {
			got = num.Point(new(big.Rat).Quo(days, big.NewRat(w, 1)))
			if got.Meets(stated) {
				return
			}
		}
		w := wholes[0]
		got = num.Point(new(big.Rat).Quo(days, big.NewRat(w, 1)))
		c.ReportClaim(ds, Vars{"stated": ds.Pct.Value.String() + "%", "expected": pct(got, ds.Pct.Value.Decimals()),
			"how": n + " / " + strconv.FormatInt(w, 10)})
		return
	}
	// the days monitored: from the days counted up to the year's
	most := wholes[len(wholes)-1]
	least := new(big.Rat).Quo(days, big.NewRat(most, 1))
	can := num.Interval{Lo: least, Hi: big.NewRat(1, 1)}
	if can.Meets(stated) {
		return
	}
	expected := "≥ " + pct(num.Point(least), ds.Pct.Value.Decimals())
	how := n + " / " + strconv.FormatInt(most, 10)
	if stated.Lo.Cmp(can.Hi) > 0 {
		expected, how = "≤ 100%", n+" / "+n
	}
	c.ReportClaim(ds, Vars{"stated": ds.Pct.Value.String() + "%", "expected": expected, "how": how})
}
