# shellcheck shell=bash
# The long ("soak") runs of the reliability tests: the same test files, bigger numbers. Used by
# `scripts/test.sh --soak` (what .ci/run runs) and `scripts/reliability.sh --soak`. Each line of docs/reliability.md
# says what its test checks; these settings only make it run longer:
#   flaky network  3 rounds of 50 members x 5 meetings x 5 polls with 30% cut     (about 2-3 minutes)
#   fuzz           40,000 hostile invocations instead of 10,000                   (about 1-2 minutes)
#   server crash   the Api stays down 20 s, so every client's back-off is at its longest when it returns
# shellcheck disable=SC2034 # used by the scripts that source this file
SOAK_FILES=(reliability/flaky-network.test.mjs reliability/fuzz.test.mjs reliability/server-crash.test.mjs)
SOAK_ENV=(FORUMHUB_FLAKY_ROUNDS=3 FORUMHUB_FUZZ_CASES=40000 FORUMHUB_CRASH_DOWN_MS=20000)

soak_settings() { printf '%s ' "${SOAK_ENV[@]}"; }
export_soak_settings() {
  local setting
  for setting in "${SOAK_ENV[@]}"; do export "${setting?}"; done
}
