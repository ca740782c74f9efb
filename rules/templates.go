package rules

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Tables is the `tables:` section of a rule pack: the table templates a
// report may print (their titles per report kind, layout, header words and
// columns), the identities their figures obey, and the equalities between
// tables. The tables package reads tables with them and the table checks
// evaluate the identities; neither knows a table by name.
type Tables struct {
	// Qualifiers are words that, just before a short generic title (收入决算表),
	// make it another table (一般公共预算收入决算表 is not a department's).
	Qualifiers []string `yaml:"qualifiers"`
	// NotRegion are words that, in what stands before a government table's
	// title, make it another table: 分地区, 转移支付… (全省 or 省本级 is a region).
	NotRegion []string `yaml:"not_region"`
	// NotDepartment are words that, before a department table's title,
	// make it a government table of the same name (省级, 全市…).
	NotDepartment []string    `yaml:"not_department"`
	Templates     []*Template `yaml:"templates"`
	Relations     []*Relation `yaml:"relations"`
}

// Report kinds a template's titles, columns and identities are given for.
const (
	KindFinal     = "final"     // 决算
	KindBudget    = "budget"    // 预算, 草案
	KindExecution = "execution" // 执行情况
)

// Layouts a template may declare.
const (
	LayoutSummary  = "summary"  // two halves side by side (收入 | 支出), named lines
	LayoutFunction = "function" // one row per function code (201 / 20101 / 2010101)
	LayoutEconomic = "economic" // economic codes (301 / 30101), often two halves
	LayoutSanGong  = "sangong"  // the "三公" table: one row of items × periods
	LayoutRows     = "rows"     // named rows, figure columns found by their header words
)

// Template describes one table a report prints.
type Template struct {
	ID     string `yaml:"id"`   // short stable name, used by relations
	Name   string `yaml:"name"` // the name findings and `extract --tables` print
	Scope  string `yaml:"scope"`
	Layout string `yaml:"layout"`
	// Titles per report kind; "(a|b|)" in a title stands for each of its
	// alternatives, so one line can say 一般公共预算(本级|)收入执行情况表.
	Titles map[string][]string `yaml:"titles"`
	// Confirm: the header (or, for the summary tables, the rows) must carry
	// one of these words, or the title alone does not make the table.
	Confirm []string `yaml:"confirm"`
	// Columns are the figure columns by position, per report kind, for
	// each half of the table (one list for a table with one half).
	Columns map[string]Halves `yaml:"columns"`
	// Periods: the sangong layout prints each item once per period.
	Periods map[string][]string `yaml:"periods"`
	// Extra columns appended when the header says a word (机关运行经费).
	Extra []*ExtraColumn `yaml:"extra_columns"`
	// MaxColumns bound the figure columns of each half per report kind
	// when the columns are not declared (budget layouts vary).
	MaxColumns map[string][]int `yaml:"max_columns"`
	// HeaderColumns are found by their header's words, in any order: a
	// government table prints 预算数, 执行数, 为预算% as it likes.
	HeaderColumns []*HeaderColumn `yaml:"header_columns"`
	// Labels name columns in findings (因公出国 → 因公出国（境）费).
	Labels map[string]string `yaml:"labels"`
	// Totals name the rows that total a table (合计, 一般公共预算支出…).
	Totals []string `yaml:"totals"`
	// Subjects are what a report's prose calls the table's total
	// (一般公共预算收入): a sentence giving it is read against that row.
	Subjects []string `yaml:"subjects"`
	// PartialChildren: a parent's rows may leave some out (a government
	// table omits confidential items), so only rows that add up to more
	// than their parent contradict it.
	PartialChildren bool `yaml:"partial_children"`
	// RowIdentities hold in every row, across its columns (合计 = 基本支出 + 项目支出).
	RowIdentities []*Identity `yaml:"row_identities"`
	// ColumnIdentities hold in every figure column, between rows
	// (本年收入合计 = Σ items; * = Σ children).
	ColumnIdentities []*Identity `yaml:"column_identities"`

	File string `yaml:"-"`
	Line int    `yaml:"-"`

	titles map[string][]string // expanded
	kinds  []string            // the kinds titles has, in Kinds' order
}

