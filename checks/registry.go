package checks

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/budgetlint/budgetlint/internal/suggest"
	"github.com/budgetlint/budgetlint/rules"
)

// Test is one check a rule runs over a document: it reads the claims, the
// blocks or the tables through the Context and reports what contradicts.
type Test func(c *Context)

// Kind is a check kind as rule files name it. Its tests are the only list
// of what a rule of the kind may choose with params.test, so a name cannot
// be registered without the code that runs it.
type Kind struct {
	Name  string
	tests map[string]func(params any) Test
	// newParams returns the kind's parameters with their defaults, as a pointer.
	newParams func() any
	Options
}

// Options say when the engine runs a kind's rules.
type Options struct {
	// OnNoText: the kind also runs on a document without a usable text
	// layer; every other kind is skipped there (missing sections and
	// tables would be noise).
	OnNoText bool
	// AfterSuppressions: the kind runs after inline suppressions have been
	// applied, and judges the suppressions themselves.
	AfterSuppressions bool
	// AfterChecks: the kind runs once every other kind has, before the
	// suppressions: it judges what they recorded about the whole document.
	AfterChecks bool
	// Sheets: the kind's tests read the document's tables as sheets
	// (docSheets). The engine lets the sheets go once the last rule of such
	// a kind has run: they are tens of MB for a report of thousands of
	// pages, and the rules after that would keep them for nothing.
	Sheets bool
	// ByEngine: findings of this kind are written by the engine itself
	// (a rule that failed); its rules carry the severity and message only.
	ByEngine bool
	// Vars are the names the kind's tests fill in Vars{...}: the only
	// {placeholders} its rules' messages may use, so a typo in a message
	// is an error when the rule file loads, not a brace in a finding.
	Vars []string
}

var kinds = map[string]*Kind{}

// preparer is implemented by parameter types that validate themselves or
// compile what they hold (patterns) once the rule's params are decoded.
type preparer interface {
	prepare() error
}

// Register makes a check kind available to rule files; kind files call it
// from init. P holds the kind's parameters (yaml-tagged fields) with their
// defaults; tests maps each test name to the function that builds the test
// from decoded parameters. A kind with one test lets rules omit params.test.
func Register[P any](name string, defaults P, tests map[string]func(P) Test, opts Options) {
	if _, dup := kinds[name]; dup {
		panic("checks: kind registered twice: " + name)
	}
	k := &Kind{Name: name, Options: opts, tests: map[string]func(any) Test{}}
	k.newParams = func() any { p := defaults; return &p }
	for tn, f := range tests {
		k.tests[tn] = func(p any) Test { return f(*p.(*P)) }
	}
	kinds[name] = k
}

// RegisterTests registers a kind whose tests take no parameters but their name.
func RegisterTests(name string, tests map[string]Test, opts Options) {
	m := make(map[string]func(struct{}) Test, len(tests))
	for tn, t := range tests {
		m[tn] = func(struct{}) Test { return t }
	}
	Register(name, struct{}{}, m, opts)
}

// each makes a test that runs check on every claim list returns.
func each[T any](list func(*Context) []T, check func(*Context, T)) Test {
	return func(c *Context) {
		for _, x := range list(c) {
			check(c, x)
		}
	}
}

// Kinds lists the registered check kinds.
func Kinds() []string {
	out := make([]string, 0, len(kinds))
	for k := range kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// KindOf returns a registered kind by name, or nil.
func KindOf(name string) *Kind { return kinds[name] }

// TestNames lists the tests a kind's rules may choose.
func (k *Kind) TestNames() []string {
	out := make([]string, 0, len(k.tests))
	for t := range k.tests {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Defaults returns the kind's parameters with their default values, for
// `budgetlint explain`.
func (k *Kind) Defaults() any { return k.newParams() }

// build decodes a rule's params (test name and the kind's own) and returns
// the test it runs.
func (k *Kind) build(r *rules.Rule) (Test, error) {
	p := k.newParams()
	test, err := r.DecodeParamsWithTest(p)
	if err != nil {
		return nil, err
	}
	if pr, ok := p.(preparer); ok {
		if err := pr.prepare(); err != nil {
			return nil, errf(r, "params: %v", err)
		}
	}
	if test == "" && len(k.tests) == 1 {
		for only := range k.tests {
			test = only
		}
	}
	f := k.tests[test]
	if f == nil {
		if test == "" {
			return nil, errf(r, "params.test is needed: one of %s", strings.Join(k.TestNames(), ", "))
		}
		return nil, errf(r, "params.test %q: want one of %s", test, strings.Join(k.TestNames(), ", "))
	}
	return f(p), nil
}

var placeholderRe = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// checkMessage refuses a message template naming a placeholder the kind
// never fills.
func (k *Kind) checkMessage(r *rules.Rule) error {
	for _, m := range placeholderRe.FindAllStringSubmatch(r.Message, -1) {
		if !slices.Contains(k.Vars, m[1]) {
			known := append([]string(nil), k.Vars...)
			sort.Strings(known)
			return fmt.Errorf("%s:%d: rule %s: message: unknown placeholder {%s}%s (kind %s fills: %s)",
				r.File, r.MessageLine, r.ID, m[1], suggest.Hint(m[1], known), k.Name, strings.Join(known, ", "))
		}
	}
	return nil
}

func errf(r *rules.Rule, format string, args ...any) error {
	return fmt.Errorf("%s:%d: rule %s: %s", r.File, r.Line, r.ID, fmt.Sprintf(format, args...))
}
