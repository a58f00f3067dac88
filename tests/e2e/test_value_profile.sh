#!/bin/bash
# -use_value_profile=1 turns comparison distances into coverage: inputs
# whose bits come closer to a 64-bit magic are kept, so even with comparison
# feedback off the magic is reached within a budget that is not enough
# without value profile.
. "$(dirname "$0")/lib.sh"

build_target cmp64 plain
enter_workdir
run_ferret off.log 60 -fuzz -fuzztime=50000x -parallel=1 -seed=1 -cachedir=off -use_cmp=0
assert_rc "without value profile" 0
run_ferret on.log 60 -fuzz -fuzztime=50000x -parallel=1 -seed=1 -cachedir=on -use_cmp=0 -use_value_profile=1
assert_rc "with value profile" 1
find_crasher on.log
off=$(count_files off)
on=$(count_files on)
note "corpus entries: $off without value profile, $on with"
[ "$on" -gt "$((off + 3))" ] || fail "value profile kept $on inputs, no more than without ($off)"
check_cache_dir on
assert_no_procs
finish
