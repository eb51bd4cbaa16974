#!/usr/bin/env bash
# Runs every test suite of ForumHub and ends with one line: "N passed, N failed" (", N skipped" when any).
#
#   scripts/test.sh           # every suite
#   scripts/test.sh --soak    # and then the long reliability runs (scripts/lib/soak.sh; .ci/run uses this)
#
# Installs what is missing (Debian's postgresql and chromium, node modules), starts a throwaway
# PostgreSQL cluster on 127.0.0.1:55432 (another free port if that one is taken), builds everything,
# then runs two lanes side by side: dotnet format --verify-no-changes and dotnet test (all test projects) in the
# background; vitest (src/Web), the node end-to-end tests (tests/e2e: the browser files in the foreground, the others
# beside them) and the benchmark smoke (bench/) in the foreground. The cluster is stopped and deleted at the end.
# Results (TRX, JSON, TAP) are kept in artifacts/test-results/.
# Exit status: 0 only when nothing failed and every suite ran.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/soak.sh
source "$ROOT/scripts/lib/soak.sh"
cd "$ROOT"

SOAK=0
for arg in "$@"; do
  case "$arg" in
    --soak) SOAK=1 ;;
    *) fail "unknown argument '$arg' (the only one is --soak)" ;;
  esac
done

RESULTS="$ROOT/artifacts/test-results"
PG_PORT=55432
PASSED=0
FAILED=0
SKIPPED=0
PROBLEMS=()

cleanup() {
  local lane
  for lane in "${DOTNET_LANE_PID:-}" "${SERVICES_PID:-}"; do
    [[ -n "$lane" ]] || continue
    pkill -P "$lane" >/dev/null 2>&1 || true
    kill "$lane" >/dev/null 2>&1 || true
  done
  stop_throwaway_postgres
}
on_exit cleanup

counts_line() { # passed failed skipped
  local line="$1 passed, $2 failed"
  if [[ "$3" -gt 0 ]]; then line+=", $3 skipped"; fi
  printf '%s\n' "$line"
}

# A suite that ran: add its counts.
record() { # name passed failed skipped
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SKIPPED=$((SKIPPED + $4))
  printf '\n--- %s: %s\n\n' "$1" "$(counts_line "$2" "$3" "$4")"
  if [[ "$3" -gt 0 ]]; then PROBLEMS+=("$1: $3 failed"); fi
}

# A suite or a step that could not run (or crashed): counts as one failure.
broken() { # name reason
  FAILED=$((FAILED + 1))
  PROBLEMS+=("$1: $2")
  printf '\n--- %s: FAILED TO RUN (%s)\n\n' "$1" "$2"
}

# ---------------------------------------------------------------------------------------------
say "checking dependencies"
require_toolchain
DEPS_OK=1
ensure_postgres || { DEPS_OK=0; broken "dependencies" "PostgreSQL could not be installed"; }
ensure_chromium || { DEPS_OK=0; broken "dependencies" "Chromium could not be installed"; }
WEB_DEPS_OK=1
ensure_node_modules "$ROOT/src/Web" || { WEB_DEPS_OK=0; broken "dependencies" "npm ci failed in src/Web"; }
E2E_DEPS_OK=1
ensure_node_modules "$ROOT/tests/e2e" || { E2E_DEPS_OK=0; broken "dependencies" "npm ci failed in tests/e2e"; }
if [[ -x "$CHROMIUM" ]]; then export FORUMHUB_CHROMIUM="$CHROMIUM"; fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# ---------------------------------------------------------------------------------------------
PG_OK=0
if [[ "$DEPS_OK" -eq 1 ]] || have_postgres; then
  if port_in_use "$PG_PORT"; then
    PG_PORT="$(free_port)"
    warn "port 55432 is taken; the test cluster uses $PG_PORT instead"
  fi
  if start_throwaway_postgres "$PG_PORT" test; then
    PG_OK=1
    export FORUMHUB_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  else
    broken "postgres" "the test cluster did not start"
  fi
fi

# The web app is built before the Api so the Api's build sees its static files.
if [[ "$WEB_DEPS_OK" -eq 1 ]]; then
  build_web || broken "web build" "npm run build failed in src/Web"
fi

say "dotnet build -c Release"
DOTNET_BUILT=0
if dotnet build ForumHub.sln -c Release -nologo -v quiet -clp:NoSummary; then
  DOTNET_BUILT=1
  export FORUMHUB_API_DLL="$ROOT/src/Api/bin/Release/net10.0/ForumHub.Api.dll"
else
  broken "dotnet build" "the solution does not build"
fi

