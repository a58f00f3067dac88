#!/bin/bash
# A 4-byte magic ("FUZZ", checked byte by byte) behind 64-byte random seeds:
# fuzzing finds a crasher longer than 4 bytes, minimization cuts it to exactly
# "FUZZ", and the printed re-run command reproduces the crash.
. "$(dirname "$0")/lib.sh"

# 64 pseudo-random bytes, the same on every run.
make_seed() {
    { printf '%s' "$1-a" | sha256sum | cut -c1-64; printf '%s' "$1-b" | sha256sum | cut -c1-64; } |
        tr -d '\n' | xxd -r -p
}

check_variant() {
    local variant=$1
    build_target magic "$variant"
    enter_workdir
    local t=magic seeds=testdata/fuzz/magic i
    mkdir -p "$seeds" || fail "mkdir $seeds"
    for i in 1 2 3; do
        make_seed "seed$i" >"$seeds/seed$i"
        assert_eq "seed$i size" 64 "$(wc -c <"$seeds/seed$i" | tr -d ' ')"
    done

    # The seeds themselves pass.
    run_ferret replay.log 30
    assert_rc "[$variant] replay of the seeds: exit code" 0
    assert_contains replay.log "ok  magic: 3 inputs passed"

    # Without minimization the crasher is longer than the magic (the padding).
    run_ferret nomin.log 60 -fuzz -fuzztime=2000000x -parallel=1 -seed=4 -cachedir=cache1 -fuzzminimizetime=0
    assert_rc "[$variant] unminimized run: exit code" 1
    local raw
    raw=$(grep -oE 'failing input written to .*' nomin.log | sed 's/^failing input written to //')
    [ -n "$raw" ] && [ -f "$raw" ] || { show_log nomin.log; fail "[$variant] no crasher written without minimization"; }
    local rawlen
    rawlen=$(wc -c <"$raw" | tr -d ' ')
    [ "$rawlen" -gt 4 ] || fail "[$variant] unminimized crasher is only $rawlen bytes: the test no longer exercises minimization"
    [ "$(head -c 4 "$raw")" = FUZZ ] || fail "[$variant] unminimized crasher does not start with FUZZ: $(xxd "$raw" | head -3)"
    rm -f "$raw"
    assert_no_procs

    # With minimization: exactly "FUZZ".
    run_ferret fuzz.log 90 -fuzz -fuzztime=2000000x -parallel=1 -seed=1 -cachedir=cache2
    assert_rc "[$variant] fuzzing: exit code" 1
    assert_contains fuzz.log "--- FAIL: $t"
    assert_contains fuzz.log "    fuzzing process terminated unexpectedly: exit status 1"
    assert_contains fuzz.log "    To re-run:"
    assert_contains fuzz.log "FAIL"
    assert_no_procs
    mkdir -p seeds-aside && mv "$seeds"/seed* seeds-aside/ || fail "cannot move the seeds aside"
    find_crasher fuzz.log
    local crasher=$CRASHER
    assert_eq "[$variant] crasher size" 4 "$(wc -c <"$crasher" | tr -d ' ')"
    assert_eq "[$variant] crasher content" FUZZ "$(cat "$crasher")"
    # The FAIL block, in order.
    local block
    block=$(grep -nE '^(--- FAIL: |    fuzzing process terminated|    failing input written|    To re-run:|FAIL$)' fuzz.log | cut -d: -f2- | cut -c1-20)
    assert_eq "[$variant] order of the FAIL block" "$(printf '%s\n' '--- FAIL: magic' '    fuzzing process ' '    failing input wr' '    To re-run:' 'FAIL')" "$block"

    # The re-run command, exactly as printed, reproduces the crash.
    check_rerun fuzz.log
    assert_eq "[$variant] re-run command" "$BIN $crasher" "$RERUN"
    assert_contains rerun.log "$crasher"
    assert_no_procs
}

check_variant plain
check_variant asan
finish
