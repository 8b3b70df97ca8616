#!/usr/bin/env bash
# Validate a contribution the way CI does (.github/workflows/ci.yml runs exactly this):
#   1. check the files it changes (releases, annotations, sources, gazetteers);
#   2. rebuild everything with `dvc repro`;
#   3. validate the four tables and the links between them;
#   4. check reproducibility: the rebuilt outputs' hashes equal those in the committed dvc.lock;
#   5. summarize what it changes in the data (rows added / removed / changed per table).
# Every step runs even if an earlier one failed (so a contributor sees everything at once), except
# that steps 3–5 need a successful rebuild. Exit status: 1 if any step failed.
#
# Usage: scripts/ci.sh [BASE_REF]      (default: origin/main; all of seeds/ is checked without it)
# Note: it runs `dvc repro` in this checkout and rewrites dvc.lock; run it in a clone of your branch
# (git clone . /tmp/ci && cd /tmp/ci && scripts/ci.sh) if other work shares this checkout.
set -uo pipefail
cd "$(dirname "$0")/.."

base="${1:-origin/main}"
format=text
[ "${GITHUB_ACTIONS:-}" = "true" ] && format=github
failed=()

step() { printf '\n== %s\n' "$1"; }

step "1/5 contribution checks"
if git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    mfa-releases check --since "$base" --format "$format" || failed+=("check")
else
    echo "(no $base here: checking all of seeds/)"
    mfa-releases check --format "$format" || failed+=("check")
fi

step "2/5 rebuild (dvc repro)"
if dvc repro; then
    step "3/5 validate tables and relations"
    mfa-releases validate --tables data/tables || failed+=("validate")

    step "4/5 reproducibility against the committed dvc.lock"
    python -m mfa_releases.checks.reproducibility --committed HEAD --format "$format" || failed+=("reproducibility")

    step "5/5 what this changes in the data"
    python -m mfa_releases.checks.summary --base "$base" --tables data/tables
else
    failed+=("dvc repro")
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "CI FAILED: ${failed[*]}"
    exit 1
fi
echo "CI OK"
