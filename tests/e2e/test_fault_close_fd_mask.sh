#!/bin/bash
# Fault matrix 7: -close_fd_mask=3.  The target prints a marker to stdout and
# stderr on every input and crashes on inputs starting with "CF".  Without
# the flag the markers show in the failure report (the control); with
# -close_fd_mask=3 they do not, and the finding is still reported and
# written.  Nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target fault_closefd plain
for mask in 0 3; do
    enter_workdir
    # (the second seed is one byte away from the crash: found well within the budget)
    prepare_dirs 'abcdefgh' 'CAbcdefg'
    run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=1 -seed=107 -cachedir=cache \
        -close_fd_mask=$mask
    assert_rc "[mask $mask] exit code" 1
    assert_report fuzz.log "    fuzzing process terminated unexpectedly: "
    mapfile -t arts < <(artifacts_of)
    assert_eq "[mask $mask] artifacts written" 1 "${#arts[@]}"
    assert_eq "[mask $mask] minimized artifact" CF "$(cat "${arts[0]}")"
    if [ $mask = 0 ]; then
        assert_contains fuzz.log "FAULT-TARGET-STDOUT-MARK"
        assert_contains fuzz.log "FAULT-TARGET-STDERR-MARK"
    else
        assert_not_contains fuzz.log "FAULT-TARGET-STDOUT-MARK"
        assert_not_contains fuzz.log "FAULT-TARGET-STDERR-MARK"
    fi
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
done
finish
