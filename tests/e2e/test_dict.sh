#!/bin/bash
# -dict: a word only a dictionary can supply is used; a malformed dictionary
# is an error naming the file and line; the automatic dictionary is kept in
# the cache directory and printed.
. "$(dirname "$0")/lib.sh"

build_target dictword plain
enter_workdir
printf '# words\n"xyzzy-plu"\nother="abc\\x00"\n' >good.dict
run_ferret with.log 120 -fuzz -fuzztime=300000x -parallel=1 -seed=1 -cachedir=cache -dict=good.dict
assert_rc "solved with the dictionary" 1
find_crasher with.log
rm -rf testdata cache
run_ferret without.log 120 -fuzz -fuzztime=300000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "not solved without it" 0

printf '"ok"\n\n"bad\\q"\n' >bad.dict
run_ferret bad.log 30 -fuzz -fuzztime=10x -cachedir=cache -dict=bad.dict
assert_rc "malformed dictionary" 3
assert_contains bad.log "bad.dict:3:"
run_ferret missing.log 30 -fuzz -fuzztime=10x -cachedir=cache -dict=nosuch.dict
assert_rc "missing dictionary" 3
assert_contains missing.log "nosuch.dict"

# The automatic dictionary: operands that led to new coverage (here the
# "HEADER" that a memcmp guards, on the way to the crash).
build_target cmp_silent plain
enter_workdir
unset FERRET_E2E_OUT
run_ferret auto.log 120 -fuzz -fuzztime=2000000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "cmp_silent solved" 1
[ -f cache/.autodict ] || { show_log auto.log; fail "no automatic dictionary in the cache"; }
assert_contains auto.log "###### Recommended dictionary. ######"
assert_contains cache/.autodict '"HEADER"'
# The next run reads it back (a malformed one would be reported).
run_ferret again.log 60 -fuzz -fuzztime=1000x -parallel=1 -seed=2 -cachedir=cache
assert_not_contains again.log "ignoring the automatic dictionary"
assert_no_procs
finish
