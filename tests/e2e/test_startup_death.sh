#!/bin/bash
# A target whose LLVMFuzzerInitialize calls exit(3): the workers die before
# fuzzing.  That is not a finding: exit 5, "terminated without fuzzing" with
# the worker's output, and no testdata directory.  Each configuration runs
# several times: how fast the worker dies, relative to the coordinator
# handing it its first call, varies from run to run.
. "$(dirname "$0")/lib.sh"

RUNS=8
for variant in plain asan; do
    build_target init_exit "$variant"
    for par in 1 2; do
        enter_workdir
        for run in $(seq 1 $RUNS); do
            start=$(date +%s)
            run_ferret fuzz.log 60 -fuzz -fuzztime=10s -parallel=$par -seed=19 -cachedir=cache
            took=$(($(date +%s) - start))
            assert_rc "[$variant -parallel=$par, run $run/$RUNS] exit code" 5
            assert_contains fuzz.log "terminated without fuzzing"
            assert_contains fuzz.log "exit status 3"
            assert_contains fuzz.log "init_exit: giving up in LLVMFuzzerInitialize"
            assert_not_contains fuzz.log "--- FAIL"
            assert_not_contains fuzz.log "execs:"
            [ -e testdata ] && { ls -R testdata >&2; fail "[$variant -parallel=$par] a testdata directory was created"; }
            [ "$took" -le 15 ] || fail "[$variant -parallel=$par] took ${took}s to give up"
            assert_no_procs
        done
    done
done
finish
