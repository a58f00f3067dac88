#!/bin/bash
# Fault matrix 24: a hang while another worker keeps fuzzing.  With
# -parallel=2, the first input starting with 'H' (per run: a lock file makes
# it one) loops forever; every process appends a byte to a counter file each
# 1024 calls.  While the one worker hangs, the other keeps fuzzing (the
# counter grows after the hang began); the hang is caught (-timeout=2):
# exit 1, "hang:" reported with an artifact starting with 'H' and a re-run
# command with the timeout that reproduces it; no process left, nothing lost, nothing left.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target fault_hang "$variant"
    enter_workdir
    prepare_dirs 'abcdefgh'
    mkdir marks || fail "mkdir"
    export FAULT_DIR="$WORK/marks"
    run_ferret fuzz.log 60 -fuzz -fuzztime=1000000000x -parallel=2 -seed=124 -cachedir=cache -timeout=2
    assert_rc "[$variant] exit code" 1
    assert_report fuzz.log "    hang: an input ran for more than 2s (-timeout)"
    assert_contains fuzz.log "    $BIN -timeout=2s testdata/fuzz/fault_hang/"
    [ -f marks/hang.start ] || { show_log fuzz.log; fail "[$variant] the target never hung: the test proves nothing"; }
    mapfile -t arts < <(artifacts_of)
    assert_eq "[$variant] artifacts written" 1 "${#arts[@]}"
    [ "$(head -c 1 "${arts[0]}")" = H ] || fail "[$variant] the hang artifact does not start with 'H'"
    at_hang=$(cat marks/hang.start)
    at_end=$(wc -c <marks/counter | tr -d ' ')
    note "[$variant] counter: $at_hang at the hang, $at_end at the end ($(( (at_end - at_hang) * 1024 )) calls or more while one worker hung)"
    [ $((at_end - at_hang)) -ge 10 ] ||
        fail "[$variant] the other worker did not keep fuzzing during the hang: counter $at_hang at the hang, $at_end at the end"
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
    # The re-run command (with the timeout) reproduces the hang.
    rm -f marks/hang.lock
    check_rerun fuzz.log
    assert_contains rerun.log "timeout"
    assert_clean
done
finish
