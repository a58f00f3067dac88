#!/bin/bash
# Crash recovery stays exact when mutations draw on the compare table: the
# crash lies behind a memcmp and a 32-bit compare, and the worker dies
# silently; the crasher must be byte-identical to what the target received.
# The same behind a double compare and a 128-bit compare, which only ferret's
# pass plugin reports (cmp_silent_wide, built with ferret-cc).
. "$(dirname "$0")/lib.sh"

check_variant() {
    local variant=$1 seed=$2
    build_target cmp_silent "$variant"
    enter_workdir
    export FERRET_E2E_OUT="$WORK/seen"
    run_ferret fuzz.log 120 -fuzz -fuzztime=2000000x -parallel=1 -seed="$seed" -cachedir=cache -fuzzminimizetime=0
    assert_rc "[$variant/$seed] exit code" 1
    assert_contains fuzz.log "exit status 9"
    [ -f seen ] || { show_log fuzz.log; fail "[$variant] the target never recorded its input"; }
    find_crasher fuzz.log
    assert_crasher_is_seen "[$variant/$seed]"
    assert_no_procs
}

# cmp_silent_wide: ferret-cc with the plugin, plain or with ASan.
check_wide() {
    local san=$1 seed=$2
    build_cc_target cmp_silent_wide plugin $san
    enter_workdir
    export FERRET_E2E_OUT="$WORK/seen"
    run_ferret fuzz.log 120 -fuzz -fuzztime=2000000x -parallel=1 -seed="$seed" -cachedir=cache -fuzzminimizetime=0
    assert_rc "[wide${san:+/$san}/$seed] exit code" 1
    assert_contains fuzz.log "exit status 9"
    find_crasher fuzz.log
    assert_crasher_is_seen "[wide${san:+/$san}/$seed]"
    assert_no_procs
}

check_wide "" 1
check_wide "" 2
check_wide address 3

check_variant plain 1
check_variant asan 1
check_variant plain 2
check_variant asan 3
finish
