#!/bin/bash
# Fault matrix 5: -detect_leaks=0.  The same leaking target (ASan) runs its
# whole budget: the leaking inputs ran (the target marks it), yet there is no
# leak finding: exit 0, no artifact, no LeakSanitizer report; nothing lost,
# nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target fault_leak asan
enter_workdir
prepare_dirs 'abcdefgh' 'LKabcdef'
export FAULT_MARK="$WORK/leaked"

run_ferret fuzz.log 60 -fuzz -fuzztime=20000x -parallel=2 -seed=105 -cachedir=cache -detect_leaks=0
assert_rc "exit code" 0
[ -e leaked ] || { show_log fuzz.log; fail "the target never ran a leaking input: the test proves nothing"; }
assert_not_contains fuzz.log "--- FAIL"
assert_not_contains fuzz.log "LeakSanitizer"
assert_not_contains fuzz.log "memory leak"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
last=$(last_execs fuzz.log)
assert_eq "executions (the whole -fuzztime budget)" 20000 "$last"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
