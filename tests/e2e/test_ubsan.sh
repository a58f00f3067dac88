#!/bin/bash
# UndefinedBehaviorSanitizer builds (OSS-Fuzz's "undefined" build type:
# -fsanitize=undefined with -fno-sanitize-recover): a planted signed
# overflow is found and written as a crash in libFuzzer mode and Go mode,
# and reproduces.
. "$(dirname "$0")/lib.sh"

build_target ubsan_overflow ubsan
enter_workdir
mkdir corpus art
run_ferret lf.log 180 -runs=2000000 -seed=1 -artifact_prefix=art/ corpus
assert_rc "libFuzzer mode" 77
assert_contains lf.log "runtime error: signed integer overflow"
assert_contains lf.log "SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior"
assert_contains lf.log "Test unit written to art/crash-"
crash=$(ls art/crash-* | head -1)
run_ferret repro.log 60 -runs=10 "$crash"
assert_ne "reproduce exit code" 0 "$RC"
assert_contains repro.log "runtime error: signed integer overflow"
run_ferret go.log 180 -fuzz -fuzztime=2000000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "Go mode" 1
assert_contains go.log "runtime error: signed integer overflow"
assert_contains go.log "--- FAIL"
assert_no_procs
finish
