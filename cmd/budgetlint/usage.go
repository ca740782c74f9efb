package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/budgetlint/budgetlint/internal/suggest"
)

// parseFlags parses a command's flags the way golangci-lint and Vale
// users expect: --help prints the usage on stdout and exits 0 (it was
// asked for), a mistake prints one line naming it on stderr and exits 2,
// without burying it under the whole flag list.
//
// It returns the positional arguments; ok false means return code.
func parseFlags(fsf *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (rest []string, code int, ok bool) {
	fsf.SetOutput(io.Discard) // the flag package's own messages are replaced below
	fsf.Usage = func() {}
	rest, err := parseAnywhere(fsf, args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, fsf, usage)
		return nil, exitOK, false
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetlint %s: %s\nRun `budgetlint %s --help` for the flags.\n", fsf.Name(), flagError(err, fsf), fsf.Name())
		return nil, exitTrouble, false
	}
	return rest, 0, true
}

// parseAnywhere parses flags placed before, between or after the
// positional arguments (`explain share-mismatch --config x.yaml`,
// `check 报告/ --format json`), as users of golangci-lint and Vale type
// them; after `--` everything is positional, for a file named like a flag.
func parseAnywhere(fsf *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fsf.Parse(args); err != nil {
			return nil, err
		}
		left := fsf.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// flagError rewords the flag package's errors with the double dashes
// users type.
func flagError(err error, fsf *flag.FlagSet) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		name = strings.TrimPrefix(name, "-")
		var names []string
		fsf.VisitAll(func(f *flag.Flag) {
			if len(f.Name) > 1 {
				names = append(names, f.Name)
			}
		})
		hint := ""
		if c := suggest.Closest(name, names); c != "" {
			hint = " (did you mean --" + c + "?)"
		}
		return "unknown flag --" + name + hint
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "flag --" + strings.TrimPrefix(name, "-") + " needs a value"
	}
	return strings.Replace(msg, "for flag -", "for flag --", 1)
}

// printUsage writes the usage line and one line per flag: name, value
// placeholder and description, aligned, with the default when the
// description does not already say it.
func printUsage(w io.Writer, fsf *flag.FlagSet, usage string) {
	fmt.Fprintf(w, "usage: %s\n\nFlags:\n", usage)
	type line struct{ name, desc string }
	var lines []line
	width := 0
	short := map[string]string{} // long name → its one-letter alias
	fsf.VisitAll(func(f *flag.Flag) {
		if len(f.Name) == 1 {
			for long, s := range shortFlags {
				if s == f.Name && fsf.Lookup(long) != nil {
					short[long] = s
				}
			}
		}
	})
	fsf.VisitAll(func(f *flag.Flag) {
		if len(f.Name) == 1 && short[longOf(f.Name)] == f.Name {
			return // shown with its long form
		}
		arg, desc := flag.UnquoteUsage(f)
		name := "    --" + f.Name
		if s := short[f.Name]; s != "" {
			name = "-" + s + ", --" + f.Name
		}
		if arg != "" {
			name += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && !strings.Contains(desc, "default") {
			desc += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		lines = append(lines, line{name, desc})
		width = max(width, len(name))
	})
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, l.name, l.desc)
	}
}

func longOf(short string) string {
	for long, s := range shortFlags {
		if s == short {
			return long
		}
	}
	return ""
}
