package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultTemplatesLoad(t *testing.T) {
	s := defaults(t)
	require.NotEmpty(t, s.Tables.Templates)
	ids := map[string]bool{}
	for _, tp := range s.Tables.Templates {
		assert.False(t, ids[tp.ID], "template id %s twice", tp.ID)
		ids[tp.ID] = true
		assert.NotEmpty(t, tp.Kinds(), tp.ID)
		assert.Greater(t, tp.Line, 0, tp.ID)
	}
	for _, id := range []string{"summary", "income", "expenditure", "fiscal", "general", "basic", "sangong", "govfund", "statecap"} {
		assert.NotNil(t, s.Tables.Template(id), id)
	}
	assert.NotEmpty(t, s.Tables.Relations)
}

// A user's template is decoded strictly: an unknown key, an identity that
// does not parse or names a column the template lacks, an unknown layout
// or a relation to an unknown template are errors naming file and line.
func TestTemplateStrictDecoding(t *testing.T) {
	head := "tables:\n  templates:\n    - id: x-revenue\n      name: 某省一般公共预算收入表\n      layout: rows\n      titles: {execution: [一般公共预算收入执行情况表]}\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key in a template", head + "      colums: [a]\n", ":7: unknown key colums"},
		{"unknown key in a header column", head + "      header_columns:\n        - {name: 预算数, word: [预算数]}\n", ":8: unknown key word"},
		{"unknown layout", "tables:\n  templates:\n    - id: y\n      name: y\n      layout: grid\n      titles: {final: [y表]}\n", ":3: template y: unknown layout \"grid\""},
		{"no titles", "tables:\n  templates:\n    - id: y\n      name: y\n      layout: rows\n", ":3: template y: no titles"},
		{"unknown report kind", "tables:\n  templates:\n    - id: y\n      name: y\n      layout: rows\n      titles: {draft: [y表]}\n", ":3: template y: titles: unknown report kind \"draft\""},
		{"an identity naming a column the template lacks", head +
			"      header_columns:\n        - {name: 预算数, words: [预算数]}\n        - {name: 执行数, words: [执行数]}\n" +
			"      row_identities:\n        - 为预算% = ratio(执行数, 预算数)\n", ":11: template x-revenue: identity \"为预算% = ratio(执行数, 预算数)\": no column \"为预算%\""},
		{"an identity that does not parse", head + "      header_columns:\n        - {name: 执行数, words: [执行数]}\n" +
			"      row_identities:\n        - 执行数 == 执行数\n", ":10: template x-revenue: identity"},
		{"an operator without spaces", head + "      header_columns:\n        - {name: a, words: [a]}\n        - {name: b, words: [b]}\n" +
			"      row_identities:\n        - a = a+b\n", ":11:"},
		{"an unknown set", head + "      column_identities:\n        - 合计 = Σ kids\n", ":8: template x-revenue: identity \"合计 = Σ kids\": \"Σkids\": unknown set"},
		{"a relation to an unknown template", "tables:\n  relations:\n    - nothing[合计].#1 = income[合计].#1\n", ":3: relation \"nothing[合计].#1 = income[合计].#1\": no template \"nothing\""},
		{"a relation to an unknown column", "tables:\n  relations:\n    - income[合计].本年合计 = summary.收入[本年收入合计].#1\n", ":3: relation"},
		{"unbalanced title alternatives", "tables:\n  templates:\n    - id: y\n      name: y\n      layout: rows\n      titles: {final: [一般(本级|收入表]}\n", ":3: template y: title \"一般(本级|收入表\": unbalanced alternatives"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := defaults(t)
			p := userFile(t, tc.yaml)
			err := s.AddFile(p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), p+tc.want)
		})
	}
}

