#!/bin/bash
# Comparison feedback solves what coverage alone cannot: a 64-bit magic, a
# memcmp magic and a strcmp token, each within a fixed execution budget that
# is NOT enough when comparison feedback is switched off (-use_cmp=0, and
# -use_value_profile=0: value profile, on by default, is comparison
# feedback too and climbs the 64-bit magic by itself).
. "$(dirname "$0")/lib.sh"

BUDGET=300000x

check_target() {
    local name=$1 variant=$2
    build_target "$name" "$variant"
    enter_workdir
    run_ferret on.log 120 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=cache
    assert_rc "[$name/$variant] solved with comparison feedback" 1
    assert_contains on.log "--- FAIL: $name"
    find_crasher on.log
    check_rerun on.log
    rm -rf testdata cache
    run_ferret off.log 120 -fuzz -fuzztime=$BUDGET -parallel=1 -seed=1 -cachedir=cache -use_cmp=0 -use_value_profile=0
    assert_rc "[$name/$variant] not solved without comparison feedback" 0
    assert_contains off.log "execs: 300000 "
    assert_no_procs
}

check_target cmp64 plain
check_target cmp64 asan
check_target cmpmem plain
check_target cmpmem asan
check_target cmpstr plain
check_target cmpstr asan
finish
