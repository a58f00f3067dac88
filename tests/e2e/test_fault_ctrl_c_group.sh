#!/bin/bash
# Fault matrix 12: Ctrl-C at the terminal.  The coordinator runs as the
# leader of its own session and process group (setsid), as a shell job does;
# SIGINT goes to the whole group (kill -INT -- -PGID), as the terminal sends
# it.  The workers are in groups of their own, so only the coordinator gets
# it: exit 0, "interrupted", no crasher, no process left; nothing lost
# (cache entries complete), nothing left behind.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target harmless "$variant"
    enter_workdir
    mkdir -p testdata/fuzz/harmless || fail "mkdir"
    printf 'abcdefgh' >testdata/fuzz/harmless/seed1
    put_named cache 'an old cache entry, kept from an earlier run'
    snapshot_dir testdata snap.testdata
    snapshot_dir cache snap.cache
    LAST_LOG=fuzz.log
    # In a non-interactive shell a background job is no group leader, so
    # setsid(1) makes the coordinator itself the session and group leader.
    setsid "$BIN" -fuzz -fuzztime=1000000000x -parallel=2 -seed=112 -cachedir=cache >fuzz.log 2>&1 </dev/null &
    coord=$!
    wait_for_stats fuzz.log "$coord"
    pgid=$(ps -o pgid= -p "$coord" | tr -d ' ')
    assert_eq "[$variant] the coordinator leads its process group" "$coord" "$pgid"
    workers=$(pgrep -P "$coord" | sort)
    assert_eq "[$variant] workers running" 2 "$(echo "$workers" | grep -c .)"
    for w in $workers; do
        wpg=$(ps -o pgid= -p "$w" | tr -d ' ')
        assert_ne "[$variant] worker $w's process group" "$pgid" "$wpg"
    done
    kill -INT -- "-$pgid" || fail "[$variant] cannot signal process group $pgid"
    wait_exit "$coord" 15
    assert_rc "[$variant] exit code after SIGINT to the group" 0
    assert_contains fuzz.log "fuzz: interrupted by INT, stopping"
    assert_not_contains fuzz.log "--- FAIL"
    assert_not_contains fuzz.log "killed from outside"
    assert_eq "[$variant] artifacts written" 0 "$(artifacts_of | grep -c .)"
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
done
finish
