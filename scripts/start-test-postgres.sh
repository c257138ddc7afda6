#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and prints its SQLAlchemy URL.
# Installs nothing. Root cannot initdb, so under root the cluster runs as the `postgres`
# user; any other user runs it as herself (su would ask for a password). A fresh temp dir,
# trust auth, loopback only, on a free port.
#   url=$(scripts/start-test-postgres.sh)          # start; prints the URL on stdout
#   scripts/start-test-postgres.sh --stop DIR      # stop and remove (DIR is on stderr)
set -euo pipefail

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir="$d"; break; fi
done
if [ -z "$bindir" ]; then
    echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
    exit 3
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "no 'postgres' user to run the cluster as" >&2
    exit 3
fi
as_pg() {
    if [ "$(id -u)" != 0 ]; then bash -c "$1"; else su postgres -s /bin/bash -c "$1"; fi
}

if [ "${1:-}" = "--stop" ]; then
    dir="$2"
    as_pg "$bindir/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit 0
fi

dir="$(mktemp -d /tmp/spt-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
chmod 700 "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg "$bindir/initdb -D '$dir/data' --auth=trust -U postgres -E UTF8 --no-sync" >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bindir/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
echo "$dir" >&2
echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
