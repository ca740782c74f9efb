package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every rule of the default pack speaks every language: a rule added to
// default.yaml, tables.yaml or meta.yaml without its translation fails
// here, and the message says what to add to which file.
func TestEveryRuleTranslated(t *testing.T) {
	en, err := DefaultIn(English)
	require.NoError(t, err)
	for _, lang := range Langs() {
		if lang == English {
			continue
		}
		l, err := LoadLocale(lang)
		require.NoError(t, err)
		var missing []string
		for _, r := range en.Rules {
			tr := l.Rules[r.ID]
			var lacks []string
			for _, f := range []struct{ name, en, tr string }{
				{"summary", r.Summary, tr.Summary}, {"message", r.Message, tr.Message}, {"explain", r.Explain, tr.Explain},
			} {
				if strings.TrimSpace(f.en) != "" && strings.TrimSpace(f.tr) == "" {
					lacks = append(lacks, fmt.Sprintf("    %s: %q   # English: %s", f.name, "…", firstLine(f.en)))
				}
			}
			if len(lacks) > 0 {
				missing = append(missing, fmt.Sprintf("  %s:\n%s", r.ID, strings.Join(lacks, "\n")))
				continue
			}
			assert.Equal(t, placeholders(r.Message), placeholders(tr.Message),
				"rules/locale/%s.yaml: %s: the message's {placeholders} differ from the English one's", lang, r.ID)
		}
		assert.Empty(t, missing, "rules/locale/%s.yaml lacks translations; add under rules:\n%s", lang, strings.Join(missing, "\n"))
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

var phRe = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`)

func placeholders(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range phRe.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// The default is Chinese; English is the pack as written; user files are
// laid over the translated pack, so a user's own message wins.
func TestDefaultLanguage(t *testing.T) {
	zh, err := Default()
	require.NoError(t, err)
	assert.Equal(t, Chinese, zh.Lang)
	assert.Contains(t, zh.Lookup("share-mismatch").Message, "占比应为{expected}")
	en, err := DefaultIn("en")
	require.NoError(t, err)
	assert.Equal(t, English, en.Lang)
	assert.Contains(t, en.Lookup("share-mismatch").Message, "share stated {stated}")

	require.NoError(t, zh.AddBytes("mine.yaml", []byte("rules:\n  - id: share-mismatch\n    message: \"我的：{stated}\"\n")))
	assert.Equal(t, "我的：{stated}", zh.Lookup("share-mismatch").Message)

	for in, want := range map[string]string{"zh": "zh", "zh-CN": "zh", "ZH_cn": "zh", "en": "en", "en-US": "en"} {
		got, err := ParseLang(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err = ParseLang("fr")
	assert.ErrorContains(t, err, `unknown language "fr"`)
	_, err = DefaultIn("hz")
	assert.ErrorContains(t, err, "did you mean zh?")
}

func TestPhrases(t *testing.T) {
	l, err := parseLocale("x.yaml", []byte(`lang: zh
phrases:
  "share: no whole stated": 占比：未写明总数
  "share": 占比
  "{kind}: no rule applies to this form": "{kind}：没有适用于这种写法的规则"
  "table lines: {table} not read": 表文核对：{table}未能读出
  "{#n} of {#m} pages read": 共{m}页，读出{n}页
  "{#n} rows below {row}": "{row}下共{n}行"
  "no end-of-file marker": 没有文件结束标记
`))
	require.NoError(t, err)
	for in, want := range map[string]string{
		"share: no whole stated":                    "占比：未写明总数",
		"share: no rule applies to this form":       "占比：没有适用于这种写法的规则", // the hole's text is a phrase too
		"item: no rule applies to this form":        "item：没有适用于这种写法的规则",
		"table lines: 收入支出决算总表 not read":            "表文核对：收入支出决算总表未能读出",
		"3 of 12 pages read":                        "共12页，读出3页",
		"no end-of-file marker; 3 of 12 pages read": "没有文件结束标记；共12页，读出3页",
		"154.25万元":                                  "154.25万元", // report text passes through
		"":                                          "",
	} {
		assert.Equal(t, want, l.Say(in), in)
	}
	assert.True(t, l.Knows("no end-of-file marker; 3 of 12 pages read"))
	assert.False(t, l.Knows("no end-of-file marker; something new"))
	var nilLocale *Locale
	assert.Equal(t, "as is", nilLocale.Say("as is"))

	_, err = parseLocale("x.yaml", []byte("lang: zh\nphrases:\n  \"{a} read\": \"{b}读出\"\n"))
	assert.ErrorContains(t, err, "names {b}")
	_, err = parseLocale("x.yaml", []byte("lang: zh\nphrases:\n  \"a\": 甲\n  \"a\": 乙\n"))
	assert.ErrorContains(t, err, "x.yaml:4: duplicate key a")
	_, err = parseLocale("x.yaml", []byte("lang: zh\nrules:\n  share-mismatch:\n    sumary: 占比\n"))
	assert.ErrorContains(t, err, "x.yaml:4: unknown key sumary")
}

// A locale naming a rule the pack lacks is an error (a renamed rule left
// its translation behind).
func TestLocaleUnknownRule(t *testing.T) {
	s, err := DefaultIn(English)
	require.NoError(t, err)
	l, err := parseLocale("x.yaml", []byte("lang: zh\nrules:\n  share-mismatc:\n    summary: 占比\n"))
	require.NoError(t, err)
	assert.ErrorContains(t, l.apply(s), `unknown rule "share-mismatc" (did you mean share-mismatch?)`)
}
