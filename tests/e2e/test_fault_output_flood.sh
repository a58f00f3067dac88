#!/bin/bash
# Fault matrix 6: output flood.  The target writes 4 KiB to stdout and 4 KiB
# to stderr on every input, about 100 MB over the run: ferret's own output
# stays small (< 1 MB), no file anywhere in the work directory grows past
# 1 MB, the run completes its budget (exit 0, no finding); nothing lost,
# nothing left behind.
. "$(dirname "$0")/lib.sh"

N=12500
build_target fault_flood plain
enter_workdir
prepare_dirs 'abcdefgh'
export FAULT_MARK="$WORK/marks"

run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=2 -seed=106 -cachedir=cache
assert_rc "exit code" 0
assert_not_contains fuzz.log "--- FAIL"
assert_eq "executions" $N "$(last_execs fuzz.log)"
# One mark per 128 calls of 8 KiB: at least 96 MB went out.
marks=$(wc -c <marks | tr -d ' ')
[ "$marks" -ge 95 ] || fail "the target wrote only about $((marks * 128 * 8 / 1024)) MB; the test wants ~100 MB"
note "the target wrote about $((marks * 128 * 8 / 1024)) MB; ferret's output is $(wc -c <fuzz.log | tr -d ' ') bytes"
size=$(wc -c <fuzz.log | tr -d ' ')
[ "$size" -lt 1048576 ] || fail "ferret's output is $size bytes (over 1 MB)"
big=$(find "$WORK" -type f -size +1024k)
[ -z "$big" ] || fail "files over 1 MB in the work directory: $(ls -l $big)"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
