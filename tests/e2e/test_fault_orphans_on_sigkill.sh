#!/bin/bash
# Fault matrix (issue 12 item 8): SIGKILL of a keeper, then of the
# coordinator, while the target's processes are running.  The target's
# first input in each worker starts a plain fork() child, a setsid() child
# and a daemon's double-forked grandchild; each ignores SIGHUP/SIGTERM and
# sleeps 60 s holding every descriptor it inherited (the pipes, the memfds).
#  1. kill -9 of one worker's keeper (the coordinator's child): the
#     coordinator says the worker was killed from outside and restarts it;
#     the three processes of that worker die within 3 s (they come to the
#     coordinator, a child subreaper, which kills them), the other worker's
#     live on.
#  2. kill -9 of the coordinator (exit 137): the keepers get their
#     parent-death signal and kill their workers and every process the
#     target started: within 3 s none is left, no process of the binary, no
#     memfd; nothing lost.
. "$(dirname "$0")/lib.sh"

# alive PID...: the pids among PID... still running (zombies are dead).
alive() {
    local p st out=
    for p in "$@"; do
        st=$(ps -o stat= -p "$p" 2>/dev/null | tr -d ' ')
        [ -n "$st" ] && [[ "$st" != Z* ]] && out="$out $p"
    done
    echo $out
}

# wait_gone SECS PID...: waits until none of PID... runs; fails naming them.
wait_gone() {
    local secs=$1 i left
    shift
    for i in $(seq 1 $((secs * 10))); do
        left=$(alive "$@")
        [ -z "$left" ] && return 0
        sleep 0.1
    done
    ps -o pid,ppid,pgid,sid,stat,args -p "$(echo $left | tr ' ' ',')" >&2
    kill -9 $left 2>/dev/null
    return 1
}

for variant in plain asan; do
    build_target fault_orphans "$variant"
    enter_workdir
    prepare_dirs 'abcdefgh'
    mkdir children || fail "mkdir"
    export FAULT_DIR="$WORK/children" FAULT_MODE=fork,setsid,grandchild
    start_ferret fuzz.log -fuzz -fuzztime=1000000000x -parallel=2 -seed=118 -cachedir=cache
    coord=$COORD
    wait_for_stats fuzz.log "$coord"
    # Both workers have started all three (2 x 3 pid files), and said so.
    for i in $(seq 1 100); do
        [ "$(ls children | wc -l)" -ge 6 ] && grep -qF 'the target starts child processes' fuzz.log && break
        sleep 0.1
    done
    n=$(ls children | wc -l)
    [ "$n" -ge 6 ] || { kill -9 "$coord"; show_log fuzz.log; ls -l children >&2; fail "[$variant] the target started only $n of its 6 processes"; }
    assert_contains fuzz.log "ferret: warning: the target starts child processes; they are killed with their worker"
    pids=$(ls children | sed 's/.*\.//')
    [ "$(alive $pids | wc -w)" = 6 ] || { kill -9 "$coord"; fail "[$variant] not all 6 processes of the target run before the kills: the test proves nothing"; }

    # 1. One keeper killed from outside.  Its processes: the worker's
    # children (fork, setsid) and its own other than the worker (the
    # grandchild it adopted).
    keepers=$(pgrep -P "$coord")
    assert_eq "[$variant] keepers (children of the coordinator)" 2 "$(echo $keepers | wc -w)"
    victim=$(echo $keepers | cut -d' ' -f1)
    worker=
    for p in $(pgrep -P "$victim"); do # its children: the worker, and the grandchild it adopted
        echo " $pids " | tr '\n' ' ' | grep -q " $p " || worker=$p
    done
    theirs="$(pgrep -P "$worker") $(pgrep -P "$victim" | grep -vx "$worker")"
    others=
    for p in $pids; do
        echo " $theirs " | grep -q " $p " || others="$others $p"
    done
    [ "$(echo $theirs | wc -w)" = 3 ] || { kill -9 "$coord"; fail "[$variant] keeper $victim's worker $worker has $(echo $theirs | wc -w) processes of the target, not 3: $theirs"; }
    kill -KILL "$victim" || fail "[$variant] cannot kill keeper $victim"
    wait_gone 3 "$victim" "$worker" $theirs || { kill -9 "$coord"; fail "[$variant] the processes of keeper $victim survived its SIGKILL"; }
    [ "$(alive $others | wc -w)" = 3 ] || { kill -9 "$coord"; fail "[$variant] the other worker's processes were killed too: alive:$(alive $others) of$others"; }
    for i in $(seq 1 50); do
        grep -qF 'was killed from outside; restarting it' fuzz.log && [ "$(ls children | wc -l)" -ge 9 ] && break
        sleep 0.1
    done
    assert_contains fuzz.log "ferret: worker "
    assert_contains fuzz.log "was killed from outside; restarting it"
    [ "$(ls children | wc -l)" -ge 9 ] || { kill -9 "$coord"; show_log fuzz.log; fail "[$variant] the restarted worker did not start its processes"; }
    note "[$variant] keeper $victim killed: its worker and its 3 processes gone, the other 3 alive, worker restarted"

    # 2. The coordinator killed.
    pids=$(ls children | sed 's/.*\.//')
    keepers=$(pgrep -P "$coord")
    kill -KILL "$coord" || fail "[$variant] cannot kill the coordinator"
    wait "$coord" 2>/dev/null
    RC=$?
    assert_rc "[$variant] exit code of the SIGKILLed coordinator" 137
    wait_gone 3 $pids $keepers || { ls children >&2; fail "[$variant] processes survived the coordinator's SIGKILL"; }
    note "[$variant] $(echo $pids | wc -w) processes of the target and $(echo $keepers | wc -w) keepers gone after the coordinator's SIGKILL"
    assert_no_procs
    assert_no_memfd
    for f in $(find "$WORK" -name '.tmp-*'); do
        [[ "$f" == *"-$coord" ]] || fail "[$variant] a temporary file not of the killed coordinator's last write: $f"
    done
    assert_nothing_lost_all
done
finish
