package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const claimsExcerpt = `二、支出决算情况说明
2024年度本年支出合计157.60万元，其中：基本支出154.25万元，占97.87%；项目支出3.35万元，占2.13%。
税收收入增长9.4%。
一般公共预算财政拨款支出154.25万元，与上年相比，增加10.00万元，增长8.00%。
`

// extract --claims lists every claim with its verdict: consistent ones as
// decided, contradicted ones with the rules that reported them, and the
// skipped ones with the reason coverage counts them under.
func TestExtractClaims(t *testing.T) {
	p := t.TempDir() + "/r.txt"
	writeFile(t, p, claimsExcerpt)
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"extract", "--claims", p}, &out, &errb), errb.String())
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Equal(t, []string{
		p + ":2:13\ttotal\t已核查\t\t157.60万元，其中：基本支出154.25万元，占97.87%；项目支出3.35万元",
		p + ":2:29\tshare\t已核查\t\t154.25万元，占97.87%",
		p + ":2:50\tshare\t已核查\t\t3.35万元，占2.13%",
		p + ":3:1\tchange\t未核查\t增幅：未写明上期数\t税收收入增长9.4%",
		p + ":4:28\tchange\t已报告 change-rate\t\t增加10.00万元，增长8.00%",
	}, lines)
}

// The JSON form carries the same verdicts, one object per line, reasons
// in the language asked for; the counts agree with check's coverage.
func TestExtractClaimsJSON(t *testing.T) {
	p := t.TempDir() + "/r.txt"
	writeFile(t, p, claimsExcerpt)
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"extract", "--claims", "--json", "--lang", "en", p}, &out, &errb), errb.String())
	type verdict struct {
		File    string   `json:"file"`
		Line    int      `json:"line"`
		Kind    string   `json:"kind"`
		Decided bool     `json:"decided"`
		Rules   []string `json:"rules"`
		Reason  string   `json:"reason"`
	}
	var vs []verdict
	dec := json.NewDecoder(&out)
	for dec.More() {
		var v verdict
		require.NoError(t, dec.Decode(&v))
		vs = append(vs, v)
	}
	require.Len(t, vs, 5)
	require.Equal(t, verdict{File: p, Line: 3, Kind: "change", Reason: "change rate: base not stated"}, vs[3])
	require.Equal(t, verdict{File: p, Line: 4, Kind: "change", Decided: true, Rules: []string{"change-rate"}}, vs[4])

	var cov bytes.Buffer
	run([]string{"check", "--format", "json", p}, &cov, &errb)
	var res struct {
		Files []struct {
			Coverage struct{ Claims, Decided, Skipped int }
		}
	}
	require.NoError(t, json.Unmarshal(cov.Bytes(), &res))
	require.Equal(t, 5, res.Files[0].Coverage.Claims)
	require.Equal(t, 4, res.Files[0].Coverage.Decided)
	require.Equal(t, 1, res.Files[0].Coverage.Skipped)
}

func TestExtractClaimsBadLang(t *testing.T) {
	p := t.TempDir() + "/r.txt"
	writeFile(t, p, claimsExcerpt)
	var out, errb bytes.Buffer
	require.Equal(t, exitTrouble, run([]string{"extract", "--claims", "--lang", "fr", p}, &out, &errb))
	require.NotEmpty(t, errb.String())
}
