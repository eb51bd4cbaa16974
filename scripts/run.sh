#!/usr/bin/env bash
# Runs ForumHub on this machine: http://127.0.0.1:${PORT:-5080}
#
#   scripts/run.sh
#
# Installs what is missing (Debian's postgresql when there is no PostgreSQL and no ConnectionStrings__Forum;
# node modules), builds the web app into the Api, starts a private PostgreSQL cluster in .data/pg on
# 127.0.0.1:55433 (kept between runs, stopped when this script ends) unless ConnectionStrings__Forum is set,
# then runs the Api. The Api creates its database and applies its migrations itself. Stop with Ctrl+C.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT"

PORT="${PORT:-5080}"
PG_PORT=55433
PG_DIR="$ROOT/.data/pg"
URL="http://127.0.0.1:$PORT"
PG_STARTED=0
WATCHER=""

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [[ -n "$WATCHER" ]]; then
    kill "$WATCHER" 2>/dev/null || true
    WATCHER=""
  fi
  if [[ "$PG_STARTED" -eq 1 ]]; then
    "$ROOT/scripts/pg.sh" stop "$PG_DIR" || true
    PG_STARTED=0
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_toolchain

if [[ -n "${ConnectionStrings__Forum:-}" ]]; then
  say "using your PostgreSQL from ConnectionStrings__Forum"
else
  ensure_postgres || fail "PostgreSQL is needed: install it (apt-get install postgresql) or set ConnectionStrings__Forum"
  if port_in_use "$PG_PORT" && ! [[ -f "$PG_DIR/postmaster.pid" ]]; then
    fail "port $PG_PORT is taken by another program; stop it, or set ConnectionStrings__Forum to use a PostgreSQL of your own"
  fi
  mkdir -p "$ROOT/.data"
  say "starting ForumHub's own PostgreSQL (.data/pg) on 127.0.0.1:$PG_PORT"
  if "$ROOT/scripts/pg.sh" status "$PG_DIR"; then
    # Started by someone else (another run.sh?): use it and leave it running.
    "$ROOT/scripts/pg.sh" start "$PG_DIR" "$PG_PORT"
  else
    "$ROOT/scripts/pg.sh" start "$PG_DIR" "$PG_PORT"
    PG_STARTED=1
  fi
  export ConnectionStrings__Forum="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=forumhub"
fi

ensure_node_modules "$ROOT/src/Web" || fail "npm ci failed in src/Web"
build_web || fail "the web app did not build"

if port_in_use "$PORT"; then
  fail "port $PORT is taken; run with another one, e.g. PORT=5090 scripts/run.sh"
fi

# Tell the user where to go once the Api answers (dotnet run builds first, which takes a while).
(
  for ((i = 0; i < 600; i++)); do
    if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      printf '\n==================================================\n'
      printf '  ForumHub is running: %s\n' "$URL"
      printf '  Stop it with Ctrl+C.\n'
      printf '==================================================\n\n'
      exit 0
    fi
    sleep 1
  done
) &
WATCHER=$!

say "building and starting the Api (Release); it will listen on $URL"
rc=0
dotnet run --project src/Api -c Release --urls "$URL" || rc=$?
exit "$rc"
