#!/bin/bash
# Fault matrix 8: a target that opens a descriptor on every input and never
# closes it.  ferret warns once, recycles the workers before they run out of
# descriptors, and completes the exact -fuzztime=Nx budget: exit 0, no
# finding, no "Too many open files"; nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

N=30000
build_target fault_fdleak plain
enter_workdir
prepare_dirs 'abcdefgh'
# A lower descriptor limit than usual, so a worker that is not recycled
# would run out within the budget.
ulimit -n 1024 || fail "cannot lower the descriptor limit"
run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=2 -seed=108 -cachedir=cache
assert_rc "exit code" 0
assert_contains fuzz.log "ferret: warning: the target leaks file descriptors ("
[ "$(grep -c 'leaks file descriptors' fuzz.log)" = 1 ] || fail "the fd-leak warning is repeated"
assert_not_contains fuzz.log "--- FAIL"
assert_not_contains fuzz.log "Too many open files"
assert_not_contains fuzz.log "terminated"
assert_eq "executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
