#!/usr/bin/env bash
# The tool `make bench` compares mlsoc with: sqlite-utils (PyPI), in .venv-bench, only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-bench
if [ -x "$venv/bin/sqlite-utils" ] && "$venv/bin/sqlite-utils" --version >/dev/null 2>&1; then
    exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    echo "python3-venv is missing: run scripts/install-deps.sh (or apt-get install python3-venv)" >&2
    exit 1
fi
echo "creating $venv with sqlite-utils (the side-by-side comparison)"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check 'sqlite-utils==3.38'
