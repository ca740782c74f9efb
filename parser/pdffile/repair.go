package pdffile

// repair rebuilds a lost cross-reference table.
func repair(data []byte) ([]byte, bool) {
	return nil, false
}
