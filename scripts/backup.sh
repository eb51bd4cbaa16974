#!/usr/bin/env bash
# Backs up ForumHub's database with pg_dump (custom format: compressed, restored with scripts/restore.sh).
#
#   scripts/backup.sh                        # ForumHub's own database (scripts/run.sh's, .data/pg)
#   scripts/backup.sh -o /backups/forum.dump # to this file (default: .data/backups/forumhub-<date>-<time>.dump)
#   scripts/backup.sh --pg 'Host=db.example.org;Username=forumhub;Password=...;Database=forumhub'
#
# Without --pg it uses ConnectionStrings__Forum when that is set, otherwise ForumHub's own PostgreSQL (started for
# the moment if it is not running; FORUMHUB_DATA and PG_PORT as for run.sh). ForumHub may keep running: pg_dump
# reads one consistent snapshot. The file holds personal data: keep it as safe as the database.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/database.sh
source "$ROOT/scripts/lib/database.sh"

usage="usage: scripts/backup.sh [-o FILE] [--pg CONNECTION-STRING]"
OUT=""
CONNECTION="${ConnectionStrings__Forum:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o | --output) [[ $# -ge 2 ]] || fail "$usage"; OUT="$2"; shift 2 ;;
    --pg) [[ $# -ge 2 ]] || fail "$usage"; CONNECTION="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument '$1' ($usage)" ;;
  esac
done

on_exit own_database_stop

if [[ -z "$CONNECTION" ]]; then
  own_database_start >/dev/null
  CONNECTION="$(own_connection_string)"
fi
export_pg_env "$CONNECTION"

if [[ -z "$OUT" ]]; then
  mkdir -p "$OWN_DATA/backups"
  OUT="$OWN_DATA/backups/forumhub-$(date -u +%Y%m%d-%H%M%S).dump"
fi
mkdir -p "$(dirname "$OUT")"

say "backing up database $PGDATABASE on $PGHOST:$PGPORT"
# Into a temporary file first: a failed backup never leaves a half file under the real name.
partial="$OUT.partial"
umask 077
if ! "$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$partial"; then
  rm -f "$partial"
  fail "pg_dump failed (see above); no backup was written"
fi
mv -f "$partial" "$OUT"
say "backup written: $OUT ($(du -h "$OUT" | cut -f1))"
say "restore it with: scripts/restore.sh $OUT"
