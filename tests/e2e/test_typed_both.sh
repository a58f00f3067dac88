#!/bin/bash
# A binary holding both kinds of target: LLVMFuzzerTestOneInput (named after
# the binary) and a Go-style FuzzNumber.  Bare -fuzz is an error naming both;
# -fuzz=<binary name> fuzzes the bytes target as before (raw crasher named by
# SHA-1, re-run by path); -fuzz=FuzzNumber the typed one (Go encoding,
# -run=); the replay without flags covers both.
. "$(dirname "$0")/lib.sh"

build_target typed_both plain
enter_workdir
run_ferret bare.log 30 -fuzz -fuzztime=10x
assert_rc "bare -fuzz" 2
assert_contains bare.log "this binary has 2 fuzz targets (typed_both, FuzzNumber): pass -fuzz=NAME"

run_ferret bytes.log 60 -fuzz=typed_both -fuzztime=500000x -parallel=1 -seed=7 -cachedir=cache1
assert_rc "-fuzz=typed_both" 1
assert_contains bytes.log "fuzz: target typed_both,"
find_crasher bytes.log
assert_eq "bytes crasher" BYTE "$(cat "$CRASHER")"
check_rerun bytes.log
assert_eq "bytes re-run command" "$BIN $CRASHER" "$RERUN"

run_ferret typed.log 60 -fuzz=FuzzNumber -fuzztime=500000x -parallel=1 -seed=7 -cachedir=cache2
assert_rc "-fuzz=FuzzNumber" 1
assert_contains typed.log "    typed_both.c:25: the number"
f=$(ls testdata/fuzz/FuzzNumber/)
assert_eq "typed crasher" "$(printf 'go test fuzz v1\nint32(-424242)')" "$(cat "testdata/fuzz/FuzzNumber/$f")"
assert_contains typed.log "    $BIN -run=FuzzNumber/$f"

# The replay: both targets, both failures.
rm -f "$CRASHER"
run_ferret replay.log 30 -run=FuzzNumber
assert_rc "replay of FuzzNumber" 1
assert_contains replay.log "--- FAIL: FuzzNumber/$f"
run_ferret replay2.log 30 -run=typed_both
assert_rc "replay of typed_both" 0
assert_contains replay2.log "ok  typed_both: 0 inputs passed"
assert_no_procs
finish
