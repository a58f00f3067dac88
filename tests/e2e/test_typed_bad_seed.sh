#!/bin/bash
# A seed added in code with the wrong number of values stops both the replay
# and fuzzing with one line naming the target, the seed and the counts
# (exit 2), before any worker starts.
. "$(dirname "$0")/lib.sh"

build_target typed_badseed plain
enter_workdir
want="ferret: fuzz target FuzzBadSeed: seed 2 has 1 value, the target takes 2"
run_ferret replay.log 30
assert_rc "replay with a bad seed" 2
assert_contains replay.log "$want"
run_ferret fuzz.log 30 -fuzz -fuzztime=10x -cachedir=cache
assert_rc "fuzzing with a bad seed" 2
assert_contains fuzz.log "$want"
assert_eq "lines naming it" 1 "$(grep -c 'FuzzBadSeed' fuzz.log)"
assert_no_procs
finish
