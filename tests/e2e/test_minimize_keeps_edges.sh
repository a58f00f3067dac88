#!/bin/bash
# -minimize_inputs=1: a new input is minimized to the smallest that keeps
# every edge it hit (in any bucket), not only the bits it brought.  The seed
# "Xqq...q" takes keep_edges's first branch; a mutant of it ending in 'Y'
# brings the second.  Keeping only its new bits would cut it to "Y" (the
# first branch lost: this test fails then, checked by hand); keeping every
# edge leaves "XY".  The originals stay in -sync_dir's corpus (each entry is
# published there as found), so each minimized form is checked against its
# original.  The second seed "q" makes the branches' other sides known, so
# the one new thing is the 'Y'.  At -seed=5 it is found in a mutant that
# kept the 'X' (at seeds 1-2 the mutant had lost it; 3, 4 and 6 minimize no
# input ending in 'Y'), so the check has something to check.
. "$(dirname "$0")/lib.sh"

build_target keep_edges plain
enter_workdir
mkdir -p testdata/fuzz/keep_edges && printf 'Xqqqqqqqqqqqqqqq' >testdata/fuzz/keep_edges/seed && printf 'q' >testdata/fuzz/keep_edges/other
run_ferret fuzz.log 60 -fuzz -fuzztime=3000x -parallel=1 -seed=5 -cachedir=cache -sync_dir=sync -v=1 \
    -minimize_inputs=1 -use_value_profile=0
assert_rc "fuzz run" 0 fuzz.log
check_cache_dir cache
# Every minimized form of an input that took both branches still does.
n=0
while read -r old new; do
    o=sync/corpus/$old f=cache/$new
    [ -f "$o" ] && [ -f "$f" ] || continue # (replaced again since)
    note "minimized '$(cat "$o")' to '$(cat "$f")'"
    [ "$(head -c 1 "$o")$(tail -c 1 "$o")" = XY ] || continue
    n=$((n + 1))
    [ "$(head -c 1 "$f")$(tail -c 1 "$f")" = XY ] ||
        { show_log fuzz.log; fail "'$(cat "$o")' minimized to '$(cat "$f")': the first branch is lost"; }
done < <(sed -nE 's/^fuzz: minimized ([0-9a-f]+) \([0-9]+ bytes\) to ([0-9a-f]+) \([0-9]+ bytes\)$/\1 \2/p' fuzz.log)
[ "$n" -ge 1 ] || { show_log fuzz.log; fail "no input that took both branches was minimized: nothing checked"; }
assert_clean
finish