func TestUserTemplateAddsAndReplaces(t *testing.T) {
	s := defaults(t)
	n := len(s.Tables.Templates)
	p := userFile(t, `tables:
  not_region: [分地区]
  templates:
    - id: x-revenue
      name: 某省一般公共预算收入执行情况表
      scope: government
      layout: rows
      titles: {execution: ["一般公共预算(本级|)收入执行情况表"]}
      header_columns:
        - {name: 预算数, words: [预算数]}
        - {name: 执行数, words: [执行数, 完成数]}
        - {name: 为预算%, words: [为预算%]}
      row_identities:
        - 为预算% = ratio(执行数, 预算数)
      column_identities:
        - 本年收入合计 = Σ items
    - id: sangong
      name: 三公经费表
      layout: sangong
      titles: {final: [三公经费表]}
`)
	require.NoError(t, s.AddFile(p))
	assert.Len(t, s.Tables.Templates, n+1, "one added, one replaced")
	x := s.Tables.Template("x-revenue")
	require.NotNil(t, x)
	assert.Equal(t, []string{"一般公共预算本级收入执行情况表", "一般公共预算收入执行情况表"}, x.TitlesOf(KindExecution))
	require.Len(t, x.RowIdentities, 1)
	e := x.RowIdentities[0].Expr
	require.NotNil(t, e)
	assert.Equal(t, "ratio", e.Right[0][0].Func)
	assert.Equal(t, "三公经费表", s.Tables.Template("sangong").Name)
	assert.Contains(t, s.Tables.NotRegion, "分地区")
}

func TestParseExpr(t *testing.T) {
	e, err := ParseExpr("年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计", exprRow)
	require.NoError(t, err)
	require.Len(t, e.Right, 1)
	assert.Equal(t, []int{1, 1, -1}, []int{e.Right[0][0].Sign, e.Right[0][1].Sign, e.Right[0][2].Sign})

	e, err = ParseExpr("比上年增长% = growth(执行数, 上年执行数) | growth(预算数, 上年预算数)", exprRow)
	require.NoError(t, err)
	require.Len(t, e.Right, 2, "two readings")
	assert.Equal(t, []Ref{{Col: "预算数"}, {Col: "上年预算数"}}, e.Right[1][0].Args)

	e, err = ParseExpr("basic[30231~公务用车].#1 <= sangong.运行", exprCell)
	require.NoError(t, err)
	assert.Equal(t, "<=", e.Op)
	assert.Equal(t, Ref{Table: "basic", Row: "30231", NameHas: "公务用车", Col: "#1"}, e.Left.Ref)
	assert.Equal(t, Ref{Table: "sangong", Col: "运行"}, e.Right[0][0].Ref)

	e, err = ParseExpr("公用经费合计 = Σ classes[^301,303]", exprColumn)
	require.NoError(t, err)
	assert.True(t, e.Right[0][0].Except)
	assert.Equal(t, []string{"301", "303"}, e.Right[0][0].Codes)

	for _, bad := range []string{"", "= a", "a = ", "a = b +", "a = ratio(b)", "a = b + ratio(c, d)", "a b = c", "a = b = c", "a = Σ"} {
		_, err := ParseExpr(bad, exprRow)
		assert.Error(t, err, bad)
	}
}

// Identities and titles come from users' rule files: no input makes the
// parsers panic, and a title's alternatives expand to titles without them.
func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"合计 = 基本支出 + 项目支出", "为预算% = ratio(执行数, 预算数) | ratio(执行数, 调整预算数)",
		"#1 = Σ #2..", "公用经费合计 = Σ classes[^301,303]", "basic[30231~公务用车].#1 <= sangong.运行", "支出.…总计 = 收入.…总计",
		"a = Σ", "= a", "a = ratio(", "x.y[z].#0 = w"} {
		f.Add(s, "一般公共预算(本级|)收入(执行情况|)表")
	}
	f.Fuzz(func(t *testing.T, expr, title string) {
		for _, ctx := range []exprContext{exprRow, exprColumn, exprCell} {
			if e, err := ParseExpr(expr, ctx); err == nil {
				require.NotNil(t, e)
				require.NotEmpty(t, e.Right)
				_ = e.Refs()
			}
		}
		if ts, err := expandTitle(title); err == nil {
			for _, x := range ts {
				require.NotContains(t, x, "|")
			}
		}
	})
}
