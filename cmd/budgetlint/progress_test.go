package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestProgressSilentWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 10, false)
	p.started("a.txt")
	p.finished()
	p.close()
	assert.Empty(t, buf.String(), "a buffer is not a terminal")
}

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	t0 := time.Unix(1000, 0)
	clock := t0
	p := &progress{w: &buf, total: 10, start: t0, on: true, now: func() time.Time { return clock }}
	p.started("reports/区县/很长的文件名.pdf")
	clock = t0.Add(2 * time.Second)
	for i := 0; i < 4; i++ {
		p.finished()
	}
	assert.Equal(t, "4/10 files · 2.0 files/s · 3s left · reports/区县/很长的文件名.pdf", p.line(clock))
	assert.Contains(t, buf.String(), "\r\x1b[K1/10 files", "first file drawn at once")
	assert.NotContains(t, buf.String(), "2/10", "redraws are rate-limited")
	var nilP *progress
	nilP.started("x") // a nil progress is a no-op
	nilP.finished()
}
