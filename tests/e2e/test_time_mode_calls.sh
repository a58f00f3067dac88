#!/bin/bash
# A FUZZ call lasts the same number of executions with a time budget as
# with an Nx budget (4,096; time mode adds only a limit in the worker's CPU
# time, for slow targets): a run's path then does not move with the
# machine's load, and a time-mode run follows the same seed's Nx run
# exactly.  The target is a 10-step state machine (a chain of finds, each
# from the deepest entry, so the run depends on every call's length).  For
# each of three seeds, an Nx run and a run with a time budget it never
# reaches (the crash ends it first) must crash on the same input and keep
# the same cache, byte for byte.  When calls in time mode lasted 100 ms of
# wall time, the two runs of each seed crashed on different inputs (seeds
# 1, 6 and 10: 177k, 55k and 98k executions at an Nx budget; 216k, 182k
# and 20k at a time budget on a loaded machine).  Different seeds keep
# different caches, so the comparison can fail.
. "$(dirname "$0")/lib.sh"

build_target state_steps plain
listing() { (cd "$1" && find . -type f ! -name '.*' -exec sha1sum {} + | LC_ALL=C sort); }
run_mode() { # DIR SEED BUDGET
    mkdir -p "$1" && cd "$1" || fail "cannot enter $1"
    run_ferret fuzz.log 100 -fuzz -fuzztime="$3" -parallel=1 -seed="$2" -cachedir=cache \
        -fuzzminimizetime=0
    cd "$WORK" || fail "cannot go back to $WORK"
    assert_rc "seed $2, -fuzztime=$3 (the crash)" 1 "$1/fuzz.log"
    assert_contains "$1/fuzz.log" "--- FAIL"
    [ "$(count_files "$1/testdata/fuzz/state_steps")" = 1 ] || fail "seed $2, -fuzztime=$3: no crasher written"
}

enter_workdir
for s in 1 6 10; do
    run_mode "nx$s" "$s" 20000000x
    run_mode "time$s" "$s" 3600s
    [ "$(listing "nx$s/testdata")" = "$(listing "time$s/testdata")" ] || {
        diff <(listing "nx$s/testdata") <(listing "time$s/testdata") >&2
        fail "seed $s: the time-mode run crashed on another input than the Nx run"
    }
    [ "$(listing "nx$s/cache")" = "$(listing "time$s/cache")" ] || {
        diff <(listing "nx$s/cache") <(listing "time$s/cache") >&2
        fail "seed $s: the time-mode run kept another cache than the Nx run"
    }
    note "seed $s: the same crasher and $(count_files "nx$s/cache") cache entries in both modes"
done
[ "$(listing nx1/cache)" != "$(listing nx6/cache)" ] || fail "seeds 1 and 6 kept the same cache: the comparison proves nothing"
assert_no_procs
finish
