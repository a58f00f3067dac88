#!/bin/bash
# Go's test_fuzz_mutator_repeat shape: the target records the exact bytes it
# got, then leaves silently (_exit(7)).  With minimization off, the crasher
# ferret writes (rebuilt by the coordinator from the dead worker's published
# rng state) must be byte-identical to what the target actually received.
. "$(dirname "$0")/lib.sh"

check_variant() {
    local variant=$1 seed=$2
    build_target silent "$variant"
    enter_workdir
    mkdir -p testdata/fuzz/silent || fail "mkdir"
    # A seed with some structure for the mutator to work on; it does not
    # satisfy the target's condition (d[0] == d[1] + 1).
    printf 'the quick brown fox jumps over the lazy dog 0123456789' >testdata/fuzz/silent/seed
    export FERRET_E2E_OUT="$WORK/seen"

    run_ferret fuzz.log 60 -fuzz -fuzztime=1000000x -parallel=1 -seed="$seed" -cachedir=cache -fuzzminimizetime=0
    assert_rc "[$variant] exit code" 1
    assert_contains fuzz.log "--- FAIL: silent"
    assert_contains fuzz.log "    fuzzing process terminated unexpectedly: exit status 7"
    assert_not_contains fuzz.log "found a crash, minimizing"
    [ -f seen ] || { show_log fuzz.log; fail "[$variant] the target never recorded its input"; }
    mv testdata/fuzz/silent/seed seed.aside || fail "mv"
    find_crasher fuzz.log
    assert_crasher_is_seen "[$variant]"
    note "[$variant] crasher of $(wc -c <"$CRASHER" | tr -d ' ') bytes matches the target's record"
    # The input really is a mutation, not the seed itself.
    cmp -s seen seed.aside && fail "[$variant] the crasher is the seed: no mutation was exercised"
    assert_no_procs
    check_rerun fuzz.log
    assert_rc "[$variant] re-run exit code" 7
    assert_no_procs
}

check_variant plain 1
check_variant asan 1
check_variant plain 7
check_variant asan 7
finish
