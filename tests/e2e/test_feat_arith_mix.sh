#!/bin/bash
# Issue 15: value profile that rewards getting closer.  An arithmetic mix of
# input bytes compared, squared, with a constant (targets/feat_arith.c):
# no operand is in the input, so input-to-state cannot place it; value
# profile's distance features keep every input that comes closer.  At
# default flags (value profile is on by default) the run finds the crash
# within the budget; with -use_value_profile=0 the same budget finds
# nothing.
. "$(dirname "$0")/lib.sh"

BUDGET=1000000x
build_target feat_arith plain
enter_workdir
run_ferret on.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=on
assert_rc "solved at default flags" 1
assert_contains on.log "--- FAIL: feat_arith"
find_crasher on.log
check_rerun on.log

rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
run_ferret off.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=off -use_value_profile=0
assert_rc "not solved with -use_value_profile=0" 0
assert_contains off.log "execs: 1000000 "
assert_no_procs
finish
