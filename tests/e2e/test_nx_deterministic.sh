#!/bin/bash
# With -parallel=1, a fixed -seed and an Nx budget, a run is repeatable: no
# decision depends on the clock (execution times stay out of the schedule,
# the minimization share is counted in executions).  Two runs over a target
# with comparison feedback and value profile (many small coverage steps, each
# accepted, fuzzed and later minimized and replaced: -minimize_inputs=1)
# keep the same cache,
# byte for byte, and print the same final count.  A third run with another
# seed keeps a different cache, so the comparison can fail.  Then the same
# with comparison feedback on (the default): the compare table is keyed by
# the caller's offset in the executable, not its address, so address-space
# randomization changes nothing (it used to).
. "$(dirname "$0")/lib.sh"

build_target cmp64 plain
run_once() { # DIR SEED
    run_ferret "$1.log" 60 -fuzz -fuzztime=10000x -parallel=1 -seed="$2" -cachedir="$1" \
        -use_value_profile=1 -use_cmp=0 -minimize_inputs=1
    assert_rc "run $1 (seed $2)" 0
    assert_not_contains "$1.log" "--- FAIL"
}
listing() { (cd "$1" && find . -type f ! -name '.*' -exec sha1sum {} + | LC_ALL=C sort); }
final() { grep -E '^fuzz: elapsed: ' "$1" | tail -n 1 | sed 's/.*new interesting: //'; }

enter_workdir
run_once a 5
run_once b 5
run_once c 6
n=$(count_files a)
[ "$n" -ge 10 ] || { show_log a.log; fail "only $n cache entries: too little happened to compare"; }
[ "$(listing a)" = "$(listing b)" ] || {
    diff <(listing a) <(listing b) >&2
    fail "two runs with -seed=5 kept different caches"
}
[ "$(final a.log)" = "$(final b.log)" ] || fail "final counts differ: '$(final a.log)' vs '$(final b.log)'"
[ "$(listing a)" != "$(listing c)" ] || fail "-seed=6 kept the very cache of -seed=5: the comparison proves nothing"
note "$n cache entries, identical over two runs; final: $(final a.log)"
check_cache_dir a

# Comparison feedback on, value profile off (the defaults), two seeds.
build_target cmp_chain plain
cmp_once() { # DIR SEED
    run_ferret "$1.log" 60 -fuzz -fuzztime=20000x -parallel=1 -seed="$2" -cachedir="$1"
    assert_rc "run $1 (seed $2, comparison feedback)" 0
}
for s in 7 8; do
    cmp_once "cmp$s.x" "$s"
    cmp_once "cmp$s.y" "$s"
    [ "$(listing "cmp$s.x")" = "$(listing "cmp$s.y")" ] || {
        diff <(listing "cmp$s.x") <(listing "cmp$s.y") >&2
        fail "two runs with -seed=$s and comparison feedback kept different caches"
    }
    [ "$(final "cmp$s.x.log")" = "$(final "cmp$s.y.log")" ] || fail "seed $s: final counts differ"
done
[ "$(listing cmp7.x)" != "$(listing cmp8.x)" ] || fail "-seed=8 kept the very cache of -seed=7: the comparison proves nothing"
assert_no_procs
finish
