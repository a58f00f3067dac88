#!/bin/bash
# Issue 15: what a parser wants past the input's end (targets/field_chain.c:
# 24 fields, each a 16-bit big-endian value of its own, read one after the
# other until the input ends).  No byte of the input says what the next
# field must be, and the compare of a field past the end never runs.  The
# mutation ExtendCmp appends a probe tail; the compare that reads it goes
# into the table of recent compares, which remembers what it wanted and in
# which byte order (torc.h), and ExtendCmp appends that next.  Solved
# within the budget; with -use_cmp=0 (no table of compares) not.  Before
# ExtendCmp, seeds 1-3 did not solve it in 1M executions (-runs).
. "$(dirname "$0")/lib.sh"

build_target field_chain plain
enter_workdir
run_ferret on.log 120 -fuzz -fuzztime=1000000x -parallel=1 -seed=1 -cachedir=on
assert_rc "solved with the compare table" 1 on.log
assert_contains on.log "--- FAIL: field_chain"
find_crasher on.log
check_rerun on.log
rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
run_ferret off.log 120 -fuzz -fuzztime=1000000x -parallel=1 -seed=1 -cachedir=off -use_cmp=0
assert_rc "not solved without it" 0 off.log
assert_contains off.log "execs: 1000000 "
assert_no_procs
finish