// UnmarshalYAML keeps the template's line for error messages.
func (t *Template) UnmarshalYAML(n *yaml.Node) error {
	type plain Template
	p := plain{}
	if err := n.Decode(&p); err != nil {
		return err
	}
	p.Line = n.Line
	*t = Template(p)
	return nil
}

// Halves is a template's columns for one report kind: one list per half.
// A rule file writes one list for a table with one half, a list of lists
// for a table with two.
type Halves [][]string

// UnmarshalYAML accepts [a, b] and [[a], [b]].
func (h *Halves) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("line %d: columns: want a list", n.Line)
	}
	if len(n.Content) > 0 && n.Content[0].Kind == yaml.SequenceNode {
		var out [][]string
		if err := n.Decode(&out); err != nil {
			return err
		}
		*h = out
		return nil
	}
	var one []string
	if err := n.Decode(&one); err != nil {
		return err
	}
	*h = [][]string{one}
	return nil
}

// ExtraColumn is a column a table has only when its header says so.
type ExtraColumn struct {
	Kinds  []string `yaml:"kinds"`
	Header string   `yaml:"header"`
	Name   string   `yaml:"name"`
}

// HeaderColumn is a figure column recognised by its header's words.
type HeaderColumn struct {
	Name string `yaml:"name"`
	// Words: the header contains one of them (the longest one found in
	// any column's header decides which column it is).
	Words []string `yaml:"words"`
	// Period "previous": the header names last year (上年, or the year
	// before the table's). Other columns are this year's.
	Period string `yaml:"period"`
}

// Identity is a relation between figures of one table. In a row identity
// the names are columns; in a column identity they are row labels.
type Identity struct {
	Check string `yaml:"check"`
	// Name is how findings name the identity (default: Check as written).
	Name  string   `yaml:"name"`
	Kinds []string `yaml:"kinds"` // report kinds it applies to; every kind when empty
	// Half: 收入 or 支出, the half of a two-half table a column identity is
	// read in; both when empty.
	Half string `yaml:"half"`
	// UnlessHeader: not applied to a table whose header says one of these.
	UnlessHeader []string `yaml:"unless_header"`
	// Else is applied instead when the check's total row is absent.
	Else *Identity `yaml:"else"`

	Expr *Expr  `yaml:"-"`
	Line int    `yaml:"-"`
	File string `yaml:"-"`
}

// UnmarshalYAML accepts an identity written as its check alone.
func (id *Identity) UnmarshalYAML(n *yaml.Node) error {
	type plain Identity // without this method, so Decode does not recurse
	p := (*plain)(id)
	return decodeCheck(n, p, &p.Check, &p.Line)
}

// decodeCheck decodes n into v, or takes a scalar n as the check alone,
// and records n's line for error messages either way.
func decodeCheck(n *yaml.Node, v any, check *string, line *int) error {
	if n.Kind == yaml.ScalarNode {
		*check = n.Value
	} else if err := n.Decode(v); err != nil {
		return err
	}
	*line = n.Line
	return nil
}

// Applies reports whether the identity holds for a table of report kind
// kind ("" counts as final) whose folded header is header.
func (id *Identity) Applies(kind, header string) bool {
	if kind == "" {
		kind = KindFinal
	}
	if len(id.Kinds) > 0 && !containsString(id.Kinds, kind) {
		return false
	}
	for _, w := range id.UnlessHeader {
		if strings.Contains(header, w) {
			return false
		}
	}
	return true
}

// Label is how findings name the identity.
func (id *Identity) Label() string {
	if id.Name != "" {
		return id.Name
	}
	return id.Check
}

// Relation is an equality (or a bound) between cells of two tables:
// "expenditure[classes].#1 = summary.支出[classes].#1". The left cell is
// the one a finding points at.
type Relation struct {
	Check string `yaml:"check"`
	// SameKind: only between tables of the same report kind.
	SameKind bool `yaml:"same_kind"`
	// Columns: a table (by template id) must have this many figure columns.
	Columns map[string]int `yaml:"columns"`
	// Else gives the right side to use when the check's cannot be read.
	Else string `yaml:"else"`
	// Labels name the right side's columns in findings.
	Labels map[string]string `yaml:"labels"`

	Expr     *Expr  `yaml:"-"`
	ElseExpr *Term  `yaml:"-"`
	Line     int    `yaml:"-"`
	File     string `yaml:"-"`
}

