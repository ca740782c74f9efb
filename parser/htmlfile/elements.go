package htmlfile

import (
	"golang.org/x/net/html/atom"
)

// skipped elements hold no text a reader of the page sees.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Textarea: true,
	atom.Select: true, atom.Svg: true, atom.Math: true, atom.Object: true,
}

// rawText elements make the tokenizer read their content as text up to the
// end tag even when written <x/>.
var rawText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Noembed: true, atom.Noframes: true, atom.Textarea: true, atom.Title: true,
	atom.Xmp: true, atom.Plaintext: true,
}

// block elements start and end lines; everything else (span, a, font, b,
// sub, o:p …) is inline and joins the surrounding line with no separator.
var block = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Html: true,
	atom.Legend: true, atom.Li: true, atom.Listing: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Ul: true, atom.Head: true, atom.Title: true,
	atom.Caption: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Xmp: true,
	atom.Plaintext: true, atom.Frameset: true, atom.Frame: true, atom.Option: true,
	atom.Optgroup: true, atom.Colgroup: true,
}

// preLike elements keep their white space and break lines at newlines.
var preLike = map[atom.Atom]bool{atom.Pre: true, atom.Listing: true, atom.Xmp: true, atom.Plaintext: true}

// headOnly elements may appear in <head> without ending it.
var headOnly = map[atom.Atom]bool{
	atom.Meta: true, atom.Link: true, atom.Title: true, atom.Base: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Html: true,
}

// closesP are the block starts that end an open <p> in browsers.
var closesP = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Header: true, atom.Hgroup: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Section: true, atom.Summary: true, atom.Ul: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Pre: true,
	atom.Listing: true, atom.Table: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	atom.Plaintext: true, atom.Xmp: true, atom.Hr: true,
}

func isVoid(el atom.Atom) bool {
	switch el {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func isHeading(el atom.Atom) bool {
	switch el {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// tagPos is the rune offset of the tag being handled.
func (w *walker) tagPos() int { return w.runeOff }

// start handles a start tag.
func (w *walker) start(el atom.Atom, attrs map[string]string) {
	if w.inHead && !headOnly[el] {
		w.inHead = false // content before <body>: the head has ended
	}
	switch el {
	case atom.Head:
		w.inHead = true
		return
	case atom.Body:
		w.inHead = false
	case atom.Br:
		w.flush(w.tagPos())
		return
	case atom.Title:
		w.flush(w.tagPos())
		w.inTitle = true
		return
	}
	if !block[el] && el != atom.Hr {
		return
	}
	w.flush(w.tagPos())
	if el == atom.Hr {
		return
	}
	w.impliedEnds(el)
	if t := w.table(); t != nil && w.tableStart(t, el, attrs) {
		return
	}
	if el == atom.Table {
		w.openTable()
		return
	}
	w.push(el)
}

// end handles an end tag.
func (w *walker) end(el atom.Atom) {
	switch el {
	case atom.Head:
		w.inHead = false
		return
	case atom.Br: // </br> is a <br> in browsers
		w.flush(w.tagPos())
		return
	case atom.Title:
		w.flush(w.tagPos())
		w.inTitle = false
		return
	}
	if !block[el] {
		return
	}
	w.flush(w.tagPos())
	if i := w.open(el); i >= 0 {
		w.truncate(i)
	}
}

// impliedEnds closes what a new block closes in browsers: an open <p>, the
// previous <li>/<dt>/<dd>, a heading directly around another heading.
func (w *walker) impliedEnds(el atom.Atom) {
	if closesP[el] {
		if i := w.open(atom.P); i >= 0 {
			w.truncate(i)
		}
	}
	switch {
	case el == atom.Li:
		if i := w.openIn(atom.Li, atom.Ul, atom.Ol); i >= 0 {
			w.truncate(i)
		}
	case el == atom.Dt || el == atom.Dd:
		if i := w.openIn(atom.Dt, atom.Dl, 0); i >= 0 {
			w.truncate(i)
		} else if i := w.openIn(atom.Dd, atom.Dl, 0); i >= 0 {
			w.truncate(i)
		}
	case isHeading(el):
		if n := len(w.stack); n > 0 && isHeading(w.stack[n-1]) {
			w.truncate(n - 1)
		}
	}
}

// open finds the innermost open el, not looking past a table boundary
// (a stray </div> in a cell must not close the table), or -1.
func (w *walker) open(el atom.Atom) int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		s := w.stack[i]
		if s == el {
			return i
		}
		if s == atom.Table || ((s == atom.Td || s == atom.Th || s == atom.Caption) && el != atom.Table && el != atom.Tr && !isSection(el)) {
			return -1
		}
	}
	return -1
}

// openIn is open but also stopping at the list elements b1, b2.
func (w *walker) openIn(el, b1, b2 atom.Atom) int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		s := w.stack[i]
		if s == el {
			return i
		}
		if s == b1 || s == b2 || s == atom.Table || s == atom.Td || s == atom.Th {
			return -1
		}
	}
	return -1
}

func isSection(el atom.Atom) bool {
	return el == atom.Tbody || el == atom.Thead || el == atom.Tfoot
}

func (w *walker) push(el atom.Atom) {
	if len(w.stack) >= maxDepth {
		return
	}
	w.stack = append(w.stack, el)
	if preLike[el] {
		w.pre++
	}
}

// truncate closes every element from stack index n up, finishing the table
// cells and tables among them.
func (w *walker) truncate(n int) {
	if n < 0 {
		n = 0
	}
	for len(w.tabs) > 0 {
		t := w.tabs[len(w.tabs)-1]
		if t.cell != nil && t.cell.depth >= n {
			w.finishCell(t)
		}
		if t.depth < n {
			break
		}
		w.closeTable()
	}
	if n >= len(w.stack) {
		return
	}
	for _, el := range w.stack[n:] {
		if preLike[el] {
			w.pre--
		}
	}
	w.stack = w.stack[:n]
}
