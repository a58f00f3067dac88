#!/bin/bash
# -cleanse_crash=1 (issue 14 item 6): the bytes of a crashing input that do
# not matter are replaced with ' ' (or 0xff), the length kept, and the result
# is written to -exact_artifact_path, as libFuzzer does (ClusterFuzz's
# cleanse task); a replacement counts only if the input still crashes the
# same way (same kind, same stack), so a byte that switches to another bug
# stays.  Each try that crashes kills a worker, which is restarted.
. "$(dirname "$0")/lib.sh"

build_target magic asan
enter_workdir
printf 'FUZZhello, world\000\001\002' >crash
run_ferret cleanse.log 120 -cleanse_crash=1 -exact_artifact_path="$WORK/cleansed" crash
assert_rc "cleanse" 0 cleanse.log
# (the space in "hello, world" was one already: 14 bytes replaced)
[ -f cleansed ] || { show_log cleanse.log; fail "no -exact_artifact_path file"; }
assert_eq "cleansed input" "$(printf 'FUZZ%15s' '' | od -An -tx1)" "$(od -An -tx1 <cleansed)"
assert_contains cleanse.log "INFO: ferret: -cleanse_crash: 14 of 19 bytes replaced, written to $WORK/cleansed"
assert_eq "the input given is left alone" "$(printf 'FUZZhello, world\000\001\002' | sha1sum)" "$(sha1sum <crash)"

# The same bug only.
build_target cleanse_two asan
printf 'C1abc' >two
run_ferret two.log 120 -cleanse_crash=1 -exact_artifact_path="$WORK/two.out" two
assert_rc "cleanse, two bugs" 0 two.log
assert_eq "the byte that picks the bug stays" "C1   " "$(cat two.out)"

# Bad uses: no -exact_artifact_path; an input that does not crash.
run_ferret usage.log 60 -cleanse_crash=1 two
assert_rc "no -exact_artifact_path" 2 usage.log
assert_contains usage.log "-cleanse_crash=1 needs exactly one input file and -exact_artifact_path"
printf 'fine' >fine
run_ferret fine.log 60 -cleanse_crash=1 -exact_artifact_path="$WORK/fine.out" fine
assert_ne "a non-crashing input" 0 "$RC"
assert_contains fine.log "did not crash"
[ -e fine.out ] && fail "an output was written for an input that does not crash"
assert_clean
finish
