#!/usr/bin/env bash
# Times `budgetlint check` over the shared corpus (all formats at once)
# against pdftotext over the corpus PDFs alone, with 1 and 2 jobs, and reports
# peak RSS. The issue's targets: the whole lint faster than pdftotext over
# the PDFs, peak RSS under 200 MB.
#
#   bash .ci/bench-corpus.sh [CORPUS]   (default ../shared/corpus/docs)
source "$(dirname "$0")/bench-common.sh"
tmp=$(mktemp -d)

# pdftotext over every PDF, one after another, as a baseline of text extraction cost.
start=$(now)
for f in "$corpus"/*.pdf; do pdftotext -q "$f" "$tmp/out.txt" || true; done
pdf_s=$(echo "$(now) - $start" | bc)

lint() { # jobs
	/usr/bin/time -v "$bin" check --quiet --jobs "$1" --format json="$tmp/out-$1.json" "$corpus" 2>"$tmp/time-$1.txt" || true
	awk -F': ' '/Elapsed \(wall clock\)/{print $2} /Maximum resident set size/{print $2}' "$tmp/time-$1.txt" | paste -sd' '
}
read -r wall1 rss1 < <(lint 1)
read -r wall2 rss2 < <(lint 2)
secs() { awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' <<<"$1"; }
s1=$(secs "$wall1"); s2=$(secs "$wall2")
files=$(ls "$corpus" | wc -l); pdfs=$(ls "$corpus"/*.pdf | wc -l)
echo "corpus: $files files ($pdfs PDFs)"
printf 'pdftotext over the PDFs: %.2f s\n' "$pdf_s"
printf 'budgetlint --jobs 1:      %.2f s, peak RSS %d MB\n' "$s1" $((rss1 / 1024))
printf 'budgetlint --jobs 2:      %.2f s, peak RSS %d MB\n' "$s2" $((rss2 / 1024))
printf 'speed-up 1 -> 2 jobs:     %.2fx\n' "$(echo "$s1 / $s2" | bc -l)"
