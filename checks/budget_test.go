package checks

import (
	"testing"
)

// A completion rate whose budget its sentence names only as the one the
// congress approved, or whose budget the sentence before states, is
// decided when the budget gives it — and never reported when it does not:
// the budget of the sentence before may be of another extent (总支出 with
// the transfers to lower levels).
func TestCompletionBudgetInTheNarrative(t *testing.T) {
	silentlyDecides(t, "completion-rate", []decidedCase{
		{"the congress's budget decides the rate",
			"市十三届人大二次会议批准的2025年市本级社会保险基金预算收入864520万元，实际完成852377万元，为预算的98.6%。\n", 1},
		{"the adjusted budget of the sentence before confirms the rate",
			"全年支出预算调整为812.46亿元。实际支出768.33亿元，下降2.9%，完成调整预算的94.6%。\n", 1},
		{"an adjusted budget of the sentence before that does not give the rate is skipped",
			"一般公共预算支出调整为139.17亿元。2025年市本级一般公共预算支出执行94.53亿元，为调整预算的96%。\n", 0},
		{"of both sides' approved budgets before, the final's side confirms the rate",
			"各级人代会批准的全市国有资本经营收入预算为512万元，支出预算为486万元。实际完成收入603万元，为年初预算的117.8%。\n", 1},
		{"an approved budget before that does not give the rate is skipped",
			"各级人代会批准的全市国有资本经营收入预算为512万元，支出预算为486万元。实际完成收入603万元，为年初预算的124.1%。\n", 0},
	})
}
