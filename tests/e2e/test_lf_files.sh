#!/bin/bash
# libFuzzer mode writes only where libFuzzer would (issue 14 item 9): new
# units into the first corpus directory (each named by its SHA-1, no
# .autodict there: ClusterFuzz counts every file as a unit), artifacts
# under -artifact_prefix; nothing in ~/.cache or testdata/ when no corpus
# directory is given.  The automatic dictionary is kept in memory and
# printed at the end.  Go's testdata/fuzz/<target> is not read either.
. "$(dirname "$0")/lib.sh"

build_target cmp_chain plain
enter_workdir
mkdir -p corpus home
export HOME=$WORK/home
unset XDG_CACHE_HOME
printf 'seed' >corpus/"$(printf seed | sha1sum | cut -d' ' -f1)"

run_ferret fuzz.log 120 -runs=300000 -seed=1 corpus
assert_rc "fuzz with a corpus directory" 0 fuzz.log
assert_contains fuzz.log "###### Recommended dictionary. ######"
[ -e corpus/.autodict ] && fail "a .autodict was written into the corpus directory"
[ "$(ls -A corpus | grep -c '^\.')" = 0 ] || { ls -A corpus >&2; fail "a dot file in the corpus directory"; }
check_cache_dir corpus
[ "$(count_files corpus)" -gt 2 ] || { show_log fuzz.log; fail "no new units in the corpus directory"; }
assert_eq "files in HOME after fuzzing with a corpus" "" "$(find home -mindepth 1)"

# No corpus directory: new units stay in memory, nothing is written.
mkdir empty && cd empty || fail "cd"
run_ferret ../nocorpus.log 120 -runs=100000 -seed=1
assert_rc "fuzz without a corpus directory" 0 ../nocorpus.log
assert_contains ../nocorpus.log "new units kept in memory"
grep -qE '^#[0-9]+	NEW ' ../nocorpus.log || { show_log ../nocorpus.log; fail "nothing new found in memory"; }
assert_eq "files written without a corpus directory" "" "$(find . -mindepth 1)"
assert_eq "files in HOME without a corpus directory" "" "$(find ../home -mindepth 1)"
cd .. || fail "cd"

# Go's seed directory is Go mode's: libFuzzer mode neither reads nor cleans it.
build_target magic plain
mkdir -p testdata/fuzz/magic c2
printf 'FUZZ' >testdata/fuzz/magic/crasher
printf 'x' >testdata/fuzz/magic/.tmp-left
run_ferret magic.log 60 -runs=10 -seed=1 -use_cmp=0 c2
assert_rc "testdata/fuzz/magic not read in libFuzzer mode" 0 magic.log
[ -e testdata/fuzz/magic/.tmp-left ] || fail "libFuzzer mode cleaned Go's seed directory"
rm -f testdata/fuzz/magic/.tmp-left
assert_no_procs
finish
