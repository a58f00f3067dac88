#!/bin/bash
# LLVMFuzzerCustomCrossOver is one of the mutations, as in libFuzzer: the
# target's cross-over is called with the base entry and its partner, and an
# input it made that kills the worker without a word is rebuilt byte for
# byte by the coordinator (the replay contract, replay.h), in Go mode and in
# libFuzzer mode.
. "$(dirname "$0")/lib.sh"

check_mode() {
    local variant=$1 seed=$2 mode=$3
    build_target custom_crossover "$variant"
    enter_workdir
    export FERRET_E2E_OUT="$WORK/seen" FERRET_E2E_XO="$WORK/xo"
    if [ "$mode" = go ]; then
        mkdir seeds && printf ab >seeds/a && printf cd >seeds/b
        run_ferret fuzz.log 120 -fuzz -fuzztime=200000x -parallel=1 -seed="$seed" -use_cmp=0 -cachedir=cache -fuzzminimizetime=0 seeds
        assert_rc "[$variant/$seed/go] exit code" 1
        find_crasher fuzz.log
    else
        mkdir corpus art && printf ab >corpus/a && printf cd >corpus/b
        FERRET_E2E_DIE_BY_SIGNAL=1 run_ferret fuzz.log 120 -runs=200000 -seed="$seed" -use_cmp=0 -artifact_prefix=art/ corpus
        assert_rc "[$variant/$seed/libfuzzer] exit code" 77
        CRASHER=$(ls art/crash-* 2>/dev/null | head -1)
    fi
    [ -f xo ] || { show_log fuzz.log; fail "[$variant/$mode] LLVMFuzzerCustomCrossOver was never called"; }
    assert_crasher_is_seen "[$variant/$seed/$mode]"
    assert_no_procs
}

check_mode plain 1 go
check_mode asan 2 go
check_mode plain 3 libfuzzer
finish
