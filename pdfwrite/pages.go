package pdfwrite

import "math"

// Page is a leaf of the page tree.
type Page struct {
	Ref  Ref
	Dict Dict
	// Box is the visible area in user space (the crop box, else the media
	// box) and Rotate the quarter turns clockwise it is shown with.
	Box    [4]float64
	Rotate int
}

const maxPages = 100000

// Pages lists the pages in order. Pages that are not indirect objects
// (which the format does not allow) are listed with a zero Ref.
func (f *File) Pages() []Page {
	var out []Page
	seen := map[int]bool{}
	root, _ := f.Resolve(f.Trailer["Root"]).(Dict)
	var walk func(o Object, media, crop Object, rot int64, depth int)
	walk = func(o Object, media, crop Object, rot int64, depth int) {
		ref, isRef := o.(Ref)
		if isRef {
			if seen[ref.Num] {
				return
			}
			seen[ref.Num] = true
		}
		d, ok := f.Resolve(o).(Dict)
		if !ok || depth > maxDepth || len(out) >= maxPages {
			return
		}
		if x := f.Resolve(d["MediaBox"]); x != nil {
			media = x
		}
		if x := f.Resolve(d["CropBox"]); x != nil {
			crop = x
		}
		if x, ok := f.Resolve(d["Rotate"]).(int64); ok {
			rot = x
		}
		kids, hasKids := f.Resolve(d["Kids"]).(Array)
		if d["Type"] == Name("Page") || !hasKids {
			pg := Page{Dict: d, Rotate: int(((rot%360)+360)%360) / 90 * 90}
			if isRef {
				pg.Ref = ref
			}
			pg.Box = [4]float64{0, 0, 612, 792} // the format's default, US Letter
			// the crop box when it is usable, else the media box: the
			// frame the text reader measures positions in
			if b, ok := f.box(crop); ok {
				pg.Box = b
			} else if b, ok := f.box(media); ok {
				pg.Box = b
			}
			out = append(out, pg)
			return
		}
		for _, k := range kids {
			walk(k, media, crop, rot, depth+1)
		}
	}
	if root != nil {
		walk(root["Pages"], nil, nil, 0, 0)
	} else {
		for _, r := range f.orphans {
			walk(r, nil, nil, 0, 0)
		}
	}
	return out
}

func (f *File) box(o Object) ([4]float64, bool) {
	a, ok := f.Resolve(o).(Array)
	if !ok || len(a) != 4 {
		return [4]float64{}, false
	}
	var v [4]float64
	for i, x := range a {
		n, ok := Num(f.Resolve(x))
		if !ok || math.IsInf(n, 0) {
			return v, false
		}
		v[i] = n
	}
	b := [4]float64{math.Min(v[0], v[2]), math.Min(v[1], v[3]), math.Max(v[0], v[2]), math.Max(v[1], v[3])}
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
		return v, false
	}
	return b, true
}

// Width and Height are the page's size as displayed (after rotation).
func (p Page) Width() float64 {
	if p.Rotate == 90 || p.Rotate == 270 {
		return p.Box[3] - p.Box[1]
	}
	return p.Box[2] - p.Box[0]
}

// Height is the displayed height.
func (p Page) Height() float64 {
	if p.Rotate == 90 || p.Rotate == 270 {
		return p.Box[2] - p.Box[0]
	}
	return p.Box[3] - p.Box[1]
}

// User maps a point of the displayed page (origin top left, y down, in
// points) to the page's user space.
func (p Page) User(x, y float64) (float64, float64) {
	x0, y0, x1, y1 := p.Box[0], p.Box[1], p.Box[2], p.Box[3]
	switch p.Rotate {
	case 90:
		return y + x0, x + y0
	case 180:
		return x1 - x, y + y0
	case 270:
		return x1 - y, y1 - x
	}
	return x + x0, y1 - y
}
