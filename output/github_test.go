package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		in, data, prop string
	}{
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a,b:c", "a,b:c", "a%2Cb%3Ac"},
		{"%0A literal", "%250A literal", "%250A literal"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.data, escapeData(tt.in), tt.in)
		assert.Equal(t, tt.prop, escapeProperty(tt.in), tt.in)
	}
}

func TestGitHubCommands(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, GitHub(&buf, testRun(t)))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 4)
	assert.Equal(t, "::error file=a/panzhihua%2C 2024%3A final.txt,line=47,col=3,endLine=47,endColumn=30,title=share::share stated 99.35%25, figures give 97.87%25", lines[0])
	assert.Equal(t, "::warning file=b/report.pdf,title=placeholder::page 3, line 5: template leftover 增加/减少%0A比上年增加/减少", lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "::notice file=b/report.pdf,"), lines[2])
	assert.Equal(t, "::error file=c/broken.docx,title=unreadable::cannot read: not a zip archive%0Adetail", lines[3])
}
