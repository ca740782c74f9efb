package claims

// Where is the period and the level of government a figure is the value
// for, as its sentence and the headings above it say: (2025, "全市"); 0
// and "" when unknown or mixed. The table checks read a sentence against
// the table of the same year and level.
func (s *Set) Where(f *Figure) (year int, scope string) {
	w := s.where[f]
	return w.Year, w.Scope
}

// Scope is the level of government a text names (省级 → 省本级, as the
// vocabulary's scopes spell it), "" when it names none or several.
func (s *Set) Scope(text string) string {
	if s.scopes == nil {
		return ""
	}
	return s.scopes.only(text)
}

// SubjectOf is a figure's subject without its scope and wording of
// execution (全市一般公共预算收入完成 → 一般公共预算收入), as a table row
// names the same quantity.
func (s *Set) SubjectOf(f *Figure) string {
	if s.scopes == nil {
		return f.Key
	}
	return s.subjectOf(f)
}

// LabelKey is a table row's name normalised as SubjectOf normalises a
// figure's subject (公共安全支出 and its row compare equal), so a sentence
// finds the rows of its item.
func (s *Set) LabelKey(name string) string {
	return s.SubjectOf(&Figure{Key: keyOf(name)})
}
