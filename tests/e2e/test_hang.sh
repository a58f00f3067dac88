#!/bin/bash
# A target that loops forever on inputs starting with 'H': with -timeout=1 the
# hang is detected, recorded as a crasher, reported as "hang:", and the run
# ends promptly with exit 1; the hung worker is replaced.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target hang "$variant"
    enter_workdir
    start=$(date +%s)
    run_ferret fuzz.log 60 -fuzz -fuzztime=1000000x -parallel=2 -seed=5 -timeout=1 -cachedir=cache -v=1
    took=$(($(date +%s) - start))
    assert_rc "[$variant] exit code" 1
    [ "$took" -le 30 ] || fail "[$variant] the run took ${took}s; a 1s hang should end it within 30s"
    assert_contains fuzz.log "--- FAIL: hang"
    assert_contains fuzz.log "    hang: an input ran for more than 1s (-timeout)"
    assert_not_contains fuzz.log "fuzzing process terminated unexpectedly"
    assert_contains fuzz.log "FAIL"
    # The hung worker was killed and a fresh one started in its place (-v=1).
    assert_contains fuzz.log "fuzz: restarting worker"
    find_crasher fuzz.log
    [ "$(head -c 1 "$CRASHER")" = H ] || fail "[$variant] the hang crasher does not start with 'H': $(xxd "$CRASHER" | head -2)"
    assert_no_procs
    note "[$variant] hang found and reported in ${took}s"
done
finish
