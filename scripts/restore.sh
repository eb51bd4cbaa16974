#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh (or a plain SQL dump) into an empty database.
#
#   scripts/restore.sh FILE                  # into ForumHub's own database (scripts/run.sh's, .data/pg)
#   scripts/restore.sh FILE --pg 'Host=db.example.org;Username=forumhub;Password=...;Database=forumhub'
#   scripts/restore.sh FILE --force          # replace a database that already has tables (everything in it is lost)
#
# Without --pg it uses ConnectionStrings__Forum when that is set, otherwise ForumHub's own PostgreSQL (started for
# the moment if it is not running; FORUMHUB_DATA and PG_PORT as for run.sh). The database is created when it does
# not exist. It refuses a database that already has tables unless --force is given; stop ForumHub first. The restore
# is one transaction: it is all there or nothing is. Start ForumHub afterwards: it applies any newer migrations.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/database.sh
source "$ROOT/scripts/lib/database.sh"

usage="usage: scripts/restore.sh FILE [--pg CONNECTION-STRING] [--force]"
FILE=""
FORCE=0
CONNECTION="${ConnectionStrings__Forum:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pg) [[ $# -ge 2 ]] || fail "$usage"; CONNECTION="$2"; shift 2 ;;
    --force) FORCE=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) fail "unknown argument '$1' ($usage)" ;;
    *) [[ -z "$FILE" ]] || fail "only one backup file, please ($usage)"; FILE="$1"; shift ;;
  esac
done
[[ -n "$FILE" ]] || fail "which backup? ($usage)"
[[ -f "$FILE" ]] || fail "there is no file $FILE"

on_exit own_database_stop

if [[ -z "$CONNECTION" ]]; then
  own_database_start >/dev/null
  CONNECTION="$(own_connection_string)"
fi
export_pg_env "$CONNECTION"
TARGET="$PGDATABASE"
PSQL="$(pg_tool psql)"

# SQL on the server's maintenance database, with the target's name as the psql variable :db (quoted by psql).
on_server() { # sql
  printf '%s\n' "$1" | PGDATABASE=postgres "$PSQL" -X -q -t -A -v ON_ERROR_STOP=1 -v db="$TARGET" -f -
}

exists="$(on_server "SELECT 1 FROM pg_database WHERE datname = :'db'")" ||
  fail "cannot reach PostgreSQL at $PGHOST:$PGPORT as $PGUSER (see above)"
if [[ "$exists" == "1" ]]; then
  tables="$("$PSQL" -X -q -t -A -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
  if [[ "$tables" -gt 0 ]]; then
    if [[ "$FORCE" -ne 1 ]]; then
      fail "database $TARGET on $PGHOST:$PGPORT is not empty ($tables tables); nothing was changed. Restore into an empty or new database (--pg), or add --force to replace it and lose everything in it."
    fi
    say "--force: dropping database $TARGET (everything in it)"
    on_server 'DROP DATABASE :"db"' || fail "could not drop $TARGET: stop ForumHub (and anything else using it) first"
    exists=""
  fi
fi
if [[ "$exists" != "1" ]]; then
  on_server 'CREATE DATABASE :"db"' || fail "could not create database $TARGET (does $PGUSER have the right to create databases?)"
fi

say "restoring $FILE into database $TARGET on $PGHOST:$PGPORT"
if [[ "$(head -c 5 "$FILE")" == "PGDMP" ]]; then
  "$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$TARGET" "$FILE" ||
    fail "the restore failed (see above); the database $TARGET was left empty"
else
  "$PSQL" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$FILE" >/dev/null ||
    fail "the restore failed (see above); the database $TARGET was left empty"
fi
meetings="$("$PSQL" -X -q -t -A -c "SELECT count(*) FROM meetings" 2>/dev/null || echo "?")"
say "restored: $meetings meetings. Start ForumHub (scripts/run.sh): it applies any newer migrations."