// UnmarshalYAML accepts a relation written as its check alone.
func (r *Relation) UnmarshalYAML(n *yaml.Node) error {
	type plain Relation // without this method, so Decode does not recurse
	p := (*plain)(r)
	return decodeCheck(n, p, &p.Check, &p.Line)
}

// TitlesOf returns a template's titles for a report kind, alternatives expanded.
func (t *Template) TitlesOf(kind string) []string { return t.titles[kind] }

// Kinds lists the report kinds the template has titles for, in a fixed
// order. The list is made once, when the template is loaded: every table
// title of a report is matched against every template, millions of calls
// for a report of thousands of tables. Callers must not change it.
func (t *Template) Kinds() []string { return t.kinds }

// ColumnsOf returns the declared columns of a half for a report kind ("" reads
// as final), nil when none are declared.
func (t *Template) ColumnsOf(kind string, half int) []string {
	if kind == "" {
		kind = KindFinal
	}
	h := t.Columns[kind]
	if half < len(h) {
		return h[half]
	}
	return nil
}

// HalfIndex is the index of a half named in an identity: 收入 0, 支出 1, -1 for both.
func HalfIndex(name string) int {
	switch name {
	case "收入", "left", "0":
		return 0
	case "支出", "right", "1":
		return 1
	}
	return -1
}

// TableSet is the merged `tables:` sections of a rule set.
type TableSet struct {
	Qualifiers    []string
	NotRegion     []string
	NotDepartment []string
	Templates     []*Template
	Relations     []*Relation
}

