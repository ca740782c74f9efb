package checks

import (
	"fmt"
	"strconv"
	"strings"
)

// damaged reports, once, a file whose structure was broken (a truncated
// download, a bad cross-reference table) and that was read only as far as
// it goes: what was wrong and how many pages were read. A clean result on
// half a file must not look like a clean file. It runs on files without a
// usable text layer too: damage is said even when nothing else can be
// checked.
//
// Bytes appended after a file's end-of-file marker are a test of their own
// (trailing): when nothing else was wrong every page was read and a reader
// lost nothing, so they are worth a note, not a warning.
func init() {
	RegisterTests("damaged", map[string]Test{"file": damaged, "trailing": trailing},
		Options{OnNoText: true, Vars: []string{"damage", "pages", "bytes"}})
}

func damaged(c *Context) {
	d := c.Doc.Damage
	if d == nil || len(d.Problems) == 0 {
		return
	}
	c.ReportDoc(Vars{"damage": strings.Join(d.Problems, "; "), "pages": pagesRead(d.PagesRead, d.PagesDeclared)})
}

func trailing(c *Context) {
	d := c.Doc.Damage
	if d == nil || len(d.Problems) > 0 || d.TrailingBytes == 0 {
		return
	}
	c.ReportDoc(Vars{"bytes": strconv.Itoa(d.TrailingBytes), "pages": pagesRead(d.PagesRead, d.PagesDeclared)})
}

func pagesRead(read, declared int) string {
	if declared > 0 {
		return fmt.Sprintf("%d of %d pages read", read, declared)
	}
	return fmt.Sprintf("%d pages read; the file does not say how many it has", read)
}
