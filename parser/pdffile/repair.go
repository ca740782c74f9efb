package pdffile

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// A truncated download loses the cross-reference table and often the page
// tree and catalog, which producers write last; the page objects and their
// content are still there. repair scans for object definitions, adds a page
// tree listing every page object found (in file order) when the catalog's
// is missing, and appends a fresh cross-reference table and trailer, so the
// library can read what survived.

var (
	objDefRe  = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,9})\s+(\d{1,5})\s+obj\b`)
	pageRe    = regexp.MustCompile(`/Type\s*/Page\b`)
	catalogRe = regexp.MustCompile(`/Type\s*/Catalog\b`)
	pagesRef  = regexp.MustCompile(`/Pages\s+(\d+)\s+(\d+)\s+R`)
)

const maxRepairObjects = 1 << 20

type objLoc struct {
	off int
	gen int
}

func repair(data []byte) ([]byte, bool) {
	locs := map[int]objLoc{}
	var order []int // ids in file order
	maxID := 0
	matches := objDefRe.FindAllSubmatchIndex(data, maxRepairObjects)
	for _, m := range matches {
		id, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || id <= 0 || id > maxRepairObjects {
			continue
		}
		if _, ok := locs[id]; !ok {
			order = append(order, id)
		}
		locs[id] = objLoc{off: m[2], gen: gen}
		maxID = max(maxID, id)
	}
	if len(locs) == 0 {
		return nil, false
	}
	body := func(i int) []byte { // the text of object i up to its endobj
		id := order[i]
		start := locs[id].off
		end := len(data)
		if e := bytes.Index(data[start:], []byte("endobj")); e >= 0 {
			end = start + e
		}
		if end-start > 4096 {
			end = start + 4096 // dictionaries come first; skip stream data
		}
		return data[start:end]
	}
	root := 0
	var pages []int
	for i, id := range order {
		b := body(i)
		if catalogRe.Match(b) {
			if m := pagesRef.FindSubmatch(b); m != nil {
				if pid, err := strconv.Atoi(string(m[1])); err == nil {
					if _, ok := locs[pid]; ok {
						root = id
					}
				}
			}
		}
		if pageRe.Match(b) {
			pages = append(pages, id)
		}
	}
	if root == 0 && len(pages) == 0 {
		return nil, false
	}
	out := make([]byte, 0, len(data)+len(locs)*20+len(pages)*12+256)
	out = append(out, data...)
	out = append(out, '\n')
	if root == 0 {
		pagesID, catID := maxID+1, maxID+2
		maxID += 2
		locs[pagesID] = objLoc{off: len(out)}
		out = fmt.Appendf(out, "%d 0 obj\n<< /Type /Pages /Count %d /Kids [", pagesID, len(pages))
		for _, p := range pages {
			out = fmt.Appendf(out, "%d %d R ", p, locs[p].gen)
		}
		out = append(out, "] >>\nendobj\n"...)
		locs[catID] = objLoc{off: len(out)}
		out = fmt.Appendf(out, "%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", catID, pagesID)
		root = catID
	}
	xref := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n", maxID+1)
	for id := 0; id <= maxID; id++ {
		if l, ok := locs[id]; ok {
			out = fmt.Appendf(out, "%010d %05d n\r\n", l.off, l.gen)
		} else {
			out = append(out, "0000000000 65535 f\r\n"...)
		}
	}
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %d %d R >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, root, locs[root].gen, xref)
	return out, true
}
