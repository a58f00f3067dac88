#!/bin/bash
# Issue 15: value profile at default flags, counting matches: more than 15
# "foo" and more than 15 "bar" in the input (targets/feat_count.c).  The
# match edges' hit counts stop telling 8 matches from 15; value profile's
# distance features at the compares with the bound (count > 15) keep every
# input with one match more.  At default flags (value profile is on by
# default) the run finds the crash within the budget; with
# -use_value_profile=0 the same budget finds nothing.  (Without value
# profile the run is not hopeless, only slower: copying a part of the input
# into itself doubles the matches across a bucket; with this seed it gets
# there between 1 M and 1.5 M executions.)
. "$(dirname "$0")/lib.sh"

BUDGET=1000000x
build_target feat_count plain
enter_workdir
run_ferret on.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=on
assert_rc "solved at default flags" 1
assert_contains on.log "--- FAIL: feat_count"
find_crasher on.log
check_rerun on.log

rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
run_ferret off.log 180 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=off -use_value_profile=0
assert_rc "not solved with -use_value_profile=0" 0
assert_contains off.log "execs: 1000000 "
assert_no_procs
finish
