#!/bin/bash
# A worker that is writing a crash report is not hanging, however slow the
# report (here a symbolizer that takes 3 s to start the first time, with
# -timeout=1): a
# SEGV and a heap-buffer-overflow are filed as crashes with their whole
# report, minimized, and their re-run command carries no -timeout.  The
# target's own raise(SIGUSR2) is a crash by that signal, not a "timeout";
# malloc(4 GB) under ASan is an out-of-memory finding, not a hang.
. "$(dirname "$0")/lib.sh"

build_target slow_report asan

run_case() { # WORD SEED LOG ARGS...
    local word=$1 seed=$2 log=$3
    shift 3
    enter_workdir
    mkdir -p sym cache || fail "mkdir"
    # The first report is slow (the finding); the later ones (minimizing) are not.
    printf '#!/bin/sh\n[ -e %s/sym/slow-once ] || { : >%s/sym/slow-once; sleep 3; }\nexec /usr/bin/llvm-symbolizer "$@"\n' \
        "$WORK" "$WORK" >sym/llvm-symbolizer
    chmod +x sym/llvm-symbolizer
    printf '%s' "$seed" >cache/seed
    BUG=$word ASAN_OPTIONS=external_symbolizer_path=$WORK/sym/llvm-symbolizer \
        run_ferret "$log" 120 -fuzz -parallel=1 -seed=3 -cachedir=cache -fuzzminimizetime=30s "$@"
    assert_rc "$word" 1 "$log"
    assert_not_contains "$log" "ERROR: ferret: timeout"
    assert_not_contains "$log" "hang: an input ran for more than"
}

run_case SEGV SEGx segv.log -timeout=1
assert_contains segv.log "SUMMARY: AddressSanitizer: SEGV"
assert_contains segv.log "in null_write"
assert_not_contains segv.log "-timeout="
find_crasher segv.log
assert_eq "SEGV crasher, minimized" "SEGV" "$(cat "$CRASHER")"
assert_clean

run_case HBOF HBOx hbof.log -timeout=1
assert_contains hbof.log "SUMMARY: AddressSanitizer: heap-buffer-overflow"
assert_contains hbof.log "in heap_overflow"
find_crasher hbof.log
assert_eq "heap-buffer-overflow crasher, minimized" "HBOF" "$(cat "$CRASHER")"
assert_clean

run_case USR2 USRx usr2.log -timeout=1
assert_contains usr2.log "signal USR2"
assert_clean

run_case MALL MALx mall.log
assert_contains mall.log "out-of-memory"
assert_contains mall.log "malloc(4294967296)"
assert_clean
finish
