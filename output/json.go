package output

import (
	"encoding/json"

	"io"

	"github.com/budgetlint/budgetlint/checks"
)

func init() { Register("json", JSON) }

// JSON writes {"files":[…]} with the field names the scorecard reads.
func JSON(w io.Writer, r *Run) error {
	files := r.Files
	if files == nil {
		files = []FileResult{}
	}
	for i := range files {
		if files[i].Findings == nil {
			files[i].Findings = []checks.Finding{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Files []FileResult `json:"files"`
	}{files})
}
