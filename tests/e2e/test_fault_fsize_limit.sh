#!/bin/bash
# Fault matrix 17: RLIMIT_FSIZE.
#
# (a) Under `ulimit -f 1` from the start, the workers' shared memory (memfds,
#     whose size counts against RLIMIT_FSIZE) cannot be sized: ferret refuses
#     to start (exit 6, "File too large"), writes nothing, loses nothing.
# (b) The limit (1 KiB) is put on the running coordinator (prlimit) once its
#     workers are up; then the target starts crashing on a 2000-byte input:
#     the crasher cannot be written (EFBIG; SIGXFSZ is ignored): exit 4, a
#     message naming the path, the crasher printed in hex, and that hex is
#     the crasher (it crashes the target); no partial or temporary file is
#     left, nothing lost, nothing left behind.
# ferret's output goes through a pipe to a process without the limit, so the
# log itself is never cut.
. "$(dirname "$0")/lib.sh"

build_target fault_fsize plain
t=fault_fsize

setup() {
    enter_workdir
    mkdir -p testdata/fuzz/$t cache || fail "mkdir"
    head -c 2000 /dev/zero | tr '\0' 'a' >testdata/fuzz/$t/seed1
    { printf C; head -c 1999 /dev/zero | tr '\0' 'a'; } >testdata/fuzz/$t/seed2
    put_named cache 'an old cache entry, kept from an earlier run'
    snapshot_dir testdata snap.testdata
    snapshot_dir cache snap.cache
    export FAULT_ARMED="$WORK/armed"
}

# (a)
setup
LAST_LOG=fuzz.log
( ulimit -f 1 && exec timeout -k 5 60 "$BIN" -fuzz -fuzztime=1000x -parallel=2 -seed=117 -cachedir=cache ) \
    2>&1 </dev/null | cat >fuzz.log
RC=${PIPESTATUS[0]}
assert_rc "[ulimit -f 1 from the start] exit code" 6
assert_contains fuzz.log "File too large"
assert_not_contains fuzz.log "--- FAIL"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean

# (b)
setup
LAST_LOG=fuzz.log
# Through a fifo, so the coordinator is this shell's child (its pid and exit
# code at hand) and its output still goes through a process without the limit.
mkfifo out.fifo || fail "mkfifo"
cat out.fifo >fuzz.log &
catpid=$!
"$BIN" -fuzz -fuzztime=100000000x -parallel=2 -seed=118 -cachedir=cache >out.fifo 2>&1 </dev/null &
coord=$!
wait_for_stats fuzz.log "$coord"
prlimit --pid "$coord" --fsize=1024:1024 || fail "prlimit failed"
touch armed
wait_exit "$coord" 50
wait "$catpid"
assert_rc "[limit put on the running coordinator] exit code" 4
assert_contains fuzz.log "--- FAIL: $t"
assert_contains fuzz.log "ferret: cannot write the failing input to testdata/fuzz/$t: File too large"
assert_not_contains fuzz.log "failing input written to"
hex=$(sed -n 's/^    input (2000 bytes, hex): \([0-9a-f]*\)$/\1/p' fuzz.log)
[ -n "$hex" ] || { show_log fuzz.log 20; fail "no 2000-byte crasher printed in hex"; }
[ ${#hex} = 4000 ] || fail "the hex crasher has ${#hex} digits, not 4000"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
mkdir alone && echo "$hex" | xxd -r -p >alone/crasher || fail "cannot decode the hex"
[ "$(head -c 1 alone/crasher)" = C ] || fail "the printed crasher does not start with 'C'"
LAST_LOG=rerun.log
{ (cd alone && exec timeout -k 5 30 "$BIN" crasher) >rerun.log 2>&1 </dev/null; RC=$?; } 2>/dev/null
[ "$RC" != 0 ] || { show_log rerun.log; fail "the printed crasher does not crash the target"; }
assert_clean
finish
