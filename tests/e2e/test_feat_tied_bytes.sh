#!/bin/bash
# Several constraints on one pair of bytes (targets/feat_tied.c):
# `a + b == 300 && a - b == 40`, then `c ^ d == 0x3c && d - c == 0x3c`.
# The second check of a pair runs only on inputs that pass the first, and
# any one-byte change leaves those, so nothing climbs it one byte at a
# time; the mutator's TieBytes moves both bytes along the first relation
# (+c/-c keeps the sum, ^m/^m the xor).  Found within the budget at seeds 1
# and 2; before TieBytes, with the same flags in libFuzzer's dialect
# (-runs=2000000), 1 of seeds 1-4 solved it (at 549k), against 4 of 4 at
# 206k-246k with it.
. "$(dirname "$0")/lib.sh"

build_target feat_tied plain
for seed in 1 2; do
    enter_workdir
    run_ferret fuzz.log 120 -fuzz -fuzztime=600000x -parallel=1 -seed=$seed -cachedir=cache
    assert_rc "solved at seed $seed" 1 fuzz.log
    assert_contains fuzz.log "--- FAIL: feat_tied"
    find_crasher fuzz.log
    check_rerun fuzz.log
done
assert_no_procs
finish
