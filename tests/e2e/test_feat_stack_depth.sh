#!/bin/bash
# Issue 15: stack depth as a feature.  A recursion that must reach depth
# 1000, one '[' per level (targets/feat_deep.c): hit-count buckets stop
# telling levels apart after 128, the lowest stack pointer a run reached
# (__sancov_lowest_stack, written by -fsanitize-coverage=stack-depth, which
# -fsanitize=fuzzer-no-link implies) tells every level from the last.
# Value profile is kept off in both runs (it could climb the depth == 1000
# compare too): the plain build finds the crash within the budget, the same
# target built with -fno-sanitize-coverage=stack-depth does not.
. "$(dirname "$0")/lib.sh"

BUDGET=600000x
build_target feat_deep plain
enter_workdir
run_ferret on.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=on -use_value_profile=0
assert_rc "solved with stack depth" 1
assert_contains on.log "--- FAIL: feat_deep"
find_crasher on.log
check_rerun on.log

rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
build_target_with feat_deep nostack -fno-sanitize-coverage=stack-depth
run_ferret off.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=off -use_value_profile=0
assert_rc "not solved without stack-depth instrumentation" 0
assert_contains off.log "execs: 600000 "
assert_no_procs
finish
