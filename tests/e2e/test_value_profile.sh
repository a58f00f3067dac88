#!/bin/bash
# -use_value_profile=1 turns comparison distances into coverage: inputs
# whose bits come closer to a 64-bit magic are kept.  With comparison
# feedback off, coverage alone keeps nothing near the magic; value profile
# climbs to it bit by bit.
#
# What is asserted is the climb, not the last step: the run either finds the
# magic or keeps an input within 8 bits of it (ferret is deterministic for
# -parallel=1 and an Nx budget, but whether the final one-bit flips land
# within the budget depends on the seed).  Since value profile also counts
# the absolute distance, memcmp prefixes, stack depth and caller/callee
# pairs (issue 15), more inputs compete for the budget: over seeds 1-5 the
# closest kept input was 6, 2, 4, 1 and 3 bits away (4 or less before);
# seed 1, this test's, stays at 6 up to 100000 executions.  Without value
# profile (-use_value_profile=0) no kept input comes within 16 bits (40
# here; a random word is 32 +- 4 bits away).
. "$(dirname "$0")/lib.sh"

MAGIC=deadbeefcafebabe

# Fewest differing bits between the magic and the first 8 bytes (read as a
# little-endian uint64, as the target does) of any file in DIR; 64 if none.
closest() {
    local best=64 f hex x n
    for f in "$1"/*; do
        [ -f "$f" ] && [ "$(wc -c <"$f")" -ge 8 ] || continue
        hex=$(od -An -tx8 -N8 "$f" | tr -d ' ')
        x=$(( 0x$hex ^ 0x$MAGIC ))
        n=0
        while [ "$x" != 0 ]; do x=$(( x & (x - 1) )); n=$((n + 1)); done
        [ "$n" -lt "$best" ] && best=$n
    done
    echo "$best"
}

build_target cmp64 plain
enter_workdir
# The measure itself must be able to tell near from far.
mkdir -p self || fail "mkdir"
printf '\xbe\xba\xfe\xca\xef\xbe\xad\xde' >self/exact
[ "$(closest self)" = 0 ] || fail "self-check: the magic itself is not at distance 0"
printf '\xbf\xba\xfe\xca\xef\xbe\xad\x5e' >self/exact
[ "$(closest self)" = 2 ] || fail "self-check: two flipped bits not at distance 2"

run_ferret off.log 60 -fuzz -fuzztime=50000x -parallel=1 -seed=1 -cachedir=off -use_cmp=0 -use_value_profile=0
assert_rc "without value profile" 0
off_best=$(closest off)
[ "$off_best" -gt 16 ] || fail "without value profile an input $off_best bits from the magic was kept"

run_ferret on.log 60 -fuzz -fuzztime=50000x -parallel=1 -seed=1 -cachedir=on -use_cmp=0 -use_value_profile=1
case $RC in
0) on_best=$(closest on) ;;
1) find_crasher on.log; on_best=0 ;;
*) assert_rc "with value profile" 0 ;;
esac
note "closest kept input: $off_best bits from the magic without value profile, $on_best with"
[ "$on_best" -le 8 ] || fail "with value profile the closest input kept is $on_best bits from the magic"
off=$(count_files off)
on=$(count_files on)
note "corpus entries: $off without value profile, $on with"
[ "$on" -gt "$((off + 3))" ] || fail "value profile kept $on inputs, no more than without ($off)"
check_cache_dir on
assert_no_procs
finish
