// Command budgetlint finds contradictions in published budget reports:
// totals that do not add up, wrong shares and growth rates, causes that
// contradict the change, template leftovers, wrong years, numbering gaps.
//
//	budgetlint check [flags] PATH...   lint files and folders
//	budgetlint rules                   list the rules
//	budgetlint explain RULE            say what a rule checks, why, with an example
//	budgetlint extract FILE            print the text the linter reads
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/budgetlint/budgetlint/internal/suggest"
)

// Exit codes, as golangci-lint and Vale use them.
const (
	exitOK       = 0 // nothing at or above the fail level
	exitFindings = 1 // findings at or above the fail level
	exitTrouble  = 2 // usage, configuration or unreadable input
)

type command struct {
	name, usage string
	run         func(args []string, stdout, stderr io.Writer) int
}

var commands []command

func main() {
	limitMemory()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// softMemoryLimit makes the garbage collector work harder as the heap nears
// it, rather than let it double past the live data: a report of thousands
// of pages keeps about 200 MB live, and without a limit the process peaks
// near twice that. It is soft: a larger document still reads, more slowly.
const softMemoryLimit = 200 << 20

// limitMemory sets the soft limit unless GOMEMLIMIT chose one.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitTrouble
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(stdout)
		return exitOK
	case "version", "--version", "-V":
		fmt.Fprintln(stdout, "budgetlint", versionString())
		return exitOK
	}
	names := []string{"help", "version"}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
		names = append(names, c.name)
	}
	if strings.HasPrefix(args[0], "-") || !strings.ContainsAny(args[0], "/\\.") {
		fmt.Fprintf(stderr, "budgetlint: unknown command %q%s\n", args[0], suggest.Hint(args[0], names))
	} else {
		// a path where the command belongs: the user meant check
		fmt.Fprintf(stderr, "budgetlint: unknown command %q (to lint it: budgetlint check %s)\n", args[0], args[0])
	}
	usage(stderr)
	return exitTrouble
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: budgetlint <command> [flags] [args]")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun `budgetlint <command> -h` for a command's flags.")
}
