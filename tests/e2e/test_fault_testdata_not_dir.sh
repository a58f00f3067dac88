#!/bin/bash
# Fault matrix 18: testdata/fuzz/<target> is a regular file, so no crasher
# can be written there.
#
# (a) The file is there from the start: it is where the seed corpus is read
#     from, and it is not a directory.  ferret must say so, naming the path,
#     and fail without fuzzing, or fuzz and, when the crasher cannot be
#     written, exit 4 with the crasher in hex (the brief's expectation).
#     Either way the file is untouched and nothing else is lost.
# (b) The file appears after ferret read its corpus (the target's
#     LLVMFuzzerInitialize creates it in the worker): the crasher cannot be
#     written: exit 4, a message naming the path, the crasher in hex (and it
#     is the crasher: "CN"); the file untouched, nothing lost, nothing left.
. "$(dirname "$0")/lib.sh"

build_target fault_notdir plain
t=fault_notdir

# (a)
enter_workdir
mkdir -p testdata/fuzz cache || fail "mkdir"
printf 'not a directory\n' >testdata/fuzz/$t
put_named cache 'an old cache entry, kept from an earlier run'
snapshot_dir testdata snap.testdata
snapshot_dir cache snap.cache
run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=2 -seed=118 -cachedir=cache
case "$RC" in
3)  # README: exit 3, the seed corpus cannot be read; nothing was fuzzed.
    assert_contains fuzz.log "ferret: cannot read seed corpus testdata/fuzz/$t: Not a directory"
    assert_not_contains fuzz.log "execs:"
    note "[file from the start] refused at start-up: exit 3, seed corpus not a directory" ;;
4)  # Fuzzed; the crasher could not be written and was printed instead.
    assert_contains fuzz.log "ferret: cannot write the failing input to testdata/fuzz/$t: Not a directory"
    assert_contains fuzz.log "    input (2 bytes, hex): 434e"
    note "[file from the start] fuzzed, crasher printed in hex: exit 4" ;;
*)  show_log fuzz.log
    fail "[file from the start] exit code $RC: expected 3 (seed corpus unreadable) or 4 (crasher unwritable)" ;;
esac
assert_nothing_lost_all
[ -f testdata/fuzz/$t ] || fail "testdata/fuzz/$t is no longer a regular file"
check_cache_dir cache
assert_clean

# (b)
enter_workdir
mkdir -p testdata/fuzz cache || fail "mkdir"
put_named cache 'an old cache entry, kept from an earlier run'
put_named cache 'CAbcdefg'   # one byte away from the crash (there are no seeds here)
snapshot_dir cache snap.cache
export FAULT_BLOCK="$WORK/testdata/fuzz/$t"
run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=2 -seed=118 -cachedir=cache
assert_rc "[file made by the worker] exit code" 4
[ -f testdata/fuzz/$t ] || fail "the target did not create testdata/fuzz/$t: the test proves nothing"
snapshot_dir testdata snap.testdata   # (made during the run: checked for its content below)
assert_eq "the blocking file's content" "not a directory" "$(cat testdata/fuzz/$t)"
assert_contains fuzz.log "--- FAIL: $t"
assert_contains fuzz.log "ferret: cannot write the failing input to testdata/fuzz/$t: Not a directory"
assert_contains fuzz.log "    input (2 bytes, hex): 434e"
assert_not_contains fuzz.log "failing input written to"
assert_nothing_lost snap.cache cache
check_cache_dir cache
assert_clean
unset FAULT_BLOCK
finish
