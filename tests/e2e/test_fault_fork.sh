#!/bin/bash
# Fault matrix 9: a target that starts child processes (each sleeps 60 s and
# keeps every inherited descriptor).  ferret warns, completes its budget
# (exit 0, no finding), and when it is done no child is left running (nor
# any memfd they inherited); nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

N=20000
build_target fault_fork plain
enter_workdir
prepare_dirs 'abcdefgh'
mkdir children || fail "mkdir"
export FAULT_DIR="$WORK/children"

run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=2 -seed=109 -cachedir=cache
rc=$RC
# Whatever happened, no child may outlive the run.
alive=
for f in children/child.*; do
    [ -e "$f" ] || continue
    pid=${f##*.}
    for i in 1 2 3 4 5 6 7 8 9 10; do
        st=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ')
        [ -z "$st" ] || [[ "$st" == Z* ]] && break
        sleep 0.2
    done
    if [ -n "$st" ] && [[ "$st" != Z* ]]; then
        alive="$alive $pid"
    fi
done
nchildren=$(ls children | grep -c '^child\.')
if [ -n "$alive" ]; then
    ps -o pid,ppid,pgid,stat,args -p "$(echo $alive | tr ' ' ',')" >&2
    kill -9 $alive 2>/dev/null
    fail "children of the target still running after the run:$alive"
fi
[ "$nchildren" -ge 2 ] || { show_log fuzz.log; fail "the target started only $nchildren children; the test proves nothing"; }
note "$nchildren children started, none left"
RC=$rc
assert_rc "exit code" 0
assert_contains fuzz.log "ferret: warning: the target starts child processes; they are killed with their worker"
assert_not_contains fuzz.log "--- FAIL"
assert_eq "executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
assert_eq "artifacts written" 0 "$(artifacts_of | grep -c .)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
finish
