#!/bin/bash
# Issue 15: indirect caller/callee pairs as features.  A function-pointer
# table filled step by step (targets/feat_indir.c): every step function's
# edges are covered and its hit counts saturated before the input is read,
# so reaching the next step is new only as a (caller, callee) pair of
# __sanitizer_cov_trace_pc_indir.  The plain build finds the crash within
# the budget; the same target built with
# -fno-sanitize-coverage=indirect-calls does not.  Value profile is off in
# both (it plays no part here; it keeps the two runs comparable).
. "$(dirname "$0")/lib.sh"

BUDGET=1500000x
build_target feat_indir plain
enter_workdir
run_ferret on.log 240 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=2 -cachedir=on -use_value_profile=0
assert_rc "solved with indirect-call features" 1
assert_contains on.log "--- FAIL: feat_indir"
find_crasher on.log
check_rerun on.log

rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
build_target_with feat_indir noindir -fno-sanitize-coverage=indirect-calls
run_ferret off.log 240 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=2 -cachedir=off -use_value_profile=0
assert_rc "not solved without indirect-call instrumentation" 0
assert_contains off.log "execs: 1500000 "
assert_no_procs
finish
