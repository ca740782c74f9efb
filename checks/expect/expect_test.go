package expect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

func TestParseStripsMarkersAndKeepsLines(t *testing.T) {
	src := "本年支出合计157.60万元。\n" +
		"基本支出154.25万元，占本年支出合计的99.35%。 // want share-mismatch \"97\\.87%\"\n" +
		"<p>比上年增加/减少</p> <!-- want placeholder-alternatives `增加/减少` change-direction \"x\" -->\n" +
		"说明。"
	text, wants, err := Parse(src)
	require.NoError(t, err)
	assert.Equal(t, "本年支出合计157.60万元。\n基本支出154.25万元，占本年支出合计的99.35%。\n<p>比上年增加/减少</p>\n说明。", text)
	require.Len(t, wants, 3)
	assert.Equal(t, 2, wants[0].Line)
	assert.Equal(t, "share-mismatch", wants[0].Rule)
	assert.True(t, wants[0].Pattern.MatchString("figures give 97.87%"))
	assert.Equal(t, 3, wants[1].Line)
	assert.Equal(t, "placeholder-alternatives", wants[1].Rule)
	assert.Equal(t, "change-direction", wants[2].Rule)
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"x // want share-mismatch",       // no pattern
		"x // want share-mismatch \"(\"", // bad regexp
		"x // silent",                    // no rule
		"x // want \"97%\"",              // no rule
	} {
		_, _, err := Parse(src)
		assert.Error(t, err, src)
		assert.Contains(t, err.Error(), "line 1")
	}
}

func TestCheckReportsMissingAndUnexpected(t *testing.T) {
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	src := "本年支出合计157.60万元。\n" +
		"基本支出154.25万元，占本年支出合计的99.35%。\n" + // a finding nobody expects
		"项目支出3.35万元，占本年支出合计的2.13%。 // want share-mismatch \"x\"\n" // expected, not found
	fails, err := Check(eng, "t.txt", []byte(src))
	require.NoError(t, err)
	require.Len(t, fails, 2)
	assert.Equal(t, 2, fails[0].Line)
	assert.Contains(t, fails[0].Msg, "unexpected error: share stated 99.35%")
	assert.Equal(t, 3, fails[1].Line)
	assert.Contains(t, fails[1].Msg, "missing share-mismatch")
	assert.Contains(t, fails[1].Msg, "nothing found on this line")

	ok := "本年支出合计157.60万元。\n基本支出154.25万元，占本年支出合计的99.35%。 // want share-mismatch `figures give 97\\.87%`\n"
	fails, err = Check(eng, "t.txt", []byte(ok))
	require.NoError(t, err)
	assert.Empty(t, fails)
}

// A file may hold independent excerpts (txtar `-- name --` lines); each is
// its own document, and failures are reported at the file's lines.
func TestExcerptsInOneFile(t *testing.T) {
	set, err := rules.DefaultIn(rules.English)
	require.NoError(t, err)
	eng, err := checks.New(set)
	require.NoError(t, err)
	src := "Shares against a named whole.\n" +
		"-- wrong --\n" +
		"本年支出合计157.60万元。\n" +
		"基本支出154.25万元，占本年支出合计的99.35%。 // want share-mismatch `97\\.87%`\n" +
		"-- right --\n" +
		"基本支出154.25万元，占本年支出合计的97.87%。 // silent share-mismatch -- no whole in this excerpt\n" +
		"-- missing --\n" +
		"本年支出合计157.60万元。\n" +
		"基本支出154.25万元，占本年支出合计的97.87%。 // want share-mismatch `x`\n"
	fails, err := Check(eng, "cases.txt", []byte(src))
	require.NoError(t, err)
	require.Len(t, fails, 1, "%v", fails)
	assert.Equal(t, 9, fails[0].Line)
	assert.Contains(t, fails[0].Msg, "[missing.txt] missing share-mismatch")
	ws, err := Wants("cases.txt", src)
	require.NoError(t, err)
	assert.Len(t, ws, 2)
	assert.Equal(t, []string{"share-mismatch"}, Silent(src))
}
