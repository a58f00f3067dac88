#!/bin/bash
# exit(0) inside the target is a failure, not a success: a crasher is written
# and the report says the process exited with status 0.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target exit_zero "$variant"
    enter_workdir
    run_ferret fuzz.log 60 -fuzz -fuzztime=1000000x -parallel=2 -seed=3 -cachedir=cache
    assert_rc "[$variant] exit code" 1
    assert_contains fuzz.log "--- FAIL: exit_zero"
    assert_contains fuzz.log "    fuzzing process terminated unexpectedly: exit status 0"
    assert_contains fuzz.log "the target called exit()"
    assert_contains fuzz.log "FAIL"
    find_crasher fuzz.log
    assert_eq "[$variant] crasher content (minimized)" X "$(cat "$CRASHER")"
    assert_no_procs
    # Replaying it fails too: exit(0) during a replay is not a pass.
    check_rerun fuzz.log
    assert_contains rerun.log "the target called exit() while running $CRASHER"
    assert_not_contains rerun.log "passed"
    assert_no_procs
done
finish
