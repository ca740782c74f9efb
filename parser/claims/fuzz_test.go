package claims_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/claims"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// FuzzExtract reads arbitrary bytes as a text report, extracts its claims
// and runs the whole default rule engine on it. Nothing may panic, every
// claim span stays inside its block, and every finding points inside the
// source the user would open.
//
//	go test -fuzz=FuzzExtract -fuzztime=3m ./parser/claims/
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "excerpts", "*.txt"))
	seeds = append(seeds, filepath.Join("..", "..", "testdata", "seed", "sc-panzhihua-xiqu-bianban-2024-final.txt"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatalf("seed %s: %v", p, err)
		}
		f.Add(data)
	}
	// small inputs that reach the corners of the extractor
	for _, s := range []string{
		"2024年度收、支总计均为157.60万元。与2023年度相比，收、支总计各减少37.98万元，减少19.42%。主要变动原因是人员经费增加。",
		"本年收入合计157.60万元，其中：财政拨款收入154.25万元，占97.86%；其他收入3.35万元，占2.13%。",
		"“三公”经费财政拨款支出年初预算为 21.00 万元，支出决算为 16.95 万元，完成预算的80.71%，其中：",
		"较上年度增加/减少0万元，增长/下降0%。主要原因是。。",
		"（一）××部门2014 年部门决算总收入 万元。\f第二部分 2023年度部门决算情况说明\n（四）",
		"１５７．６０万元，占１００％；减少为0.00万元，与2024年持平。决算数大于预算数的主要原因：",
		"获得科技奖励12项（其中：一等奖3项、二等奖4项（含特等奖1项），三等奖5项）。费2883万元（其中",
		"限额58亿元，其中：省本级及十三市48亿元；大连市10亿元（六）支出9.1亿元，主要原因是减少安排，相应增加",
		"民生支出418.60亿元，占一般公共预算支出的比重保持在80%以上，占比",
		"债券86.42亿元，包括：新增债券51.30亿元；再融资债券38.12亿元。基本支出3亿元、付息0.9亿元，三项合计",
		"补助标准分别由每人每月151元、96元提高至171元、106元，由6%降低为4.5%、由8%降为",
		"优良天数307天，优良天数比例84.1%；税收收入96.8亿元，税收占比",
		"分别增长15.2%、11.8%，分别高于全市平均水平8.1、个百分点；增幅高于全国（-%）31.1个百分点",
		"\xff\xfe\x00\x00占\u3000",
		"“",
	} {
		f.Add([]byte(s))
	}
	set, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	eng, err := checks.New(set)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parser.Parse("fuzz.txt", doc.FormatText, data)
		if err != nil {
			return // an error is a fine answer to garbage; a panic is not
		}
		cs := claims.Extract(d, claims.Vocabulary(set.Vocabulary))
		for _, fg := range cs.Figures {
			n := fg.Block.RuneLen()
			if fg.Start < 0 || fg.Start > fg.NumEnd || fg.NumEnd > fg.End || fg.End > n {
				t.Fatalf("figure %q span [%d,%d) num end %d outside block of %d runes", fg.Text, fg.Start, fg.End, fg.NumEnd, n)
			}
		}
		spans := []claims.Span{}
		for _, c := range cs.Changes {
			spans = append(spans, c.Span)
		}
		for _, c := range cs.Shares {
			spans = append(spans, c.Span)
		}
		for _, c := range cs.Completions {
			spans = append(spans, c.Span)
		}
		for _, c := range cs.Comparisons {
			spans = append(spans, c.Span)
		}
		for _, c := range cs.Causes {
			spans = append(spans, c.Span)
		}
		for _, c := range cs.Totals {
			spans = append(spans, c.Span)
		}
		for _, c := range cs.Items {
			spans = append(spans, c.Span)
		}
		for _, sp := range spans {
			if sp.Block == nil {
				t.Fatalf("claim span without a block: %+v", sp)
			}
			if sp.Start < 0 || sp.Start > sp.End || sp.End > sp.Block.RuneLen() {
				t.Fatalf("claim span [%d,%d) outside block %q", sp.Start, sp.End, sp.Block.Text)
			}
		}

		fs, _ := eng.Run(d)
		lines := strings.Split(d.Source.Text(), "\n")
		width := func(line int) int { return len([]rune(lines[line-1])) }
		for _, x := range fs {
			if x.Line < 1 || x.Line > len(lines) || x.EndLine < x.Line || x.EndLine > len(lines) {
				t.Fatalf("%s: lines %d..%d outside the %d lines of the source", x.Rule, x.Line, x.EndLine, len(lines))
			}
			if x.Column < 1 || x.Column > width(x.Line)+1 {
				t.Fatalf("%s: column %d outside line %d of %d characters", x.Rule, x.Column, x.Line, width(x.Line))
			}
			if x.EndColumn < 1 || x.EndColumn > width(x.EndLine)+1 {
				t.Fatalf("%s: end column %d outside line %d of %d characters", x.Rule, x.EndColumn, x.EndLine, width(x.EndLine))
			}
			if x.EndLine == x.Line && x.EndColumn < x.Column {
				t.Fatalf("%s: ends (%d:%d) before it starts (%d:%d)", x.Rule, x.EndLine, x.EndColumn, x.Line, x.Column)
			}
		}
	})
}
