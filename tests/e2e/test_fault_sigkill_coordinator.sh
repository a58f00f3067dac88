#!/bin/bash
# Fault matrix 16: SIGKILL of the coordinator mid-run (after the first stats
# line).  No worker survives it (PR_SET_PDEATHSIG), no memfd stays open,
# every cache file is complete (named by the SHA-1 of its content) and the
# entries from before are still there.  A kill in the middle of a write may
# leave that write's temporary file (.tmp-<name>-<coordinator pid>), and
# nothing else; the next run on the same -cachedir removes it, loads at least
# as many entries as the files left, and leaves no .tmp- file at all.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target harmless "$variant"
    enter_workdir
    prepare_dirs 'abcdefgh' 'the quick brown fox'
    start_ferret fuzz.log -fuzz -fuzztime=1000000000x -parallel=2 -seed=116 -cachedir=cache
    coord=$COORD
    wait_for_stats fuzz.log "$coord"
    workers=$(pgrep -P "$coord" | sort)
    assert_eq "[$variant] workers running" 2 "$(echo "$workers" | grep -c .)"
    kill -KILL "$coord" || fail "[$variant] cannot kill the coordinator"
    wait "$coord" 2>/dev/null
    # The workers die with it (PDEATHSIG): give them 2 s.
    for i in $(seq 1 20); do
        left=
        for w in $workers; do
            st=$(ps -o stat= -p "$w" 2>/dev/null | tr -d ' ')
            [ -n "$st" ] && [[ "$st" != Z* ]] && left="$left $w"
        done
        [ -z "$left" ] && break
        sleep 0.1
    done
    [ -z "$left" ] || { kill -9 $left 2>/dev/null; fail "[$variant] workers survived the coordinator's SIGKILL:$left"; }
    assert_no_procs
    assert_no_memfd
    for f in $(find "$WORK" -name '.tmp-*'); do
        [[ "$f" == *"-$coord" ]] || fail "[$variant] a temporary file not of the killed coordinator's last write: $f"
        note "[$variant] the kill interrupted a write: $f (removed by the next run)"
    done
    [ "$(find "$WORK" -name '.tmp-*' | wc -l)" -le 1 ] || fail "[$variant] more than one temporary file after the kill: $(find "$WORK" -name '.tmp-*')"
    assert_nothing_lost_all
    ls cache/.tmp-* >/dev/null 2>&1 && { mkdir -p keep && mv cache/.tmp-* keep/; }
    check_cache_dir cache
    [ -d keep ] && mv keep/.tmp-* cache/ && rmdir keep
    n=$(count_files cache)
    note "[$variant] $n complete cache entries after the SIGKILL"
    # The next run reads every entry back (and adds the seeds).
    run_ferret again.log 60 -fuzz -fuzztime=10x -parallel=1 -seed=117 -cachedir=cache
    assert_rc "[$variant] second run on the cache: exit code" 0
    loaded=$(sed -n 's/^fuzz: target .*, corpus \([0-9]*\), cache cache$/\1/p' again.log)
    [ -n "$loaded" ] || { show_log again.log; fail "[$variant] the second run does not say its corpus size"; }
    [ "$loaded" -ge "$n" ] || fail "[$variant] the second run loaded $loaded entries, fewer than the $n files in the cache"
    assert_not_contains again.log "skipping"
    assert_nothing_lost_all
    check_cache_dir cache
    assert_clean
done
finish
