#!/bin/bash
# libFuzzer's reproduce mode (T -runs=N FILE): a timeout and an allocation
# over the limit print libFuzzer's own lines -- the ones ClusterFuzz's
# parser keys on ("ERROR: libFuzzer: timeout", "libFuzzer: out-of-memory (")
# -- with the error line before the stack, and exit with libFuzzer's codes
# (-timeout_exitcode, 70 by default; 71).  Go's command line keeps ferret's
# words and exit 1.
. "$(dirname "$0")/lib.sh"

# The error line, then the stack: the line number of the first frame is
# after the line's.
error_before_stack() {
    local log=$1 line=$2 e s
    e=$(grep -nF -- "$line" "$log" | head -n 1 | cut -d: -f1)
    s=$(grep -nE '^    #0 ' "$log" | head -n 1 | cut -d: -f1)
    [ -n "$e" ] && [ -n "$s" ] && [ "$e" -lt "$s" ] || { show_log "$log"; fail "$log: '$line' is not followed by the stack"; }
}

for variant in asan plain; do
    build_target lf_ends "$variant"
    enter_workdir
    printf 'H' >hang; printf 'M' >big

    # A timeout: libFuzzer's ALARM lines, its error line, the stack, its
    # summary; -timeout_exitcode (70 by default).
    run_ferret t.log 60 -timeout=1 -runs=3 hang
    assert_rc "[$variant] reproduce a timeout: libFuzzer's exit code" 70 t.log
    assert_contains t.log "Running: hang"
    assert_contains t.log "ALARM: working on the last Unit for 1 seconds"
    assert_contains t.log "       and the timeout value is 1 (use -timeout=N to change)"
    grep -qE '^==[0-9]+== ERROR: libFuzzer: timeout after 1 seconds$' t.log || { show_log t.log; fail "[$variant] no libFuzzer timeout line"; }
    assert_contains t.log "SUMMARY: libFuzzer: timeout"
    assert_not_contains t.log "ERROR: ferret:"
    [ "$variant" = plain ] || error_before_stack t.log "ERROR: libFuzzer: timeout after 1 seconds"
    run_ferret t2.log 60 -timeout=1 -timeout_exitcode=55 -runs=3 hang
    assert_rc "[$variant] reproduce a timeout: -timeout_exitcode" 55 t2.log

    # One allocation over the limit (-malloc_limit_mb, or -rss_limit_mb).
    run_ferret m.log 60 -malloc_limit_mb=64 -runs=3 big
    assert_rc "[$variant] reproduce an allocation over the limit: libFuzzer's exit code" 71 m.log
    grep -qE '^==[0-9]+== ERROR: libFuzzer: out-of-memory \(malloc\(3221225472\)\)$' m.log || { show_log m.log; fail "[$variant] no libFuzzer out-of-memory line"; }
    assert_contains m.log "   To change the out-of-memory limit use -rss_limit_mb=<N>"
    assert_contains m.log "SUMMARY: libFuzzer: out-of-memory"
    assert_not_contains m.log "ERROR: ferret:"
    [ "$variant" = plain ] || error_before_stack m.log "ERROR: libFuzzer: out-of-memory (malloc("
    run_ferret m2.log 60 -rss_limit_mb=2560 -runs=1 big
    assert_rc "[$variant] reproduce: -rss_limit_mb bounds one allocation too" 71 m2.log
    assert_contains m2.log "ERROR: libFuzzer: out-of-memory (malloc(3221225472))"

    # Go's command line: ferret's words, exit 1.
    run_ferret g.log 60 -timeout=1 hang
    assert_rc "[$variant] Go's regression run: a timeout" 1 g.log
    assert_contains g.log "ERROR: ferret: timeout: the target has been running one input for longer than -timeout while running hang"
    run_ferret g2.log 60 -malloc_limit_mb=64 big
    assert_ne "[$variant] Go's regression run: an allocation over the limit" 0 "$RC"
    assert_contains g2.log "ERROR: ferret: out-of-memory (malloc(3221225472)): one allocation is over -malloc_limit_mb=64"
    assert_no_procs
done
finish
