package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/rules"
)

func init() {
	commands = append(commands,
		command{"rules", "list the rules with a one-line description", runRules},
		command{"explain", "say what a rule checks, why, and show an example", runExplain},
	)
}

func runRules(args []string, stdout, stderr io.Writer) int {
	set, err := loadRules(ruleFileArgs(args), nil, nil)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	rs := append([]*rules.Rule(nil), set.Rules...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	for _, r := range rs {
		state := ""
		if !r.On() {
			state = " (off)"
		}
		fmt.Fprintf(stdout, "%-24s %-8s %s%s\n", r.ID, r.Severity, r.Summary, state)
	}
	return exitOK
}

// ruleFileArgs accepts `--rules FILE` on the rules and explain commands too.
func ruleFileArgs(args []string) []string {
	var files []string
	for i := 0; i < len(args); i++ {
		if args[i] == "--rules" && i+1 < len(args) {
			files = append(files, args[i+1])
			i++
		} else if v, ok := strings.CutPrefix(args[i], "--rules="); ok {
			files = append(files, v)
		}
	}
	return files
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	var ids []string
	for i := 0; i < len(args); i++ {
		if args[i] == "--rules" {
			i++
			continue
		}
		if !strings.HasPrefix(args[i], "--rules=") {
			ids = append(ids, args[i])
		}
	}
	if len(ids) == 0 {
		fmt.Fprintln(stderr, "usage: budgetlint explain RULE-ID")
		return exitTrouble
	}
	set, err := loadRules(ruleFileArgs(args), nil, nil)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	code := exitOK
	for _, id := range ids {
		r := set.Lookup(id)
		if r == nil {
			fmt.Fprintf(stderr, "budgetlint: unknown rule %q (see `budgetlint rules`)\n", id)
			code = exitTrouble
			continue
		}
		fmt.Fprintf(stdout, "%s (%s, %s)\n\n%s\n", r.ID, r.Kind, r.Severity, r.Summary)
		if r.Explain != "" {
			fmt.Fprintf(stdout, "\n%s\n", strings.TrimSpace(r.Explain))
		}
		if r.Example != "" {
			fmt.Fprintf(stdout, "\nExample:\n%s\n", indent(strings.TrimSpace(r.Example)))
		}
		fmt.Fprintf(stdout, "\nDefined in %s:%d. Turn off with --disable %s.\n", r.File, r.Line, r.ID)
	}
	return code
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
