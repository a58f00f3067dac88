#!/bin/bash
# Issue 15: value profile at default flags, a byte-by-byte compare loop
# against a constant string through a volatile zero (targets/feat_byteloop.c):
# no memcmp for a hook, no constant for a dictionary.  The count of matching
# bytes is compared with the length at the end; value profile's Hamming and
# distance features of that compare keep an input for (nearly) every byte
# more that is right, where hit-count buckets see only 4-7 and 8-15.  At
# default flags (value profile is on by default) the run finds the crash
# within the budget; with -use_value_profile=0 the same budget finds
# nothing.
. "$(dirname "$0")/lib.sh"

BUDGET=1000000x
build_target feat_byteloop plain
enter_workdir
run_ferret on.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=on
assert_rc "solved at default flags" 1
assert_contains on.log "--- FAIL: feat_byteloop"
find_crasher on.log
check_rerun on.log

rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
run_ferret off.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=off -use_value_profile=0
assert_rc "not solved with -use_value_profile=0" 0
assert_contains off.log "execs: 1000000 "
assert_no_procs
finish
