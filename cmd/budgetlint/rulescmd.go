package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/rules"
)

func init() {
	commands = append(commands,
		command{"rules", "list the rules with a one-line description", runRules},
		command{"explain", "say what a rule checks, why, and show an example", runExplain},
	)
}

// ruleOptions are the flags rules and explain share with check, so that
// both show the rules as a check run in the same folder would apply them.
type ruleOptions struct {
	ruleFiles multiFlag
	config    string
	noConfig  bool
	lang      string
	format    string
}

func ruleFlags(name string, o *ruleOptions) *flag.FlagSet {
	fsf := flag.NewFlagSet(name, flag.ContinueOnError)
	fsf.Var(&o.ruleFiles, "rules", "extra rule `FILE` (repeatable)")
	fsf.StringVar(&o.config, "config", "", "config `FILE` (default: .budgetlint.yaml from the working folder upward)")
	fsf.BoolVar(&o.noConfig, "no-config", false, "ignore .budgetlint.yaml files: show the packs' own settings")
	fsf.StringVar(&o.lang, "lang", "", "language of the rules' texts: `LANG` zh or en (default zh, or the config's lang)")
	if name == "rules" {
		fsf.StringVar(&o.format, "format", "text", "`FORMAT` text or json")
		fsf.Var(fsf.Lookup("format").Value, "f", fsf.Lookup("format").Usage)
	}
	fsf.Var(fsf.Lookup("config").Value, "c", fsf.Lookup("config").Usage)
	return fsf
}

// configuredRules loads the rule set as check would, with the config's
// rule files and severities, and returns the config too so explain can
// say where a setting comes from.
func configuredRules(o ruleOptions) (*rules.Set, *config, error) {
	chain, err := configFor(checkOptions{config: o.config, noConfig: o.noConfig})
	if err != nil {
		return nil, nil, err
	}
	cfg := foldConfigs(chain)
	set, err := ruleSetFor(cfg, checkOptions{ruleFiles: o.ruleFiles, lang: o.lang})
	return set, cfg, err
}

// parseRuleCommand parses flags; ok is false with the exit code to return.
func parseRuleCommand(name, usage string, args []string, stdout, stderr io.Writer) (ruleOptions, []string, int, bool) {
	var o ruleOptions
	fsf := ruleFlags(name, &o)
	rest, code, ok := parseFlags(fsf, args, usage, stdout, stderr)
	return o, rest, code, ok
}

func runRules(args []string, stdout, stderr io.Writer) int {
	o, rest, code, ok := parseRuleCommand("rules", "budgetlint rules [flags]", args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "budgetlint rules: unexpected argument %q (see `budgetlint explain RULE`)\n", rest[0])
		return exitTrouble
	}
	set, _, err := configuredRules(o)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	rs := append([]*rules.Rule(nil), set.Rules...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	switch o.format {
	case "json":
		return rulesJSON(stdout, rs)
	case "text", "":
	default:
		fmt.Fprintf(stderr, "budgetlint rules: unknown format %q (text or json)\n", o.format)
		return exitTrouble
	}
	w := 0
	for _, r := range rs {
		w = max(w, len(r.ID))
	}
	for _, r := range rs {
		if r.On() {
			fmt.Fprintf(stdout, "%-*s %-8s %s\n", w, r.ID, r.Severity, r.Summary)
		} else {
			fmt.Fprintf(stdout, "%-*s %-8s %s%s\n", w, r.ID, "off", r.Summary, say(set.Lang, " (%s when on)", "（开启时为%s）", r.Severity))
		}
	}
	return exitOK
}

// ruleJSON is one rule as `rules --format json` lists it.
type ruleJSON struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	Enabled  bool   `json:"enabled"`
	Summary  string `json:"summary"`
	Message  string `json:"message"`
	Explain  string `json:"explain,omitempty"`
	Example  string `json:"example,omitempty"`
	File     string `json:"file"`
	Line     int    `json:"line"`
}

