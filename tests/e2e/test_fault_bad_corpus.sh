#!/bin/bash
# Fault matrix 23: a bad cache corpus: a dangling symlink and a file over
# -max_len sit among good entries.  Each bad one is reported with its path
# and skipped; the run completes (exit 0, the exact budget) with the good
# entries loaded; all of them are still there afterwards, unchanged (nothing
# deleted, nothing lost), nothing left behind.  The same files in the seed
# corpus are treated alike, and an empty seed file is skipped too; an empty
# file in the cache is ferret's own (an input minimized to nothing): loaded
# as the empty input, without a word.
. "$(dirname "$0")/lib.sh"

N=5000
build_target harmless plain
enter_workdir
mkdir -p testdata/fuzz/harmless cache || fail "mkdir"
printf 'abcdefgh' >testdata/fuzz/harmless/seed1
put_named cache 'a good entry'
put_named cache 'another good entry'
: >cache/empty
ln -s "$WORK/nowhere/gone" cache/dangling
head -c 100 /dev/zero | tr '\0' 'z' >cache/oversized
: >testdata/fuzz/harmless/seed-empty
ln -s "$WORK/nowhere/gone" testdata/fuzz/harmless/seed-dangling
head -c 100 /dev/zero | tr '\0' 'y' >testdata/fuzz/harmless/seed-oversized
snapshot_dir testdata snap.testdata
snapshot_dir cache snap.cache

run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=2 -seed=123 -cachedir=cache -max_len=64
assert_rc "exit code" 0
for d in cache testdata/fuzz/harmless; do
    p=$d
    [ $d = cache ] && s= || s=seed-
    assert_contains fuzz.log "ferret: skipping unreadable corpus file $p/${s}dangling: No such file or directory"
    assert_contains fuzz.log "ferret: skipping corpus file $p/${s}oversized: 100 bytes is over -max_len=64"
done
assert_contains fuzz.log "ferret: skipping empty corpus file testdata/fuzz/harmless/seed-empty"
assert_not_contains fuzz.log "cache/empty"
# 1 seed + 2 good cache entries + the empty one loaded; nothing else.
assert_contains fuzz.log "corpus 4, cache cache"
assert_not_contains fuzz.log "--- FAIL"
assert_eq "executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
assert_nothing_lost_all
[ -L cache/dangling ] || fail "the dangling symlink in the cache is gone"
[ -L testdata/fuzz/harmless/seed-dangling ] || fail "the dangling symlink in the seeds is gone"
[ -f cache/empty ] && [ ! -s cache/empty ] || fail "the empty cache file is gone or changed"
assert_clean
finish
