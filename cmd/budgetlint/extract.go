package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/tables"
)

func init() {
	commands = append(commands, command{"extract", "print the text the linter reads (pages separated by form feeds)", runExtract})
}

func runExtract(args []string, stdout, stderr io.Writer) int {
	fsf := flag.NewFlagSet("extract", flag.ContinueOnError)
	fsf.SetOutput(stderr)
	blocks := fsf.Bool("blocks", false, "print the analysis blocks (joined paragraphs) instead of the source text")
	tbls := fsf.Bool("tables", false, "print the tables found (standard name, page, then tab-separated cells) instead of the source text")
	fsf.Usage = func() {
		fmt.Fprintln(fsf.Output(), "usage: budgetlint extract [--blocks | --tables] FILE...")
		fsf.PrintDefaults()
	}
	if err := fsf.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fsf.SetOutput(stdout)
			fsf.Usage()
			return exitOK
		}
		return exitTrouble
	}
	if fsf.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: budgetlint extract [--blocks | --tables] FILE...")
		return exitTrouble
	}
	code := exitOK
	for _, p := range fsf.Args() {
		d, err := parser.Open(p, parser.DefaultLimits)
		if err != nil {
			fmt.Fprintf(stderr, "%s: error: %s\n", p, describe(err))
			code = exitTrouble
			continue
		}
		if *tbls {
			// recognise the tables so every one prints its standard name
			for _, t := range d.Tables {
				tables.Recognize(t)
			}
			if err := tables.Print(stdout, d.Tables); err != nil {
				fmt.Fprintf(stderr, "%s: error: %s\n", p, err)
				return exitTrouble
			}
			continue
		}
		if *blocks {
			for _, b := range d.Blocks {
				pos := d.Source.Position(b.SrcAt[0])
				fmt.Fprintf(stdout, "%d:%d\t%s\t%s\n", pos.Line, pos.Column, b.Kind, b.Text)
			}
			continue
		}
		fmt.Fprint(stdout, string(d.Source.Text))
	}
	return code
}
