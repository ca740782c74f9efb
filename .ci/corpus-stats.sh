#!/usr/bin/env bash
# Findings by rule and claim coverage on folders of reports (default: the
# shared corpus beside this repository). Prints; changes nothing.
#   .ci/corpus-stats.sh [PATH...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/budgetlint
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/budgetlint
paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
  for p in ../shared/corpus/bulk ../shared/corpus/docs; do [ -d "$p" ] && paths+=("$p"); done
fi
[ ${#paths[@]} -gt 0 ] || { echo "no corpus: give folders"; exit 2; }
for p in "${paths[@]}"; do
  out=$(dirname "$bin")/out.json
  "$bin" check --quiet --format "json=$out" "$p" >/dev/null 2>&1 || true
  python3 - "$p" "$out" <<'PY'
import collections, json, sys
name, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
fs = d.get("files", [])
sev = collections.Counter()
by = collections.Counter()
reasons = collections.Counter()
cov = collections.Counter()
for r in fs:
    for f in r.get("findings") or []:
        sev[f["severity"]] += 1
        if f["severity"] != "info":
            by[f["rule"]] += 1
    c = r.get("coverage") or {}
    for k in ("figures", "claims", "decided", "skipped"):
        cov[k] += c.get(k, 0)
    t = c.get("tables") or {}
    cov["table_checked"] += t.get("checked", 0)
    cov["table_skipped"] += t.get("skipped", 0)
    for k, v in (c.get("skipped_reasons") or {}).items():
        reasons[k] += v
errs = sum(1 for r in fs if r.get("error"))
print(f"== {name}: {len(fs)} files ({errs} unreadable); {sev['error']} errors, {sev['warning']} warnings, {sev['info']} info")
claims = cov["claims"] or 1
print(f"   claims {cov['claims']}, decided {cov['decided']} ({100*cov['decided']/claims:.1f}%), skipped {cov['skipped']}; "
      f"table identities checked {cov['table_checked']}, skipped {cov['table_skipped']}")
print("   warnings+errors by rule: " + ", ".join(f"{k} {v}" for k, v in by.most_common()))
print("   top skip reasons: " + "; ".join(f"{k}: {v}" for k, v in reasons.most_common(10)))
PY
done
