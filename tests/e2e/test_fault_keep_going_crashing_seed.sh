#!/bin/bash
# -keep_going=1 (and -ignore_crashes=1, and libFuzzer's -fork=2
# -ignore_crashes=1) with a seed that crashes by itself: the seed is
# reported as a finding, deduplicated like any other, and the run goes on
# past the baseline to spend its budget (it used to stall at
# "gathering baseline coverage: k/n completed" forever).  A second run of
# the same campaign (the crasher now sits in the seed directory) goes on
# too.
. "$(dirname "$0")/lib.sh"

build_target fault_twobugs plain
enter_workdir
prepare_dirs 'abcdefgh' 'A1crash!' 'B0bcdefg'

for flag in -keep_going=1 -ignore_crashes=1; do
    run_ferret fuzz$flag.log 60 -fuzz -fuzztime=50000x -parallel=2 -seed=7 -cachedir=cache "$flag"
    assert_rc "$flag, a crashing seed" 1 "fuzz$flag.log"
    assert_contains "fuzz$flag.log" "failure while testing corpus entry testdata/fuzz/fault_twobugs/"
    assert_contains "fuzz$flag.log" "now fuzzing with 2 workers"
    # The budget was spent: the last stats line shows the executions.
    execs=$(last_execs "fuzz$flag.log")
    [ -n "$execs" ] && [ "$execs" -ge 50000 ] || { show_log "fuzz$flag.log"; fail "$flag: only '$execs' executions of 50000"; }
    grep -qE '^    crash +hits: [0-9]+ +testdata/fuzz/fault_twobugs/' "fuzz$flag.log" ||
        { show_log "fuzz$flag.log"; fail "$flag: the summary does not list the seed"; }
    assert_clean
done

# Two crashing seeds with one bug: one finding (bug_alpha), two hits or more.
enter_workdir
prepare_dirs 'abcdefgh' 'A1crash!' 'A1other!'
run_ferret dup.log 60 -fuzz -fuzztime=20000x -parallel=1 -seed=7 -cachedir=cache -keep_going=1
assert_rc "two seeds with the same bug" 1 dup.log
alpha=$(grep -E '^    crash +hits: [0-9]+ .*bug_alpha' dup.log)
[ "$(echo "$alpha" | grep -c .)" = 1 ] || { show_log dup.log; fail "not one finding for bug_alpha: $alpha"; }
[ "$(echo "$alpha" | awk '{print $3}')" -ge 2 ] || { show_log dup.log; fail "bug_alpha: fewer than 2 hits: $alpha"; }
assert_clean

# libFuzzer's command line: -fork=2 -ignore_crashes=1 over a corpus holding
# a crasher.
enter_workdir
mkdir corpus && printf 'abcdefgh' >corpus/a && printf 'A1crash!' >corpus/b
run_ferret lf.log 60 -fork=2 -ignore_crashes=1 -runs=30000 -seed=7 -artifact_prefix=art- corpus
[ "$RC" != 0 ] || { show_log lf.log; fail "libFuzzer mode: exit 0 with a crash found"; }
assert_contains lf.log "Done "
ls art-crash-* >/dev/null 2>&1 || { show_log lf.log; fail "libFuzzer mode: no crash- artifact"; }
assert_clean
finish
