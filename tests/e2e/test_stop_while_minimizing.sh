#!/bin/bash
# The time budget runs out (and, in the second run, Ctrl-C comes) while a
# worker is minimizing a coverage-expanding input: the run ends cleanly
# (exit 0, final stats, no coordinator crash), and the input being minimized
# stays in the cache as it was found.  A long seed and 20 ms per execution
# with a hash of all bytes for coverage make each minimization take seconds,
# so one is in flight at the stop.
. "$(dirname "$0")/lib.sh"

build_target slow_hash plain
enter_workdir
mkdir -p testdata/fuzz/slow_hash || fail "mkdir"
head -c 3000 /dev/zero | tr '\0' 'q' >testdata/fuzz/slow_hash/seed
run_ferret fuzz.log 60 -fuzz -fuzztime=4s -parallel=2 -seed=3 -cachedir=cache -v=1 -minimize_inputs=1
assert_rc "time budget spent while minimizing" 0
assert_not_contains fuzz.log "DEADLYSIGNAL"
assert_not_contains fuzz.log "ERROR:"
grep -qE '^fuzz: elapsed: .*new interesting: [1-9]' fuzz.log || { show_log fuzz.log; fail "nothing new was found"; }
check_cache_dir cache
found=$(grep -c '^fuzz: new interesting input' fuzz.log)
minimized=$(grep -c '^fuzz: minimized ' fuzz.log)
note "$found inputs found, $minimized replaced by their minimized form before the stop"
[ "$(count_files cache)" -eq "$found" ] ||
    fail "the cache holds $(count_files cache) files for $found inputs found (each kept once, as found or minimized)"
assert_no_procs

# The same with Ctrl-C.
enter_workdir
mkdir -p testdata/fuzz/slow_hash || fail "mkdir"
head -c 3000 /dev/zero | tr '\0' 'q' >testdata/fuzz/slow_hash/seed
"$BIN" -fuzz -parallel=2 -seed=4 -cachedir=cache -minimize_inputs=1 >int.log 2>&1 </dev/null &
coord=$!
sleep 3
kill -INT "$coord" || fail "cannot send SIGINT"
for i in $(seq 1 150); do
    kill -0 "$coord" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$coord" 2>/dev/null && { kill -9 "$coord"; show_log int.log; fail "still running 15 s after SIGINT"; }
wait "$coord"
rc=$?
[ "$rc" = 0 ] || { show_log int.log; fail "Ctrl-C while minimizing: exit code $rc"; }
assert_not_contains int.log "DEADLYSIGNAL"
check_cache_dir cache
assert_no_procs
finish
