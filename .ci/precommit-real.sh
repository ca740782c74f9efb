#!/usr/bin/env bash
# End-to-end with the real pre-commit (Debian package `pre-commit`): a fresh
# repository whose .pre-commit-config.yaml points at this repository's HEAD,
# a report with a contradiction (commit refused), then its fix (accepted).
# The Go test TestPreCommitHook emulates the same where pre-commit is absent.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit not installed; skipped"; exit 0; }
rev=$(git -C "$here" rev-parse HEAD)
repo=$(mktemp -d)
export PRE_COMMIT_HOME=$(mktemp -d)
cd "$repo"
git init -q && git config user.email t@example.invalid && git config user.name t
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: budgetlint
YAML
pre-commit install >/dev/null
# A Markdown report with a suppression that gives no reason: an error of the
# always-present meta rules, whatever content checks have landed.
printf '# 说明\n\n<!-- budgetlint-disable-next-line unused-suppression -->\n基本支出154.25万元。\n' > report.md
git add . 
if git commit -qm "bad report" >commit1.log 2>&1; then echo "FAIL: contradiction was committed"; cat commit1.log; exit 1; fi
grep -q "bad-suppression" commit1.log || { echo "FAIL: no finding shown"; cat commit1.log; exit 1; }
echo "refused as expected:"; grep "report.md" commit1.log | head -3
printf '# 说明\n\n基本支出154.25万元。\n' > report.md
git add report.md
git commit -qm "fixed report" >commit2.log 2>&1 || { echo "FAIL: fixed report refused"; cat commit2.log; exit 1; }
echo "fixed report accepted"
