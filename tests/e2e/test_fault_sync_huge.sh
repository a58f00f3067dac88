#!/bin/bash
# Fault matrix: a FIFO and a file far over -max_len in <sync_dir>/corpus,
# both named as ferret names entries (40 hex digits), so every sync pass
# (one each 2 s) lists them.  A FIFO opened for reading would block the
# coordinator (deaf to SIGTERM, past its budget); a huge file read whole
# each pass would eat memory and time.  Each must be named once, with the
# reason, and never looked at again; fuzzing keeps its budget; SIGTERM
# stops it; the sync directory is left as it was, nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target harmless plain
t=harmless
enter_workdir
mkdir -p testdata/fuzz/$t shared/corpus || fail "mkdir"
printf 'abcdefgh' >testdata/fuzz/$t/seed1
seed_sha=$(printf 'abcdefgh' | sha1sum | cut -d' ' -f1)
fifo=shared/corpus/$(printf 'fifo' | sha1sum | cut -d' ' -f1)
huge=shared/corpus/$(printf 'huge' | sha1sum | cut -d' ' -f1)
mkfifo "$fifo" || fail "mkfifo"
truncate -s 8M "$huge" || fail "truncate"
put_named shared/corpus 'published by another instance'
snapshot_dir shared snap.shared
fifo_msg="ferret: sync directory: skipping $WORK/$fifo: not a regular file"
huge_msg="ferret: sync directory: skipping $WORK/$huge: 8388608 bytes, over -max_len=4096"

# 1. A time budget of 7 s: three sync passes or more; it ends on time
# (run_ferret fails it if it overruns its 40 s), each file named once.
run_ferret fuzz.log 40 -fuzz -fuzztime=7s -parallel=1 -seed=5 -max_len=4096 -cachedir=cache \
    -sync_dir="$WORK/shared"
assert_rc "[7s with a FIFO and a huge file in the sync directory] exit code" 0
assert_contains fuzz.log "$fifo_msg"
assert_contains fuzz.log "$huge_msg"
assert_eq "messages naming the FIFO (once, not once per pass)" 1 "$(grep -cF "$fifo" fuzz.log)"
assert_eq "messages naming the huge file (once, not once per pass)" 1 "$(grep -cF "$huge" fuzz.log)"
assert_not_contains fuzz.log "--- FAIL"
[ -f "shared/corpus/$seed_sha" ] || fail "the seed was not published: no sync pass ran, the test proves nothing"
execs=$(last_execs fuzz.log)
[ -n "$execs" ] && [ "$execs" -gt 1000 ] || { show_log fuzz.log; fail "fuzzing starved: ${execs:-no} executions in 7 s"; }
assert_nothing_lost snap.shared shared
assert_clean

# 2. SIGTERM after the first sync pass still stops it, exit 0.
start_ferret term.log -fuzz -fuzztime=120s -parallel=1 -seed=6 -max_len=4096 -cachedir=cache \
    -sync_dir="$WORK/shared"
wait_for_stats term.log "$COORD" 20
for i in $(seq 1 100); do
    grep -qF "$fifo_msg" term.log && grep -qF "$huge_msg" term.log && break
    kill -0 "$COORD" 2>/dev/null || break
    sleep 0.1
done
assert_contains term.log "$fifo_msg"
assert_contains term.log "$huge_msg"
sleep 2.5 # (one more sync pass, which must pass over both)
kill -TERM "$COORD"
wait_exit "$COORD" 15
assert_rc "[SIGTERM with a FIFO in the sync directory] exit code" 0
assert_eq "messages naming the FIFO" 1 "$(grep -cF "$fifo" term.log)"
assert_eq "messages naming the huge file" 1 "$(grep -cF "$huge" term.log)"
[ -p "$fifo" ] || fail "the FIFO in the sync directory is gone or changed"
assert_eq "the huge file's size" 8388608 "$(stat -c %s "$huge")"
assert_nothing_lost snap.shared shared
assert_clean
finish