func rulesJSON(w io.Writer, rs []*rules.Rule) int {
	out := make([]ruleJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, ruleJSON{ID: r.ID, Kind: r.Kind, Severity: string(r.Severity), Enabled: r.On(), Summary: r.Summary,
			Message: r.Message, Explain: strings.TrimSpace(r.Explain), Example: strings.TrimSpace(r.Example), File: r.File, Line: r.Line})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Rules []ruleJSON `json:"rules"`
	}{out}); err != nil {
		return exitTrouble
	}
	return exitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	o, ids, code, ok := parseRuleCommand("explain", "budgetlint explain [flags] RULE-ID...", args, stdout, stderr)
	if !ok {
		return code
	}
	if len(ids) == 0 {
		fmt.Fprintln(stderr, "usage: budgetlint explain [flags] RULE-ID...")
		return exitTrouble
	}
	set, cfg, err := configuredRules(o)
	if err != nil {
		fmt.Fprintln(stderr, "budgetlint:", err)
		return exitTrouble
	}
	code = exitOK
	for _, id := range ids {
		r := set.Lookup(id)
		if r == nil {
			fmt.Fprintf(stderr, "budgetlint: %v\n", set.UnknownRule(id))
			code = exitTrouble
			continue
		}
		explainRule(stdout, r, cfg, set.Lang)
	}
	return code
}

func explainRule(w io.Writer, r *rules.Rule, cfg *config, lang string) {
	state := string(r.Severity)
	if !r.On() {
		state = "off"
	}
	fmt.Fprintf(w, "%s (%s, %s)\n\n%s\n", r.ID, r.Kind, state, r.Summary)
	if r.Explain != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(r.Explain))
	}
	if r.Example != "" {
		fmt.Fprintf(w, "\n%s\n%s\n", say(lang, "Example:", "示例："), indent(strings.TrimSpace(r.Example)))
	}
	if r.Message != "" {
		fmt.Fprintf(w, "\n%s\n%s\n", say(lang, "Message:", "消息模板："), indent(r.Message))
	}
	if ps := paramLines(r); len(ps) > 0 {
		fmt.Fprintf(w, "\n%s\n%s\n", say(lang, "Parameters:", "参数："), indent(strings.Join(ps, "\n")))
	}
	fmt.Fprint(w, "\n"+say(lang, "Defined in %s:%d.", "定义于 %s:%d。", r.File, r.Line))
	if s := cfg.lastSetting(r.ID); s != nil {
		fmt.Fprint(w, say(lang, " Set to %s in %s:%d.", "在 %[2]s:%[3]d 设为 %[1]s。", s.Value, s.File, s.Line))
	}
	if r.On() {
		fmt.Fprintln(w, say(lang, " Turn off with --disable %s.", "用 --disable %s 关闭。", r.ID))
	} else {
		fmt.Fprintln(w, say(lang, " Turn on with --enable %s.", "用 --enable %s 开启。", r.ID))
	}
}

// lastSetting is the config entry that decided a rule's state, if any.
func (c *config) lastSetting(id string) *ruleSetting {
	for i := len(c.settings) - 1; i >= 0; i-- {
		if c.settings[i].ID == id {
			return &c.settings[i]
		}
	}
	return nil
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// paramLines lists a rule's parameters as it runs them: the test it
// chooses among its kind's, and each typed parameter with its default
// when the rule sets another value.
func paramLines(r *rules.Rule) []string {
	k := checks.KindOf(r.Kind)
	if k == nil || k.ByEngine {
		return nil
	}
	var out []string
	eff := k.Defaults()
	test, err := r.DecodeParamsWithTest(eff)
	if err != nil {
		return []string{err.Error()}
	}
	if names := k.TestNames(); len(names) > 1 {
		out = append(out, fmt.Sprintf("test: %s (one of %s)", test, strings.Join(names, ", ")))
	}
	def := paramMap(k.Defaults())
	for _, kv := range paramList(eff) {
		line := kv[0] + ": " + kv[1]
		if d, ok := def[kv[0]]; ok && d != kv[1] {
			line += " (default " + d + ")"
		}
		out = append(out, line)
	}
	return out
}

// paramList renders a parameter struct's fields as YAML flow values, in
// declaration order.
func paramList(p any) [][2]string {
	var n yaml.Node
	if err := n.Encode(p); err != nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out [][2]string
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		v.Style = yaml.FlowStyle
		b, err := yaml.Marshal(v)
		if err != nil {
			continue
		}
		out = append(out, [2]string{n.Content[i].Value, strings.TrimSpace(string(b))})
	}
	return out
}

func paramMap(p any) map[string]string {
	m := map[string]string{}
	for _, kv := range paramList(p) {
		m[kv[0]] = kv[1]
	}
	return m
}
