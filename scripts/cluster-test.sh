#!/usr/bin/env bash
# Runs the multi-node tests (issue 15): several Api nodes form one cluster behind nginx, and real SignalR clients vote
# through it while nodes are killed and restarted. Ends with one line: "N passed, N failed" (", N skipped" when any).
#
#   scripts/cluster-test.sh                  # every file in tests/e2e/cluster
#   scripts/cluster-test.sh failover         # only these (file names without .test.mjs): failover, round-robin
#
# Installs what is missing (postgresql, redis-server and nginx from Debian, node modules), builds the web app and the
# Api (Release) only when the Api is not built yet, and the client module (src/Web/dist-client) when it is missing.
# Then, on 127.0.0.1 and free ports: a throwaway PostgreSQL (or the server in FORUMHUB_TEST_PG when it is set, as
# scripts/test.sh does: each cluster makes a fresh database there) and a redis-server without persistence for the
# cluster's membership. Each test file starts its own cluster from that (tests/e2e/cluster/lib/cluster.mjs): three Api
# nodes (Cluster__Redis, Cluster__Id, Cluster__SiloPort, Cluster__NodeName) on one database, and one nginx with a door
# with meeting affinity (hash on the meeting id) and a round-robin door. The files run one after the other.
# Every process started here, or by a test file, is ended on exit (the files leave a pid file for each in the work
# folder); the work folder and the throwaway PostgreSQL are deleted. Node logs, nginx logs and the TAP results are
# kept in FORUMHUB_CLUSTER_RESULTS (default artifacts/cluster-test/). The whole run is bounded (FORUMHUB_CLUSTER_LIMIT
# seconds, default 900); each file to 10 minutes. Settings: FORUMHUB_CLUSTER_MEETINGS (30), FORUMHUB_API_DLL.
# Exit status: 0 only when every test passed.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT"

FILES=()
for arg in "$@"; do
  case "$arg" in
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) fail "unknown option '$arg' (see --help)" ;;
    *)
      file="cluster/${arg%.test.mjs}.test.mjs"
      [[ -f "tests/e2e/$file" ]] || fail "no such cluster test: tests/e2e/$file"
      FILES+=("$file")
      ;;
  esac
