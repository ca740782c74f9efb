package parser

import "github.com/budgetlint/budgetlint/parser/doc"

// Build turns a reader's lines into a document of blocks.
func Build(path string, raw *doc.Raw) *doc.Document {
	d := &doc.Document{Path: path, Format: raw.Format, Source: doc.NewSource(raw.Source, raw.PageLines), Tables: raw.Tables, NoText: raw.NoText, Warnings: raw.Warnings}
	return d
}
