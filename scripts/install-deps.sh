#!/usr/bin/env bash
# Installs what mlsoc needs to build and test on Debian/Ubuntu, only when it is missing:
# ncursesw, SQLite and libcrypto (OpenSSL) headers, tmux (end-to-end tests), pkg-config,
# python3-venv (the schema validator the export tests use). Uses sudo when not root.
set -euo pipefail

missing=()
[ -f /usr/include/ncursesw/curses.h ] || missing+=(libncursesw5-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/openssl/evp.h ] || missing+=(libssl-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)

if ! command -v swift >/dev/null 2>&1; then
    echo "mlsoc needs the Swift 6 toolchain on PATH (swift.org/install); it is not an apt package." >&2
    exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "missing packages (${missing[*]}) and no sudo: install them as root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