// Template finds a template by id.
func (ts *TableSet) Template(id string) *Template {
	for _, t := range ts.Templates {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// mergeTables adds a file's `tables:` section: a template whose id is
// already known replaces it, relations and word lists are appended. Every
// template and relation is validated; an error names the file and line.
func (s *Set) mergeTables(file string, tb *Tables) error {
	if tb == nil {
		return nil
	}
	s.Tables.Qualifiers = appendUnique(s.Tables.Qualifiers, tb.Qualifiers...)
	s.Tables.NotRegion = appendUnique(s.Tables.NotRegion, tb.NotRegion...)
	s.Tables.NotDepartment = appendUnique(s.Tables.NotDepartment, tb.NotDepartment...)
	for _, t := range tb.Templates {
		t.File = file
		if err := t.prepare(); err != nil {
			line := t.Line
			var al *atLine
			if errors.As(err, &al) {
				line, err = al.line, al.err
			}
			return fmt.Errorf("%s:%d: template %s: %v", file, line, t.ID, err)
		}
		replaced := false
		for i, o := range s.Tables.Templates {
			if o.ID == t.ID {
				s.Tables.Templates[i] = t
				replaced = true
			}
		}
		if !replaced {
			s.Tables.Templates = append(s.Tables.Templates, t)
		}
	}
	for _, r := range tb.Relations {
		r.File = file
		if err := s.Tables.prepareRelation(r); err != nil {
			return fmt.Errorf("%s:%d: relation %q: %v", file, r.Line, r.Check, err)
		}
		s.Tables.Relations = append(s.Tables.Relations, r)
	}
	return nil
}

var knownLayouts = []string{LayoutSummary, LayoutFunction, LayoutEconomic, LayoutSanGong, LayoutRows}
var knownKinds = []string{KindFinal, KindBudget, KindExecution}

// prepare validates a template and parses its identities.
func (t *Template) prepare() error {
	if t.ID == "" {
		return fmt.Errorf("no id")
	}
	if t.Name == "" {
		return fmt.Errorf("no name")
	}
	switch t.Scope {
	case "", "department", "government":
	default:
		return fmt.Errorf("unknown scope %q (want department or government)", t.Scope)
	}
	if !containsString(knownLayouts, t.Layout) {
		return fmt.Errorf("unknown layout %q (want one of %s)", t.Layout, strings.Join(knownLayouts, ", "))
	}
	t.titles = map[string][]string{}
	for kind, list := range t.Titles {
		if !containsString(knownKinds, kind) {
			return fmt.Errorf("titles: unknown report kind %q (want final, budget or execution)", kind)
		}
		for _, title := range list {
			exp, err := expandTitle(title)
			if err != nil {
				return fmt.Errorf("title %q: %v", title, err)
			}
			t.titles[kind] = append(t.titles[kind], exp...)
		}
	}
	if len(t.titles) == 0 {
		return fmt.Errorf("no titles")
	}
	t.kinds = nil
	for _, k := range []string{KindFinal, KindBudget, KindExecution} {
		if len(t.titles[k]) > 0 {
			t.kinds = append(t.kinds, k)
		}
	}
	for kind := range t.Columns {
		if !containsString(knownKinds, kind) {
			return fmt.Errorf("columns: unknown report kind %q", kind)
		}
	}
	for _, h := range t.HeaderColumns {
		if h.Name == "" || len(h.Words) == 0 {
			return fmt.Errorf("header column without name or words")
		}
		if h.Period != "" && h.Period != "previous" && h.Period != "current" {
			return fmt.Errorf("header column %s: unknown period %q (want current or previous)", h.Name, h.Period)
		}
	}
	for _, id := range t.RowIdentities {
		if err := t.prepareIdentity(id, true); err != nil {
			return &atLine{id.Line, err}
		}
	}
	for _, id := range t.ColumnIdentities {
		if err := t.prepareIdentity(id, false); err != nil {
			return &atLine{id.Line, err}
		}
	}
	return nil
}

// atLine is an error at a line of its own (an identity inside a template).
type atLine struct {
	line int
	err  error
}

func (e *atLine) Error() string { return e.err.Error() }

func (t *Template) prepareIdentity(id *Identity, row bool) error {
	id.File = t.File
	for _, k := range id.Kinds {
		if !containsString(knownKinds, k) {
			return fmt.Errorf("identity %q: unknown report kind %q", id.Check, k)
		}
	}
	if id.Half != "" && HalfIndex(id.Half) < 0 {
		return fmt.Errorf("identity %q: unknown half %q (want 收入 or 支出)", id.Check, id.Half)
	}
	e, err := ParseExpr(id.Check, exprRow)
	if !row {
		e, err = ParseExpr(id.Check, exprColumn)
	}
	if err != nil {
		return fmt.Errorf("identity %q: %v", id.Check, err)
	}
	id.Expr = e
	if row {
		for _, name := range e.Names() {
			if !t.hasColumn(name, id.Kinds) {
				return fmt.Errorf("identity %q: no column %q in template %s", id.Check, name, t.ID)
			}
		}
	}
	if id.Else != nil {
		if id.Else.Line == 0 {
			id.Else.Line = id.Line
		}
		if id.Else.Kinds == nil {
			id.Else.Kinds = id.Kinds
		}
		if id.Else.Half == "" {
			id.Else.Half = id.Half
		}
		return t.prepareIdentity(id.Else, row)
	}
	return nil
}

// hasColumn reports a named column declared for one of kinds (any kind
// when kinds is empty): a positional, periodic, extra or header column.
func (t *Template) hasColumn(name string, kinds []string) bool {
	for kind, halves := range t.Columns {
		if len(kinds) > 0 && !containsString(kinds, kind) {
			continue
		}
		for _, h := range halves {
			if containsString(h, name) {
				return true
			}
		}
	}
	for _, x := range t.Extra {
		if x.Name == name {
			return true
		}
	}
	for _, h := range t.HeaderColumns {
		if h.Name == name {
			return true
		}
	}
	return false
}

func (ts *TableSet) prepareRelation(r *Relation) error {
	e, err := ParseExpr(r.Check, exprCell)
	if err != nil {
		return err
	}
	r.Expr = e
	check := func(ref Ref) error {
		t := ts.Template(ref.Table)
		if t == nil {
			return fmt.Errorf("no template %q", ref.Table)
		}
		if ref.Col != "" && !strings.HasPrefix(ref.Col, "#") && !t.hasColumn(ref.Col, nil) {
			return fmt.Errorf("no column %q in template %s", ref.Col, t.ID)
		}
		return nil
	}
	for _, ref := range e.Refs() {
		if err := check(ref); err != nil {
			return err
		}
	}
	if r.Else != "" {
		x, err := ParseExpr("x[y].#1 = "+r.Else, exprCell)
		if err != nil {
			return fmt.Errorf("else: %v", err)
		}
		if len(x.Right) != 1 || len(x.Right[0]) != 1 {
			return fmt.Errorf("else: want one cell")
		}
		r.ElseExpr = &x.Right[0][0]
		if err := check(r.ElseExpr.Ref); err != nil {
			return fmt.Errorf("else: %v", err)
		}
	}
	for id := range r.Columns {
		if ts.Template(id) == nil {
			return fmt.Errorf("columns: no template %q", id)
		}
	}
	return nil
}

// expandTitle expands "(a|b|)" alternatives into every title they make.
func expandTitle(s string) ([]string, error) {
	i := strings.IndexAny(s, "(（")
	if i < 0 {
		if strings.ContainsAny(s, ")）|") {
			return nil, fmt.Errorf("unbalanced alternatives")
		}
		return []string{s}, nil
	}
	if strings.ContainsAny(s[:i], ")）|") {
		return nil, fmt.Errorf("unbalanced alternatives")
	}
	rest := s[i:]
	_, w := utf8.DecodeRuneInString(rest)
	j := strings.IndexAny(rest, ")）")
	if j < 0 {
		return nil, fmt.Errorf("unbalanced alternatives")
	}
	inner := rest[w:j]
	if strings.ContainsAny(inner, "(（") {
		return nil, fmt.Errorf("nested alternatives")
	}
	_, wj := utf8.DecodeRuneInString(rest[j:])
	tails, err := expandTitle(rest[j+wj:])
	if err != nil {
		return nil, err
	}
	alts := strings.Split(inner, "|")
	if len(alts) == 1 {
		// a bracket that offers no choice is part of the title: 因公出国（境）
		var out []string
		for _, t := range tails {
			out = append(out, s[:i]+rest[:j+wj]+t)
		}
		return out, nil
	}
	var out []string
	for _, a := range alts {
		for _, t := range tails {
			out = append(out, s[:i]+a+t)
		}
	}
	return out, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ---- identity expressions ----

// exprContext says what the names of an expression are.
type exprContext int

const (
	exprRow    exprContext = iota // names are columns of one row
	exprColumn                    // names are row labels in one column
	exprCell                      // names are cells of tables: table.half[row].column
)

// Expr is a parsed identity: Left Op (Right[0] | Right[1] | …), each
// alternative a signed sum of terms (or one function of two cells). The
// alternatives are the readings the identity allows: it is contradicted
// only when every one that can be evaluated fails.
type Expr struct {
	Left  Term
	Op    string // "=" or "<="
	Right [][]Term
}

// Term is one operand.
type Term struct {
	Sign int // +1 or -1
	Ref  Ref
	// Sum: Σ over a set of columns or rows — "rest" (columns From..),
	// "others" (every figure column but the total and the rates),
	// "items" (the enumerated rows 一、二、… before the total), "children"
	// (a row's sub-rows, by code or numbering), "rows" (every row but the
	// totals), "classes" (the 3-digit code rows; Codes restrict them,
	// Except inverts the restriction).
	Sum    string
	From   int
	Codes  []string
	Except bool
	// Func: "ratio" (100·a/b, a percentage) or "growth" (100·(a/b − 1)).
	Func string
	Args []Ref
}

// Ref names a column, a row or a cell.
type Ref struct {
	Table string // template id (relations)
	Half  string // 收入 / 支出 (relations)
	Row   string // row label; "*" every parent (column identities); "classes" each class row (relations)
	Col   string // column name or "#n" (1-based position)
	// NameHas: the row's name, when it has a long one, must say this
	// (a code may mean another line in another classification).
	NameHas string
}

// Pos returns a positional column's 0-based index, or -1.
func (r Ref) Pos() int {
	if !strings.HasPrefix(r.Col, "#") {
		return -1
	}
	n, err := strconv.Atoi(r.Col[1:])
	if err != nil || n < 1 {
		return -1
	}
	return n - 1
}

// Names lists the named (not positional) columns a row identity uses.
func (e *Expr) Names() []string {
	var out []string
	for _, r := range e.Refs() {
		name := r.Col
		if name == "" {
			name = r.Row
		}
		if name != "" && !strings.HasPrefix(name, "#") && name != "*" {
			out = append(out, name)
		}
	}
	return out
}

// Refs lists every reference of the expression, left side first.
func (e *Expr) Refs() []Ref {
	var out []Ref
	add := func(t Term) {
		if t.Sum == "" && t.Func == "" {
			out = append(out, t.Ref)
		}
		out = append(out, t.Args...)
	}
	add(e.Left)
	for _, alt := range e.Right {
		for _, t := range alt {
			add(t)
		}
	}
	return out
}

var funcNames = []string{"ratio", "growth"}

// ParseExpr parses an identity. Operators stand between spaces: "合计 =
// 基本支出 + 项目支出", "为预算% = ratio(执行数, 预算数) | ratio(执行数, 调整预算数)",
// "本年收入合计 = Σ items", "expenditure[classes].#1 = summary.支出[classes].#1".
func ParseExpr(s string, ctx exprContext) (*Expr, error) {
	src := strings.TrimSpace(s)
	if src == "" {
		return nil, fmt.Errorf("empty identity")
	}
	// glue function arguments and Σ sets into one token
	src = strings.NewReplacer(", ", ",", "， ", ",", "，", ",", "Σ ", "Σ", "( ", "(", " )", ")").Replace(src)
	toks := strings.Fields(src)
	opAt := -1
	for i, t := range toks {
		if t == "=" || t == "<=" || t == "≤" {
			if opAt >= 0 {
				return nil, fmt.Errorf("more than one = or <=")
			}
			opAt = i
		}
	}
	if opAt != 1 {
		return nil, fmt.Errorf("want one name, then = or <=, then the figures it equals")
	}
	e := &Expr{Op: toks[1]}
	if e.Op == "≤" {
		e.Op = "<="
	}
	left, err := parseTerm(toks[0], 1, ctx)
	if err != nil {
		return nil, err
	}
	if left.Sum != "" || left.Func != "" {
		return nil, fmt.Errorf("the left side must be one name")
	}
	e.Left = left
	rest := toks[2:]
	if len(rest) == 0 {
		return nil, fmt.Errorf("nothing after %s", e.Op)
	}
	var alt []Term
	sign := 1
	expectOperand := true
	for _, t := range rest {
		switch t {
		case "+", "-", "−", "|":
			if expectOperand {
				return nil, fmt.Errorf("%q where a name belongs", t)
			}
			expectOperand = true
			switch t {
			case "+":
				sign = 1
			case "-", "−":
				sign = -1
			case "|":
				e.Right = append(e.Right, alt)
				alt, sign = nil, 1
			}
			continue
		}
		if !expectOperand {
			return nil, fmt.Errorf("%q: operators (+ − |) stand between spaces", t)
		}
		term, err := parseTerm(t, sign, ctx)
		if err != nil {
			return nil, err
		}
		if term.Func != "" && len(alt) > 0 || len(alt) == 1 && alt[0].Func != "" {
			return nil, fmt.Errorf("%s(…) stands alone in its reading", term.Func+alt0Func(alt))
		}
		alt = append(alt, term)
		expectOperand = false
	}
	if expectOperand {
		return nil, fmt.Errorf("the identity ends with an operator")
	}
	e.Right = append(e.Right, alt)
	return e, nil
}

func alt0Func(alt []Term) string {
	if len(alt) > 0 {
		return alt[0].Func
	}
	return ""
}

func parseTerm(t string, sign int, ctx exprContext) (Term, error) {
	term := Term{Sign: sign}
	for _, f := range funcNames {
		if strings.HasPrefix(t, f+"(") {
			if !strings.HasSuffix(t, ")") {
				return term, fmt.Errorf("%q: unclosed (", t)
			}
			args := strings.Split(t[len(f)+1:len(t)-1], ",")
			if len(args) != 2 {
				return term, fmt.Errorf("%s wants two figures", f)
			}
			if sign < 0 {
				return term, fmt.Errorf("%s cannot be subtracted", f)
			}
			term.Func = f
			for _, a := range args {
				r, err := parseRef(strings.TrimSpace(a), ctx)
				if err != nil {
					return term, err
				}
				term.Args = append(term.Args, r)
			}
			return term, nil
		}
	}
	if strings.HasPrefix(t, "Σ") {
		set := strings.TrimPrefix(t, "Σ")
		switch {
		case ctx == exprRow && set == "others":
			term.Sum = "others" // every figure column but the total and the rates
		case ctx == exprRow && strings.HasPrefix(set, "#") && strings.HasSuffix(set, ".."):
			n, err := strconv.Atoi(strings.TrimSuffix(set[1:], ".."))
			if err != nil || n < 1 {
				return term, fmt.Errorf("%q: want Σ #n.. (the columns from n on)", t)
			}
			term.Sum, term.From = "rest", n-1
		case ctx == exprColumn && (set == "items" || set == "children" || set == "rows" || set == "classes"):
			term.Sum = set
		case ctx == exprColumn && strings.HasPrefix(set, "classes[") && strings.HasSuffix(set, "]"):
			list := set[len("classes[") : len(set)-1]
			term.Sum = "classes"
			if strings.HasPrefix(list, "^") {
				term.Except, list = true, list[1:]
			}
			for _, c := range strings.Split(list, ",") {
				c = strings.TrimSpace(c)
				if c == "" {
					return term, fmt.Errorf("%q: an empty code", t)
				}
				if _, err := strconv.Atoi(c); err != nil {
					return term, fmt.Errorf("%q: %q is no code", t, c)
				}
				term.Codes = append(term.Codes, c)
			}
		default:
			want := "Σ #n.. or Σ others"
			if ctx == exprColumn {
				want = "Σ items, Σ children, Σ rows, Σ classes or Σ classes[301,303]"
			}
			return term, fmt.Errorf("%q: unknown set (want %s)", t, want)
		}
		return term, nil
	}
	if strings.ContainsAny(t, "()") && ctx != exprColumn {
		return term, fmt.Errorf("%q: unknown function (want %s)", t, strings.Join(funcNames, " or "))
	}
	r, err := parseRef(t, ctx)
	term.Ref = r
	return term, err
}

// parseRef reads a name: a column (row identities), a row label (column
// identities) or table.half[row~word].column (relations).
func parseRef(s string, ctx exprContext) (Ref, error) {
	if s == "" {
		return Ref{}, fmt.Errorf("an empty name")
	}
	switch ctx {
	case exprRow:
		r := Ref{Col: s}
		if strings.HasPrefix(s, "#") && r.Pos() < 0 {
			return r, fmt.Errorf("%q: want #1, #2, …", s)
		}
		return r, nil
	case exprColumn:
		// a row of the other half: 支出.…总计
		for _, h := range []string{"收入.", "支出."} {
			if rest := strings.TrimPrefix(s, h); rest != s && rest != "" {
				return Ref{Half: h[:len(h)-1], Row: rest}, nil
			}
		}
		return Ref{Row: s}, nil
	}
	// table.half[row].col, table[row].col, table.col
	r := Ref{}
	head, col := s, ""
	if i := strings.LastIndex(s, "]"); i >= 0 {
		head, col = s[:i+1], strings.TrimPrefix(s[i+1:], ".")
	} else if i := strings.LastIndex(s, "."); i >= 0 {
		head, col = s[:i], s[i+1:]
	}
	if col == "" {
		return r, fmt.Errorf("%q: want table[row].column", s)
	}
	r.Col = col
	if strings.HasPrefix(col, "#") && r.Pos() < 0 {
		return r, fmt.Errorf("%q: want #1, #2, …", col)
	}
	if i := strings.Index(head, "["); i >= 0 {
		if !strings.HasSuffix(head, "]") {
			return r, fmt.Errorf("%q: unclosed [", s)
		}
		r.Row = head[i+1 : len(head)-1]
		head = head[:i]
		if k := strings.Index(r.Row, "~"); k >= 0 {
			r.Row, r.NameHas = r.Row[:k], r.Row[k+1:]
		}
		if r.Row == "" {
			return r, fmt.Errorf("%q: an empty row", s)
		}
	}
	r.Table = head
	if i := strings.Index(head, "."); i >= 0 {
		r.Table, r.Half = head[:i], head[i+1:]
		if HalfIndex(r.Half) < 0 {
			return r, fmt.Errorf("%q: unknown half %q (want 收入 or 支出)", s, r.Half)
		}
	}
	if r.Table == "" {
		return r, fmt.Errorf("%q: no table", s)
	}
	return r, nil
}
