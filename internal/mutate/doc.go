// Package mutate is a planted-error benchmark: it copies a report's text,
// plants one error a drafter makes (a share, a growth or completion rate, a
// part or total of a list moved; a direction word swapped; a rate copied from
// the line above), lints the copy, and asks whether a new finding appears
// within one line of the change.
//
// It finds the places to mutate with its own patterns over the text a reader
// sees (the document's narrative paragraphs as written), not through the
// linter's claim extraction, so it measures what a reader would check rather
// than what the linter already reads. Before linting, each mutant is
// classified: checkable in principle when the figures needed to recompute
// the changed claim are printed in the document (same sentence, the sentence
// before, or a table row holding the same amount), uncatchable otherwise,
// with the reason.
//
// Every planted change keeps the number of characters, so the mutated copy
// lines up with the original character for character: positions of findings
// compare directly, and a PDF's page geometry stays valid.
package mutate
