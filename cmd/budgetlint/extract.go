package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/tables"
	"github.com/budgetlint/budgetlint/rules"
)

func init() {
	commands = append(commands, command{"extract", "print the text the linter reads (pages separated by form feeds)", runExtract})
}

func runExtract(args []string, stdout, stderr io.Writer) int {
	fsf := flag.NewFlagSet("extract", flag.ContinueOnError)
	fsf.SetOutput(stderr)
	blocks := fsf.Bool("blocks", false, "print the analysis blocks (joined paragraphs) instead of the source text")
	tbls := fsf.Bool("tables", false, "print the tables found (standard name, page, then tab-separated cells) instead of the source text")
	cls := fsf.Bool("claims", false, "print every claim with its verdict (decided, reported by which rules, or skipped and why), one per line: FILE:LINE:COL, kind, verdict, reason, text")
	asJSON := fsf.Bool("json", false, "with --claims: one JSON object per claim")
	lang := fsf.String("lang", rules.DefaultLang, "with --claims: language of the skip reasons, `LANG` zh or en")
	fsf.Usage = func() {
		fmt.Fprintln(fsf.Output(), "usage: budgetlint extract [--blocks | --tables | --claims [--json] [--lang LANG]] FILE...")
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
		fmt.Fprintln(stderr, "usage: budgetlint extract [--blocks | --tables | --claims [--json] [--lang LANG]] FILE...")
		return exitTrouble
	}
	var eng *checks.Engine
	if *cls {
		set, err := rules.DefaultIn(*lang)
		if err == nil {
			eng, err = checks.New(set)
		}
		if err != nil {
			fmt.Fprintf(stderr, "budgetlint: %v\n", err)
			return exitTrouble
		}
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
		if eng != nil {
			if err := printVerdicts(stdout, p, eng, d, *lang, *asJSON); err != nil {
				fmt.Fprintf(stderr, "%s: error: %s\n", p, err)
				return exitTrouble
			}
			continue
		}
		if *blocks {
			for _, b := range d.Blocks {
				pos := d.Source.Position(b.SrcAt.At(0))
				fmt.Fprintf(stdout, "%d:%d\t%s\t%s\n", pos.Line, pos.Column, b.Kind, b.Text)
			}
			continue
		}
		fmt.Fprint(stdout, d.Source.Text())
	}
	return code
}

// printVerdicts prints every claim of d with what the rules made of it, so
// the skipped claims behind a coverage figure can be read one by one.
func printVerdicts(w io.Writer, path string, eng *checks.Engine, d *doc.Document, lang string, asJSON bool) error {
	vs, _ := eng.Verdicts(d)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		if asJSON {
			if err := enc.Encode(struct {
				File string `json:"file"`
				checks.Verdict
			}{path, v}); err != nil {
				return err
			}
			continue
		}
		verdict := say(lang, "decided", "已核查")
		if len(v.Rules) > 0 {
			verdict = say(lang, "reported", "已报告") + " " + strings.Join(v.Rules, ",")
		} else if !v.Decided {
			verdict = say(lang, "skipped", "未核查")
		}
		loc := fmt.Sprintf("%s:%d:%d", path, v.Line, v.Column)
		if v.Page > 0 {
			loc = fmt.Sprintf("%s:%d:%d:%d", path, v.Page, v.Line, v.Column)
		}
		text := strings.Join(strings.Fields(v.Claim), " ")
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", loc, v.Kind, verdict, v.Reason, text); err != nil {
			return err
		}
	}
	return nil
}
