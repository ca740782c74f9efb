package main

import (
	"fmt"

	"github.com/budgetlint/budgetlint/rules"
)

// say picks the command's own words in the run's language: English, or
// Chinese (the default), with the same fmt arguments in the same order.
func say(lang, en, zh string, args ...any) string {
	if lang == rules.Chinese {
		return fmt.Sprintf(zh, args...)
	}
	return fmt.Sprintf(en, args...)
}
