#!/bin/bash
# Ctrl-C (SIGINT to the coordinator) while fuzzing without a time limit:
# exit 0, every process gone, and the cache holds only complete entries
# (each named by the SHA-1 of its content), no temporary files.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target harmless "$variant"
    enter_workdir
    "$BIN" -fuzz -parallel=2 -seed=13 -cachedir=cache >fuzz.log 2>&1 </dev/null &
    coord=$!
    # After the first stats line (at most 20 s), interrupt.
    deadline=$(($(date +%s) + 20))
    until grep -qE '^fuzz: elapsed: .*, execs: [0-9]+' fuzz.log; do
        if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$coord" 2>/dev/null; then
            kill -9 "$coord" 2>/dev/null
            show_log fuzz.log
            fail "[$variant] no fuzzing stats line within 20s"
        fi
        sleep 0.1
    done
    kill -INT "$coord" || fail "[$variant] cannot send SIGINT"
    for i in $(seq 1 150); do
        kill -0 "$coord" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$coord" 2>/dev/null; then
        kill -9 "$coord"
        show_log fuzz.log
        fail "[$variant] the coordinator was still running 15s after SIGINT"
    fi
    wait "$coord"
    rc=$?
    assert_eq "[$variant] exit code after SIGINT" 0 "$rc"
    assert_contains fuzz.log "fuzz: interrupted by INT, stopping"
    assert_not_contains fuzz.log "--- FAIL"
    assert_no_procs
    [ -e testdata ] && fail "[$variant] a testdata directory was created"
    n=$(count_files cache)
    [ "$n" -ge 1 ] || { show_log fuzz.log; fail "[$variant] the cache is empty: the test needs new coverage to be written"; }
    check_cache_dir cache
    # The next run reads every entry back.
    run_ferret again.log 60 -fuzz -fuzztime=10x -parallel=1 -seed=14 -cachedir=cache
    assert_rc "[$variant] second run on the cache: exit code" 0
    assert_contains again.log "corpus $n, cache cache"
    assert_not_contains again.log "skipping"
    assert_no_procs
    note "[$variant] $n complete cache entries"
done
finish
