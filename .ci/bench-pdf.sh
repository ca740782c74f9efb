#!/usr/bin/env bash
# Issue 3's speed check: `budgetlint check` on each corpus PDF, one process
# per file, against `pdftotext -layout` on the same files, in the same run.
# pdftotext is only the yardstick here; budgetlint never calls it.
#
#   bash .ci/bench-pdf.sh [CORPUS]   (default ../shared/corpus/docs)
source "$(dirname "$0")/bench-common.sh"
out=$(mktemp)
start=$(now)
for f in "$corpus"/*.pdf; do pdftotext -layout -q "$f" "$out" || true; done
poppler=$(echo "$(now) - $start" | bc)
start=$(now)
for f in "$corpus"/*.pdf; do "$bin" check --quiet --format json="$out" "$f" >/dev/null 2>&1 || true; done
ours=$(echo "$(now) - $start" | bc)
n=$(ls "$corpus"/*.pdf | wc -l)
printf '%d PDFs, one process per file\n' "$n"
printf 'pdftotext -layout: %.2f s\n' "$poppler"
printf 'budgetlint check:  %.2f s (%.2fx pdftotext)\n' "$ours" "$(echo "$ours / $poppler" | bc -l)"
