#!/bin/bash
# Minimizing a crash keeps it the same bug: a stack-buffer-overflow found on
# a 12-byte input is minimized to the smallest input that still overflows
# (9 bytes), never to the 1-byte input that hits another bug (a NULL write)
# -- a smaller candidate counts only if it fails the same way (same kind,
# same stack signature), as ClusterFuzz checks too.
# Which bug the fuzzer hits first depends on the seed: -seed=2 is one whose
# first crash is the overflow (seeds 2-6 and 8 of 1-8 since new inputs are
# not minimized by default; 1 and 7 hit the NULL write first, nothing to
# minimize).
. "$(dirname "$0")/lib.sh"

build_target nested_bugs asan
enter_workdir
mkdir -p cache && printf 'Bxxxxxxxxxxx' >cache/seed
run_ferret fuzz.log 90 -fuzz -parallel=1 -seed=2 -cachedir=cache
assert_rc "a crash found" 1
assert_contains fuzz.log "stack-buffer-overflow"
assert_contains fuzz.log "in copy_header"
assert_not_contains fuzz.log "in null_write"
find_crasher fuzz.log
size=$(wc -c <"$CRASHER" | tr -d ' ')
assert_eq "minimized crasher size (the smallest input that still overflows)" 9 "$size"
assert_eq "first byte" A "$(head -c 1 "$CRASHER")"
check_rerun fuzz.log
assert_contains rerun.log "stack-buffer-overflow"
assert_clean
finish
