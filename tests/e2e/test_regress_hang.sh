#!/bin/bash
# The regression run (what CI runs) ends on a recorded hang: a crasher in
# testdata/ that loops forever makes plain ./bin fail with a timeout naming
# the file, with -timeout and, finitely, without it (default 10 s).  A target
# that blocks SIGALRM is ended by the supervising parent (timeout + 10 s of
# grace, REPLAY_GRACE_NS).
# libFuzzer's reproduce mode reports libFuzzer's timeout line and exits
# -timeout_exitcode (70).  Nothing is left running.
. "$(dirname "$0")/lib.sh"

# took CMD...: runs it, sets TOOK (seconds).
took() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N)
    TOOK=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
}
# within MIN MAX WHAT: TOOK is in [MIN, MAX] seconds.
within() {
    awk -v t="$TOOK" -v lo="$1" -v hi="$2" 'BEGIN { exit !(t >= lo && t <= hi) }' ||
        fail "$3: took ${TOOK}s, expected between $1 and $2 s"
}

for variant in plain asan; do
    build_target regress_hang "$variant"
    enter_workdir
    seeds=testdata/fuzz/regress_hang
    mkdir -p "$seeds" || fail "mkdir"
    printf 'ok' >"$seeds/good"
    printf 'H' >"$seeds/hanger"

    # -timeout=1: the child's SIGALRM reports it, with the stack.
    took run_ferret t1.log 30 -timeout=1
    assert_rc "[$variant] hang in testdata, -timeout=1: exit code" 1
    within 0.9 8 "[$variant] hang in testdata, -timeout=1"
    assert_contains t1.log "timeout: the target has been running one input for longer than -timeout while running $seeds/hanger"
    assert_contains t1.log "ferret: the failing input is $seeds/hanger (timeout"
    assert_not_contains t1.log "passed"
    assert_clean
    note "[$variant] -timeout=1: ${TOOK}s"
    [ "$variant" = plain ] || continue

    # No -timeout: the default (10 s) ends it.
    took run_ferret tdef.log 40
    assert_rc "[$variant] hang in testdata, default timeout: exit code" 1
    within 9.5 20 "[$variant] hang in testdata, default timeout"
    assert_contains tdef.log "while running $seeds/hanger"
    assert_contains tdef.log "ferret: the failing input is $seeds/hanger (timeout: it ran for more than 10s)"
    assert_clean
    note "[$variant] default timeout: ${TOOK}s"

    # SIGALRM blocked by the target: the parent kills it after the grace.
    rm -f "$seeds/hanger"
    printf 'B' >blocks-alarm
    took run_ferret blk.log 40 -timeout=1 blocks-alarm
    assert_rc "[$variant] hang with SIGALRM blocked: exit code" 1
    within 10.5 25 "[$variant] hang with SIGALRM blocked"
    assert_contains blk.log "ERROR: ferret: timeout: the target has been running one input for longer than -timeout (1s) while running blocks-alarm, and did not stop; killed"
    assert_contains blk.log "SUMMARY: ferret: timeout"
    assert_clean

    # libFuzzer's reproduce mode: its timeout lines, the error line before
    # the stack (ClusterFuzz's parser reads them in that order),
    # -timeout_exitcode.
    printf 'H' >hang-input
    took run_ferret lf.log 30 -timeout=1 -runs=5 hang-input
    assert_rc "[$variant] reproduce a hang: exit code" 70
    assert_contains lf.log "Running: hang-input"
    assert_contains lf.log "ALARM: working on the last Unit for 1 seconds"
    assert_contains lf.log "ERROR: libFuzzer: timeout after 1 seconds"
    assert_contains lf.log "SUMMARY: libFuzzer: timeout"
    assert_not_contains lf.log "ERROR: ferret: timeout"
    [ "$(grep -c 'ERROR: libFuzzer: timeout' lf.log)" = 1 ] || { show_log lf.log; fail "[$variant] the timeout is reported more than once"; }
    run_ferret lf2.log 40 -timeout=1 -timeout_exitcode=55 -runs=5 blocks-alarm
    assert_rc "[$variant] reproduce a SIGALRM-blocking hang: exit code" 55
    assert_contains lf2.log "ERROR: libFuzzer: timeout after 1 seconds"
    assert_contains lf2.log "ferret: the failing input is blocks-alarm"

    # Benign inputs still pass, -runs times each.
    printf 'x' >benign
    run_ferret ok.log 30
    assert_rc "[$variant] benign: exit code" 0
    assert_contains ok.log "ok  regress_hang: 1 input passed"
    run_ferret ok2.log 30 -timeout=1 -runs=1000 benign
    assert_rc "[$variant] reproduce benign -runs=1000: exit code" 0
    assert_contains ok2.log "Executed benign in"
    assert_clean
done
finish
