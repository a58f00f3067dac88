#!/bin/bash
# A Go-style target taking (bytes, int64) whose failure needs both: bytes
# starting with "KEY" and a number over 1000.  ferret finds it from seeds in
# code, minimizes each argument by its type to the smallest failing values
# ([]byte("KEY"), int64(1001)), writes the crasher in Go's encoding to
# testdata/fuzz/FuzzBoth/<hash>, and the printed -run=FuzzBoth/<hash>
# command replays exactly that entry.
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target typed "$variant"
    enter_workdir
    run_ferret fuzz.log 120 -fuzz=FuzzBoth -fuzztime=3000000x -parallel=2 -seed=5 -cachedir=cache
    assert_rc "[$variant] exit code" 1
    assert_contains fuzz.log "fuzz: target FuzzBoth,"
    assert_contains fuzz.log "--- FAIL: FuzzBoth"
    assert_contains fuzz.log "typed.c:26: KEY with 1001: too big"
    assert_contains fuzz.log "typed.c:24: got 3 bytes and 1001"
    assert_not_contains fuzz.log "terminated unexpectedly"
    n=$(count_files testdata/fuzz/FuzzBoth)
    assert_eq "[$variant] crashers written" 1 "$n"
    crasher=$(ls testdata/fuzz/FuzzBoth/)
    [[ "$crasher" =~ ^[0-9a-f]{16}$ ]] || fail "[$variant] crasher name '$crasher' is not 16 hex digits"
    assert_eq "[$variant] crasher (Go encoding, minimized)" \
        "$(printf 'go test fuzz v1\n[]byte("KEY")\nint64(1001)')" "$(cat testdata/fuzz/FuzzBoth/$crasher)"
    assert_contains fuzz.log "    failing input written to testdata/fuzz/FuzzBoth/$crasher"
    assert_contains fuzz.log "    $BIN -run=FuzzBoth/$crasher"
    assert_no_procs
    # The re-run command replays that one entry and fails as a test does.
    check_rerun fuzz.log
    assert_eq "[$variant] re-run exit code" 1 "$RC"
    assert_contains rerun.log "--- FAIL: FuzzBoth/$crasher"
    assert_contains rerun.log "    typed.c:26: KEY with 1001: too big"
    assert_not_contains rerun.log "seed#"
    assert_not_contains rerun.log "FuzzBool"
    # The cache holds Go-encoded files too.
    for f in cache/*; do
        [ -f "$f" ] || continue
        [ "$(head -n 1 "$f")" = "go test fuzz v1" ] || fail "[$variant] cache file $f is not in Go's encoding"
    done
done
finish
