package checks_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/checks/expect"
	bparser "github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// Every skip reason the checks write has a translation in every locale.
// Reasons are read from the code: a string literal given to Skip or
// TableSkipped, or a concatenation whose other parts become {x} holes.
func TestEverySkipReasonTranslated(t *testing.T) {
	reasons := skipReasons(t)
	require.NotEmpty(t, reasons)
	for _, lang := range rules.Langs() {
		if lang == rules.English {
			continue
		}
		l, err := rules.LoadLocale(lang)
		require.NoError(t, err)
		var missing []string
		for _, r := range reasons {
			if !l.Knows(strings.ReplaceAll(r.text, "{x}", "甲")) {
				missing = append(missing, fmt.Sprintf("  %q: …   # %s", r.text, r.where))
			}
		}
		sort.Strings(missing)
		assert.Empty(t, missing, "rules/locale/%s.yaml lacks skip reasons; add under phrases: ({x} stands for any text)\n%s", lang, strings.Join(missing, "\n"))
	}
}

type reasonAt struct{ text, where string }

func skipReasons(t *testing.T) []reasonAt {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var out []reasonAt
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "Skip" && sel.Sel.Name != "TableSkipped") || len(call.Args) == 0 {
				return true
			}
			if s, ok := pattern(call.Args[len(call.Args)-1]); ok {
				out = append(out, reasonAt{s, fset.Position(call.Pos()).String()})
			}
			return true
		})
	}
	return out
}

// pattern renders a string expression: literals as written, anything
// else as {x}; ok is false when no literal is part of it (a variable
// passed on, whose literals are found where they are written).
func pattern(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			s, err := strconv.Unquote(x.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			a, okA := pattern(x.X)
			b, okB := pattern(x.Y)
			if !okA {
				a = "{x}"
			}
			if !okB {
				b = "{x}"
			}
			return a + b, okA || okB
		}
	case *ast.ParenExpr:
		return pattern(x.X)
	}
	return "", false
}

var asciiWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// words a Chinese message may carry as they are
var keptWords = map[string]bool{"PDF": true, "OCR": true, "EOF": true, "Unicode": true, "budgetlint": true, "RULE": true}

// Every excerpt of the want files, linted in each language, gives the same
// findings at the same places as in English, and no English is left in
// the translated messages, fields and skip reasons (a phrase the code
// writes that the locale lacks shows here, named).
func TestWantFilesInEveryLanguage(t *testing.T) {
	en, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	enEng, err := checks.New(en)
	require.NoError(t, err)
	var ids []string
	for _, r := range en.Rules {
		ids = append(ids, r.ID)
	}
	for _, lang := range rules.Langs() {
		if lang == rules.English {
			continue
		}
		set, err := rules.DefaultIn(lang)
		require.NoError(t, err)
		eng, err := checks.New(set)
		require.NoError(t, err)
		untranslated := map[string]string{}
		err = filepath.WalkDir(filepath.Join("testdata", "want"), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			exs, err := expect.Excerpts(p, data)
			if err != nil {
				return err
			}
			for _, ex := range exs {
				format := doc.FormatText
				if bparser.FormatOf(ex.Name) == doc.FormatHTML {
					format = doc.FormatHTML
				}
				d1, err := bparser.Parse(ex.Name, format, []byte(ex.Text))
				require.NoError(t, err)
				d2, err := bparser.Parse(ex.Name, format, []byte(ex.Text))
				require.NoError(t, err)
				fe, _ := enEng.Run(d1)
				fz, cov := eng.Run(d2)
				require.Equal(t, places(fe), places(fz), "%s:%d [%s]: findings differ between en and %s", p, ex.Line, ex.Name, lang)
				for i, f := range fz {
					for _, field := range []string{f.Message, f.Stated, f.Expected, f.Context} {
						for _, w := range leftEnglish(field, ex.Text, ids) {
							untranslated[fmt.Sprintf("%s: %q in %q (English: %q)", f.Rule, w, field, fe[i].Message)] = p
						}
					}
				}
				for _, rs := range []map[string]int{cov.Reasons, cov.Tables.Reasons} {
					for r := range rs {
						if len(leftEnglish(r, ex.Text, ids)) > 0 {
							untranslated[fmt.Sprintf("skip reason %q", r)] = p
						}
					}
				}
			}
			return nil
		})
		require.NoError(t, err)
		var list []string
		for k, p := range untranslated {
			list = append(list, k+"   # "+p)
		}
		sort.Strings(list)
		assert.Empty(t, list, "English left in %s findings: add the phrase the code writes under phrases: in rules/locale/%s.yaml\n%s", lang, lang, strings.Join(list, "\n"))
	}
}

func places(fs []checks.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s@%d:%d", f.Rule, f.Line, f.Column)
	}
	return out
}

// leftEnglish lists the English words of s that are neither report text
// (found in the excerpt), nor rule ids, nor kept words.
func leftEnglish(s, text string, ids []string) []string {
	for _, id := range ids {
		s = strings.ReplaceAll(s, id, "")
	}
	var out []string
	for _, w := range asciiWord.FindAllString(s, -1) {
		if !keptWords[w] && !strings.Contains(text, w) {
			out = append(out, w)
		}
	}
	return out
}
