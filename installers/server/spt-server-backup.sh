#!/usr/bin/env bash
# Nightly backup of the SPT-server database: pg_dump's custom format, checked readable,
# kept SPT_BACKUP_KEEP_DAYS days (default 35). Run as the database owner (user spt, peer
# authentication); spt-server-backup.timer does that every night. See docs/deploy.md.
#
#   spt-server-backup.sh [DIR]        # default /var/backups/spt-server
#
# The dumps hold the coaches' synchronised records (personal data): the folder is private
# (umask 077) and belongs on encrypted storage; copy it off the machine encrypted.
# PGHOST/PGPORT/PGDATABASE are honoured (default: the local socket, database spt).
set -euo pipefail
umask 077
dir="${1:-/var/backups/spt-server}"
keep_days="${SPT_BACKUP_KEEP_DAYS:-35}"
db="${PGDATABASE:-spt}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
part="$dir/.spt-$stamp.dump.part"
trap 'rm -f "$part"' EXIT
pg_dump --format=custom --no-owner --no-privileges --file="$part" "$db"
# A dump pg_restore cannot list is no backup.
pg_restore --list "$part" >/dev/null
mv "$part" "$dir/spt-$stamp.dump"
find "$dir" -maxdepth 1 -name 'spt-*.dump' -mtime +"$keep_days" -delete
echo "Back-up: $dir/spt-$stamp.dump ($(du -h "$dir/spt-$stamp.dump" | cut -f1))"
