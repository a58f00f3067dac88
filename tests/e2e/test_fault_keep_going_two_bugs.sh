#!/bin/bash
# Fault matrix 13: -keep_going=1 with two distinct bugs (NULL writes in two
# different functions, ASan build): exactly two artifacts, each the minimized
# input of its bug; the summary lists both, with hits >= 1; exit 1.  Nothing
# lost, nothing left behind.  (test_fault_ignore_crashes.sh runs this very
# check with -ignore_crashes=1.)
. "$(dirname "$0")/lib.sh"

FLAG=${FAULT_KEEP_GOING_FLAG:--keep_going=1}
TEST_NAME=${FAULT_TEST_NAME:-$TEST_NAME}
build_target fault_twobugs asan
enter_workdir
# Seeds one byte away from each bug, so both are found well within the budget.
prepare_dirs 'abcdefgh' 'A0bcdefg' 'B0bcdefg'

# (1M: with two workers the run is not fixed by its seed; once, under load,
# 300000x found only bug_beta.)
run_ferret fuzz.log 60 -fuzz -fuzztime=1000000x -parallel=2 -seed=113 -cachedir=cache "$FLAG"
assert_rc "exit code" 1
assert_contains fuzz.log "--- FAIL: fault_twobugs"
assert_contains fuzz.log "fuzz: 2 distinct findings ("
mapfile -t arts < <(artifacts_of)
assert_eq "artifacts written" 2 "${#arts[@]}"
for fn in bug_alpha bug_beta; do
    line=$(grep -E "^    crash +hits: [0-9]+ +testdata/fuzz/fault_twobugs/[0-9a-f]{40}  \[.*$fn" fuzz.log)
    [ -n "$line" ] || { show_log fuzz.log; fail "the summary has no line for $fn"; }
    hits=$(echo "$line" | awk '{print $3}')
    [ "$hits" -ge 1 ] || fail "$fn: hits $hits"
    path=$(echo "$line" | awk '{print $4}')
    [ -f "$path" ] || fail "the summary names $path, which does not exist"
    # The artifact alone (from a directory without the seed corpus, which
    # holds both artifacts) reproduces this bug, and no other.
    LAST_LOG=rerun.$fn.log
    mkdir -p "alone.$fn" || fail "mkdir"
    { (cd "alone.$fn" && exec timeout -k 5 30 "$BIN" "$WORK/$path") >"rerun.$fn.log" 2>&1 </dev/null; RC=$?; } 2>/dev/null
    [ "$RC" != 0 ] || { show_log "rerun.$fn.log"; fail "$path does not fail when re-run"; }
    assert_contains "rerun.$fn.log" "in $fn "
    [ "$(wc -c <"$path")" = 2 ] || fail "$fn: the artifact is not minimized ($(wc -c <"$path" | tr -d ' ') bytes; minimized: 2)"
    note "$fn: $hits hits, $path"
done
total=$(sed -n 's/^fuzz: 2 distinct findings (\([0-9]*\) failures in all):$/\1/p' fuzz.log)
[ -n "$total" ] && [ "$total" -ge 2 ] || fail "failures in all: '$total'"
assert_eq "--- FAIL reports" 2 "$(grep -c -- '--- FAIL: fault_twobugs' fuzz.log)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
