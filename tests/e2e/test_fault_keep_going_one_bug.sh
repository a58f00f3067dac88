#!/bin/bash
# Fault matrix 14: -keep_going=1 with one bug hit many times (ASan build):
# one artifact, minimized; the summary has one finding with hits > 1, and the
# bug is reported once; exit 1.  Nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target fault_onebug asan
enter_workdir
prepare_dirs 'abcdefgh'

run_ferret fuzz.log 60 -fuzz -fuzztime=10000x -parallel=2 -seed=114 -cachedir=cache -keep_going=1
assert_rc "exit code" 1
assert_contains fuzz.log "fuzz: 1 distinct finding ("
mapfile -t arts < <(artifacts_of)
assert_eq "artifacts written" 1 "${#arts[@]}"
assert_eq "minimized artifact" A "$(cat "${arts[0]}")"
line=$(grep -E "^    crash +hits: [0-9]+ +${arts[0]}  \[.*bug_only" fuzz.log)
[ -n "$line" ] || { show_log fuzz.log; fail "no summary line for the bug"; }
hits=$(echo "$line" | awk '{print $3}')
[ "$hits" -gt 1 ] || fail "hits: $hits; expected more than 1"
note "$hits hits"
assert_eq "--- FAIL reports" 1 "$(grep -c -- '--- FAIL: fault_onebug' fuzz.log)"
assert_eq "executions (the whole -fuzztime budget)" 10000 "$(last_execs fuzz.log)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
