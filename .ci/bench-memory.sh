#!/usr/bin/env bash
# Peak memory (RSS, from /usr/bin/time -v) of `budgetlint check` on two large
# inputs it makes from the corpus: a 4,840-page PDF (six provincial reports
# merged with qpdf, five times over) and a 15 MB text (the corpus .txt
# reports repeated). The budget is 300 MB each; the script exits 1 over it.
# qpdf only builds the input here; budgetlint never calls it.
#
#   bash .ci/bench-memory.sh [CORPUS]   (default ../shared/corpus/docs)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/docs}
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 0; }
command -v qpdf >/dev/null || { echo "qpdf not installed (apt-get install qpdf)"; exit 0; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not installed (apt-get install time)"; exit 0; }
budget_mb=300
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/budgetlint
go build -o "$bin" ./cmd/budgetlint

six=()
for f in gd-2024-province-final-accounts-report nx-2018-region-budget-exec-report hl-2023-province-final-accounts \
  sd-2023-province-final-accounts-tables js-2024-province-budget-exec-report he-2021-province-final-accounts; do
  six+=("$corpus/$f.pdf")
done
qpdf --empty --pages "${six[@]}" -- "$work/six.pdf"
qpdf --empty --pages "$work/six.pdf" "$work/six.pdf" "$work/six.pdf" "$work/six.pdf" "$work/six.pdf" -- "$work/large.pdf"

: > "$work/large.txt"
while [ "$(stat -c %s "$work/large.txt")" -lt 15000000 ]; do
  cat "$corpus"/*.txt >> "$work/large.txt"
done

over=0
for f in "$work/large.pdf" "$work/large.txt"; do
  "/usr/bin/time" -v "$bin" check --quiet --format json="$work/out.json" "$f" >/dev/null 2>"$work/time.txt" || true
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  size=$(stat -c %s "$f")
  what=$(basename "$f")
  if [ "${f##*.}" = pdf ]; then
    what="$what, $(qpdf --show-npages "$f") pages"
  fi
  mb=$((kb / 1024))
  verdict=ok
  if [ "$mb" -gt "$budget_mb" ]; then verdict="OVER ${budget_mb} MB"; over=1; fi
  printf '%-28s %6.1f MB  peak RSS %4d MB  wall %s  %s\n' "$what" "$(echo "$size / 1048576" | bc -l)" "$mb" "$wall" "$verdict"
done
exit $over
