#!/bin/bash
# Fault matrix (issue 12 item 8): a target whose first input in each worker
# daemonizes a helper the classic way: a child calls setsid(), starts a
# grandchild and exits at once (the target waits for it), so the
# grandchild has lost its parent and is in a session of its own; it ignores
# SIGHUP/SIGTERM and sleeps 60 s holding every descriptor it inherited (the
# pipes, the memfds).  The grandchild is adopted by the worker's keeper (a
# child subreaper): ferret warns that the target starts child processes,
# completes its budget (exit 0, no finding), and when it is done no
# grandchild is left running, nor any memfd; nothing lost, nothing left
# behind.  Then the same with FERRET_KEEPER=0 (the fallback, no keeper):
# the grandchild comes to the coordinator, which kills it by the end.
. "$(dirname "$0")/lib.sh"

N=20000
build_target fault_orphans plain
for keeper in 1 0; do
    enter_workdir
    prepare_dirs 'abcdefgh'
    mkdir children || fail "mkdir"
    export FAULT_DIR="$WORK/children" FAULT_MODE=grandchild FERRET_KEEPER=$keeper

    run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=2 -seed=110 -cachedir=cache
    rc=$RC
    assert_children_gone children grandchild "[FERRET_KEEPER=$keeper] grandchildren of the target"
    RC=$rc
    assert_rc "[FERRET_KEEPER=$keeper] exit code" 0
    # Without a keeper nobody sees the grandchild start (the worker has no
    # child left when it checks): no warning then.
    [ "$keeper" = 1 ] &&
        assert_contains fuzz.log "ferret: warning: the target starts child processes; they are killed with their worker"
    assert_not_contains fuzz.log "--- FAIL"
    assert_not_contains fuzz.log "killed from outside"
    assert_eq "[FERRET_KEEPER=$keeper] executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
    assert_eq "[FERRET_KEEPER=$keeper] artifacts written" 0 "$(artifacts_of | grep -c .)"
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
done
finish
