#!/bin/bash
# Fault matrix (issue 12 item 8): a target whose first input in each worker
# starts a child that calls setsid() (its own session and process group,
# out of reach of a kill of the worker's group), ignores SIGHUP/SIGTERM and
# sleeps 60 s holding every descriptor it inherited (the pipes, the
# memfds).  ferret warns that it is killed with its worker, completes its
# budget (exit 0, no finding), and when it is done no such child is left
# running, nor any memfd it inherited; nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

N=20000
build_target fault_orphans plain
enter_workdir
prepare_dirs 'abcdefgh'
mkdir children || fail "mkdir"
export FAULT_DIR="$WORK/children" FAULT_MODE=setsid

run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=2 -seed=108 -cachedir=cache
rc=$RC
assert_children_gone children setsid "setsid() children of the target"
RC=$rc
assert_rc "exit code" 0
assert_contains fuzz.log "ferret: warning: the target starts child processes; they are killed with their worker"
assert_not_contains fuzz.log "--- FAIL"
assert_not_contains fuzz.log "killed from outside"
assert_eq "executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
