#!/usr/bin/env bash
# Regenerates the mapping fixtures (issue 17): reports of `tree/` (a retrieval service: Python,
# a Dockerfile, Terraform, a Kubernetes pod, a GitHub workflow) by rules and checks that mlsoc's
# mapping file does not name. The real scanners from PyPI: semgrep with `rules/community.yaml`
# (rules in the style of the semgrep registry, with its metadata keys), bandit with every test,
# checkov with every framework. CodeQL and Trivy are not on PyPI or Debian: `mk_codeql.py` and
# `mk_trivy_config.py` write their reports from the published query and check metadata (see
# README.md).
# Usage: ./generate.sh   (python3 and access to PyPI; MLSOC_FIXTURE_VENVS reuses virtualenvs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venvs="${MLSOC_FIXTURE_VENVS:-/tmp/mlsoc-mapping-fixtures/venvs}"
mkdir -p "$venvs"
export PROMPTFOO_DISABLE_TELEMETRY=1 MODELAUDIT_DISABLE_TELEMETRY=1 CKV_SKIP_PACKAGE_UPDATE_CHECK=True BC_SKIP_MAPPING=TRUE SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0
v() { # v NAME PACKAGE… — a virtualenv per tool family; prints its bin folder
    local d="$venvs/$1"; shift
    [ -x "$d/bin/python" ] || python3 -m venv "$d"
    "$d/bin/pip" install -q --disable-pip-version-check "$@" >&2
    echo "$d/bin"
}
S=$(v semgrep semgrep==1.185.0)
B=$(v bandit bandit==1.9.4 bandit-sarif-formatter==1.1.1)
C=$(v checkov3 checkov==3.3.30)
ML=$(v ml modelaudit==0.2.54 numpy)
out="$here/reports"
mkdir -p "$out"
cd "$here/tree"
"$S/semgrep" scan --config ../rules/community.yaml --metrics=off --disable-version-check -q --json -o "$out/semgrep-community.json" . || true
"$S/semgrep" scan --config ../rules/community.yaml --metrics=off --disable-version-check -q --sarif -o "$out/semgrep-community.sarif" . || true
"$B/bandit" -r svc -f json -o "$out/bandit-all.json" -q || true
"$B/bandit" -r svc -f sarif -o "$out/bandit-all.sarif" -q || true
"$C/checkov" -d . --quiet -o json > "$out/checkov-all.json" || true
# A NumPy array of dtype=object (it loads through pickle) beside a plain one, at a fixed place so
# modelaudit's absolute paths are the same on every run.
npy=/tmp/mlsoc-mapping-fixtures/arrays
rm -rf "$npy" && mkdir -p "$npy"
"$ML/python" -c "import numpy as np; np.save('$npy/features.npy', np.array([{'a': 1}, 'x', None], dtype=object), allow_pickle=True); np.save('$npy/weights.npy', np.zeros((4, 4)))"
"$ML/modelaudit" scan --format json "$npy/features.npy" "$npy/weights.npy" > "$out/modelaudit-numpy.json" || true
python3 "$here/mk_codeql.py" > "$out/codeql-python.sarif"
python3 "$here/mk_trivy_config.py" > "$out/trivy-config.json"