# ---------------------------------------------------------------------------------------------
# Two lanes run side by side: the .NET lane (format check, then dotnet test) in the background, and the node lane
# (vitest, the client module, the end-to-end files, the benchmark smoke) here. Each mostly waits on its own things
# (PostgreSQL round trips, browsers, timers), so together they take little more than the longer one alone.
DOTNET_LANE_LOG="$RESULTS/dotnet-lane.log"
DOTNET_LANE_PID=""
if [[ "$DOTNET_BUILT" -eq 1 ]]; then
  say "dotnet format --verify-no-changes and dotnet test, in the background (output follows the node suites)"
  (
    format_rc=0
    dotnet format ForumHub.sln --verify-no-changes --no-restore -v quiet || format_rc=$?
    echo "$format_rc" >"$RESULTS/dotnet-format.rc"
    test_rc=0
    dotnet test ForumHub.sln -c Release --no-build --nologo \
      --logger trx \
      --results-directory "$RESULTS/dotnet" \
      --blame-hang-timeout 5m --blame-hang-dump-type none || test_rc=$?
    echo "$test_rc" >"$RESULTS/dotnet-test.rc"
  ) >"$DOTNET_LANE_LOG" 2>&1 &
  DOTNET_LANE_PID=$!
else
  broken "dotnet format" "skipped: the solution does not build"
  broken "dotnet test" "skipped: the solution does not build"
fi

# The .NET lane's results, once it has finished.
finish_dotnet_lane() {
  [[ -n "$DOTNET_LANE_PID" ]] || return 0
  wait "$DOTNET_LANE_PID" || true
  DOTNET_LANE_PID=""
  say "dotnet format and dotnet test (the background lane)"
  cat "$DOTNET_LANE_LOG"
  if [[ "$(cat "$RESULTS/dotnet-format.rc" 2>/dev/null)" == "0" ]]; then
    record "dotnet format" 1 0 0
  else
    record "dotnet format" 0 1 0
  fi
  local rc
  rc="$(cat "$RESULTS/dotnet-test.rc" 2>/dev/null || echo 1)"
  if counts="$(node "$ROOT/scripts/lib/counts.mjs" trx "$RESULTS/dotnet")"; then
    read -r p f s files <<<"$counts"
    record "dotnet test ($files test projects)" "$p" "$f" "$s"
    if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then broken "dotnet test" "exit code $rc with no failed test"; fi
  else
    broken "dotnet test" "exit code $rc and no TRX results"
  fi
}

if [[ "$WEB_DEPS_OK" -eq 1 ]]; then
  say "vitest (src/Web)"
  rc=0
  (cd "$ROOT/src/Web" && ./node_modules/.bin/vitest run --reporter=default --reporter=json \
    --outputFile.json="$RESULTS/vitest.json") || rc=$?
  if counts="$(node "$ROOT/scripts/lib/counts.mjs" vitest "$RESULTS/vitest.json")"; then
    read -r p f s <<<"$counts"
    record "vitest" "$p" "$f" "$s"
    if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then broken "vitest" "exit code $rc with no failed test"; fi
  else
    broken "vitest" "exit code $rc and no JSON report"
  fi
else
  broken "vitest" "skipped: src/Web dependencies are missing"
fi

# --- client module for tests/e2e (src/Web/src/client -> src/Web/dist-client, git-ignored; see tests/e2e/lib/client.mjs)
CLIENT_BUILT=0
if [[ "$WEB_DEPS_OK" -eq 1 ]]; then
  say "building the client module for the e2e tests (npm run build:client in src/Web)"
  if (cd "$ROOT/src/Web" && npm run --silent build:client); then
    CLIENT_BUILT=1
  else
    broken "client build" "npm run build:client failed in src/Web"
  fi
fi
# --- end of client module build

