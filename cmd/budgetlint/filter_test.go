package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"*.pdf", "a.pdf", true},
		{"*.pdf", "x/a.pdf", false},
		{"**/*.pdf", "a.pdf", true},
		{"**/*.pdf", "x/y/a.pdf", true},
		{"drafts/**", "drafts/a/b.txt", true},
		{"drafts/**", "final/a.txt", false},
		{"a/**/b.txt", "a/b.txt", true},
		{"a/**/b.txt", "a/x/y/b.txt", true},
		{"a/**/b.txt", "a/x/y/c.txt", false},
		{"**/附件*.html", "区县/附件1.html", true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, globMatch(tt.pattern, tt.name), "%s ~ %s", tt.pattern, tt.name)
	}
}

func TestPathFilter(t *testing.T) {
	f, err := newPathFilter([]string{"*.txt", "reports/**/*.html"}, []string{"*-draft.*", "archive", "./tmp/"})
	require.NoError(t, err)
	tests := []struct {
		rel                string
		included, excluded bool
	}{
		{"a.txt", true, false},
		{"x/y/a.txt", true, false}, // base name matches *.txt
		{"x/a.pdf", false, false},
		{"reports/2024/a.html", true, false},
		{"x/a-draft.txt", true, true},
		{"archive/old.txt", true, true}, // folder pattern
		{"tmp/a.txt", true, true},
		{"archived.txt", true, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.included, f.included(tt.rel), "include %s", tt.rel)
		assert.Equal(t, tt.excluded, f.excluded(tt.rel), "exclude %s", tt.rel)
	}
	_, err = newPathFilter([]string{"[a"}, nil)
	assert.Error(t, err)
}
