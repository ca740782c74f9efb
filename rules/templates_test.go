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
