package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The wanli 2024 budget's 三公 table prints its figures under a note that
// says the table is empty.
func TestTableEmptyNote(t *testing.T) {
	text := "上海市普陀区2024年区级部门预算\n" + fixtureText(t, "wanli-2024-sangong-empty-note.txt")
	for _, tc := range []struct {
		name string
		text string
		want int
	}{
		{"figures under 本表为空表", text, 1},
		{"an empty table with its note", strings.Replace(text, "47.91 0 1.35 46.56 25 21.56 443.18", "0 0 0 0 0 0 0", 1), 0},
		{"figures without the note", strings.Replace(text, "故本表为空表", "详见本表", 1), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := lint(t, tc.text, "table-empty-note")
			assert.Len(t, fs, tc.want, "%v", fs)
		})
	}
}
