package doc

import "sort"

// Offset is the inverse of Position: the rune offset of a line and column
// (and page, when the source reports lines within pages). A place past the
// end of its line or of the text is clamped to it.
func (s *Source) Offset(p Position) int {
	first := 0 // index in lineStarts of the first line counted from
	if s.PageLines && s.HasPages() && p.Page > 0 {
		pi := min(p.Page, len(s.pageStarts)) - 1
		first = sort.SearchInts(s.lineStarts, s.pageStarts[pi])
	}
	li := first + max(p.Line, 1) - 1
	if li >= len(s.lineStarts) {
		return s.runes
	}
	end := s.runes
	if li+1 < len(s.lineStarts) {
		end = s.lineStarts[li+1]
	}
	return min(s.lineStarts[li]+max(p.Column, 1)-1, end)
}
