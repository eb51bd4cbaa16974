# shellcheck shell=bash
# A small job pool for scripts/test.sh: runs the node suites (vitest and every tests/e2e file, each in its own node
# process) SLOTS at a time, longest first, so the long browser rooms start at once and the short files fill the gaps
# (node --test with several files takes them in name order, which left the two longest rooms to the end).
#
#   pool_job WEIGHT NAME COMMAND...   queue a job (COMMAND runs in a subshell; its output goes to $POOL_DIR/NAME.log,
#                                      its exit code to $POOL_DIR/NAME.rc)
#   pool_run SLOTS                     run the queue, longest (largest WEIGHT) first; returns when every job has ended
#
# WEIGHT is the job's seconds in a quiet run of the whole suite (e2e_weight below): only the order depends on it.

POOL_DIR="${POOL_DIR:-}"
POOL_JOBS=()

pool_job() { # weight name command...
  local weight="$1" name="$2"
  shift 2
  POOL_JOBS+=("$(printf '%08d\t%s\t%s' "$weight" "$name" "$(printf '%q ' "$@")")")
}

pool_run() { # slots
  local slots="$1" line weight name command finished
  declare -A running=()
  mkdir -p "$POOL_DIR"
  while IFS=$'\t' read -r weight name command; do
    while [[ "${#running[@]}" -ge "$slots" ]]; do
      wait -n -p finished "${!running[@]}" || true
      unset "running[$finished]"
    done
    (eval "$command") >"$POOL_DIR/$name.log" 2>&1 </dev/null &
    running[$!]="$name"
  done < <(printf '%s\n' "${POOL_JOBS[@]}" | sort -r)
  while [[ "${#running[@]}" -gt 0 ]]; do
    wait -n -p finished "${!running[@]}" || true
    unset "running[$finished]"
  done
  POOL_JOBS=()
}

# One e2e file as a job: node --test with its spec output in the log and its TAP in $POOL_DIR/NAME.tap.
pool_e2e_file() { # dir file name
  local rc=0
  (cd "$1" && node --test --test-timeout=900000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$POOL_DIR/$3.tap" "$2") || rc=$?
  echo "$rc" >"$POOL_DIR/$3.rc"
}

# Seconds each e2e file took in a quiet run of scripts/test.sh on the 2-core CI machine (docs/notes/issue-13.md);
# a file not listed counts as 20 s. Only the order of the jobs depends on these.
e2e_weight() { # file
  case "$1" in
    room-hostile.test.mjs) echo 340 ;;
    room-long-lists.test.mjs) echo 250 ;;
    create-admin.test.mjs) echo 135 ;;
    webapp.test.mjs) echo 130 ;;
    reliability/fuzz.test.mjs) echo 90 ;;
    reliability/close-race.test.mjs) echo 80 ;;
    reliability/flaky-network.test.mjs) echo 80 ;;
    backup.test.mjs) echo 72 ;;
    webapp-minutes.test.mjs) echo 65 ;;
    admin.test.mjs) echo 60 ;;
    reconnect.test.mjs) echo 60 ;;
    forum.test.mjs) echo 57 ;;
    sessions.test.mjs) echo 54 ;;
    deviceless.test.mjs) echo 50 ;;
    meeting.test.mjs) echo 49 ;;
    roles.test.mjs | minutes.test.mjs | forum-review.test.mjs) echo 42 ;;
    forum-record.test.mjs | forum-insights.test.mjs | metrics.test.mjs | access.test.mjs) echo 37 ;;
    *) echo 20 ;;
  esac
}
