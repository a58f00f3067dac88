#!/bin/bash
# Fault matrix 20: a hostile worker.  On inputs starting with 'G' (shorter
# than 4 bytes) the target writes 128 bytes of garbage to every descriptor
# from 3 to 64: the reply pipe (the coordinator then reads a malformed reply)
# and the worker's shared-memory memfd (its header and areas, at the shared
# file offset) among them.  It happens while fuzzing and while minimizing a
# longer 'G' input (new coverage).  The coordinator says so, restarts the
# worker, gives up on what cannot be done, and finishes the exact
# -fuzztime=Nx budget: exit 0, no false crasher; nothing lost, nothing left.
. "$(dirname "$0")/lib.sh"

N=5000
build_target fault_garbage plain
enter_workdir
prepare_dirs 'abcdefgh'

run_ferret fuzz.log 90 -fuzz -fuzztime=${N}x -parallel=2 -seed=120 -cachedir=cache
assert_rc "exit code" 0
assert_contains fuzz.log "sent a malformed reply; restarting it"
restarts=$(grep -cE 'ferret: worker [0-9]+ (sent a malformed reply|stopped answering); restarting it' fuzz.log)
note "$restarts worker restarts logged"
assert_not_contains fuzz.log "--- FAIL"
assert_not_contains fuzz.log "terminated"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_eq "executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
# (Not asserted: which inputs reach the cache.  The garbage also lands in
# the worker's own shared memory, which the worker owns; a worker that lies
# about an input's coverage can get that input cached.  Re-running every
# candidate on a second worker would close that; it is not done yet.)
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
