package checks

import "github.com/budgetlint/budgetlint/rules"

// Kind "meta" is for rules about budgetlint's own annotations in a source
// (inline suppressions). The command reports them while it applies the
// suppressions, after every other check has run, so the checker itself
// does nothing; it exists because every rule needs a registered kind.
func init() {
	Register("meta", func(*rules.Rule, *rules.Set) (Checker, error) { return metaChecker{}, nil })
}

type metaChecker struct{}

func (metaChecker) Run(*Context) {}
