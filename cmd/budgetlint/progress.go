package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress draws one status line on stderr while a batch runs: a finance
// bureau checking a thousand reports wants to know it is moving. It draws
// only on a terminal, so CI logs and redirected stderr stay clean.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	total   int
	done    int
	current string
	start   time.Time
	drawn   time.Time
	on      bool
	now     func() time.Time
}

// redrawEvery keeps a fast batch from spending its time on the terminal.
const redrawEvery = 100 * time.Millisecond

func newProgress(stderr io.Writer, total int, quiet bool) *progress {
	p := &progress{w: stderr, total: total, now: time.Now}
	p.on = !quiet && total > 1 && isTerminal(stderr)
	p.start = p.now()
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

// started notes the file a worker has just picked up.
func (p *progress) started(path string) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	p.current = path
	p.mu.Unlock()
}

// finished counts a file and redraws when enough time has passed.
func (p *progress) finished() {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if now := p.now(); now.Sub(p.drawn) >= redrawEvery || p.done == p.total {
		p.drawn = now
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line(now))
	}
}

// line is the status text: done/total, rate, time left, current file.
func (p *progress) line(now time.Time) string {
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.done) / elapsed
	}
	left := "?"
	if rate > 0 {
		left = (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("%d/%d files · %.1f files/s · %s left · %s", p.done, p.total, rate, left, shortPath(p.current, 50))
}

// close erases the status line so the report that follows starts clean.
func (p *progress) close() {
	if p == nil || !p.on {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
}

func shortPath(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
