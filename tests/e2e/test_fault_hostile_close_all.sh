#!/bin/bash
# Fault matrix 22: a target that closes every descriptor from 3 up (its call
# and reply pipes, its memfds) on inputs starting with 'X' shorter than 4
# bytes, then returns: while fuzzing, and while minimizing a longer 'X' input
# (new coverage).  The worker has lost its pipes: not a finding.  The
# coordinator restarts it, gives up on what cannot be done, and finishes the
# exact -fuzztime=Nx budget: exit 0, no false crasher; nothing lost, nothing
# left behind.
. "$(dirname "$0")/lib.sh"

N=20000
for variant in plain asan; do
    build_target fault_closeall "$variant"
    enter_workdir
    prepare_dirs 'abcdefgh'
    run_ferret fuzz.log 90 -fuzz -fuzztime=${N}x -parallel=2 -seed=122 -cachedir=cache
    assert_rc "[$variant] exit code" 0
    assert_contains fuzz.log "stopped answering; restarting it"
    assert_not_contains fuzz.log "--- FAIL"
    assert_not_contains fuzz.log "terminated"
    assert_eq "[$variant] artifacts written" 0 "$(artifacts_of | grep -c .)"
    assert_eq "[$variant] executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
    note "[$variant] $(grep -c 'stopped answering' fuzz.log) restarts"
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
done
finish
