#!/bin/bash
# OSS-Fuzz's coverage build (issue 14, item 13): the target is compiled with
# -fprofile-instr-generate -fcoverage-mapping and no SanitizerCoverage, linked
# with libferret.a, and run as `T -runs=0 corpus/`.  Replaying needs no
# coverage counters: every corpus file runs, the profile holds the counts
# (the worker's profile is appended to the coordinator's, so llvm-profdata
# sums them), and only fuzzing itself is refused without instrumentation.
. "$(dirname "$0")/lib.sh"

if ! command -v llvm-profdata-14 >/dev/null || ! command -v llvm-cov-14 >/dev/null; then
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq llvm-14 >/dev/null 2>&1 ||
        fail "llvm-profdata-14/llvm-cov-14 missing and llvm-14 could not be installed"
fi

enter_workdir
src="$E2E/targets/ubsan_overflow.c"
BIN=$WORK/covbuild
$CC -g -O1 -fprofile-instr-generate -fcoverage-mapping "$src" "$LIB" -o "$BIN" 2>build.log ||
    { cat build.log; fail "the coverage build does not link"; }
mkdir corpus
printf 'OVab' >corpus/reaches
printf 'xy' >corpus/short
export LLVM_PROFILE_FILE="$WORK/prof/cov.%1m.profraw"   # as OSS-Fuzz's coverage runner
run_ferret runs0.log 120 -runs=0 corpus/
assert_rc "-runs=0 over a corpus, no SanitizerCoverage" 0
assert_not_contains runs0.log "no coverage instrumentation"
llvm-profdata-14 merge -o cov.profdata "$WORK"/prof/*.profraw || fail "no usable profile written"
# The line only corpus/reaches gets to ran once per replay of it.
llvm-cov-14 show "$BIN" -instr-profile=cov.profdata "$src" >show.txt 2>&1 || { cat show.txt; fail "llvm-cov show failed"; }
line=$(grep -n "memcpy(&x, d, 4);" "$src" | cut -d: -f1)
count=$(awk -F'|' -v l="$line" '$1+0 == l { gsub(/ /, "", $2); print $2; exit }' show.txt)
[ -n "$count" ] && [ "$count" != 0 ] || { cat show.txt; fail "line $line of the target has count '$count' in the profile, want 1 or more"; }

# Fuzzing needs the counters: still refused, with the reason.
unset LLVM_PROFILE_FILE
run_ferret fuzz.log 60 -runs=100 corpus/
assert_rc "fuzzing a build without coverage instrumentation" 2
assert_contains fuzz.log "has no coverage instrumentation; build it with -fsanitize=fuzzer-no-link"
assert_no_procs
finish
