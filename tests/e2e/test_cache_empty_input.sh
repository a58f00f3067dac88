#!/bin/bash
# An input with new coverage can minimize to the empty input; it is kept in
# the cache like any other, and read back silently by the next run (it used
# to be called a "skipping empty corpus file" on every later run).
# Minimizing new inputs is -minimize_inputs=1; by default (the last run)
# the same seed and budget minimize none.
. "$(dirname "$0")/lib.sh"

build_target short_branch plain
enter_workdir
mkdir -p testdata/fuzz/short_branch && printf 'abcdef' >testdata/fuzz/short_branch/seed
run_ferret first.log 60 -fuzz -fuzztime=20000x -parallel=1 -seed=1 -cachedir=cache -v=1 -minimize_inputs=1
assert_rc "first run" 0 first.log
empty=$(find cache -maxdepth 1 -type f -empty ! -name '.*')
[ -n "$empty" ] || { show_log first.log; ls -la cache >&2; fail "no empty input in the cache"; }
assert_eq "the empty input's name (SHA-1 of nothing)" da39a3ee5e6b4b0d3255bfef95601890afd80709 "$(basename "$empty")"
run_ferret second.log 60 -fuzz -fuzztime=1000x -parallel=1 -seed=2 -cachedir=cache
assert_rc "second run" 0 second.log
assert_not_contains second.log "skipping"
check_cache_dir cache
grep -q '^fuzz: minimized ' first.log || { show_log first.log; fail "-minimize_inputs=1: nothing minimized"; }
rm -rf cache
run_ferret default.log 60 -fuzz -fuzztime=20000x -parallel=1 -seed=1 -cachedir=cache -v=1
assert_rc "default run" 0 default.log
grep -q '^fuzz: new interesting input' default.log || { show_log default.log; fail "default run: nothing found"; }
assert_not_contains default.log "fuzz: minimized "
check_cache_dir cache
assert_clean
finish
