package pdffile

import (
	"errors"
	"io"
	"math"
	"time"

	pdf "github.com/budgetlint/budgetlint/parser/pdffile/pdfobj"
)

// Limits on the work one page may cost, so that hostile or broken files end
// in a short page rather than a hang or unbounded memory.
const (
	maxOpsPerPage    = 2_000_000
	maxGlyphsPerPage = 200_000
	maxStreamBytes   = 64 << 20 // decoded content per page, forms included
	maxFormDepth     = 12
	maxFormsPerPage  = 4096
	maxStateDepth    = 256
	pageBudget       = 5 * time.Second
)

var (
	errPageBudget = errors.New("page exceeds the work budget")
	errDocWork    = errors.New("document exceeds its work budget")
)

// docWork counts the content operators a document has run.
type docWork struct{ used, limit int }

// matrix is a PDF affine matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// translate returns translation(tx,ty) × m.
func (m matrix) translate(tx, ty float64) matrix {
	m[4] += tx*m[0] + ty*m[2]
	m[5] += tx*m[1] + ty*m[3]
	return m
}

func toMatrix(args []operand) (matrix, bool) {
	if len(args) < 6 {
		return identity, false
	}
	var m matrix
	for i := 0; i < 6; i++ {
		m[i] = args[len(args)-6+i].num
		if math.IsNaN(m[i]) || math.IsInf(m[i], 0) {
			return identity, false
		}
	}
	return m, true
}

// glyph is one shown character in user space.
type glyph struct {
	text       string
	x, y       float64 // origin, user space
	dx, dy     float64 // unit baseline direction, user space
	adv        float64 // visible advance along the baseline, user space
	size       float64 // font size, user space
	invisible  bool
	whitespace bool
	bad        bool // text not known, guessed or replaced
}

type gstate struct {
	ctm                        matrix
	tc, tw, th, tl, trise, tfs float64
	font                       *font
	render                     int
}

// pageRun interprets one page's content, forms included.
type pageRun struct {
	fonts    fontCache
	glyphs   []glyph
	images   int
	ops      int
	bytes    int
	forms    int
	codes    []code
	rules    []rule // vertical and horizontal strokes, user space: table cell borders
	deadline time.Time
	work     *docWork // shared by the pages of a document; nil: no limit
	path     []rule   // vertical and horizontal pieces of the path being built
	cx, cy   float64
}

// rule is a vertical or horizontal line drawn on the page, in user space,
// from (x0, y0) to (x1, y1); bar marks a thin filled rectangle, which
// counts even when filled.
type rule struct {
	x0, y0, x1, y1 float64
	bar            bool
}

const maxRulesPerPage = 20000

