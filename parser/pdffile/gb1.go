package pdffile

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sync"
)

// Fonts that are not embedded and use Identity-H with the Adobe-GB1 character
// collection (Acrobat Distiller writes them, often with no ToUnicode map)
// show CIDs whose text is fixed by the collection. The table is Adobe's
// Adobe-GB1 CID → Unicode mapping (as shipped in poppler-data), one
// little-endian uint16 per CID, 0 where there is no BMP character.
//
//go:embed adobe-gb1.bin.gz
var gb1Gz []byte

var (
	gb1Once  sync.Once
	gb1Table []byte
)

func gb1Rune(cid uint32) (rune, bool) {
	gb1Once.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(gb1Gz))
		if err != nil {
			return
		}
		gb1Table, _ = io.ReadAll(zr)
	})
	i := int(cid) * 2
	if i+1 >= len(gb1Table) {
		return 0, false
	}
	r := rune(gb1Table[i]) | rune(gb1Table[i+1])<<8
	return r, r != 0
}
