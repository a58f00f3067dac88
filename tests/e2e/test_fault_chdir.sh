#!/bin/bash
# Fault matrix 10: a target that changes its working directory on every
# input, and crashes on inputs starting with "CD" (after the chdir).  ferret
# warns; the crasher still lands in ./testdata relative to the directory
# ferret was started in (and the cache in ./cache), nothing is written in the
# target's directory, and the re-run command works from the original
# directory.  Nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target fault_chdir plain
enter_workdir
# (the second seed is one byte away from the crash: found well within the budget)
prepare_dirs 'abcdefgh' 'CAbcdefg'
mkdir elsewhere || fail "mkdir"
export FAULT_DIR="$WORK/elsewhere"

run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=2 -seed=110 -cachedir=cache
assert_rc "exit code" 1
assert_contains fuzz.log "ferret: warning: the target changes the working directory; ferret changes it back after each call"
assert_report fuzz.log "    fuzzing process terminated unexpectedly: "
mapfile -t arts < <(artifacts_of)
assert_eq "artifacts written in ./testdata" 1 "${#arts[@]}"
assert_eq "minimized artifact" CD "$(cat "${arts[0]}")"
stray=$(find elsewhere -mindepth 1)
[ -z "$stray" ] || fail "ferret wrote into the target's directory: $stray"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
check_rerun fuzz.log
assert_clean
finish
