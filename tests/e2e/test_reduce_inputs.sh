#!/bin/bash
# Reducing corpus entries (src/engine/reduce.c): an input this run found is
# replaced by a mutant at least an eighth shorter that keeps every feature it
# is the shortest holder of.  The target is a 5-step machine over the whole
# input ("ABCDE", anywhere); the seed is 600 bytes with "ABC" in the
# middle, so every input found from it starts about 600 bytes long.  With
# -fuzzminimizetime=0 nothing is minimized: only reduction can make the
# entry that reaches "ABCD" short.
# Checks: "reduced" lines (each at least an eighth shorter), an entry with
# "ABCD" in the cache that a reduction made (under 7/8 of the seed), every
# reduced entry's file gone from the cache, the seed file untouched, and
# fixed-seed runs repeat.  Without reduction there is no "reduced" line and
# the "ABCD" entries stay over 530 bytes.  (The seed is fixed: at seeds 3
# and 6 of session nine's tree the entry reaching "ABCD" was found when no
# reduction came after it within the budget; seeds 1, 2, 4, 5 and 7 pass.)
. "$(dirname "$0")/lib.sh"

build_target reduce_deep plain
enter_workdir
mkdir -p testdata/fuzz/reduce_deep || fail "mkdir"
seed=testdata/fuzz/reduce_deep/seed
{ head -c 300 /dev/zero | tr '\0' 'x'; printf 'ABC'; head -c 297 /dev/zero | tr '\0' 'y'; } >"$seed"
seed_sum=$(sha1sum <"$seed")

run_ferret fuzz.log 120 -fuzz -fuzztime=100000x -parallel=1 -seed=1 -cachedir=cache -fuzzminimizetime=0 -v=1
assert_rc "exit code" 0 fuzz.log
check_cache_dir cache
assert_eq "the seed file" "$seed_sum" "$(sha1sum <"$seed")"
grep -q '^fuzz: reduced ' fuzz.log || { show_log fuzz.log; fail "no entry was reduced"; }
# each reduction: at least an eighth shorter; the old file gone from the cache
while read -r _ _ old from _ _ new to _; do
    from=${from#(} to=${to#(}
    [ $((to * 8)) -le $((from * 7)) ] || fail "reduced $old from $from to $to bytes: not an eighth shorter"
    [ ! -e "cache/$old" ] || fail "reduced entry $old still in the cache"
done < <(grep '^fuzz: reduced ' fuzz.log)
note "$(grep -c '^fuzz: reduced ' fuzz.log) reductions"
# the entries that reach step 4 ("ABCD"): one of them is a reduction's
# product (named after "to" in a reduced line), under 7/8 of the seed
products=$(grep '^fuzz: reduced ' fuzz.log | awk '{ print $7 }')
shortest= reduced_abcd=
for f in $(grep -l 'ABCD' cache/* 2>/dev/null); do
    n=$(wc -c <"$f")
    [ -z "$shortest" ] || [ "$n" -lt "$shortest" ] && shortest=$n
    printf '%s\n' $products | grep -qx "$(basename "$f")" && reduced_abcd="$reduced_abcd $n"
done
[ -n "$shortest" ] || { show_log fuzz.log; fail "no cache entry reaches ABCD"; }
note "shortest cache entry with ABCD: $shortest bytes; reduced ones:${reduced_abcd:- none}"
[ -n "$reduced_abcd" ] || fail "no cache entry with ABCD is a reduced one"
[ "$shortest" -lt 525 ] || fail "the shortest entry with ABCD has $shortest bytes: not reduced"
# the same seed, the same run
ls cache | sort >names1
rm -rf cache
run_ferret fuzz2.log 120 -fuzz -fuzztime=100000x -parallel=1 -seed=1 -cachedir=cache -fuzzminimizetime=0 -v=1
assert_rc "exit code (second run)" 0 fuzz2.log
ls cache | sort >names2
cmp -s names1 names2 || fail "two runs with -seed=1 left different caches"
assert_no_procs
finish
