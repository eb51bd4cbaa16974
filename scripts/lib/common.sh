# shellcheck shell=bash
# Shared helpers for the scripts in scripts/, bench/run.sh and .ci/run. Source it; it defines functions only (plus ROOT,
# the repository root, PG_DIR, the folder of a throwaway PostgreSQL, and a few quiet-tool environment variables).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
fail() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

_APT_UPDATED=""

# apt-get install the given Debian packages (runs `apt-get update` once first). Root, or sudo, is needed.
apt_install() {
  local -a sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      printf 'ERROR: %s is missing; install it as root with: apt-get install %s\n' "$*" "$*" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    printf 'ERROR: %s is missing and this system has no apt-get; install it with your package manager.\n' "$*" >&2
    return 1
  fi
  if [[ -z "$_APT_UPDATED" ]]; then
    say "apt-get update"
    "${sudo[@]}" apt-get update -qq || return 1
    _APT_UPDATED=1
  fi
  say "apt-get install $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 "$@" >/dev/null || return 1
}

# True when PostgreSQL server binaries (initdb, pg_ctl) can be found by scripts/pg.sh.
have_postgres() {
  "$ROOT/scripts/pg.sh" bindir >/dev/null 2>&1
}

ensure_postgres() {
  have_postgres && return 0
  apt_install postgresql || return 1
  have_postgres || fail "postgresql was installed but scripts/pg.sh still finds no initdb/pg_ctl"
}

CHROMIUM="${FORUMHUB_CHROMIUM:-/usr/bin/chromium}"

ensure_chromium() {
  [[ -x "$CHROMIUM" ]] && return 0
  apt_install chromium || return 1
  [[ -x "$CHROMIUM" ]] || fail "chromium was installed but $CHROMIUM is missing"
}

have_nginx() {
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]
}

ensure_nginx() {
  have_nginx && return 0
  apt_install nginx || return 1
  have_nginx || fail "nginx was installed but neither nginx nor /usr/sbin/nginx is there"
}

# redis-server: the cluster's membership in the multi-node tests (scripts/cluster-test.sh).
have_redis() {
  command -v redis-server >/dev/null 2>&1
}

ensure_redis() {
  have_redis && return 0
  apt_install redis-server || return 1
  have_redis || fail "redis-server was installed but is not on the PATH"
}

# Needs dotnet, and Node.js >= 20.19 with npm (what Vite 7 asks for).
require_toolchain() {
  command -v dotnet >/dev/null 2>&1 ||
    fail "the .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run this again"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    fail "Node.js 20.19+ and npm are missing: install them (Debian 13: apt-get install nodejs npm), then run this again"
  fi
  node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    process.exit(maj > 20 || (maj === 20 && min >= 19) ? 0 : 1);' ||
    fail "Node.js $(node --version) is too old: Vite 7 needs Node.js 20.19+ or 22.12+"
}

# `npm ci` in a package folder, only when node_modules does not match its package-lock.json.
ensure_node_modules() {
  local dir="$1" stamp="$1/node_modules/.forumhub-package-lock.json"
  if [[ -f "$stamp" ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    return 0
  fi
  say "npm ci in ${dir#"$ROOT"/}"
  (cd "$dir" && npm ci --loglevel=error) || return 1
  cp "$dir/package-lock.json" "$stamp"
}

# Builds src/Web into src/Api/wwwroot (type-checks first).
build_web() {
  say "building the web app (src/Web -> src/Api/wwwroot)"
  (cd "$ROOT/src/Web" && npm run --silent build)
}

# True when something listens on 127.0.0.1:<port>.
port_in_use() {
  (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Runs `cleanup` (a function) however the script ends: at its end, on an error (set -e), on Ctrl+C or on SIGTERM.
# Bash runs an EXIT trap on `exit` but not when a signal kills it, so INT and TERM exit with the status a signal gives
# (130, 143), and the EXIT trap runs.
on_exit() { # cleanup-function
  # shellcheck disable=SC2064 # the function's name is meant to be fixed now
  trap "$1" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# A throwaway PostgreSQL cluster for a test or benchmark run, in a new temporary folder: PG_DIR names it while it
# exists. Register stop_throwaway_postgres with on_exit before starting it.
PG_DIR=""

start_throwaway_postgres() { # port label
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/forumhub-$2-pg.XXXXXX")"
  say "starting a throwaway PostgreSQL on 127.0.0.1:$1"
  "$ROOT/scripts/pg.sh" start "$PG_DIR" "$1"
}

# Stops the throwaway cluster and deletes its folder; does nothing when there is none (so it may run twice).
stop_throwaway_postgres() {
  if [[ -n "$PG_DIR" ]]; then
    "$ROOT/scripts/pg.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}
