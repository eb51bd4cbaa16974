#!/usr/bin/env bash
# Runs ForumHub on this machine, or makes its first administrator.
#
#   scripts/run.sh                 # http://127.0.0.1:5080, this computer only
#   scripts/run.sh --lan           # also the room's Wi-Fi: phones join at http://<this computer's address>:5080
#   scripts/run.sh --dev           # the Development environment (default: Production)
#   scripts/run.sh create-admin --email you@example.org [--name "Your Name"] [--organisation "Name"] [--forum "Name"]
#
# Installs what is missing (Debian's postgresql when there is no PostgreSQL and no ConnectionStrings__Forum;
# node modules), builds the web app into the Api and the Api (the first time takes about 2 minutes; later only what
# changed), starts a private PostgreSQL cluster in .data/pg on 127.0.0.1:55433 (kept between runs, stopped when this
# script ends) unless ConnectionStrings__Forum is set, then runs the Api. The Api creates its database and applies its
# migrations itself. Stop with Ctrl+C.
#
# create-admin makes the first administrator in the same database (starting its PostgreSQL for the moment if it is
# not running). The password is asked for (not shown), or read from FORUMHUB_ADMIN_PASSWORD, or from standard
# input when that is not a terminal.
#
# Environment:
#   PORT          the Api's port (5080)
#   HOST          the address to listen on (127.0.0.1; --lan makes it 0.0.0.0, every network address); another
#                 address also sets PUBLIC_URL to it unless that is set
#   PUBLIC_URL    the address on join links, QR codes and set-up links (--lan: http://<this computer's address>:PORT;
#                 behind a TLS proxy: https://forum.example.org)
#   PG_PORT       the port of ForumHub's own PostgreSQL (55433)
#   FORUMHUB_DATA the folder of ForumHub's own PostgreSQL (.data; the cluster is in FORUMHUB_DATA/pg)
#   ConnectionStrings__Forum   use this PostgreSQL instead of ForumHub's own
#   ASPNETCORE_ENVIRONMENT     Production unless set (or --dev)
#   FORUMHUB_API_DLL           an Api that is already built: run it instead of building (the tests use this)
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/database.sh
source "$ROOT/scripts/lib/database.sh"
cd "$ROOT"

MODE=run
LAN=0
DEV=0
ADMIN_ARGS=()
if [[ "${1:-}" == "create-admin" ]]; then
  MODE=create-admin
  shift
  ADMIN_ARGS=("$@")
else
  for arg in "$@"; do
    case "$arg" in
      --lan) LAN=1 ;;
      --dev) DEV=1 ;;
      -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) fail "unknown argument '$arg' (scripts/run.sh [--lan] [--dev], or scripts/run.sh create-admin --email you@example.org)" ;;
    esac
  done
fi

PORT="${PORT:-5080}"
LOCAL_URL="http://127.0.0.1:$PORT"
WATCHER=""
[[ "$PORT" =~ ^[0-9]+$ ]] || fail "PORT must be a number, got '$PORT'"

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [[ -n "$WATCHER" ]]; then
    kill "$WATCHER" 2>/dev/null || true
    WATCHER=""
  fi
  own_database_stop
}
on_exit cleanup

# Runs a command with its output in a log file, saying every 15 s that it is still at work (a first build takes
# minutes and would otherwise print nothing).
with_progress() { # label log command...
  local label="$1" log="$2" started=$SECONDS ticker rc=0
  shift 2
  (while sleep 15; do say "$label: still working ($((SECONDS - started)) s)"; done) &
  ticker=$!
  "$@" >"$log" 2>&1 || rc=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  return "$rc"
}

# The first address of this machine on its network (the one its default route leaves from).
lan_address() {
  local address=""
  if command -v ip >/dev/null 2>&1; then
    address="$(ip -4 route get 192.0.2.1 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "src") { print $(i + 1); exit }}')"
  fi
  if [[ -z "$address" ]] && command -v hostname >/dev/null 2>&1; then
    address="$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+\.' | grep -v '^127\.' | head -n 1 || true)"
  fi
  [[ -n "$address" ]] && printf '%s\n' "$address"
}

# ForumHub's own PostgreSQL (scripts/lib/database.sh), unless ConnectionStrings__Forum names another.
start_database() {
  if [[ -n "${ConnectionStrings__Forum:-}" ]]; then
    say "using your PostgreSQL from ConnectionStrings__Forum"
    return 0
  fi
  own_database_start
  ConnectionStrings__Forum="$(own_connection_string)"
  export ConnectionStrings__Forum
}

# True when the web app in src/Api/wwwroot is newer than every source it is built from (src/Web, the picture map), so a
# later start skips its build (and the Api's rebuild of the static files that a new web build would cause).
web_is_built() {
  local built="$ROOT/src/Api/wwwroot/index.html"
  [[ -f "$built" ]] || return 1
  [[ -z "$(find "$ROOT/src/Web" "$ROOT/src/Api/Features/Minutes/Writing/Pictures/pictures.json" \
    \( -path "$ROOT/src/Web/node_modules" -o -path "$ROOT/src/Web/dist-client" \) -prune -o -type f -newer "$built" -print -quit)" ]]
}

