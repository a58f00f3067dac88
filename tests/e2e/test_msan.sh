#!/bin/bash
# MemorySanitizer builds (issue 14, item 12): ferret's own code is not
# instrumented, so MemorySanitizer must neither check it (its C library
# calls go through MemorySanitizer's interceptors) nor see what it hands the
# target as uninitialized.  A planted uninitialized read is found, in Go
# mode and libFuzzer mode, reported in the target and reproduced; a clean
# target (bytes and typed) runs with no report at all.
. "$(dirname "$0")/lib.sh"

no_ferret_frames() {   # no MemorySanitizer report whose top frame is ferret's
    if grep -A3 "WARNING: MemorySanitizer" "$1" | grep -E "#0 .* in [a-z_]+ .*/src/(engine|runtime)/" >/dev/null; then
        show_log "$1"; fail "MemorySanitizer reported ferret's own code ($1)"
    fi
}

build_target msan_uninit msan
enter_workdir
mkdir corpus art
run_ferret lf.log 180 -runs=2000000 -seed=1 -artifact_prefix=art/ corpus
assert_rc "libFuzzer mode, planted bug" 77
assert_contains lf.log "WARNING: MemorySanitizer: use-of-uninitialized-value"
assert_contains lf.log "in LLVMFuzzerTestOneInput"
assert_contains lf.log "Test unit written to art/crash-"
no_ferret_frames lf.log
crash=$(ls art/crash-* | head -1)
[ "$(head -c 3 "$crash")" = UNI ] || fail "the crash file does not start with UNI: $(xxd "$crash" | head -2)"
run_ferret repro.log 60 -runs=10 "$crash"
assert_ne "reproduce exit code" 0 "$RC"
assert_contains repro.log "WARNING: MemorySanitizer: use-of-uninitialized-value"
no_ferret_frames repro.log

run_ferret go.log 180 -fuzz -fuzztime=2000000x -parallel=1 -seed=2 -cachedir=cache
assert_rc "Go mode, planted bug" 1
assert_contains go.log "WARNING: MemorySanitizer: use-of-uninitialized-value"
assert_contains go.log "--- FAIL"
no_ferret_frames go.log

# Clean targets: not one report in 200,000 executions, nor in a typed target.
build_target harmless msan
enter_workdir
run_ferret clean.log 180 -fuzz -fuzztime=200000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "a clean target under MemorySanitizer" 0
assert_not_contains clean.log "MemorySanitizer"
# Typed targets: the seeds replayed, then FuzzSkip fuzzed (strncmp on the
# decoded string, NUL included) until its ferret_fail: a failure, no report.
build_target typed msan
run_ferret typed.log 180
assert_rc "typed seeds under MemorySanitizer" 0
assert_not_contains typed.log "MemorySanitizer"
run_ferret skip.log 180 -fuzz=FuzzSkip -fuzztime=20000x -parallel=1 -seed=1 -cachedir=tcache
assert_rc "FuzzSkip under MemorySanitizer" 1
assert_contains skip.log "not skipped"
assert_not_contains skip.log "MemorySanitizer"
assert_no_procs
finish
