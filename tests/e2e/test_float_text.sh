#!/bin/bash
# A float read from text (targets/float_text.c: strtod, then
# 1234.5 < x < 1234.6).  The pass plugin traces the double compares; the
# value is in the input only as text, so input-to-state must find the
# number token whose value the target compared and write the bound's
# neighbour as text (floattext.c).  Solved at seeds 1-3 within 300,000
# executions; before floattext.c none of the three was (nor is the plugin-
# less build, which cannot see the compare at all: checked at seed 1).
. "$(dirname "$0")/lib.sh"

build_cc_target float_text plugin
for seed in 1 2 3; do
    enter_workdir
    run_ferret fuzz.log 120 -fuzz -fuzztime=300000x -parallel=1 -seed=$seed -cachedir=cache
    assert_rc "solved at seed $seed" 1 fuzz.log
    assert_contains fuzz.log "--- FAIL: float_text"
    find_crasher fuzz.log
    check_rerun fuzz.log
done
build_cc_target float_text noplugin
enter_workdir
run_ferret off.log 120 -fuzz -fuzztime=300000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "not solved without the plugin" 0 off.log
assert_contains off.log "execs: 300000 "
assert_no_procs
finish
