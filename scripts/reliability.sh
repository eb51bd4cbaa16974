#!/usr/bin/env bash
# Runs the reliability tests (tests/e2e/reliability, listed in docs/reliability.md) on their own, and ends with one
# line: "N passed, N failed".
#
#   scripts/reliability.sh                          # every reliability test, at the size scripts/test.sh runs them
#   scripts/reliability.sh fuzz server-crash        # only these (file names without .test.mjs)
#   scripts/reliability.sh --soak                   # the long versions (what `scripts/test.sh --soak` and CI add)
#
# Like scripts/test.sh it installs what is missing (postgresql, node modules), starts a throwaway PostgreSQL (deleted
# at the end), builds the Api (Release) and the client module, then runs `node --test` on the chosen files.
# Replay a failure with the seed a test printed, e.g. FORUMHUB_FUZZ_SEED=123 scripts/reliability.sh fuzz.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT"

SOAK=0
NAMES=()
for arg in "$@"; do
  case "$arg" in
    --soak) SOAK=1 ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) NAMES+=("$arg") ;;
  esac
done

# shellcheck source=scripts/lib/soak.sh
source "$ROOT/scripts/lib/soak.sh"
FILES=()
for name in "${NAMES[@]}"; do
  file="reliability/${name%.test.mjs}.test.mjs"
  [[ -f "tests/e2e/$file" ]] || fail "no such reliability test: tests/e2e/$file"
  FILES+=("$file")
done
if [[ "${#FILES[@]}" -eq 0 ]]; then
  if [[ "$SOAK" -eq 1 ]]; then FILES=("${SOAK_FILES[@]}"); else FILES=(reliability/); fi
fi

on_exit stop_throwaway_postgres

require_toolchain
ensure_postgres || fail "PostgreSQL could not be installed"
ensure_node_modules "$ROOT/src/Web" || fail "npm ci failed in src/Web"
ensure_node_modules "$ROOT/tests/e2e" || fail "npm ci failed in tests/e2e"

say "dotnet build src/Api -c Release"
dotnet build src/Api -c Release -nologo -v quiet -clp:NoSummary || fail "the Api does not build"
export FORUMHUB_API_DLL="$ROOT/src/Api/bin/Release/net10.0/ForumHub.Api.dll"
say "building the client module (npm run build:client in src/Web)"
(cd "$ROOT/src/Web" && npm run --silent build:client) || fail "npm run build:client failed in src/Web"

PG_PORT="$(free_port)"
export FORUMHUB_PG_THROWAWAY=1 # a test cluster: no fsync (docs/decisions/0011-throwaway-test-clusters.md)
start_throwaway_postgres "$PG_PORT" reliability || fail "the test cluster did not start"
export FORUMHUB_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"

if [[ "$SOAK" -eq 1 ]]; then
  say "soak settings: $(soak_settings)"
  export_soak_settings
fi

RESULTS="$ROOT/artifacts/test-results"
mkdir -p "$RESULTS"
TAP="$RESULTS/reliability.tap"
if [[ "$SOAK" -eq 1 ]]; then TAP="$RESULTS/reliability-soak.tap"; fi
say "node --test ${FILES[*]} (tests/e2e)"
rc=0
(cd "$ROOT/tests/e2e" && node --test --test-timeout=900000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$TAP" "${FILES[@]}") || rc=$?
stop_throwaway_postgres
if counts="$(node "$ROOT/scripts/lib/counts.mjs" tap "$TAP")"; then
  read -r p f s <<<"$counts"
  if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then f=1; fi
  line="$p passed, $f failed"
  if [[ "$s" -gt 0 ]]; then line+=", $s skipped"; fi
  printf '%s\n' "$line"
  [[ "$f" -eq 0 ]] || exit 1
else
  printf '0 passed, 1 failed\n'
  exit 1
fi
