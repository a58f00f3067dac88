#!/bin/bash
# Minimizing a crash keeps it the same bug: a stack-buffer-overflow found on
# a 12-byte input is minimized to the smallest input that still overflows
# (9 bytes), never to the 1-byte input that hits another bug (a NULL write)
# -- a smaller candidate counts only if it fails the same way (same kind,
# same stack signature), as ClusterFuzz checks too.
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
