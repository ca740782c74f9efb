package checks

// Kind "internal" is the finding the engine writes when one of its own rules
// fails on a document (a bug in budgetlint, not in the report): the rule of
// this kind gives it a severity and a message; it runs nothing itself.
func init() {
	Register("internal", struct{}{}, map[string]func(struct{}) Test{}, Options{ByEngine: true, Vars: []string{"what", "error"}})
}
