package checks

// noText reports, once, a document with no usable text layer (a scanned
// PDF, or one whose text decodes to garbage). Every other kind is skipped
// for such a document: missing sections or tables would only be noise.
func init() {
	RegisterTests("no-text", map[string]Test{"layer": noText}, Options{OnNoText: true, Vars: []string{"reason"}})
}

func noText(c *Context) {
	if c.Doc.NoText != "" {
		c.ReportDoc(Vars{"reason": c.Doc.NoText})
	}
}
