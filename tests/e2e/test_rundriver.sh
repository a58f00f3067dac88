#!/bin/bash
# LLVMFuzzerRunDriver (issue 14 item 15): a program with its own main links
# with libferret.a (without ferret's main) and calls the driver with its
# callback.  Fuzzing works although every worker runs the program's main
# again (the driver recognizes the worker there and never returns into the
# program's main), the planted crash is found and minimized, and the
# re-run and libFuzzer-style command lines go through the same main.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target rundriver "$variant"
    enter_workdir
    run_ferret fuzz.log 90 -fuzz -fuzztime=500000x -parallel=2 -seed=3 -cachedir=cache
    assert_rc "[$variant] fuzzing finds the crash" 1
    assert_contains fuzz.log "--- FAIL: rundriver"
    find_crasher fuzz.log
    assert_eq "[$variant] crasher (minimized)" "RUN" "$(cat "$CRASHER")"
    # The coordinator's main goes on after the driver, the workers' not.
    assert_eq "[$variant] lines after the driver" 1 "$(grep -c 'rundriver: after the driver' fuzz.log)"
    assert_contains fuzz.log "rundriver: after the driver: 1"
    assert_no_procs
    check_rerun fuzz.log
    assert_contains rerun.log "rundriver: after the driver: 1"
    # libFuzzer's command line: a corpus directory and -runs.
    mkdir -p corpus
    printf 'seed' >corpus/seed
    run_ferret lf.log 90 -runs=20000 -seed=2 corpus
    assert_contains lf.log "INFO: Loaded 1 modules"
    assert_no_procs
done
finish
