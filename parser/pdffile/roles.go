package pdffile

// assignRoles marks page numbers, running headers and footers, paragraph
// breaks and indents.
func assignRoles(all [][]*pline, pages []page) {
}
