#!/bin/bash
# A crash is being minimized (slowly: each smaller candidate takes 50 ms)
# when the run is stopped:
#  1. Ctrl-C twice: the run ends at once with exit 1, and the crasher is on
#     disk (as found, or as far as it got); no process or memfd is left.
#  2. SIGKILL of the coordinator: the input as found was written the moment
#     the crash was known, and it still crashes on replay.
. "$(dirname "$0")/lib.sh"

build_target slow_min_crash plain

seed() {
    mkdir -p testdata/fuzz/slow_min_crash || fail "mkdir"
    { printf 'BOOx'; head -c 1996 /dev/zero | tr '\0' 'q'; } >testdata/fuzz/slow_min_crash/seed
}

wait_minimizing() {
    local log=$1 pid=$2 i
    for i in $(seq 1 300); do
        grep -q 'found a crash, minimizing' "$log" && return 0
        kill -0 "$pid" 2>/dev/null || { show_log "$log"; fail "the run ended before minimizing"; }
        sleep 0.1
    done
    kill -9 "$pid"
    show_log "$log"
    fail "no crash found within 30 s"
}

# 1. Two Ctrl-Cs while minimizing.
enter_workdir
seed
start_ferret int.log -fuzz -parallel=1 -seed=1 -cachedir=cache
wait_minimizing int.log "$COORD"
sleep 0.5
kill -INT "$COORD"
sleep 0.02 # (two signals sent at once would be one)
kill -INT "$COORD" 2>/dev/null # (it may be gone already)
wait_exit "$COORD" 15
assert_rc "two Ctrl-Cs while minimizing" 1 int.log
assert_contains int.log "failing input written to testdata/fuzz/slow_min_crash/"
crasher=$(grep -o 'failing input written to [^ ]*' int.log | awk '{print $NF}')
[ -f "$crasher" ] || fail "the crasher $crasher is not on disk"
grep -q BOOM "$crasher" || fail "the crasher does not hold the crashing bytes"
assert_clean

# 2. SIGKILL while minimizing: the input as found is on disk already.
enter_workdir
seed
start_ferret kill.log -fuzz -parallel=1 -seed=1 -cachedir=cache
wait_minimizing kill.log "$COORD"
found=$(grep -o 'minimizing... (as found: [^)]*' kill.log | sed 's/.*as found: //')
[ -n "$found" ] || { kill -9 "$COORD"; show_log kill.log; fail "the finding was not written as found"; }
kill -9 "$COORD"
wait "$COORD" 2>/dev/null
[ -f "$found" ] || fail "the input as found, $found, is not on disk after SIGKILL"
grep -q BOOM "$found" || fail "$found does not hold the crashing bytes"
timeout 20 "$BIN" "$found" >replay.log 2>&1 </dev/null
rc=$?
[ "$rc" != 0 ] || { show_log replay.log; fail "the input as found does not crash on replay"; }
assert_clean
finish
