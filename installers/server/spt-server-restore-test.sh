#!/usr/bin/env bash
# Proves a backup can be restored: loads DUMP into a scratch database, lets spt-server
# count what is in it and compares that with the live database. Run as a PostgreSQL role
# that may create databases (on the server: sudo -u postgres). See docs/deploy.md.
#
#   spt-server-restore-test.sh DUMP [SPT_SERVER_BINARY]
#
# The counts differ when the live database changed since the dump: run it right after a
# backup, or compare by hand. Exit code 0: restored and equal; 1 otherwise.
set -euo pipefail
dump="$1"
spt_server="${2:-/opt/spt-server/venv/bin/spt-server}"
live="${PGDATABASE:-spt}"
scratch="spt_restore_test_$$"
host="${PGHOST:-/run/postgresql}"
port="${PGPORT:-5432}"
user="${PGUSER:-$(id -un)}"
url() { echo "postgresql+psycopg://$user@/$1?host=$host&port=$port"; }
createdb "$scratch"
trap 'dropdb --if-exists "$scratch"' EXIT
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$scratch" "$dump"
"$spt_server" stats --db "$(url "$scratch")" > "/tmp/$scratch.restored.json"
"$spt_server" stats --db "$(url "$live")" > "/tmp/$scratch.live.json"
trap 'dropdb --if-exists "$scratch"; rm -f "/tmp/$scratch".*.json' EXIT
if diff "/tmp/$scratch.live.json" "/tmp/$scratch.restored.json"; then
    echo "Hersteltest geslaagd: $dump geeft dezelfde aantallen als $live."
else
    echo "Hersteltest: de aantallen verschillen (zie hierboven)." >&2
    exit 1
fi
