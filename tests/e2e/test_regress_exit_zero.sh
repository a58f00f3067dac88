#!/bin/bash
# The regression run (what CI runs) fails on a recorded crasher even when the
# target ends the process with status 0 in the middle of the input: here its
# own SIGSEGV handler calls _exit(0).  Fuzzing records the input (the worker
# died mid-input with exit status 0); plain ./bin, the printed re-run command
# and libFuzzer's reproduce mode (-runs=N FILE) must then fail, naming it.
# Plain _exit(0) and exit(0) from the target mid-input fail too.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target segv_exit0 "$variant"
    enter_workdir
    printf 'ok' >benign

    # Nothing recorded yet: the regression run passes.
    run_ferret ok.log 30 benign
    assert_rc "[$variant] benign input: exit code" 0
    assert_contains ok.log "ok  segv_exit0: 1 input passed"

    # Fuzzing finds and records the crash.
    run_ferret fuzz.log 60 -fuzz -fuzztime=1000000x -parallel=2 -seed=3 -cachedir=cache benign
    assert_rc "[$variant] fuzzing: exit code" 1
    assert_contains fuzz.log "    fuzzing process terminated unexpectedly: exit status 0"
    find_crasher fuzz.log
    assert_eq "[$variant] crasher content (minimized)" S "$(cat "$CRASHER")"
    assert_clean

    # Plain ./bin: the crasher is in testdata, the run fails and names it.
    run_ferret regress.log 30
    assert_rc "[$variant] regression with the crasher: exit code" 1
    assert_contains regress.log "ERROR: ferret: the target exited with status 0 while running $CRASHER"
    assert_contains regress.log "SUMMARY: ferret: the target exited with status 0"
    assert_not_contains regress.log "passed"
    assert_clean

    # The re-run command the report printed.
    check_rerun fuzz.log
    assert_eq "[$variant] re-run: exit code" 1 "$RC"
    assert_contains rerun.log "the target exited with status 0 while running $CRASHER"
    assert_clean

    # libFuzzer's reproduce mode: -error_exitcode (77 by default).
    run_ferret lf.log 30 -runs=10 "$CRASHER"
    assert_rc "[$variant] reproduce -runs=10: exit code" 77
    assert_contains lf.log "Running: $CRASHER"
    assert_contains lf.log "the target exited with status 0 while running $CRASHER"
    run_ferret lf2.log 30 -runs=10 -error_exitcode=55 "$CRASHER"
    assert_rc "[$variant] reproduce -error_exitcode=55: exit code" 55
    assert_clean
done

# _exit(0) and exit(0) from the target in the middle of an input.
build_target exit_mid plain
enter_workdir
mkdir -p testdata/fuzz/exit_mid || fail "mkdir"
printf 'fine' >testdata/fuzz/exit_mid/fine
printf 'U' >underscore-exit
printf 'E' >plain-exit
printf 'ok' >benign

run_ferret ok.log 30 benign
assert_rc "benign: exit code" 0
assert_contains ok.log "ok  exit_mid: 2 inputs passed"

run_ferret u.log 30 benign underscore-exit
assert_rc "_exit(0) mid-input: exit code" 1
assert_contains u.log "ERROR: ferret: the target exited with status 0 while running underscore-exit"
assert_not_contains u.log "passed"

run_ferret e.log 30 plain-exit
assert_rc "exit(0) mid-input: exit code" 1
assert_contains e.log "the target called exit() while running plain-exit"
assert_not_contains e.log "passed"

# A crasher in testdata is named as such.
cp underscore-exit testdata/fuzz/exit_mid/recorded
run_ferret td.log 30
assert_rc "_exit(0) crasher in testdata: exit code" 1
assert_contains td.log "while running testdata/fuzz/exit_mid/recorded"
assert_clean
finish
