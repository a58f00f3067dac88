#!/bin/bash
# A target's own mutator (LLVMFuzzerCustomMutator) makes every input, and
# the worker dies without a word: the crasher the coordinator rebuilds (the
# replay contract, replay.h, with the target's mutator and the published
# seed) must be byte-identical to what the target received, in Go mode and
# in libFuzzer mode.
. "$(dirname "$0")/lib.sh"

check_mode() {
    local variant=$1 seed=$2 mode=$3
    build_target custom_mutator "$variant"
    enter_workdir
    export FERRET_E2E_OUT="$WORK/seen"
    if [ "$mode" = go ]; then
        run_ferret fuzz.log 120 -fuzz -fuzztime=200000x -parallel=1 -seed="$seed" -cachedir=cache -fuzzminimizetime=0
        assert_rc "[$variant/$seed/go] exit code" 1
        find_crasher fuzz.log
    else
        # libFuzzer's command line ends the run on a silent _exit(n) with n
        # and no artifact, as libFuzzer does (test_lf_exit): the target
        # dies silently by a signal instead.
        mkdir corpus
        FERRET_E2E_DIE_BY_SIGNAL=1 run_ferret fuzz.log 120 -runs=200000 -seed="$seed" -artifact_prefix=art/ corpus
        mkdir -p art
        assert_rc "[$variant/$seed/libfuzzer] exit code" 77
        CRASHER=$(ls art/crash-* 2>/dev/null | head -1)
    fi
    assert_crasher_is_seen "[$variant/$seed/$mode]"
    assert_no_procs
}

check_mode plain 1 go
check_mode asan 2 go
check_mode plain 3 libfuzzer
finish
