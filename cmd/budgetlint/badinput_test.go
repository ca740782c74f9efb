package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/rules"
)

// badBatch lays out issue 2's bad-input batch beside a good report and
// returns the bad paths and the good one.
func badBatch(t *testing.T) (bad []string, good string) {
	t.Helper()
	dir := t.TempDir()
	put := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	rng := rand.New(rand.NewPCG(2, 2024)) // fixed: the same bytes every run
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "sc-panzhihua-xiqu-bianban-2024-final.txt"))
	require.NoError(t, err)
	bad = []string{
		put("empty.txt", nil),
		put("random.txt", random),
		put("invalid-utf8.txt", []byte("本年收入合计\xff\xfe\xc0100万元\x80\x81。\n")),
		put("huge-one-line.txt", bytes.Repeat([]byte("本年收入合计100万元，"), 20<<20/len("本年收入合计100万元，")+1)),
		filepath.Join(dir, "does-not-exist.txt"),
	}
	return bad, put("seed.txt", seed)
}

type jsonRun struct {
	Files []struct {
		Path     string `json:"path"`
		Format   string `json:"format"`
		Error    string `json:"error"`
		Findings []struct {
			Rule string `json:"rule"`
			Line int    `json:"line"`
		} `json:"findings"`
	} `json:"files"`
}

func TestBadInputsJSON(t *testing.T) {
	bad, good := badBatch(t)
	var out, errb bytes.Buffer
	code := run(append([]string{"check", "--no-config", "--quiet", "--format", "json"}, append(bad, good)...), &out, &errb)
	assert.Equal(t, exitTrouble, code, "unreadable input exits 2: %s", errb.String())

	var res jsonRun
	require.NoError(t, json.Unmarshal(out.Bytes(), &res), out.String())
	entries := map[string]int{}
	for _, f := range res.Files {
		entries[f.Path]++
	}
	for _, p := range bad {
		t.Run(filepath.Base(p), func(t *testing.T) {
			assert.Equal(t, 1, entries[p], "exactly one files[] entry")
			for _, f := range res.Files {
				if f.Path == p {
					assert.NotEmpty(t, f.Error, "an error")
					assert.NotContains(t, f.Error, "internal error", "no panic behind it")
					assert.NotContains(t, f.Error, "\n", "one line")
					assert.Empty(t, f.Findings)
				}
			}
		})
	}
	require.Equal(t, 1, entries[good])
	assert.Len(t, res.Files, len(bad)+1)
	for _, f := range res.Files {
		if f.Path == good {
			assert.Empty(t, f.Error)
			assert.Equal(t, "text", f.Format)
			rulesAt := map[string]bool{}
			for _, x := range f.Findings {
				rulesAt[x.Rule+"@"+strconv.Itoa(x.Line)] = true
			}
			assert.GreaterOrEqual(t, len(f.Findings), 12, "the good report is still checked")
			for _, want := range []string{"share-mismatch@47", "cause-direction@33", "placeholder-alternatives@70", "numbering-gap@121"} {
				assert.True(t, rulesAt[want], "missing %s", want)
			}
		}
	}
}

func TestBadInputsText(t *testing.T) {
	bad, good := badBatch(t)
	var out, errb bytes.Buffer
	code := run(append([]string{"check", "--no-config", "--lang", "en"}, append(bad, good)...), &out, &errb)
	assert.Equal(t, exitTrouble, code, errb.String())
	lines := strings.Split(out.String(), "\n")
	for _, p := range bad {
		t.Run(filepath.Base(p), func(t *testing.T) {
			var mine []string
			for _, l := range lines {
				if strings.HasPrefix(l, p+":") {
					mine = append(mine, l)
				}
			}
			require.Len(t, mine, 1, "one line for %s in\n%s", p, out.String())
			assert.True(t, strings.HasPrefix(mine[0], p+": error: "), mine[0])
			assert.Greater(t, len(strings.TrimPrefix(mine[0], p+": error: ")), 3, "the error says something")
		})
	}
	assert.Contains(t, out.String(), good+":47:19: error: ", "the seed's share finding")
	assert.Contains(t, out.String(), "(5 unreadable)")
}

func TestRulesCommandListsEveryRule(t *testing.T) {
	set, err := rules.Default()
	require.NoError(t, err)
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"rules"}, &out, &errb), errb.String())
	listed := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		f := strings.Fields(l)
		require.GreaterOrEqual(t, len(f), 3, "id, severity, summary: %q", l)
		listed[f[0]] = l
	}
	assert.Len(t, listed, len(set.Rules))
	for _, r := range set.Rules {
		l, ok := listed[r.ID]
		if assert.True(t, ok, "rule %s not listed", r.ID) {
			assert.Contains(t, l, string(r.Severity))
			assert.Contains(t, l, r.Summary)
		}
	}
}

func TestExplainCommand(t *testing.T) {
	set, err := rules.Default()
	require.NoError(t, err)
	r := set.Lookup("share-mismatch")
	require.NotNil(t, r)
	tests := []struct {
		name string
		args []string
		code int
		out  []string
		err  string
	}{
		{"a known rule", []string{"explain", "share-mismatch"}, exitOK,
			[]string{"share-mismatch (share, error)", r.Summary, strings.TrimSpace(r.Explain), "示例：", "占本年支出合计的99.35%", "--disable share-mismatch"}, ""},
		{"an unknown rule", []string{"explain", "no-such-rule"}, exitTrouble, nil, `unknown rule "no-such-rule"`},
		{"no rule named", []string{"explain"}, exitTrouble, nil, "usage: budgetlint explain"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, tc.code, run(tc.args, &out, &errb))
			for _, s := range tc.out {
				assert.Contains(t, out.String(), s)
			}
			if tc.err != "" {
				assert.Contains(t, errb.String(), tc.err)
			}
		})
	}
}
