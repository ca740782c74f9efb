package checks

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/rules"
)

// An author's note in a template nobody has filled in yet is the sample's
// content: a note (info). Once the figures are filled in, or with only a
// few slots left, it is a leftover the reviewer must see (warning).
func TestPlaceholderInstructionInBlankSample(t *testing.T) {
	const note = "与上年度相比，收入支出总计增加（减少）XXX万元，增长（下降）XX%。（如持平作持平表述）\n"
	blankRows := strings.Repeat("XX单位本年收入合计XXX万元，其中财政拨款收入XXX万元。\n", 4)
	filledRows := strings.Repeat("本年收入合计218.40万元，其中财政拨款收入209.75万元。\n", 4)
	cases := []struct {
		name, text string
		want       rules.Severity
	}{
		{"blank sample: slots everywhere, no figure", blankRows + note, rules.Info},
		{"filled report: the note is a leftover", filledRows + "与上年度相比，收入支出总计持平。（如持平作持平表述）\n", rules.Warning},
		{"draft with two slots left", filledRows + "XX局收入支出总计持平。（如持平作持平表述）\n", rules.Warning},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := lint(t, tc.text, "placeholder-instruction")
			require.Len(t, fs, 1)
			assert.Equal(t, tc.want, fs[0].Severity)
			assert.Equal(t, "（如持平作持平表述）", fs[0].Claim, "the printed text")
		})
	}
}

// A blank sample's slots (XX单位, XXX万元, 增加（减少）) are what the sample
// offers the author: notes. In a filled report, or a draft with a few slots
// left, they are leftovers and errors.
func TestPlaceholderSlotsInBlankSample(t *testing.T) {
	blank := strings.Repeat("XX单位本年收入合计XXX万元，其中财政拨款收入XXX万元。\n", 4) +
		"与上年度相比，收入总计增加（减少）XXX万元。\n"
	draft := strings.Repeat("本年收入合计218.40万元，其中财政拨款收入209.75万元。\n", 4) +
		"XX局与上年度相比，收入总计增加（减少）9.30万元。\n"
	for _, rule := range []string{"placeholder-name", "placeholder-alternatives"} {
		for _, tc := range []struct {
			name, text string
			want       rules.Severity
		}{
			{"blank sample", blank, rules.Info},
			{"draft with slots left", draft, rules.Error},
		} {
			t.Run(rule+"/"+tc.name, func(t *testing.T) {
				fs := lint(t, tc.text, rule)
				require.NotEmpty(t, fs)
				for _, f := range fs {
					assert.Equal(t, tc.want, f.Severity, f.Claim)
				}
			})
		}
	}
}
