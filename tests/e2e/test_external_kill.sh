#!/bin/bash
# A worker killed from outside (kill -9) is not a finding: the coordinator
# says so, starts a new worker and keeps fuzzing; the run ends with exit 0
# and writes no crasher.
. "$(dirname "$0")/lib.sh"

build_target harmless plain
enter_workdir

"$BIN" -fuzz -fuzztime=6s -parallel=2 -seed=11 -cachedir=cache >fuzz.log 2>&1 </dev/null &
coord=$!

# Wait (at most 20 s) for the first fuzzing stats line: the workers are busy.
deadline=$(($(date +%s) + 20))
until grep -qE '^fuzz: elapsed: .*, execs: [0-9]+' fuzz.log; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$coord" 2>/dev/null; then
        kill -9 "$coord" 2>/dev/null
        show_log fuzz.log
        fail "no fuzzing stats line within 20s"
    fi
    sleep 0.1
done
workers=$(pgrep -P "$coord" | sort)
assert_eq "number of workers (children of the coordinator)" 2 "$(echo "$workers" | grep -c .)"
victim=$(echo "$workers" | head -n 1)
before=$(last_execs fuzz.log)
kill -9 "$victim" || fail "cannot kill worker $victim"
note "killed worker $victim at execs $before"

# The coordinator replaces it.
replaced=
for i in $(seq 1 50); do
    now=$(pgrep -P "$coord" | sort)
    if [ "$(echo "$now" | grep -c .)" = 2 ] && ! echo "$now" | grep -qx "$victim"; then
        replaced=1
        break
    fi
    sleep 0.1
done
[ -n "$replaced" ] || { kill -9 "$coord"; show_log fuzz.log; fail "the killed worker was not replaced within 5s"; }

# Wait for the end (the budget is 6 s; allow 30 s).
for i in $(seq 1 300); do
    kill -0 "$coord" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$coord" 2>/dev/null; then
    kill -9 "$coord"
    show_log fuzz.log
    fail "the coordinator did not finish a 6s budget within 30s"
fi
wait "$coord"
rc=$?
assert_eq "exit code" 0 "$rc"
assert_contains fuzz.log "was killed from outside; restarting it"
assert_not_contains fuzz.log "--- FAIL"
assert_not_contains fuzz.log "terminated unexpectedly"
[ -e testdata ] && { ls -R testdata >&2; fail "a testdata directory was created: the kill was taken for a crash"; }
# Fuzzing went on: a stats line after the kill message shows more executions.
after=$(sed -n '/was killed from outside/,$p' fuzz.log | grep -oE 'execs: [0-9]+' | tail -n 1 | awk '{print $2}')
[ -n "$after" ] || { show_log fuzz.log; fail "no stats line after the kill"; }
[ "$after" -gt "$before" ] || { show_log fuzz.log; fail "no executions after the kill: $before before, $after at the end"; }
note "execs $before at the kill, $after at the end"
assert_no_procs
check_cache_dir cache
finish
