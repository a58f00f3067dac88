#!/bin/bash
# ferret_fail is a failure, not a death: the worker reports it and lives on
# (no restart), the target keeps running the input after the call (its next
# log line is in the report), and the failing input is minimized in-process
# to the smallest values: bool(true), uint8(7).
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target typed "$variant"
    enter_workdir
    run_ferret fuzz.log 120 -fuzz=FuzzBool -fuzztime=2000000x -parallel=1 -seed=3 -cachedir=cache -v=1
    assert_rc "[$variant] exit code" 1
    assert_contains fuzz.log "--- FAIL: FuzzBool"
    assert_contains fuzz.log "    typed.c:38: seven and true"
    assert_contains fuzz.log "    typed.c:40: still running after the failure"
    assert_not_contains fuzz.log "restarting"
    assert_not_contains fuzz.log "terminated unexpectedly"
    crasher=$(ls testdata/fuzz/FuzzBool/)
    assert_eq "[$variant] crasher" "$(printf 'go test fuzz v1\nbool(true)\nbyte(%s)' "'\\a'")" \
        "$(cat "testdata/fuzz/FuzzBool/$crasher")"
    assert_no_procs
done
finish