done
if [[ "${#FILES[@]}" -eq 0 ]]; then
  mapfile -t FILES < <(cd tests/e2e && ls cluster/*.test.mjs)
fi

RESULTS="${FORUMHUB_CLUSTER_RESULTS:-$ROOT/artifacts/cluster-test}"
LIMIT="${FORUMHUB_CLUSTER_LIMIT:-900}"
[[ "$LIMIT" =~ ^[0-9]+$ ]] || fail "FORUMHUB_CLUSTER_LIMIT must be a number of seconds, got '$LIMIT'"
WORK=""
REDIS_PID=""
TESTS_PID=""

cleanup() {
  local pidfile pid
  if [[ -n "$TESTS_PID" ]]; then
    kill "$TESTS_PID" >/dev/null 2>&1 || true
    TESTS_PID=""
  fi
  # Whatever a test file started and did not end itself (it writes <work>/pids/<name>.pid and deletes it on exit).
  if [[ -n "$WORK" && -d "$WORK/pids" ]]; then
    for pidfile in "$WORK"/pids/*.pid; do
      [[ -f "$pidfile" ]] || continue
      pid="$(head -n 1 "$pidfile")"
      if [[ "$pid" =~ ^[0-9]+$ ]]; then kill -KILL "$pid" >/dev/null 2>&1 || true; fi
      rm -f "$pidfile"
    done
  fi
  if [[ -n "$REDIS_PID" ]]; then
    kill "$REDIS_PID" >/dev/null 2>&1 || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
  fi
  stop_throwaway_postgres
  if [[ -n "$WORK" ]]; then
    # Keep the logs, then delete the rest (nginx's prefix, pid files).
    if compgen -G "$WORK/*/*.log" >/dev/null; then
      mkdir -p "$RESULTS/logs"
      for dir in "$WORK"/*/; do
        [[ "$(basename "$dir")" == pids ]] && continue
        mkdir -p "$RESULTS/logs/$(basename "$dir")"
        cp "$dir"/*.log "$dir"/*.conf "$RESULTS/logs/$(basename "$dir")/" 2>/dev/null || true
      done
    fi
    rm -rf "$WORK"
    WORK=""
  fi
}
on_exit cleanup

# ---------------------------------------------------------------------------------------------
say "checking dependencies"
require_toolchain
ensure_redis || fail "redis-server could not be installed (apt-get install redis-server)"
ensure_nginx || fail "nginx could not be installed (apt-get install nginx)"
if [[ -z "${FORUMHUB_TEST_PG:-}" ]]; then ensure_postgres || fail "PostgreSQL could not be installed"; fi
ensure_node_modules "$ROOT/tests/e2e" || fail "npm ci failed in tests/e2e"

export FORUMHUB_API_DLL="${FORUMHUB_API_DLL:-$ROOT/src/Api/bin/Release/net10.0/ForumHub.Api.dll}"
if [[ ! -f "$FORUMHUB_API_DLL" ]]; then
  ensure_node_modules "$ROOT/src/Web" || fail "npm ci failed in src/Web"
  build_web || fail "npm run build failed in src/Web"
  say "dotnet build ForumHub.sln -c Release (the Api is not built: ${FORUMHUB_API_DLL#"$ROOT"/})"
  dotnet build ForumHub.sln -c Release -nologo -v quiet -clp:NoSummary || fail "the solution does not build"
  [[ -f "$FORUMHUB_API_DLL" ]] || fail "built, but $FORUMHUB_API_DLL is still missing"
fi
if [[ ! -f "$ROOT/src/Web/dist-client/index.js" ]]; then
  ensure_node_modules "$ROOT/src/Web" || fail "npm ci failed in src/Web"
  say "building the client module (npm run build:client in src/Web)"
  (cd "$ROOT/src/Web" && npm run --silent build:client) || fail "npm run build:client failed in src/Web"
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/forumhub-cluster.XXXXXX")"
mkdir -p "$WORK/pids"
export FORUMHUB_CLUSTER_DIR="$WORK"
if [[ "$(id -u)" -eq 0 ]]; then chmod 755 "$WORK"; fi

# ---------------------------------------------------------------------------------------------
export FORUMHUB_PG_THROWAWAY=1 # a test cluster: no fsync (docs/decisions/0011-throwaway-test-clusters.md)
if [[ -n "${FORUMHUB_TEST_PG:-}" ]]; then
  say "using the PostgreSQL in FORUMHUB_TEST_PG (each cluster makes a fresh database there)"
else
  PG_PORT="$(free_port)"
  start_throwaway_postgres "$PG_PORT" cluster || fail "the throwaway PostgreSQL did not start"
  export FORUMHUB_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
fi

REDIS_PORT="$(free_port)"
say "starting redis-server on 127.0.0.1:$REDIS_PORT (no persistence)"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  --dir "$WORK" --logfile "$WORK/redis.log" &
REDIS_PID=$!
redis_ready() {
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == +PONG* ]]
}
for ((i = 0; i < 50; i++)); do
  if redis_ready 2>/dev/null; then break; fi
  kill -0 "$REDIS_PID" 2>/dev/null || fail "redis-server exited at start: $(tail -n 5 "$WORK/redis.log" 2>/dev/null)"
  sleep 0.2
done
redis_ready 2>/dev/null || fail "redis-server did not answer PING on 127.0.0.1:$REDIS_PORT within 10 s"
export FORUMHUB_CLUSTER_REDIS="127.0.0.1:$REDIS_PORT"

# ---------------------------------------------------------------------------------------------
say "node --test ${FILES[*]} (tests/e2e), one file at a time, at most $LIMIT s in all"
TAP="$RESULTS/cluster.tap"
started=$SECONDS
rc=0
(cd "$ROOT/tests/e2e" && exec timeout -k 15 "$LIMIT" node --test --test-concurrency=1 --test-timeout=600000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$TAP" "${FILES[@]}") &
TESTS_PID=$!
wait "$TESTS_PID" || rc=$?
TESTS_PID=""
if [[ "$rc" -eq 124 ]]; then warn "the cluster tests did not finish within $LIMIT s and were stopped"; fi
say "cluster tests took $((SECONDS - started)) s (exit code $rc); logs: ${RESULTS#"$ROOT"/}/logs"

cleanup
if counts="$(node "$ROOT/scripts/lib/counts.mjs" tap "$TAP")"; then
  read -r p f s <<<"$counts"
  if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then f=1; fi
else
  p=0 f=1 s=0
fi
line="$p passed, $f failed"
if [[ "$s" -gt 0 ]]; then line+=", $s skipped"; fi
printf '%s\n' "$line"
[[ "$f" -eq 0 ]]
