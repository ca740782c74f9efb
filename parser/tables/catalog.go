// Package tables reads the tables of budget and final-accounts reports: it
// finds them in a reader's lines (text and PDF) or takes the grids an HTML
// reader built, recognises which template of the rule pack each one is (by
// its title and its header), and gives the checks a view of rows (codes,
// names, figures placed in their columns) to do arithmetic on.
//
// The templates are data (rules: the `tables:` section of a rule pack);
// this package only interprets them.
package tables

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/budgetlint/budgetlint/rules"
)

// Layout is how a template's rows are laid out.
type Layout int

const (
	// LayoutSummary: two halves side by side (收入 | 支出), rows named, no codes.
	LayoutSummary Layout = iota
	// LayoutFunction: one row per function code (201 / 20101 / 2010101) with figure columns.
	LayoutFunction
	// LayoutEconomic: economic codes (301 / 30101), often two halves side by side.
	LayoutEconomic
	// LayoutSanGong: the "三公" table, one row of figures under a multi-row header.
	LayoutSanGong
	// LayoutRows: named rows (numbered 一、（一）or not), figure columns
	// found by their header words; a government report's tables.
	LayoutRows
)

var layouts = map[string]Layout{
	rules.LayoutSummary: LayoutSummary, rules.LayoutFunction: LayoutFunction,
	rules.LayoutEconomic: LayoutEconomic, rules.LayoutSanGong: LayoutSanGong, rules.LayoutRows: LayoutRows,
}

// Standard is a template ready for reading tables: the rule pack's
// declaration and what is derived from it.
type Standard struct {
	*rules.Template
	Name   string // the name findings use; the value of doc.Table.Standard
	Layout Layout
	// Final and Budget are the titles of the final-accounts and budget
	// versions; Columns the figure columns of each half in the final version.
	Final, Budget []string
	Columns       [2][]string
}

// Government reports whether the template is a government report's table,
// whose title may follow a region (全省, 省本级) and whose columns are
// found by their header words.
func (s *Standard) Government() bool { return s.Scope == "government" }

// Catalog is the templates of a rule set, ready for matching titles.
type Catalog struct {
	Standards  []*Standard
	Relations  []*rules.Relation
	qualifiers []string
	notRegion  []string
	notDept    []string
	folded     sync.Map // title → folded title
}

