package docxfile

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
)

// headingStyles reads word/styles.xml and returns the ids of paragraph
// styles that are headings. Style ids are arbitrary (WPS numbers them: "3"
// may be Body Text), so only a style's name or outline level says what it
// is. A missing or unreadable styles part means no style is a heading.
func headingStyles(data []byte) map[string]bool {
	out := map[string]bool{}
	xmlData, err := readPart(data, "word/styles.xml")
	if err != nil {
		return out
	}
	dec := xml.NewDecoder(bytes.NewReader(xmlData))
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	id := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "style":
			id = ""
			if attr(t, "type") == "paragraph" {
				id = attr(t, "styleId")
			}
		case "name":
			if id != "" && headingName.MatchString(attr(t, "val")) {
				out[id] = true
			}
		case "outlineLvl":
			if id != "" && isOutline(attr(t, "val")) {
				out[id] = true
			}
		}
	}
}

// headingName matches the built-in names Word and WPS give headings.
var headingName = regexp.MustCompile(`(?i)^(heading\s*\d|title|标题\s*\d?)$`)

// isOutline: levels 0–8 are headings; 9 is body text.
func isOutline(val string) bool {
	v := strings.TrimSpace(val)
	return len(v) == 1 && v[0] >= '0' && v[0] <= '8'
}
