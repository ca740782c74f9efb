package checks_test

import (
	"fmt"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// A Go program lints a report with the default rules in a few lines; the
// findings are those `budgetlint check` prints for the same file.
func ExampleEngine_Run() {
	report := "本年支出合计157.60万元，其中：基本支出154.25万元，占本年支出合计的99.35%。\n"
	set, _ := rules.DefaultIn(rules.English)
	eng, _ := checks.New(set)
	d, _ := parser.Parse("report.txt", doc.FormatText, []byte(report)) // parser.Open(path, parser.DefaultLimits) for a file
	findings, cov := eng.Run(d)
	for _, f := range findings {
		fmt.Printf("%d:%d: %s: %s [%s]\n", f.Line, f.Column, f.Severity, f.Message, f.Rule)
	}
	fmt.Printf("%d of %d claims decided\n", cov.Decided, cov.Claims)
	// Output:
	// 1:23: error: share stated 99.35%, figures give 97.87% (154.25 / 157.60 本年支出合计) [share-mismatch]
	// 2 of 2 claims decided
}
