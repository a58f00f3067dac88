#!/bin/bash
# Fault matrix 21: a hostile worker that corrupts its shared memory.  On
# inputs starting with 'S' the target finds its memfd:ferret-worker in
# /proc/self/fd, maps it and writes 0xff over the first 256 bytes (the
# header), then returns (mode return) or crashes (mode crash).  The
# coordinator must neither crash nor hang: it ends within the budget with
# exit 0, or exit 1 and a complete failure report whose artifact exists; no
# garbage numbers in its stats; nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

N=50000
build_target fault_shm plain
for run in return crash return-3s; do
    mode=${run%-3s}
    budget=${N}x
    [ "$run" = return-3s ] && budget=3s
    enter_workdir
    prepare_dirs 'abcdefgh'
    export FAULT_SHM_MODE=$mode FAULT_MARK="$WORK/scribbled"
    run_ferret fuzz.log 60 -fuzz -fuzztime=$budget -parallel=2 -seed=121 -cachedir=cache
    [ -e scribbled ] || { show_log fuzz.log; fail "[$run] the target never corrupted its shared memory: the test proves nothing"; }
    [ "$RC" -ge 128 ] && { show_log fuzz.log; fail "[$run] the coordinator died of signal $((RC - 128))"; }
    case "$RC" in
    0)
        assert_not_contains fuzz.log "--- FAIL"
        [ "$run" = return-3s ] || assert_eq "[$run] executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)" ;;
    1)
        assert_report fuzz.log "    "
        mapfile -t arts < <(artifacts_of)
        assert_eq "[$run] artifacts written" 1 "${#arts[@]}"
        [ "$(head -c 1 "${arts[0]}")" = S ] ||
            note "[$run] the artifact is not the input that crashed (it does not start with 'S'): $(head -c 16 "${arts[0]}" | xxd | head -1)" ;;
    *)
        show_log fuzz.log
        fail "[$run] exit code $RC; expected 0 or 1" ;;
    esac
    # Stats come from the coordinator's own records, not from a corrupted header.
    # (3 s at most ~10M executions a second on 2 workers: 10^9 is garbage)
    max=$N
    [ "$run" = return-3s ] && max=1000000000
    for e in $(grep -oE 'execs: [0-9]+' fuzz.log | awk '{print $2}'); do
        [ "${#e}" -le 12 ] && [ "$e" -le $max ] || fail "[$run] the stats say execs: $e (more than $max)"
    done
    assert_not_contains fuzz.log "18446744073709551615"
    [ "$mode" = return ] && assert_rc "[$run] exit code" 0
    [ "$mode" = crash ] && assert_rc "[$run] exit code" 1
    note "[$run] exit $RC; $(grep -c 'restarting it' fuzz.log) restarts logged"
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
done
finish
