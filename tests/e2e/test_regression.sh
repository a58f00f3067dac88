#!/bin/bash
# Regression mode (no -fuzz): replays testdata/fuzz/<target>/ plus the files
# and directories on the command line.  Passes with benign seeds; fails, naming
# the file, when a crashing input is among them; a missing path is exit 3.
# Under ASan too: LeakSanitizer must find nothing of the engine's own to
# report at exit, or every passing run would exit 1.
. "$(dirname "$0")/lib.sh"

check_variant() {
    local variant=$1
    build_target regress "$variant"
    enter_workdir
    local seeds=testdata/fuzz/regress
    mkdir -p "$seeds" extra || fail "mkdir"
    printf 'hello' >"$seeds/hello"
    printf 'BA' >"$seeds/short"
    printf '' >"$seeds/empty"
    printf 'xBAD' >"$seeds/notatstart"
    printf 'GOOD' >extra/good
    printf 'BADBADBAD' >bad-input

    # 1. Benign seeds: ok.
    run_ferret ok.log 30
    assert_rc "[$variant] benign seeds: exit code" 0
    assert_contains ok.log "ok  regress: 4 inputs passed"

    # 2. Plus a benign directory and file on the command line.
    printf 'fine' >fine
    run_ferret ok2.log 30 extra fine
    assert_rc "[$variant] benign seeds + paths: exit code" 0
    assert_contains ok2.log "ok  regress: 6 inputs passed"

    # 2b. A named file runs even when its content repeats a seed's
    # (regress.c: "Named files run even when their content repeats another's").
    cp "$seeds/hello" hello-copy
    run_ferret dup.log 30 hello-copy
    soft assert_contains dup.log "ok  regress: 5 inputs passed"

    # 3. A crashing file on the command line: fails and names it.
    run_ferret badarg.log 30 bad-input
    assert_ne "[$variant] crashing file argument: exit code" 0 "$RC"
    assert_contains badarg.log "bad-input"
    assert_not_contains badarg.log "passed"

    # 4. A crashing seed in testdata: fails and names it.
    printf 'BAD!' >"$seeds/crasher"
    run_ferret badseed.log 30
    assert_ne "[$variant] crashing seed: exit code" 0 "$RC"
    assert_contains badseed.log "$seeds/crasher"
    assert_not_contains badseed.log "passed"
    rm -f "$seeds/crasher"

    # 5. A missing path: exit 3, naming it; nothing is run.
    run_ferret missing.log 30 extra does-not-exist
    assert_rc "[$variant] missing file argument: exit code" 3
    assert_contains missing.log "does-not-exist"
    assert_not_contains missing.log "passed"

    # 6. A missing directory-looking path, too.
    run_ferret missing2.log 30 nodir/
    assert_rc "[$variant] missing directory argument: exit code" 3
    assert_contains missing2.log "nodir/"
    assert_no_procs
}

check_variant plain
check_variant asan
finish
