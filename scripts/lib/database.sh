# shellcheck shell=bash
# ForumHub's own PostgreSQL (the one scripts/run.sh keeps in .data/pg) and connection strings, for run.sh, backup.sh
# and restore.sh. Source it after common.sh; it defines functions and these settings (each from the environment):
#   FORUMHUB_DATA (.data)  PG_PORT (55433)
OWN_DATA="${FORUMHUB_DATA:-$ROOT/.data}"
OWN_PG_DIR="$OWN_DATA/pg"
OWN_PG_PORT="${PG_PORT:-55433}"
OWN_PG_STARTED=0
[[ "$OWN_PG_PORT" =~ ^[0-9]+$ ]] || fail "PG_PORT must be a number, got '$OWN_PG_PORT'"

# The connection string of ForumHub's own database.
own_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=forumhub\n' "$OWN_PG_PORT"
}

# Starts ForumHub's own PostgreSQL unless it runs already (then it is left running afterwards).
own_database_start() {
  ensure_postgres || fail "PostgreSQL is needed: install it (apt-get install postgresql) or set ConnectionStrings__Forum"
  if port_in_use "$OWN_PG_PORT" && ! [[ -f "$OWN_PG_DIR/postmaster.pid" ]]; then
    fail "port $OWN_PG_PORT is taken by another program; stop it, choose another with PG_PORT=..., or set ConnectionStrings__Forum to use a PostgreSQL of your own"
  fi
  mkdir -p "$OWN_DATA"
  say "starting ForumHub's own PostgreSQL (${OWN_PG_DIR#"$ROOT"/}) on 127.0.0.1:$OWN_PG_PORT"
  if "$ROOT/scripts/pg.sh" status "$OWN_PG_DIR"; then
    # Started by someone else (another run.sh?): use it and leave it running.
    "$ROOT/scripts/pg.sh" start "$OWN_PG_DIR" "$OWN_PG_PORT"
  else
    "$ROOT/scripts/pg.sh" start "$OWN_PG_DIR" "$OWN_PG_PORT"
    OWN_PG_STARTED=1
  fi
}

# Stops it again if own_database_start started it.
own_database_stop() {
  if [[ "$OWN_PG_STARTED" -eq 1 ]]; then
    "$ROOT/scripts/pg.sh" stop "$OWN_PG_DIR" >/dev/null || true
    OWN_PG_STARTED=0
  fi
}

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE (what pg_dump, pg_restore and psql read) from an Npgsql
# connection string ("Host=...;Port=...;Username=...;Password=...;Database=..."), so no password is on a command line.
export_pg_env() { # connection-string
  local part key value
  local -a parts
  IFS=';' read -r -a parts <<<"$1"
  PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=forumhub
  unset PGPASSWORD
  for part in "${parts[@]}"; do
    [[ "$part" == *=* ]] || continue
    key="$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    value="${part#*=}"
    value="${value#"${value%%[![:space:]]*}"}"
    value="${value%"${value##*[![:space:]]}"}"
    case "$key" in
      host | server) PGHOST="$value" ;;
      port) PGPORT="$value" ;;
      username | userid | user | uid) PGUSER="$value" ;;
      password | pwd) export PGPASSWORD="$value" ;;
      database | db) PGDATABASE="$value" ;;
    esac
  done
  export PGHOST PGPORT PGUSER PGDATABASE
}

# The PostgreSQL client tools of the local server binaries (pg_dump must be at least the server's version).
pg_tool() { # name
  local bindir
  if bindir="$("$ROOT/scripts/pg.sh" bindir 2>/dev/null)" && [[ -x "$bindir/$1" ]]; then
    printf '%s\n' "$bindir/$1"
  elif command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
  else
    fail "$1 is missing: install the PostgreSQL client (apt-get install postgresql-client)"
  fi
}