# Builds the Api (Release) unless FORUMHUB_API_DLL names a built one; sets DLL.
build_api() {
  if [[ -n "${FORUMHUB_API_DLL:-}" ]]; then
    [[ -f "$FORUMHUB_API_DLL" ]] || fail "FORUMHUB_API_DLL is $FORUMHUB_API_DLL, which does not exist"
    DLL="$FORUMHUB_API_DLL"
    return 0
  fi
  say "building the Api (Release); the first time takes about 2 minutes"
  local log
  log="$(mktemp)"
  if ! with_progress "building the Api" "$log" dotnet build src/Api/ForumHub.Api.csproj -c Release -nologo -v quiet -clp:NoSummary; then
    cat "$log" >&2
    rm -f "$log"
    fail "the Api did not build (see the errors above)"
  fi
  rm -f "$log"
  DLL="$ROOT/src/Api/bin/Release/net10.0/ForumHub.Api.dll"
}

require_toolchain

# ---------------------------------------------------------------------------------------------------------------
if [[ "$MODE" == "create-admin" ]]; then
  start_database
  build_api
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
  # Only for the sign-in address it prints: an https PUBLIC_URL, otherwise this computer (where the cookie works).
  if [[ "${PUBLIC_URL:-}" == https://* ]]; then export PublicUrl="$PUBLIC_URL"; else export PublicUrl="$LOCAL_URL"; fi
  command=(dotnet "$DLL" create-admin "${ADMIN_ARGS[@]}" --contentRoot "$ROOT/src/Api")
  rc=0
  if [[ -n "${FORUMHUB_ADMIN_PASSWORD:-}" || ! -t 0 ]]; then
    "${command[@]}" || rc=$?
  else
    # Asked here, twice and not shown, then handed to the command alone (never on a command line).
    read -rsp "Password for the new administrator (at least 12 characters): " password
    printf '\n'
    read -rsp "The same password again: " again
    printf '\n'
    [[ "$password" == "$again" ]] || fail "the two passwords are not the same; nothing was changed"
    FORUMHUB_ADMIN_PASSWORD="$password" "${command[@]}" || rc=$?
  fi
  exit "$rc"
fi

# ---------------------------------------------------------------------------------------------------------------
HOST="${HOST:-}"
PUBLIC_URL="${PUBLIC_URL:-}"
if [[ "$LAN" -eq 1 ]]; then HOST="${HOST:-0.0.0.0}"; fi
HOST="${HOST:-127.0.0.1}"
# Listening beyond this computer: join links need an address the phones can reach.
if [[ -z "$PUBLIC_URL" ]]; then
  case "$HOST" in
    127.0.0.1 | localhost) ;;
    0.0.0.0 | "[::]" | "*")
      address="$(lan_address)" || fail "this computer has no network address (is the Wi-Fi on?); or set PUBLIC_URL=http://<address>:$PORT"
      PUBLIC_URL="http://$address:$PORT"
      ;;
    *) PUBLIC_URL="http://$HOST:$PORT" ;;
  esac
fi
# The facilitator's laptop always has http://127.0.0.1 too: on plain http it is the only address where the Secure
# sign-in cookie works.
case "$HOST" in
  127.0.0.1 | localhost | 0.0.0.0 | "[::]" | "*") URLS="http://$HOST:$PORT" ;;
  *) URLS="http://127.0.0.1:$PORT;http://$HOST:$PORT" ;;
esac
if [[ -n "$PUBLIC_URL" ]]; then export PublicUrl="$PUBLIC_URL"; fi
if [[ "$DEV" -eq 1 ]]; then export ASPNETCORE_ENVIRONMENT=Development; fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

start_database
ensure_node_modules "$ROOT/src/Web" || fail "npm ci failed in src/Web"
if web_is_built; then
  say "the web app is built and up to date (src/Api/wwwroot)"
else
  build_web || fail "the web app did not build"
fi
build_api

if port_in_use "$PORT"; then
  fail "port $PORT is taken; run with another one, e.g. PORT=5090 scripts/run.sh"
fi

# Tell the user where to go once the Api answers.
(
  for ((i = 0; i < 600; i++)); do
    if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      printf '\n==================================================\n'
      printf '  ForumHub is running: %s\n' "$LOCAL_URL"
      if [[ -n "$PUBLIC_URL" && "$PUBLIC_URL" != "$LOCAL_URL" ]]; then
        printf '  Facilitators sign in on this computer: %s\n' "$LOCAL_URL/start"
        printf '  Phones and tablets join at: %s\n' "$PUBLIC_URL"
      fi
      printf '  Stop it with Ctrl+C.\n'
      printf '==================================================\n\n'
      exit 0
    fi
    sleep 1
  done
) &
WATCHER=$!

say "starting the Api ($ASPNETCORE_ENVIRONMENT) on $URLS${PUBLIC_URL:+; links and QR codes show $PUBLIC_URL}"
rc=0
# The content root is src/Api: its appsettings.json and the web app in its wwwroot (built above).
dotnet "$DLL" --urls "$URLS" --contentRoot "$ROOT/src/Api" || rc=$?
exit "$rc"