# The end-to-end files in two lanes side by side: the browser files (Chromium is most of the machine's work, so they
# run one at a time) here, and the others (real SignalR clients, scripts, the reliability runs) in the background.
e2e_files() { # browser|services
  local f
  (cd "$ROOT/tests/e2e" && for f in *.test.mjs reliability/*.test.mjs; do
    if grep -qE 'launchChromium|browserRoom|forumRoom|lib\/browser\.mjs' "$f"; then [[ "$1" == browser ]] && echo "$f"; else [[ "$1" == services ]] && echo "$f"; fi
  done) || true
}

record_tap() { # name tap-file exit-code
  if counts="$(node "$ROOT/scripts/lib/counts.mjs" tap "$2")"; then
    read -r p f s <<<"$counts"
    record "$1" "$p" "$f" "$s"
    if [[ "$3" -ne 0 && "$f" -eq 0 ]]; then broken "$1" "exit code $3 with no failed test"; fi
  else
    broken "$1" "exit code $3 and no TAP summary"
  fi
}

if [[ "$E2E_DEPS_OK" -eq 1 && "$DOTNET_BUILT" -eq 1 && "$PG_OK" -eq 1 && "$CLIENT_BUILT" -eq 1 ]]; then
  mapfile -t BROWSER_FILES < <(e2e_files browser)
  mapfile -t SERVICE_FILES < <(e2e_files services)
  say "node --test (tests/e2e): ${#SERVICE_FILES[@]} files in the background, then the ${#BROWSER_FILES[@]} browser files"
  (
    rc=0
    cd "$ROOT/tests/e2e" && node --test --test-timeout=600000 \
      --test-reporter=spec --test-reporter-destination="$RESULTS/e2e-services.log" \
      --test-reporter=tap --test-reporter-destination="$RESULTS/e2e-services.tap" "${SERVICE_FILES[@]}" || rc=$?
    echo "$rc" >"$RESULTS/e2e-services.rc"
  ) &
  SERVICES_PID=$!
  rc=0
  (cd "$ROOT/tests/e2e" && node --test --test-timeout=600000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$RESULTS/e2e-browser.tap" "${BROWSER_FILES[@]}") || rc=$?
  record_tap "e2e (browser)" "$RESULTS/e2e-browser.tap" "$rc"
  wait "$SERVICES_PID" || true
  SERVICES_PID=""
  say "node --test (tests/e2e, the files without a browser)"
  cat "$RESULTS/e2e-services.log" 2>/dev/null || true
  record_tap "e2e (services)" "$RESULTS/e2e-services.tap" "$(cat "$RESULTS/e2e-services.rc" 2>/dev/null || echo 1)"
else
  broken "e2e" "skipped: needs tests/e2e node modules, the built Api, PostgreSQL and the client module"
fi

# --- benchmark smoke (issue 7, bench/README.md) ----------------------------------------------
# 5 meetings x 5 connections (+ a room of 8 voters) for 10 s against the built Api and the bare SignalR baseline,
# so the benchmark cannot silently break. It measures nothing; each of its correctness checks (connections held,
# no lost or duplicate events, no refused commands, ballots in PostgreSQL = ballots acknowledged) counts as a test.
BENCH_DEPS_OK=1
ensure_node_modules "$ROOT/bench" || { BENCH_DEPS_OK=0; broken "dependencies" "npm ci failed in bench"; }
if [[ "$BENCH_DEPS_OK" -eq 1 && "$DOTNET_BUILT" -eq 1 && "$PG_OK" -eq 1 ]]; then
  say "benchmark smoke (bench/lib/bench.mjs --smoke)"
  rc=0
  if dotnet build "$ROOT/bench/Baseline/Baseline.csproj" -c Release -nologo -v quiet -clp:NoSummary; then
    node "$ROOT/bench/lib/bench.mjs" --smoke --check --pg "$FORUMHUB_TEST_PG" --pg-pid "$(head -n 1 "$PG_DIR/postmaster.pid")" \
      --api-dll "$FORUMHUB_API_DLL" --out "$RESULTS/bench-smoke" || rc=$?
    if counts="$(node -e '
      const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).evaluation.correctness;
      console.log(c.filter((x) => x.ok).length, c.filter((x) => !x.ok).length);' "$RESULTS/bench-smoke/results.json" 2>/dev/null)"; then
      read -r p f <<<"$counts"
      record "bench smoke" "$p" "$f" 0
      if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then broken "bench smoke" "exit code $rc with no failed check"; fi
    else
      broken "bench smoke" "exit code $rc and no results.json"
    fi
  else
    broken "bench smoke" "the baseline (bench/Baseline) does not build"
  fi
else
  broken "bench smoke" "skipped: needs bench node modules, the built Api and PostgreSQL"
fi
# --- end of benchmark smoke

finish_dotnet_lane

# --- soak (--soak): the long runs of the reliability tests, after everything else (scripts/lib/soak.sh)
if [[ "$SOAK" -eq 1 ]]; then
  if [[ "$E2E_DEPS_OK" -eq 1 && "$DOTNET_BUILT" -eq 1 && "$PG_OK" -eq 1 && "$CLIENT_BUILT" -eq 1 ]]; then
    say "soak: node --test ${SOAK_FILES[*]} (tests/e2e) with $(soak_settings)"
    rc=0
    (cd "$ROOT/tests/e2e" && export_soak_settings && node --test --test-timeout=900000 \
      --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$RESULTS/soak.tap" "${SOAK_FILES[@]}") || rc=$?
    record_tap "soak" "$RESULTS/soak.tap" "$rc"
  else
    broken "soak" "skipped: needs tests/e2e node modules, the built Api, PostgreSQL and the client module"
  fi
fi
# --- end of soak

# ---------------------------------------------------------------------------------------------
cleanup
if [[ "${#PROBLEMS[@]}" -gt 0 ]]; then
  printf 'Problems:\n'
  printf '  - %s\n' "${PROBLEMS[@]}"
fi
printf 'Results: %s\n' "${RESULTS#"$ROOT"/}"
counts_line "$PASSED" "$FAILED" "$SKIPPED"
if [[ "$FAILED" -gt 0 ]]; then exit 1; fi
exit 0
