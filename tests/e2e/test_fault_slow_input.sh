#!/bin/bash
# A slow input that brings new coverage is not a hang: the limit is on one
# execution, never on the input and its two deflaking re-runs together.
#  1. default (automatic) -timeout, an input of 0.4 s: the automatic limit
#     is at least 5 s, and leaves room for the slowest input seen;
#  2. -timeout=1 and an input of 0.6 s (three runs: 1.8 s).
. "$(dirname "$0")/lib.sh"

build_target slow_input plain

run_case() { # LOG SLOW_US ARGS...
    local log=$1 us=$2
    shift 2
    enter_workdir
    mkdir -p testdata/fuzz/slow_input && printf 'SLOx' >testdata/fuzz/slow_input/seed
    SLOW_US=$us run_ferret "$log" 90 -fuzz -fuzztime=20000x -parallel=1 -seed=5 -cachedir=cache -v=1 "$@"
    assert_rc "$log: a slow new input" 0 "$log"
    assert_not_contains "$log" "timeout"
    assert_not_contains "$log" "hang"
    assert_not_contains "$log" "--- FAIL"
    # The slow input was found and kept.
    grep -l SLOW cache/* >/dev/null 2>&1 || { show_log "$log"; fail "$log: the slow input was not found"; }
    assert_clean
}

run_case auto.log 400000
run_case timeout1.log 600000 -timeout=1
finish
