#!/bin/bash
# Go's test_fuzz_minimize_interesting shape: the seed (20 'a') returns at
# once; every other input runs a loop over its bytes, so its length picks the
# loop counter's bucket.  Inputs with new coverage are minimized while they
# keep it before they reach the cache: some cache entry is at most 1 byte,
# and every entry is minimal for its coverage.
#
# "Every entry is shorter than the seed" (the brief's first idea) does not
# hold for an engine with hit-count buckets, by design of this very target:
# an input of 33 bytes runs the loop's back edge 32 times (bucket 32-127),
# which no input under 33 bytes reaches, so its minimal form *is* 33 bytes;
# likewise 20 bytes is the only length that reaches the memcmp against the
# seed.  So the check is: each entry's length L is <= 1, or 20, or a length
# whose loop counts (L, L-1) fall in other buckets than (L-1, L-2): removing
# any byte would lose coverage.  A length like 21, 40 or 100 fails it.
# The model is edges and hit counts: value profile (on by default) is off
# here, since with it the distance of every length to 20 (the seed check)
# is coverage too, and any length can be minimal.
. "$(dirname "$0")/lib.sh"

# The hit-count bucket of an 8-bit counter (coverage.c: 0,1,2,3,4-7,...,128-255).
bucket() {
    local c=$(($1 % 256))
    if [ "$c" -le 3 ]; then echo "$c"
    elif [ "$c" -le 7 ]; then echo 4
    elif [ "$c" -le 15 ]; then echo 8
    elif [ "$c" -le 31 ]; then echo 16
    elif [ "$c" -le 127 ]; then echo 32
    else echo 128
    fi
}

# Could an input of L bytes be one byte shorter and keep its coverage?
minimal_length() {
    local l=$1
    [ "$l" -le 1 ] || [ "$l" = 20 ] && return 0
    [ "$(bucket "$l")" != "$(bucket $((l - 1)))" ] && return 0
    [ "$(bucket $((l - 1)))" != "$(bucket $((l - 2)))" ] && return 0
    return 1
}

# The check itself must be able to fail.
minimal_length 21 && fail "self-check: 21 taken for minimal"
minimal_length 100 && fail "self-check: 100 taken for minimal"
minimal_length 33 || fail "self-check: 33 not taken for minimal"

for variant in plain asan; do
    build_target min_interesting "$variant"
    enter_workdir
    mkdir -p testdata/fuzz/min_interesting || fail "mkdir"
    printf 'aaaaaaaaaaaaaaaaaaaa' >testdata/fuzz/min_interesting/seed
    run_ferret fuzz.log 60 -fuzz -fuzztime=1000x -parallel=1 -seed=1 -cachedir=cache -use_value_profile=0 -minimize_inputs=1
    assert_rc "[$variant] exit code" 0
    assert_not_contains fuzz.log "--- FAIL"
    n=$(count_files cache)
    [ "$n" -ge 1 ] || { show_log fuzz.log; fail "[$variant] no cache entries: nothing interesting was found"; }
    check_cache_dir cache
    sizes=$(for f in cache/*; do wc -c <"$f" | tr -d ' '; done | sort -n | tr '\n' ' ')
    note "[$variant] cache entry sizes: $sizes"
    smallest=$(echo $sizes | awk '{print $1}')
    [ "$smallest" -le 1 ] || fail "[$variant] no cache entry of at most 1 byte (sizes: $sizes)"
    for l in $sizes; do
        minimal_length "$l" || fail "[$variant] a cache entry of $l bytes: not minimized (sizes: $sizes)"
    done
    # Most of what fuzzing found is shorter than the seed.
    short=$(for l in $sizes; do [ "$l" -lt 20 ] && echo "$l"; done | wc -l)
    [ "$short" -ge 2 ] || fail "[$variant] fewer than 2 cache entries under 20 bytes (sizes: $sizes)"
    assert_no_procs
done
finish
