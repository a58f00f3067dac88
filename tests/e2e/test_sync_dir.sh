#!/bin/bash
# -sync_dir: instances on one machine share a directory.  An input only one
# of them has reaches the others' corpora within the sync period; findings
# are deduplicated across instances with -keep_going.
. "$(dirname "$0")/lib.sh"

build_target sync_levels plain
enter_workdir
key_sha=$(printf 'SYNC-LEVEL-9' | sha1sum | cut -d' ' -f1)
mkdir -p a/testdata/fuzz/sync_levels b c shared
printf 'SYNC-LEVEL-9' >a/testdata/fuzz/sync_levels/key
# B and C cannot reach the key alone: no comparison feedback and no value
# profile (whose memcmp-prefix features climb the key), 8 s.
(cd a && "$BIN" -fuzz -fuzztime=8s -parallel=1 -seed=1 -use_cmp=0 -use_value_profile=0 -cachedir=cache -sync_dir="$WORK/shared" >../a.log 2>&1) &
pa=$!
(cd b && "$BIN" -fuzz -fuzztime=8s -parallel=1 -seed=2 -use_cmp=0 -use_value_profile=0 -cachedir=cache -sync_dir="$WORK/shared" -v=1 >../b.log 2>&1) &
pb=$!
(cd c && "$BIN" -fuzz -fuzztime=8s -parallel=1 -seed=3 -use_cmp=0 -use_value_profile=0 -cachedir=cache -sync_dir="$WORK/shared" -v=1 >../c.log 2>&1) &
pc=$!
wait $pa; ra=$?
wait $pb; rb=$?
wait $pc; rc=$?
for x in a b c; do
    r=$(eval echo \$r$x)
    if [ "$r" != 0 ] && [ "$r" != 1 ]; then show_log $x.log; fail "instance $x exited $r"; fi
done
[ -f shared/corpus/$key_sha ] || { ls shared/corpus >&2; fail "A did not publish its seed to the sync directory"; }
for x in b c; do
    # Imported: in its cache (the key itself, or an input built on it).
    grep -q "imported $key_sha from the sync directory" $x.log ||
        { show_log $x.log; fail "instance $x did not import the key from the sync directory"; }
    [ -f $x/cache/$key_sha ] || fail "instance $x has not kept the imported key in its cache"
    check_cache_dir $x/cache
done
assert_no_procs

# Findings across instances: with -keep_going, the crash one byte past the
# key is reported by the instance that claims it first; the others count it
# as already found.
enter_workdir
mkdir -p p q shared
for x in p q; do mkdir -p $x/testdata/fuzz/sync_levels; printf 'SYNC-LEVEL-9' >$x/testdata/fuzz/sync_levels/key; done
(cd p && "$BIN" -fuzz -fuzztime=200000x -parallel=1 -seed=1 -keep_going=1 -cachedir=cache -sync_dir="$WORK/shared" >../p.log 2>&1)
(cd q && "$BIN" -fuzz -fuzztime=200000x -parallel=1 -seed=2 -keep_going=1 -cachedir=cache -sync_dir="$WORK/shared" >../q.log 2>&1)
assert_contains p.log "failing input written to"
assert_contains q.log "already found by another instance (sync directory)"
assert_not_contains q.log "failing input written to"
[ "$(count_files shared/findings)" = 1 ] || fail "expected one claimed finding in the sync directory"

# A missing sync directory is reported once; fuzzing goes on.
run_ferret missing.log 60 -fuzz -fuzztime=20000x -parallel=1 -seed=1 -use_cmp=0 -use_value_profile=0 -cachedir=cache2 -sync_dir=/proc/ferret-none
assert_rc "missing sync directory" 0
assert_contains missing.log "sync directory: cannot"
assert_no_procs
finish
