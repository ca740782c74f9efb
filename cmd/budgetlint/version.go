package main

import (
	"runtime/debug"
	"strings"
)

// version is set with -ldflags "-X main.version=v1.2.3" by a release
// build; otherwise the build info says what was built.
var version = ""

// versionString is the module version and the VCS revision the binary was
// built from: "v0.3.1", "(devel) rev 1a2b3c4d5e6f 2026-12-03T09:00:00Z
// modified", as `go version -m` would show them.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	v := version
	if v == "" && ok {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	if !ok {
		return v
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	parts := []string{v}
	if rev != "" && !strings.Contains(v, rev[:min(12, len(rev))]) {
		parts = append(parts, "rev "+rev[:min(12, len(rev))])
	}
	if at != "" {
		parts = append(parts, at)
	}
	if modified {
		parts = append(parts, "modified")
	}
	return strings.Join(parts, " ")
}
