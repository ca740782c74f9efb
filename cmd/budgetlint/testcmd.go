package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/checks/expect"
	"github.com/budgetlint/budgetlint/rules"
)

func init() {
	commands = append(commands, command{"test", "run a rule pack's want files: excerpts that carry the findings they should produce", runTest})
}

const testUsage = `budgetlint test [flags] DIR...

Test rule files against excerpts that say what they should produce. Each DIR
holds rule files (*.yaml), added to the default pack, and excerpts (.txt,
.md, .html) whose lines carry their expected findings:

    基本支出154.25万元，占本年支出合计的99.35%。 // want share-mismatch "97\.87%"
    基本支出154.25万元，占97.88%。 // silent share-mismatch -- intervals meet

Each excerpt is linted with the whole pack; a missing or unexpected finding
fails. A line '-- name --' starts another excerpt in the same file.
Exit 0: every excerpt as expected; 1: failures; 2: usage or rule errors.`

func runTest(args []string, stdout, stderr io.Writer) int {
	o, dirs, code, ok := parseRuleCommand("test", testUsage, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(dirs) == 0 {
		fmt.Fprintln(stderr, "budgetlint test: no folder given\n\n"+testUsage)
		return exitTrouble
	}
	failed := 0
	for _, dir := range dirs {
		set, err := testRules(o, dir)
		if err != nil {
			fmt.Fprintln(stderr, "budgetlint:", err)
			return exitTrouble
		}
		eng, err := checks.New(set)
		if err != nil {
			fmt.Fprintln(stderr, "budgetlint:", err)
			return exitTrouble
		}
		fails, n, err := expect.Dir(eng, dir)
		if err != nil {
			fmt.Fprintln(stderr, "budgetlint:", err)
			return exitTrouble
		}
		for _, f := range fails {
			fmt.Fprintln(stdout, f)
		}
		failed += len(fails)
		fmt.Fprintf(stdout, "%s: %d excerpt files, %d failures\n", dir, n, len(fails))
	}
	if failed > 0 {
		return exitFindings
	}
	return exitOK
}

// testRules is the pack check would use (configuration and --rules files
// included) plus the rule files of the folder under test.
func testRules(o ruleOptions, dir string) (*rules.Set, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	more, _ := filepath.Glob(filepath.Join(dir, "*.yml"))
	files = append(files, more...)
	sort.Strings(files)
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	o.ruleFiles = append(append(multiFlag{}, o.ruleFiles...), files...)
	set, _, err := configuredRules(o)
	return set, err
}