// readStream decodes a stream, at most limit bytes; a broken filter keeps
// what was decoded before it broke.
func readStream(v pdf.Value, limit int) (data []byte) {
	defer func() {
		if recover() != nil {
			data = nil
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, _ = io.ReadAll(io.LimitReader(rc, int64(limit)))
	return data
}

// contentBytes joins a page's content streams (one stream or an array).
func (p *pageRun) contentBytes(v pdf.Value) []byte {
	if v.Kind() == pdf.Array {
		var out []byte
		for i := 0; i < v.Len() && i < 10000; i++ {
			b := readStream(v.Index(i), maxStreamBytes-p.bytes)
			p.bytes += len(b)
			out = append(out, b...)
			out = append(out, '\n')
		}
		return out
	}
	b := readStream(v, maxStreamBytes-p.bytes)
	p.bytes += len(b)
	return b
}

// run interprets content with the given resources and graphics state.
func (p *pageRun) run(data []byte, res pdf.Value, g gstate, depth int) {
	var stack []gstate
	tm, tlm := identity, identity
	l := &lexer{b: data}
	var args []operand
	num := func(i int) float64 { // i-th operand from the end, 1-based
		if len(args) < i {
			return 0
		}
		return args[len(args)-i].num
	}
	var fontRes pdf.Value
	fontResLoaded := false
	for {
		o, op, done := l.next(0)
		if done {
			return
		}
		if op == "" {
			if len(args) >= maxOperands {
				copy(args, args[1:])
				args = args[:len(args)-1]
			}
			args = append(args, o)
			continue
		}
		p.ops++
		if p.work != nil {
			if p.work.used++; p.work.used > p.work.limit {
				panic(errDocWork)
			}
		}
		if p.ops > maxOpsPerPage || len(p.glyphs) > maxGlyphsPerPage ||
			(p.ops&1023 == 0 && !p.deadline.IsZero() && time.Now().After(p.deadline)) {
			panic(errPageBudget)
		}
		switch op {
		case "q":
			if len(stack) < maxStateDepth {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if m, ok := toMatrix(args); ok {
				g.ctm = m.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Td":
			tlm = tlm.translate(num(2), num(1))
			tm = tlm
		case "TD":
			g.tl = -num(1)
			tlm = tlm.translate(num(2), num(1))
			tm = tlm
		case "T*":
			tlm = tlm.translate(0, -g.tl)
			tm = tlm
		case "Tm":
			if m, ok := toMatrix(args); ok {
				tm, tlm = m, m
			}
		case "Tc":
			g.tc = num(1)
		case "Tw":
			g.tw = num(1)
		case "Tz":
			g.th = num(1) / 100
		case "TL":
			g.tl = num(1)
		case "Ts":
			g.trise = num(1)
		case "Tr":
			g.render = int(num(1))
		case "Tf":
			g.tfs = num(1)
			if len(args) >= 2 && args[len(args)-2].kind == kName {
				if !fontResLoaded {
					fontRes = res.Key("Font")
					fontResLoaded = true
				}
				g.font = p.fonts.get(fontRes, args[len(args)-2].str)
			}
		case "Tj":
			if len(args) > 0 {
				tm = p.show(args[len(args)-1].str, tm, &g)
			}
		case "'":
			tlm = tlm.translate(0, -g.tl)
			tm = tlm
			if len(args) > 0 {
				tm = p.show(args[len(args)-1].str, tm, &g)
			}
		case "\"":
			if len(args) >= 3 {
				g.tw, g.tc = args[len(args)-3].num, args[len(args)-2].num
			}
			tlm = tlm.translate(0, -g.tl)
			tm = tlm
			if len(args) > 0 {
				tm = p.show(args[len(args)-1].str, tm, &g)
			}
		case "TJ":
			if len(args) > 0 {
				for _, e := range args[len(args)-1].arr {
					switch e.kind {
					case kStr:
						tm = p.show(e.str, tm, &g)
					case kNum:
						tm = tm.translate(-e.num/1000*g.tfs*g.th, 0)
					}
				}
			}
		case "Do":
			if len(args) > 0 && args[len(args)-1].kind == kName {
				p.doXObject(res, args[len(args)-1].str, g, depth)
			}
		case "re":
			if len(args) >= 4 {
				x, y, w, h := num(4), num(3), num(2), num(1)
				switch {
				case math.Abs(w) < 3 && math.Abs(h) > 4:
					// a thin filled bar is how many producers draw a rule
					p.addRule(g.ctm, x+w/2, y, x+w/2, y+h, true)
				case math.Abs(h) < 3 && math.Abs(w) > 4:
					p.addRule(g.ctm, x, y+h/2, x+w, y+h/2, true)
				default:
					p.addRule(g.ctm, x, y, x, y+h, false)
					p.addRule(g.ctm, x+w, y, x+w, y+h, false)
					p.addRule(g.ctm, x, y, x+w, y, false)
					p.addRule(g.ctm, x, y+h, x+w, y+h, false)
				}
			}
		case "m":
			p.cx, p.cy = num(2), num(1)
		case "l":
			x, y := num(2), num(1)
			p.addRule(g.ctm, p.cx, p.cy, x, y, false)
			p.cx, p.cy = x, y
		case "S", "s", "B", "B*", "b", "b*":
			p.keepPath(true)
		case "f", "F", "f*":
			p.keepPath(false)
		case "n":
			p.path = p.path[:0]
		case "BI":
			p.images++
			for { // parameters up to ID, then binary data
				_, iop, idone := l.next(0)
				if idone || iop == "ID" {
					break
				}
			}
			l.skipInlineImage()
		}
		args = args[:0]
	}
}

// addRule notes a vertical or horizontal piece of the current path (in
// user space: pages are turned for display later); thin bars count even when
// filled, outlines only when stroked.
func (p *pageRun) addRule(ctm matrix, x0, y0, x1, y1 float64, bar bool) {
	ax, ay := ctm.apply(x0, y0)
	bx, by := ctm.apply(x1, y1)
	dx, dy := math.Abs(bx-ax), math.Abs(by-ay)
	var r rule
	switch {
	case dy >= 4 && dx <= 1.5:
		r = rule{x0: ax, y0: math.Min(ay, by), x1: bx, y1: math.Max(ay, by), bar: bar}
	case dx >= 4 && dy <= 1.5:
		r = rule{x0: math.Min(ax, bx), y0: ay, x1: math.Max(ax, bx), y1: by, bar: bar}
	default:
		return
	}
	if len(p.path) < maxRulesPerPage {
		p.path = append(p.path, r)
	}
}

func (p *pageRun) keepPath(stroked bool) {
	for _, r := range p.path {
		if (stroked || r.bar) && len(p.rules) < maxRulesPerPage {
			p.rules = append(p.rules, r)
		}
	}
	p.path = p.path[:0]
}

func (p *pageRun) doXObject(res pdf.Value, name string, g gstate, depth int) {
	x := res.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		p.images++
	case "Form":
		p.forms++
		if depth >= maxFormDepth || p.forms > maxFormsPerPage || p.bytes >= maxStreamBytes {
			return
		}
		if m := x.Key("Matrix"); m.Len() == 6 {
			var fm matrix
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
			g.ctm = fm.mul(g.ctm)
		}
		fres := x.Key("Resources")
		if fres.Kind() != pdf.Dict {
			fres = res
		}
		data := readStream(x, maxStreamBytes-p.bytes)
		p.bytes += len(data)
		p.run(data, fres, g, depth+1)
	}
}

// show places the glyphs of one string and returns the advanced text matrix.
func (p *pageRun) show(s string, tm matrix, g *gstate) matrix {
	f := g.font
	if f == nil {
		f = fallbackFont
	}
	p.codes = f.decode(s, p.codes[:0])
	for _, c := range p.codes {
		m := tm.mul(g.ctm)
		x, y := m.apply(0, g.trise)
		sx := math.Hypot(m[0], m[1])
		sy := math.Hypot(m[2], m[3])
		w := c.width * g.tfs * g.th
		gl := glyph{text: c.text, x: x, y: y, size: math.Abs(g.tfs) * sy * f.vscale, adv: math.Abs(w) * sx,
			invisible: g.render == 3 || g.render == 7, bad: c.bad}
		if sx > 0 {
			gl.dx, gl.dy = m[0]/sx, m[1]/sx
		} else {
			gl.dx = 1
		}
		gl.whitespace = isBlank(c.text)
		if len(p.glyphs) < maxGlyphsPerPage {
			p.glyphs = append(p.glyphs, gl)
		}
		adv := c.width*g.tfs + g.tc
		if c.space {
			adv += g.tw
		}
		tm = tm.translate(adv*g.th, 0)
	}
	return tm
}

var fallbackFont = defaultFont()

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		default:
			return false
		}
	}
	return true
}
