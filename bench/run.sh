#!/usr/bin/env bash
# The benchmark: many live meetings on one machine, ForumHub beside a bare SignalR hub (issue 7).
#
#   bench/run.sh                 # full run: 100 meetings x 20 connections + a room of 60 voters, 5 minutes per server;
#                                # writes artifacts/bench/full-*/results.{json,md} and the results block of docs/benchmarks.md
#   bench/run.sh --smoke         # 5 meetings x 5 connections for 10 s: checks that everything works, writes no docs
#   bench/run.sh --cluster       # adds the target forumhub-cluster: 2 Api nodes (redis-server membership) behind nginx
#                                # with meeting affinity, measured beside one node and the bare hub in the same run
#   bench/run.sh --smoke --targets forumhub,forumhub-cluster   # targets: forumhub, forumhub-cluster, baseline (or bare)
#   bench/run.sh --meetings 50 --participants 30 --duration 120 ...   # any option of bench/lib/bench.mjs (bench/README.md)
#
# Installs what is missing (Debian's postgresql and linux-perf, the bench's node modules), starts a
# throwaway PostgreSQL cluster (scripts/pg.sh) on a free port, builds the Api and the baseline in Release, runs the
# generator against each server in turn, then stops and deletes the cluster. All traffic stays on 127.0.0.1.
# Take full measurements on a quiet machine: the load average is recorded with the results.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
cd "$ROOT"

SMOKE=0
CLUSTER=0
for arg in "$@"; do
  if [[ "$arg" == "--smoke" ]]; then SMOKE=1; fi
  if [[ "$arg" == "--cluster" || "$arg" == "--cluster=true" || "$arg" == *forumhub-cluster* ]]; then CLUSTER=1; fi
done

# The cluster target's processes (Api nodes, nginx, redis-server) are started by bench/lib/bench.mjs through
# tests/e2e/cluster/lib/cluster.mjs, which leaves a pid file for each in $WORK/pids; the generator ends them itself,
# and this ends whatever is left (the generator killed, a crash) before deleting the folder.
WORK=""
BENCH_PID=""
cleanup() {
  local pidfile pid
  if [[ -n "$BENCH_PID" ]]; then
    kill -TERM "$BENCH_PID" >/dev/null 2>&1 || true
    wait "$BENCH_PID" 2>/dev/null || true
    BENCH_PID=""
  fi
  if [[ -n "$WORK" ]]; then
    for pidfile in "$WORK"/pids/*.pid; do
      [[ -f "$pidfile" ]] || continue
      pid="$(head -n 1 "$pidfile")"
      # nginx's master: TERM, so it ends its worker too (a KILL would leave the worker running).
      if [[ "$pid" =~ ^[0-9]+$ ]]; then
        if [[ "$(basename "$pidfile")" == nginx-* ]]; then kill -TERM "$pid" >/dev/null 2>&1 || true; else kill -KILL "$pid" >/dev/null 2>&1 || true; fi
      fi
      rm -f "$pidfile"
    done
    rm -rf "$WORK"
    WORK=""
  fi
  stop_throwaway_postgres
}
on_exit cleanup

require_toolchain
ensure_postgres || fail "PostgreSQL is needed: apt-get install postgresql"
ensure_node_modules "$ROOT/bench" || fail "npm ci failed in bench"
if [[ "$CLUSTER" -eq 1 ]]; then
  ensure_redis || fail "the cluster target needs redis-server: apt-get install redis-server"
  ensure_nginx || fail "the cluster target needs nginx: apt-get install nginx"
  # The cluster is started by the cluster tests' harness, with its node modules.
  ensure_node_modules "$ROOT/tests/e2e" || fail "npm ci failed in tests/e2e"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/forumhub-bench-cluster.XXXXXX")"
  mkdir -p "$WORK/pids"
  if [[ "$(id -u)" -eq 0 ]]; then chmod 755 "$WORK"; fi # as scripts/cluster-test.sh does
  export FORUMHUB_CLUSTER_DIR="$WORK"
fi

say "building the Api and the baseline (Release)"
dotnet build src/Api/ForumHub.Api.csproj -c Release -nologo -v quiet -clp:NoSummary
dotnet build bench/Baseline/Baseline.csproj -c Release -nologo -v quiet -clp:NoSummary

EXTRA=()
if [[ "$SMOKE" -eq 0 ]]; then
  EXTRA+=(--docs docs/benchmarks.md)
  # The profile: Linux perf (Debian's linux-perf) samples the server's CPU with the runtime's perf map. Without it,
  # dotnet-trace from NuGet (kept in bench/.tools, git-ignored) samples thread stacks instead.
  if ! command -v perf >/dev/null 2>&1; then apt_install linux-perf || warn "linux-perf could not be installed"; fi
  if command -v perf >/dev/null 2>&1 && perf stat -e task-clock true >/dev/null 2>&1; then
    EXTRA+=(--profile-seconds 20)
  else
    TRACE="$ROOT/bench/.tools/dotnet-trace"
    if [[ ! -x "$TRACE" ]]; then
      say "installing dotnet-trace into bench/.tools"
      dotnet tool install --tool-path "$ROOT/bench/.tools" dotnet-trace >/dev/null 2>&1 ||
        warn "dotnet-trace could not be installed either; the results will have /proc statistics but no profile"
    fi
    if [[ -x "$TRACE" ]]; then EXTRA+=(--dotnet-trace "$TRACE" --profile-seconds 20); fi
  fi
fi

# The disk's cost of one commit: pg_test_fsync's fdatasync of one 8 kB write, on the disk the cluster lives on (machines
# differ tenfold here, and every acknowledged command waits for one).
FDATASYNC_US=""
PG_TEST_FSYNC="$(command -v pg_test_fsync || ls /usr/lib/postgresql/*/bin/pg_test_fsync 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -n "$PG_TEST_FSYNC" && "$SMOKE" -eq 0 ]]; then
  FSYNC_DIR="$(mktemp -d "${TMPDIR:-/tmp}/forumhub-fsync-XXXXXX")"
  FDATASYNC_US="$("$PG_TEST_FSYNC" -s 2 -f "$FSYNC_DIR/test" 2>/dev/null | awk '/one 8kB write/ {one=1} one && $1 == "fdatasync" {print int($(NF-1)); exit}')" || true
  rm -rf "$FSYNC_DIR"
  say "one fdatasync here: ${FDATASYNC_US:-unknown} us (pg_test_fsync)"
fi
if [[ -n "$FDATASYNC_US" ]]; then EXTRA+=(--fdatasync-us "$FDATASYNC_US"); fi

PG_PORT="$(free_port)"
start_throwaway_postgres "$PG_PORT" bench
PG_PID="$(head -n 1 "$PG_DIR/postmaster.pid")"

say "load average now: $(cut -d' ' -f1-3 /proc/loadavg) (take full measurements below 1.5 on this 2-core machine)"
# In the background and waited for, so that SIGTERM to this script runs cleanup at once (bash runs a trap only when
# its foreground command ends); the generator exits on SIGTERM and its exit handlers kill what it started.
rc=0
node bench/lib/bench.mjs --pg "Host=127.0.0.1;Port=$PG_PORT;Username=postgres" --pg-pid "$PG_PID" "${EXTRA[@]}" "$@" &
BENCH_PID=$!
wait "$BENCH_PID" || rc=$?
BENCH_PID=""
exit "$rc"
