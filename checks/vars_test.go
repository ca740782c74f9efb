package checks

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/rules"
)

// Every test of this package runs with strict vars: a kind whose test
// fills a var it does not declare panics, and the panic shows as an
// internal-error finding that fails the want files.
func init() { strictVars = true }

// Every key of a Vars{...} literal, or of vars["key"] = …, in the
// package's code is declared by some kind: a name nobody declares can
// appear in no message.
func TestEveryFilledVarIsDeclared(t *testing.T) {
	declared := map[string]bool{}
	for _, k := range kinds {
		for _, v := range k.Vars {
			declared[v] = true
		}
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var missing []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(af, func(n ast.Node) bool {
			var keys []ast.Expr
			switch x := n.(type) {
			case *ast.CompositeLit:
				if id, ok := x.Type.(*ast.Ident); ok && id.Name == "Vars" {
					for _, e := range x.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							keys = append(keys, kv.Key)
						}
					}
				}
			case *ast.AssignStmt:
				for _, l := range x.Lhs {
					if ix, ok := l.(*ast.IndexExpr); ok {
						if id, ok := ix.X.(*ast.Ident); ok && strings.Contains(strings.ToLower(id.Name), "vars") {
							keys = append(keys, ix.Index)
						}
					}
				}
			}
			for _, k := range keys {
				if lit, ok := k.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					name, _ := strconv.Unquote(lit.Value)
					if !declared[name] {
						missing = append(missing, fset.Position(lit.Pos()).String()+": {"+name+"}")
					}
				}
			}
			return true
		})
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "vars filled but declared by no kind: add each to the Options.Vars of the kind that fills it")
}

// A message naming a placeholder its kind never fills is an error at the
// message's own line, with the names the kind does fill.
func TestUnknownPlaceholderInMessage(t *testing.T) {
	p, eng, err := engineWith(t, "rules:\n  - id: my-share\n    kind: share\n    params: {test: value}\n    severity: error\n    message: \"share {stated}, want {expectd}\"\n")
	require.Error(t, err)
	assert.Nil(t, eng)
	assert.Contains(t, err.Error(), p+":6: rule my-share: message: unknown placeholder {expectd} (did you mean expected?)")
	assert.Contains(t, err.Error(), "kind share fills: ")

	// a redefined message of a default rule is checked too, at the user's line
	p, _, err = engineWith(t, "rules:\n  - id: share-mismatch\n    message: \"{whole_nam}\"\n")
	require.Error(t, err)
	assert.Contains(t, err.Error(), p+":3: rule share-mismatch: message: unknown placeholder {whole_nam}")

	// the default pack uses only declared names
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	_, err = New(set)
	require.NoError(t, err)
	for _, r := range set.Rules {
		k := KindOf(r.Kind)
		for _, m := range placeholderRe.FindAllStringSubmatch(r.Message, -1) {
			assert.True(t, slices.Contains(k.Vars, m[1]), "%s: {%s}", r.ID, m[1])
		}
	}
}
