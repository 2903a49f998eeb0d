#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server (scripts/pg-test-cluster.sh) named in
# MLSOC_TEST_POSTGRES, and stops the server afterwards, however the command ends. When the server
# cannot start, this fails loudly: the PostgreSQL tests never skip silently (issue 22).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${MLSOC_TEST_POSTGRES:-}" ]; then
    exec "$@"
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/mlsoc-pg.XXXXXX")
trap 'scripts/pg-test-cluster.sh stop "$dir"' EXIT
if ! url=$(scripts/pg-test-cluster.sh start "$dir"); then
    echo "the PostgreSQL test server cannot start: the PostgreSQL half of the tests cannot run" >&2
    exit 1
fi
echo "PostgreSQL test server: $url" >&2
ca=""
[ -f "$dir/ca.crt" ] && ca="$dir/ca.crt"
MLSOC_TEST_POSTGRES="$url" MLSOC_TEST_POSTGRES_CA="$ca" "$@"
