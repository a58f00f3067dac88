#!/bin/bash
# A harness defining memmem, malloc & co., regcomp & co. and
# __lsan_is_turned_off (issue 14 item 14) links with libferret.a (it did
# not: "multiple definition"), calls its own definitions (it aborts if not),
# is fuzzed to its planted crash, and ferret's -fuzz / -run patterns still
# use the C library's regular expressions, not the target's regcomp (which
# refuses every pattern).
. "$(dirname "$0")/lib.sh"

for variant in plain asan; do
    build_target clash "$variant"
    enter_workdir
    run_ferret fuzz.log 90 -fuzz='^cl(a|o)sh$' -fuzztime=500000x -parallel=1 -seed=1 -cachedir=cache
    assert_rc "[$variant] fuzzing finds the crash" 1
    assert_contains fuzz.log "--- FAIL: clash"
    assert_not_contains fuzz.log "is not the harness's own"
    assert_not_contains fuzz.log "the target's own regerror"
    assert_not_contains fuzz.log "LeakSanitizer"
    find_crasher fuzz.log
    assert_eq "[$variant] crasher (minimized)" "HI" "$(cat "$CRASHER")"
    assert_no_procs
    # Regression: an extended pattern selects the target; the crasher fails.
    run_ferret run.log 30 -run='cl(a|o)sh'
    assert_rc "[$variant] -run='cl(a|o)sh' replays the crasher" 1
    assert_contains run.log "failing input is $CRASHER"
    # The target matches, no entry does: a clean run, and no leak at exit
    # (the dynamic loader's allocations for pattern.c's libc lookup were
    # reported under ASan through the target's malloc).
    run_ferret clean.log 30 -run='^cl(a|o)sh$/^none$'
    assert_rc "[$variant] -run selecting no entry" 0
    assert_not_contains clean.log "LeakSanitizer"
    run_ferret none.log 30 -run='^nomatch$'
    assert_rc "[$variant] -run matching nothing" 0
    assert_contains none.log "-run=^nomatch\$ matches no fuzz target"
    run_ferret bad.log 30 -run='('
    assert_rc "[$variant] a bad -run pattern" 2
    assert_contains bad.log "bad regular expression ("
    assert_not_contains bad.log "the target's own regerror"
    assert_no_procs
done
finish
