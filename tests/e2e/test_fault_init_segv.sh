#!/bin/bash
# Fault matrix 11: a crash (SEGV) in LLVMFuzzerInitialize.  The workers die
# before fuzzing: exit 5, "terminated without fuzzing", the worker's output
# (its message and the SEGV) shown, no finding, no testdata directory;
# nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target fault_init_segv "$variant"
    enter_workdir
    mkdir cache || fail "mkdir"
    put_named cache 'an old cache entry, kept from an earlier run'
    snapshot_dir cache snap.cache
    start=$(date +%s)
    run_ferret fuzz.log 60 -fuzz -fuzztime=10000x -parallel=2 -seed=111 -cachedir=cache
    took=$(($(date +%s) - start))
    assert_rc "[$variant] exit code" 5
    assert_contains fuzz.log "terminated without fuzzing: "
    assert_contains fuzz.log "fault_init_segv: about to crash in LLVMFuzzerInitialize"
    assert_contains fuzz.log "SEGV"
    assert_not_contains fuzz.log "--- FAIL"
    assert_not_contains fuzz.log "execs:"
    [ -e testdata ] && { ls -R testdata >&2; fail "[$variant] a testdata directory was created"; }
    [ "$took" -le 15 ] || fail "[$variant] took ${took}s to give up"
    assert_nothing_lost snap.cache cache
    assert_clean
done
finish
