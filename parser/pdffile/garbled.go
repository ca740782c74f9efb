package pdffile

// textStats gathers what decides whether a text layer is usable.
type textStats struct {
	runes, bad, letters int
	pagesWithText       int
	images              int
}

func (s *textStats) add(lines []*pline, images int) {
	s.images += images
	n := 0
	for _, l := range lines {
		for _, r := range l.text {
			if r == ' ' {
				continue
			}
			s.runes++
			n++
			if r == '\ufffd' || (r >= 0xe000 && r <= 0xf8ff) || r < 0x20 {
				s.bad++
			}
		}
	}
	if n > 0 {
		s.pagesWithText++
	}
}

// verdict returns "" for a usable text layer, else the NoText reason.
func (s *textStats) verdict(pages int) string {
	if s.runes == 0 {
		return "no usable text layer (no text on any page; scanned or image-only PDF)"
	}
	return ""
}
