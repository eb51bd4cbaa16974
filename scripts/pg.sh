#!/usr/bin/env bash
# Start or stop a private PostgreSQL cluster from the local PostgreSQL binaries.
#
#   scripts/pg.sh start <datadir> <port>   # initdb if <datadir> is empty, then start; waits until ready
#   scripts/pg.sh stop  <datadir>          # fast shutdown; fine if it is not running
#   scripts/pg.sh status <datadir>         # exit 0 when the cluster in <datadir> is running
#   scripts/pg.sh bindir                   # print the folder holding initdb/pg_ctl (exit 3 if none)
#
# The cluster listens on 127.0.0.1 only (no Unix socket), trusts every local TCP connection from
# 127.0.0.1, and runs with fsync on and max_connections 300. Connect with
#   Host=127.0.0.1;Port=<port>;Username=postgres
# FORUMHUB_PG_THROWAWAY=1 (scripts/test.sh and scripts/reliability.sh set it) makes a cluster for tests only: initdb
# --no-sync, fsync and full_page_writes off (docs/decisions/0011-throwaway-test-clusters.md says why that is safe there
# and never anywhere else).
# As root, the data folder is handed to the `postgres` user and the server runs as that user.
set -euo pipefail

die() {
  echo "pg.sh: $*" >&2
  exit 1
}

# Prints the folder that holds initdb, pg_ctl and postgres, or nothing.
find_bindir() {
  local candidate dir
  if candidate="$(command -v pg_ctl 2>/dev/null)"; then
    dir="$(dirname "$(readlink -f "$candidate")")"
    if [[ -x "$dir/initdb" && -x "$dir/postgres" ]]; then
      echo "$dir"
      return 0
    fi
  fi
  # Newest major version first.
  local -a dirs
  mapfile -t dirs < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4,4 -rn)
  for dir in "${dirs[@]}"; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

require_bindir() {
  if ! BINDIR="$(find_bindir)"; then
    echo "pg.sh: no PostgreSQL server binaries found (looked for pg_ctl on PATH and in /usr/lib/postgresql/*/bin). Install them with 'apt-get install postgresql', or set ConnectionStrings__Forum to a PostgreSQL server of your own." >&2
    exit 3
  fi
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

abs_path() {
  mkdir -p "$1"
  (cd "$1" && pwd -P)
}

is_running() {
  as_owner "$BINDIR/pg_ctl" status -D "$1" >/dev/null 2>&1
}

wait_ready() {
  local port="$1" i
  for ((i = 0; i < 120; i++)); do
    if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

cmd_start() {
  local datadir port
  [[ $# -eq 2 ]] || die "usage: pg.sh start <datadir> <port>"
  [[ "$2" =~ ^[0-9]+$ ]] || die "port must be a number, got '$2'"
  port="$2"
  require_bindir
  datadir="$(abs_path "$1")"

  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user to run the server as (apt-get install postgresql creates it)"
    chown -R postgres:postgres "$datadir"
    if ! runuser -u postgres -- test -w "$datadir"; then
      die "the postgres user cannot reach $datadir (a parent folder is closed to it); use a data folder under a path it can traverse"
    fi
  fi

  if [[ ! -f "$datadir/PG_VERSION" ]]; then
    if [[ -n "$(ls -A "$datadir")" ]]; then
      die "$datadir is neither empty nor a PostgreSQL data folder"
    fi
    echo "pg.sh: creating a new cluster in $datadir"
    local log
    log="$(mktemp)"
    local nosync=()
    if [[ "${FORUMHUB_PG_THROWAWAY:-}" == 1 ]]; then nosync=(--no-sync); fi
    as_owner "$BINDIR/initdb" -D "$datadir" -U postgres --auth=trust --encoding=UTF8 --no-locale "${nosync[@]}" >"$log" 2>&1 ||
      { cat "$log" >&2; rm -f "$log"; die "initdb failed"; }
    rm -f "$log"
    # Trust on 127.0.0.1 only: no other host, no Unix socket lines are needed.
    cat >"$datadir/pg_hba.conf" <<'EOF'
# Written by scripts/pg.sh: a private development/test cluster.
# TYPE  DATABASE  USER  ADDRESS        METHOD
host    all       all   127.0.0.1/32   trust
EOF
    echo "include_if_exists = 'forumhub.conf'" >>"$datadir/postgresql.conf"
    if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$datadir/pg_hba.conf"; fi
  fi

  if is_running "$datadir"; then
    local running_port
    running_port="$(sed -n 4p "$datadir/postmaster.pid" 2>/dev/null || true)"
    if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
      die "the cluster in $datadir is already running on port $running_port, not $port"
    fi
    wait_ready "$port" || die "the cluster in $datadir is running but not ready on 127.0.0.1:$port"
    echo "pg.sh: already running: 127.0.0.1:$port ($datadir)"
    return 0
  fi

  # Rewritten on every start, so the port can change between runs.
  cat >"$datadir/forumhub.conf" <<EOF
# Written by scripts/pg.sh on every start.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = on
max_connections = 300
EOF
  if [[ "${FORUMHUB_PG_THROWAWAY:-}" == 1 ]]; then
    # A test cluster is thrown away after the run: no flush to the disk is waited for. PostgreSQL still writes the WAL
    # to the operating system before it acknowledges a commit, so a killed server or Api loses nothing acknowledged.
    printf '# FORUMHUB_PG_THROWAWAY=1: a cluster for tests only (never for real data)\nfsync = off\nfull_page_writes = off\n' >>"$datadir/forumhub.conf"
  fi
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$datadir/forumhub.conf"; fi

  if ! as_owner "$BINDIR/pg_ctl" start -D "$datadir" -l "$datadir/server.log" -w -t 60 -s; then
    tail -n 30 "$datadir/server.log" >&2 || true
    die "PostgreSQL did not start on 127.0.0.1:$port (is the port in use?); log: $datadir/server.log"
  fi
  wait_ready "$port" || { tail -n 30 "$datadir/server.log" >&2; die "PostgreSQL started but is not ready on 127.0.0.1:$port"; }
  echo "pg.sh: PostgreSQL ready on 127.0.0.1:$port ($datadir)"
}

cmd_stop() {
  local datadir
  [[ $# -eq 1 ]] || die "usage: pg.sh stop <datadir>"
  if [[ ! -f "$1/PG_VERSION" ]]; then
    echo "pg.sh: no cluster in $1; nothing to stop"
    return 0
  fi
  require_bindir
  datadir="$(abs_path "$1")"
  if ! is_running "$datadir"; then
    echo "pg.sh: not running ($datadir)"
    return 0
  fi
  as_owner "$BINDIR/pg_ctl" stop -D "$datadir" -m fast -w -t 60 -s
  echo "pg.sh: stopped ($datadir)"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status)
    [[ $# -eq 2 ]] || die "usage: pg.sh status <datadir>"
    [[ -f "$2/PG_VERSION" ]] || exit 1
    require_bindir
    is_running "$(abs_path "$2")"
    ;;
  bindir) require_bindir; echo "$BINDIR" ;;
  *) die "usage: pg.sh start <datadir> <port> | pg.sh stop <datadir> | pg.sh status <datadir> | pg.sh bindir" ;;
esac