// NewCatalog prepares a rule set's templates.
func NewCatalog(ts *rules.TableSet) *Catalog {
	c := &Catalog{qualifiers: ts.Qualifiers, notRegion: ts.NotRegion, notDept: ts.NotDepartment, Relations: ts.Relations}
	for _, t := range ts.Templates {
		s := &Standard{Template: t, Name: t.Name, Layout: layouts[t.Layout],
			Final: t.TitlesOf(rules.KindFinal), Budget: t.TitlesOf(rules.KindBudget)}
		if len(t.Periods) == 0 {
			for g := 0; g < 2; g++ {
				s.Columns[g] = t.ColumnsOf(rules.KindFinal, g)
			}
		}
		c.Standards = append(c.Standards, s)
	}
	return c
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default is the catalog of the embedded rule pack.
func Default() *Catalog {
	defaultOnce.Do(func() {
		set, err := rules.Default()
		if err != nil {
			panic("tables: the embedded rule pack does not load: " + err.Error())
		}
		defaultCat = NewCatalog(&set.Tables)
	})
	return defaultCat
}

// Of returns the catalog of a rule set: the default one when the set's
// templates are the embedded pack's (or it has none), else one built for
// the set.
func Of(set *rules.Set) *Catalog {
	if set == nil || len(set.Tables.Templates) == 0 {
		return Default()
	}
	catalogs.Lock()
	defer catalogs.Unlock()
	if c, ok := catalogs.m[set]; ok {
		return c
	}
	c := NewCatalog(&set.Tables)
	if sameTemplates(c, Default()) {
		c = Default()
	}
	if catalogs.m == nil {
		catalogs.m = map[*rules.Set]*Catalog{}
	}
	catalogs.m[set] = c
	return c
}

var catalogs struct {
	sync.Mutex
	m map[*rules.Set]*Catalog
}

func sameTemplates(a, b *Catalog) bool {
	if len(a.Standards) != len(b.Standards) || len(a.Relations) != len(b.Relations) {
		return false
	}
	for i := range a.Standards {
		if a.Standards[i].File != b.Standards[i].File || a.Standards[i].Line != b.Standards[i].Line {
			return false
		}
	}
	return true
}

// The names of the nine department tables, as the default pack calls them.
const (
	Summary     = "收入支出决算总表"
	Income      = "收入决算表"
	Expenditure = "支出决算表"
	FiscalSum   = "财政拨款收入支出决算总表"
	GeneralExp  = "一般公共预算财政拨款支出决算表"
	BasicExp    = "一般公共预算财政拨款基本支出决算表"
	SanGong     = "财政拨款“三公”经费支出决算表"
	GovFund     = "政府性基金预算财政拨款收入支出决算表"
	StateCap    = "国有资本经营预算财政拨款收入支出决算表"
)

// Standards lists the default pack's templates in the order it declares them.
var Standards = Default().Standards

// ByName finds a template of the default pack by its name.
func ByName(name string) *Standard { return Default().ByName(name) }

// ByName finds a template by its name.
func (c *Catalog) ByName(name string) *Standard {
	for _, s := range c.Standards {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// ByID finds a template by its id.
func (c *Catalog) ByID(id string) *Standard {
	for _, s := range c.Standards {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Fold normalises a title or label for matching: white space, quotes and
// brackets of the "三公" kind are dropped, full-width letters folded.
func Fold(s string) string {
	var b strings.Builder
	// never longer than s: one allocation, not one per doubling, for a
	// call made for every title a report's lines might be
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case strings.ContainsRune("\"'“”‘’「」『』", r):
		case r == '（':
			b.WriteRune('(')
		case r == '）':
			b.WriteRune(')')
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MatchTitle reports which template of the default pack a title names.
func MatchTitle(title string) (*Standard, string) { return Default().MatchTitle(title) }

// MatchTitle reports which template a title names, and the report kind
// ("final", "budget", "execution") of the title that matched. The
// longest title the folded title ends with wins, so
// 一般公共预算财政拨款支出决算表 is not taken for 支出决算表. A government
// template's title may be preceded by a year and a region (2024年全省,
// 省本级) and followed by a note in brackets ((代编)), nothing else.
func (c *Catalog) MatchTitle(title string) (*Standard, string) {
	t := Fold(title)
	core := govCore(t)
	var best *Standard
	kind, n := "", 0
	for _, s := range c.Standards {
		gov := s.Government()
		for _, k := range s.Kinds() {
			for _, name := range s.TitlesOf(k) {
				f := c.fold(name)
				if strings.Contains(f, "*") {
					// a pattern (*转移支付*表): its words in order, the
					// last ending the title; whatever stands between
					if l := globMatch(core, f); l > n {
						best, n, kind = s, l, k
					}
					continue
				}
				if len(f) <= n {
					continue
				}
				if gov {
					if strings.HasSuffix(core, f) && c.region(core[:len(core)-len(f)]) {
						best, n, kind = s, len(f), k
					}
					continue
				}
				if strings.HasSuffix(t, f) && !c.qualified(t[:len(t)-len(f)], f) && !c.government(t[:len(t)-len(f)]) {
					best, n, kind = s, len(f), k
				}
			}
		}
	}
	return best, kind
}

// qualified reports a short generic name (收入决算表, 支出预算表) preceded by
// a qualifier that makes it another table: 一般公共预算支出决算表 and
// 社会保险基金预算收入决算表 in government reports are not a department's
// 支出决算表 / 收入决算表.
func (c *Catalog) qualified(prefix, name string) bool {
	if utf8.RuneCountInString(name) > 7 {
		return false
	}
	for _, q := range c.qualifiers {
		if strings.HasSuffix(prefix, q) {
			return true
		}
	}
	return false
}

// government reports a prefix that makes a department table's title a
// government table's (2026年省级一般公共预算基本支出预算表).
func (c *Catalog) government(prefix string) bool {
	for _, w := range c.notDept {
		if strings.Contains(prefix, w) {
			return true
		}
	}
	return false
}

// region reports what may stand before a government table's name: a
// region or level (江苏省, 全省, 省本级, 银川市及市本级), nothing that makes
// it another table (分地区, 转移支付, 对下…).
func (c *Catalog) region(prefix string) bool {
	if utf8.RuneCountInString(prefix) > 16 {
		return false
	}
	for _, w := range c.notRegion {
		if strings.Contains(prefix, w) {
			return false
		}
	}
	return true
}

// govCore strips from a folded title what numbers and dates it — a leading
// 表一 / 1.2 / 附表3-1, a year (2024年, 二○二五年) — and a trailing note in
// brackets ((代编), (草案), (按功能科目分类)).
func govCore(t string) string {
	// the year first: 52.2025年… would read as the number 52.2025
	t = govYear.ReplaceAllString(t, "")
	t = govLead.ReplaceAllString(t, "")
	for {
		u := govTail.ReplaceAllString(t, "")
		if u == t {
			break
		}
		t = u
	}
	return t
}

func (c *Catalog) fold(name string) string {
	if f, ok := c.folded.Load(name); ok {
		return f.(string)
	}
	f := Fold(name)
	c.folded.Store(name, f)
	return f
}

var (
	govLead = regexp.MustCompile(`^(?:(?:附表|表)[0-9一二三四五六七八九十]+(?:[-—－.][0-9]+)?[:：、.]?|[0-9]+(?:\.[0-9]+)*[、.．]?|[一二三四五六七八九十]+、)`)
	govYear = regexp.MustCompile(`(?:[0-9]{4}(?:-[0-9]{4})?|[一二三四五六七八九十○〇零]{4})年(?:度|末|初)?`)
	govTail = regexp.MustCompile(`\([^()]*\)$`)
)

// kindOr reads a table's report kind for its template: a table whose
// title does not say is read as final accounts.
func kindOr(kind string) string {
	if kind == "" {
		return rules.KindFinal
	}
	return kind
}

// declared returns the declared columns of half g for a report kind, nil
// when the kind declares none (budget layouts vary).
func (s *Standard) declared(kind string, g int) []string {
	return s.ColumnsOf(kindOr(kind), g)
}

// periods is how many periods a periodic (三公) template prints per item
// for a report kind; 1 for any other.
func (s *Standard) periods(kind string) int {
	if p := len(s.Periods[kindOr(kind)]); p > 0 {
		return p
	}
	return 1
}

// extras lists the extra columns of a kind that a header names.
func (s *Standard) extras(kind string, header []string) []string {
	var out []string
	for _, x := range s.Extra {
		if len(x.Kinds) > 0 && !containsString(x.Kinds, kindOr(kind)) {
			continue
		}
		for _, h := range header {
			if strings.Contains(Fold(h), x.Header) {
				out = append(out, x.Name)
				break
			}
		}
	}
	return out
}

// expected is how many figure columns half g of a table of this template
// has by declaration: the declared columns (times the periods, plus the
// extra columns its header names); 0 when the kind declares none.
func (s *Standard) expected(kind string, g int, header []string) int {
	n := len(s.declared(kind, g)) * s.periods(kind)
	if n > 0 && g == 0 {
		n += len(s.extras(kind, header))
	}
	return n
}

// maxColumns bounds the figure columns of half g: the declared bound for
// the kind, else the declared columns; 0 for no bound.
func (s *Standard) maxColumns(kind string, g int) int {
	if m := s.MaxColumns[kindOr(kind)]; g < len(m) {
		return m[g]
	}
	return len(s.declared(kind, g)) * s.periods(kind)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// globMatch matches a title against a pattern whose * stand for any text:
// the length of the pattern's words when they occur in order and the last
// ends the title, 0 otherwise.
func globMatch(t, pattern string) int {
	parts := strings.Split(pattern, "*")
	n, at := 0, 0
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i == len(parts)-1 {
			if !strings.HasSuffix(t, p) || len(t)-len(p) < at {
				return 0
			}
			return n + len(p)
		}
		k := strings.Index(t[at:], p)
		if k < 0 || i == 0 && k != 0 {
			return 0
		}
		at += k + len(p)
		n += len(p)
	}
	return 0 // a pattern ending in * matches no title: titles end in 表
}
