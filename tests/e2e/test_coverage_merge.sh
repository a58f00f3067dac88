#!/bin/bash
# OSS-Fuzz's coverage job as it runs today (issue 14 item 13): a coverage
# build (-fprofile-instr-generate -fcoverage-mapping, no SanitizerCoverage)
# run as `T -merge=1 -timeout=100 empty/ corpus/` with
# LLVM_PROFILE_FILE=...%1m.profraw, so that a crashing input is skipped
# instead of ending the run.  The merge needs no counters: every input runs
# across the workers, the crashing one is named and skipped, nothing is
# kept, and the profile (every process adding to it) shows every line the
# corpus reached.  (The merge was refused: "has no coverage
# instrumentation", exit 2.)
. "$(dirname "$0")/lib.sh"

profdata=$(command -v llvm-profdata-14 || command -v llvm-profdata) || fail "llvm-profdata is missing"
llvmcov=$(command -v llvm-cov-14 || command -v llvm-cov) || fail "llvm-cov is missing"
enter_workdir
BIN=$WORK/magic
$CC -g -O1 -fprofile-instr-generate -fcoverage-mapping "$E2E/targets/magic.c" "$LIB" -o "$BIN" 2>build.log ||
    { cat build.log >&2; fail "the coverage build does not link"; }
mkdir -p corpus dumps dummy
printf 'FU' >corpus/short
printf 'FUZx' >corpus/deep    # every branch but the crash's
printf 'FUZZ' >corpus/crash   # the crash: skipped, the run goes on
export LLVM_PROFILE_FILE="$WORK/dumps/cov.%1m.profraw"
run_ferret merge.log 60 -merge=1 -timeout=100 dummy corpus
assert_rc "-merge=1 on a coverage build" 0
assert_contains merge.log "MERGE-INNER: skipping corpus/crash"
assert_not_contains merge.log "no coverage instrumentation"
assert_file_count dummy 0
"$profdata" merge -sparse -o merge.profdata dumps/*.profraw || fail "llvm-profdata cannot read the merge's profiles"
"$llvmcov" report "$BIN" -instr-profile=merge.profdata >report.txt 2>&1 || { cat report.txt >&2; fail "llvm-cov report failed"; }
# magic.c: 12 regions; only the crash's own never completes in a process
# that writes its profile.
line=$(grep 'magic.c' report.txt)
missed=$(echo "$line" | awk '{print $3}')
assert_eq "regions of magic.c the merge did not reach (report: $line)" 1 "$missed"
assert_no_procs
finish
