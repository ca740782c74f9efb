package mutate

import (
	"fmt"
	"os"

	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/parser/docxfile"
	"github.com/budgetlint/budgetlint/parser/htmlfile"
	"github.com/budgetlint/budgetlint/parser/pdffile"
	"github.com/budgetlint/budgetlint/parser/textfile"
	"github.com/budgetlint/budgetlint/parser/xlsxfile"
)

// edit sets the source rune at off.
type edit struct {
	off int
	r   rune
}

// source makes documents from a report's text with edits planted in it.
// Text and HTML are read again from their edited text, so the reader sees
// the copy exactly as it would a file; PDF and DOCX text cannot be written
// back, so the edits go into the lines their reader returned (same
// characters count, so the page geometry stays valid) and the document is
// built from those.
type source struct {
	path   string
	format doc.Format
	data   []byte   // the file (DOCX, read again for each copy)
	text   []rune   // the source text positions refer to
	raw    *doc.Raw // the reader's lines, kept for PDF
	lineOf []int32  // source rune offset → index of the reader's line holding it
	pages  bool     // positions are page + line within the page
}

func openSource(path string) (*source, error) {
	format := parser.FormatOf(path)
	if format == "" {
		return nil, fmt.Errorf("%w: %s", parser.ErrUnsupported, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := &source{path: path, format: format, data: data}
	raw, err := s.read(data)
	if err != nil {
		return nil, err
	}
	if format == doc.FormatText || format == doc.FormatHTML {
		// read the decoded text back as UTF-8: the copies are written so
		utf := []byte(raw.Source)
		if raw, err = s.read(utf); err != nil {
			return nil, err
		}
		if raw.Source != string(utf) {
			return nil, fmt.Errorf("%s: its text does not read back the same", path)
		}
		s.data = utf
	}
	s.text = []rune(raw.Source)
	s.raw = raw
	s.pages = raw.PageLines
	s.lineOf = make([]int32, len(s.text)+1)
	for i := range s.lineOf {
		s.lineOf[i] = -1
	}
	for i, l := range raw.Lines {
		for _, p := range l.Pos.All() {
			if p >= 0 && p < len(s.lineOf) {
				s.lineOf[p] = int32(i)
			}
		}
	}
	last := int32(0)
	for i, x := range s.lineOf {
		if x < 0 {
			s.lineOf[i] = last
		} else {
			last = x
		}
	}
	return s, nil
}

// read runs the format's reader, turning a panic into an error.
func (s *source) read(data []byte) (raw *doc.Raw, err error) {
	defer func() {
		if r := recover(); r != nil {
			raw, err = nil, fmt.Errorf("reading %s: %v", s.path, r)
		}
	}()
	switch s.format {
	case doc.FormatText:
		raw, err = textfile.Read(data)
	case doc.FormatHTML:
		raw, err = htmlfile.Read(data)
	case doc.FormatPDF:
		raw, err = pdffile.Read(data)
	case doc.FormatDOCX:
		raw, err = docxfile.Read(data)
	case xlsxfile.Format:
		raw, err = xlsxfile.Read(data)
	default:
		return nil, fmt.Errorf("%w: %s", parser.ErrUnsupported, s.path)
	}
	if err == nil {
		raw.Format = s.format
	}
	return raw, err
}

// document builds the document with edits planted (none for the original).
func (s *source) document(edits []edit) (d *doc.Document, err error) {
	switch s.format {
	case doc.FormatText, doc.FormatHTML:
		text := append([]rune(nil), s.text...)
		for _, e := range edits {
			text[e.off] = e.r
		}
		return parser.Parse(s.path, s.format, []byte(string(text)))
	}
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("building %s: %v", s.path, r)
		}
	}()
	raw := s.raw
	if s.format == doc.FormatDOCX || s.format == xlsxfile.Format {
		// its reader's tables are linked to blocks while a document is built
		if raw, err = s.read(s.data); err != nil {
			return nil, err
		}
	}
	return parser.Build(s.path, patchRaw(raw, edits)), nil
}

// patchRaw copies a reader's result with edits planted in its source and
// in the lines (and line segments) that show the edited characters.
func patchRaw(raw *doc.Raw, edits []edit) *doc.Raw {
	cp := *raw
	cp.Tables = append([]*doc.Table(nil), raw.Tables...)
	cp.Lines = append([]doc.Line(nil), raw.Lines...)
	if len(edits) == 0 {
		return &cp
	}
	text := []rune(raw.Source)
	at := map[int]rune{}
	for _, e := range edits {
		text[e.off] = e.r
		at[e.off] = e.r
	}
	cp.Source = string(text)
	for i := range cp.Lines {
		l := &cp.Lines[i]
		var rs []rune
		for j, p := range l.Pos.All() {
			r, ok := at[p]
			if !ok {
				continue
			}
			if rs == nil {
				rs = []rune(l.Text)
			}
			if j < len(rs) {
				rs[j] = r
			}
		}
		if rs == nil {
			continue
		}
		l.Text = string(rs)
		if l.Geo == nil {
			continue
		}
		// the copy's own geometry: the lines share theirs with raw's
		geo := *l.Geo
		geo.Segments = append([]doc.Segment(nil), geo.Segments...)
		for k, sg := range geo.Segments {
			n := len([]rune(sg.Text))
			if sg.Start >= 0 && sg.Start+n <= len(rs) {
				geo.Segments[k].Text = string(rs[sg.Start : sg.Start+n])
			}
		}
		l.Geo = &geo
	}
	return &cp
}

// offset converts a finding's page, line and column back to a source rune
// offset, counting lines as the document's source does.
func (s *source) offset(page, line, col int) int {
	pageStart, l, i := 0, 1, 0
	if s.pages && page > 1 {
		p := 1
		for ; i < len(s.text) && p < page; i++ {
			if s.text[i] == '\f' {
				p++
			}
		}
		pageStart = i
	}
	i = pageStart
	for ; i < len(s.text) && l < line; i++ {
		if s.text[i] == '\n' || (s.pages && s.text[i] == '\f') {
			l++
		}
	}
	return min(i+col-1, len(s.text))
}
