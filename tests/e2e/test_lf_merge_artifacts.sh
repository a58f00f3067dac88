#!/bin/bash
# -merge=1 over inputs that crash, hang, run out of memory and leak (issue
# 14 item 5): each is left out of the merge and written as libFuzzer's merge
# leaves it, <artifact_prefix>{crash,timeout,oom,leak}-<sha1> with libFuzzer's
# "Test unit written to" line, so corpus pruning can quarantine it; the merge
# itself succeeds (exit 0; 4 if such a file cannot be written) and keeps the
# good inputs.
. "$(dirname "$0")/lib.sh"

build_target merge_bad asan
enter_workdir
mkdir -p out in art
for x in a b c d; do printf '%s-good' "$x" >in/good_$x; done
printf 'Crash' >in/crash
printf 'Hang' >in/hang
printf 'Memory' >in/oom
printf 'Leak' >in/leak
sha() { printf '%s' "$1" | sha1sum | cut -d' ' -f1; }

run_ferret merge.log 120 -merge=1 -workers=1 -timeout=2 -malloc_limit_mb=64 -artifact_prefix="$WORK/art/" out in
assert_rc "merge with bad inputs" 0 merge.log
grep -qE '^MERGE-OUTER: 4 new files with [0-9]+ new features added; [0-9]+ new coverage edges' merge.log ||
    { show_log merge.log; fail "no MERGE-OUTER line keeping the 4 good inputs"; }
for pair in crash:Crash timeout:Hang oom:Memory leak:Leak; do
    kind=${pair%%:*} data=${pair#*:}
    f="art/$kind-$(sha "$data")"
    [ -f "$f" ] || { ls art >&2; show_log merge.log; fail "no $f for the $kind input"; }
    assert_eq "$f holds the input" "$data" "$(cat "$f")"
    assert_contains merge.log "artifact_prefix='$WORK/art/'; Test unit written to $WORK/$f"
done
assert_eq "artifacts" 4 "$(count_files art)"
assert_eq "kept" 4 "$(count_files out)"
for x in a b c d; do [ -f "out/$(sha "$x-good")" ] || fail "good input $x not kept"; done
assert_contains merge.log "ERROR: AddressSanitizer: SEGV"
assert_contains merge.log "ERROR: libFuzzer: timeout after 2 seconds"

# Without -artifact_prefix: in the working directory, as libFuzzer.
mkdir -p out2
run_ferret merge2.log 120 -merge=1 -workers=1 -timeout=2 -malloc_limit_mb=64 out2 in
assert_rc "merge without -artifact_prefix" 0 merge2.log
[ -f "crash-$(sha Crash)" ] || { ls >&2; fail "no ./crash-<sha1>"; }
# An artifact that cannot be written: named, the merge goes on, exit 4.
mkdir -p in3 out3 && cp in/crash in/good_a in3/ && : >notadir
run_ferret merge3.log 120 -merge=1 -workers=1 -artifact_prefix="$WORK/notadir/" out3 in3
assert_rc "merge whose artifact cannot be written" 4 merge3.log
assert_contains merge3.log "ferret: cannot write $WORK/notadir/crash-$(sha Crash)"
assert_contains merge3.log "MERGE-OUTER: 1 new files"
assert_clean
finish
