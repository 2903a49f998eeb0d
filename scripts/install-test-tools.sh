#!/usr/bin/env bash
# The Python tools the tests use, in .venv-test (from PyPI, only when missing):
# jsonschema, and cyclonedx-python-lib for the published CycloneDX schemas it ships, to validate
# exports (scripts/validate-json.py); prometheus_client, whose parser reads `mlsoc metrics
# --prometheus` (scripts/parse-prometheus.py); junitparser, which reads `mlsoc gate --junit`
# (scripts/check-junit.py).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-test
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import jsonschema, referencing, cyclonedx.schema, prometheus_client, junitparser' 2>/dev/null; then
    exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    echo "python3-venv is missing: run scripts/install-deps.sh (or apt-get install python3-venv)" >&2
    exit 1
fi
echo "creating $venv with jsonschema and prometheus_client (for the export tests)"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check 'jsonschema==4.26.0' 'referencing>=0.36' 'cyclonedx-python-lib==11.12.0' 'prometheus_client==0.26.0' 'junitparser==5.0.3'
