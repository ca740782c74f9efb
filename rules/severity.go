package rules

import (
	"fmt"
	"strings"
)

// Severity orders findings: error > warning > info.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank is 3 for error, 2 for warning, 1 for info, 0 for anything else.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// AtLeast reports whether s is as severe as level or more.
func (s Severity) AtLeast(level Severity) bool { return s.Rank() >= level.Rank() }

// ParseSeverity accepts error, warning and info (any case).
func ParseSeverity(s string) (Severity, error) {
	v := Severity(strings.ToLower(strings.TrimSpace(s)))
	if v.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want error, warning or info)", s)
	}
	return v, nil
}
