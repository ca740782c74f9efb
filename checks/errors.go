package checks

import (
	"fmt"

	"github.com/budgetlint/budgetlint/rules"
)

func errf(r *rules.Rule, format string, args ...any) error {
	return fmt.Errorf("%s:%d: rule %s: %s", r.File, r.Line, r.ID, fmt.Sprintf(format, args...))
}
