# Sourced by the bench-*.sh scripts: the corpus path, the skips when there is
# no corpus or no pdftotext (the yardstick), a fresh build of budgetlint in
# $bin, and now() for wall-clock timing.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/docs}
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 0; }
command -v pdftotext >/dev/null || { echo "pdftotext not installed (apt-get install poppler-utils)"; exit 0; }
bin=$(mktemp -d)/budgetlint
go build -o "$bin" ./cmd/budgetlint
now() { date +%s.%N; }
