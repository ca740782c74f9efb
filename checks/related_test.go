package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A sentence that disagrees with a table points to the table row it was
// compared with, so a reader sees both places; the row's place quotes it.
func TestRelatedTableRow(t *testing.T) {
	cases := []struct {
		name, fixture, old, new, rule, row string
	}{
		{
			name: "table-lines: the narrative's 公用经费 against the 基本支出 table", fixture: "sthj",
			old: "公用经费 416.36 万元", new: "公用经费 416.46 万元", rule: "table-lines", row: "公用经费",
		},
		{
			name: "table-text: a budget item's figure against its function row", fixture: "wanli",
			old: "专项普查活动（项）”科目43.83万元", new: "专项普查活动（项）”科目44.83万元", rule: "table-text", row: "专项普查活动",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var text string
			if tc.fixture == "sthj" {
				text = fixtureText(t, "sthj-2025-final-tables.txt") + excerpt(t, "sthj-2025-final-narrative.txt")
			} else {
				text = fixtureText(t, "wanli-2025-budget-lines.txt")
			}
			require.Contains(t, text, tc.old)
			text = strings.Replace(text, tc.old, tc.new, 1)
			fs, _ := runTables(t, "r.txt", text)
			got := rulesOf(fs, tc.rule)
			require.Len(t, got, 1)
			f := got[0]
			require.Len(t, f.Related, 1)
			r := f.Related[0]
			assert.Contains(t, r.Claim, tc.row, "the related place is the row")
			assert.NotEmpty(t, r.Note, "named after its table")
			lines := strings.Split(text, "\n")
			require.Less(t, r.Line-1, len(lines))
			assert.Contains(t, lines[r.Line-1], tc.row, "the place is where the row is printed")
			assert.NotEqual(t, f.Line, r.Line, "not the sentence's own line")
		})
	}
}
