package pdffile

import (
	pdf "github.com/budgetlint/budgetlint/parser/pdffile/pdfobj"
)

// Fonts are cached by object, and a page tree's kids are read once each:
// both need an entry's object number without resolving it.

type objRef = pdf.Ref

// refOf returns the object reference stored under key in dictionary v,
// without resolving it; ok is false for direct values.
func refOf(v pdf.Value, key string) (objRef, bool) { return v.RefOf(key) }

// refAt returns the object reference at index i of array v, unresolved.
func refAt(v pdf.Value, i int) (objRef, bool) { return v.RefAt(i) }
