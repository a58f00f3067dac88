#!/bin/bash
# A target that writes to its const input is a finding, as under libFuzzer:
# found while fuzzing (plain and ASan builds), minimized to "WR", written,
# and the re-run (regression) fails on it too.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target const_write "$variant"
    enter_workdir
    mkdir -p cache && printf 'Wxyz' >cache/seed
    run_ferret fuzz.log 60 -fuzz -fuzztime=200000x -parallel=1 -seed=4 -cachedir=cache
    assert_rc "$variant: a write to the const input" 1
    assert_contains fuzz.log "ERROR: ferret: the fuzz target overwrote its const input"
    find_crasher fuzz.log
    assert_eq "$variant: minimized crasher" "WR" "$(cat "$CRASHER")"
    check_rerun fuzz.log
    assert_contains rerun.log "overwrote its const input"
    assert_clean
done
finish
