package checks

import (
	"fmt"
	"strings"
)

// damaged reports, once, a file whose structure was broken (a truncated
// download, a bad cross-reference table, bytes after the end) and that was
// read only as far as it goes: what was wrong and how many pages were read.
// A clean result on half a file must not look like a clean file. It runs on
// files without a usable text layer too: damage is said even when nothing
// else can be checked.
func init() {
	RegisterTests("damaged", map[string]Test{"file": damaged}, Options{OnNoText: true, Vars: []string{"damage", "pages"}})
}

func damaged(c *Context) {
	d := c.Doc.Damage
	if d == nil {
		return
	}
	pages := fmt.Sprintf("%d pages read; the file does not say how many it has", d.PagesRead)
	if d.PagesDeclared > 0 {
		pages = fmt.Sprintf("%d of %d pages read", d.PagesRead, d.PagesDeclared)
	}
	c.ReportDoc(Vars{"damage": strings.Join(d.Problems, "; "), "pages": pages})
}
