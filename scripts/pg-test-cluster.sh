#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 22): initdb in a temporary directory as a
# non-root account, listening on a Unix socket in that directory and on 127.0.0.1 (a free port),
# with two roles: mlsoc (owns the test databases) and mlsoc_reader (SELECT only, what the
# read-only dashboard connects as).
#
#   scripts/pg-test-cluster.sh start DIR   prints the admin URL (postgres://mlsoc@127.0.0.1:PORT/postgres)
#   scripts/pg-test-cluster.sh stop DIR    stops it and removes DIR
#
# Debian's postgresql (the server binaries under /usr/lib/postgresql/VERSION/bin) is installed when
# missing. PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` account
# (created by Debian's package) or `nobody`.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then found=$(dirname "$(command -v pg_ctl)"); fi
    echo "$found"
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi

case "$command" in
start)
    bin=$(pg_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "installing: postgresql" >&2
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
        bin=$(pg_bin)
    fi
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL cannot start: no initdb found (install Debian's postgresql)" >&2
        exit 1
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    chown "$owner" "$dir" 2>/dev/null || true
    chmod 700 "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bin/initdb" -D "$dir/data" -U mlsoc --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        echo "PostgreSQL cannot start: initdb failed (log above)" >&2
        exit 1
    }
    # TLS with a self-signed certificate for localhost and 127.0.0.1 (the tests of sslmode).
    if command -v openssl >/dev/null 2>&1; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1
        chmod 600 "$dir/data/server.key"
        chown "$owner" "$dir/data/server.key" "$dir/data/server.crt" 2>/dev/null || true
        cp "$dir/data/server.crt" "$dir/ca.crt"
        chmod 644 "$dir/ca.crt"
        echo "ssl = on" >>"$dir/data/postgresql.conf"
        # Loopback TCP must use TLS when the client asks; trust stays (a throwaway server).
    fi
    # The socket directory must be reachable by the tests' account (root or the developer).
    chmod 755 "$dir"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >&2 || {
        cat "$dir/server.log" >&2
        echo "PostgreSQL cannot start: pg_ctl start failed (log above)" >&2
        exit 1
    }
    "$bin/psql" -q -h "$dir" -p "$port" -U mlsoc -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE mlsoc_reader LOGIN" >&2
    echo "$port" >"$dir/port"
    echo "postgres://mlsoc@127.0.0.1:$port/postgres"
    ;;
stop)
    bin=$(pg_bin)
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
