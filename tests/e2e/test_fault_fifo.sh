#!/bin/bash
# Fault matrix: FIFOs where ferret reads its corpus.  A FIFO with no writer
# blocks whoever opens it for reading; ferret must never open one that way.
#
# (a) A FIFO in the seed corpus and one in the cache: fuzzing starts and
#     ends normally (exit 0, the exact -fuzztime budget), each FIFO named
#     once ("ferret: skipping P: not a regular file"), the regular entries
#     loaded, everything still there afterwards, nothing left behind.
# (b) The regression run (no -fuzz) with the same seeds, and with a directory
#     holding a FIFO on the command line: passes, naming the FIFO.
# (c) A FIFO named on the command line is an error naming it (exit 3), in
#     the regression run and with -fuzz.
. "$(dirname "$0")/lib.sh"

N=5000
build_target harmless plain
t=harmless

# (a)
enter_workdir
mkdir -p testdata/fuzz/$t cache extra || fail "mkdir"
printf 'abcdefgh' >testdata/fuzz/$t/seed1
put_named cache 'a good entry'
put_named cache 'another good entry'
mkfifo testdata/fuzz/$t/seed-fifo cache/fifo extra/fifo fifo || fail "mkfifo"
printf 'GOOD' >extra/good
snapshot_dir testdata snap.testdata
snapshot_dir cache snap.cache
run_ferret fuzz.log 20 -fuzz -fuzztime=${N}x -parallel=2 -seed=77 -cachedir=cache
assert_rc "[fifo in seeds and cache] exit code" 0
for p in testdata/fuzz/$t/seed-fifo cache/fifo; do
    assert_contains fuzz.log "ferret: skipping $p: not a regular file"
    assert_eq "messages naming $p" 1 "$(grep -c "$p" fuzz.log)"
done
# 1 seed + 2 cache entries loaded; the FIFOs are not corpus entries.
assert_contains fuzz.log "corpus 3, cache cache"
assert_not_contains fuzz.log "--- FAIL"
assert_eq "executions (the whole -fuzztime budget)" $N "$(last_execs fuzz.log)"
assert_nothing_lost_all
[ -p testdata/fuzz/$t/seed-fifo ] && [ -p cache/fifo ] || fail "a FIFO is gone or changed"
rm -f cache/fifo
check_cache_dir cache
assert_clean

# (b)
run_ferret reg.log 20
assert_rc "[regression, fifo in seeds] exit code" 0
assert_contains reg.log "ferret: skipping testdata/fuzz/$t/seed-fifo: not a regular file"
assert_contains reg.log "ok  $t: 1 input passed"
run_ferret reg2.log 20 extra
assert_rc "[regression, fifo in a named directory] exit code" 0
assert_contains reg2.log "ferret: skipping extra/fifo: not a regular file"
assert_contains reg2.log "ok  $t: 2 inputs passed"
assert_clean

# (c)
run_ferret named.log 20 fifo
assert_rc "[regression, fifo named] exit code" 3
assert_contains named.log "ferret: cannot read fifo: not a regular file"
assert_not_contains named.log "inputs passed"
run_ferret named-fuzz.log 20 -fuzz -fuzztime=${N}x -parallel=2 -seed=77 -cachedir=cache fifo
assert_rc "[-fuzz, fifo named] exit code" 3
assert_contains named-fuzz.log "ferret: cannot read fifo: not a regular file"
assert_not_contains named-fuzz.log "execs:"
[ -p fifo ] || fail "the named FIFO is gone or changed"
assert_nothing_lost snap.testdata testdata
assert_clean
finish
