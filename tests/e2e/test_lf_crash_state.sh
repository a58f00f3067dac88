#!/bin/bash
# ferret's own frames stay out of crash states.  ClusterFuzz names a crash
# by the first frames of its stack that are not the engine's, the
# sanitizers' or the C library's; libFuzzer's frames are left out by
# ^fuzzer:: (clusterfuzz/stacktraces/constants.py).  So every frame of
# ferret's sources in any report -- under the target (run_one, the loops,
# LLVMFuzzerInitialize's caller) and over it (the handlers printing a
# timeout, an exit(), an allocation over the limit) -- must be named
# fuzzer::... (src/engine/frame.h).  The bugs here are all in
# LLVMFuzzerTestOneInput (or LLVMFuzzerInitialize) itself: nothing of the
# target's own below them, so a crash state would reach the engine's frames.
. "$(dirname "$0")/lib.sh"

# Frames of ferret's sources ($ROOT/src/) not named fuzzer::..., none
# (main is left out by ^main, as libFuzzer's main is).  A third argument
# "maybe": the stack may be missing (a fuzzing hang's stack is best effort:
# the worker is killed 0.5 s after it is asked for it, and a loaded
# machine's symbolizer can take longer).
check_frames() {
    local log=$1 what=$2 maybe=${3:-} bad
    if ! grep -qE '^    #[0-9]+ 0x' "$log"; then
        [ "$maybe" = maybe ] && { note "$what: no stack this time (best effort)"; return 0; }
        show_log "$log"; fail "$what: no stack in $log"
    fi
    bad=$(grep -E "^    #[0-9]+ 0x[0-9a-f]+ in [^ ]+ $ROOT/src/" "$log" |
          grep -vE '^    #[0-9]+ 0x[0-9a-f]+ in (fuzzer::|main )')
    [ -z "$bad" ] || { show_log "$log" 60; fail "$what: ferret frames not named fuzzer::: $bad"; }
    grep -qE "^    #[0-9]+ 0x[0-9a-f]+ in fuzzer::ferret::" "$log" ||
        { show_log "$log" 60; fail "$what: no fuzzer::ferret:: frame (symbolized? frame.h's labels?)"; }
}

build_target lf_ends asan
enter_workdir
printf 'S' >segv; printf 'A' >overflow; printf 'H' >hang; printf 'M' >big; printf 'E3' >exit3

# Reproducing each kind of report.
run_ferret s.log 60 -runs=1 segv
assert_ne "SEGV" 0 "$RC"
assert_contains s.log "ERROR: AddressSanitizer: SEGV"
check_frames s.log "reproduce, SEGV"
run_ferret a.log 60 -runs=1 overflow
assert_contains a.log "ERROR: AddressSanitizer: heap-buffer-overflow"
check_frames a.log "reproduce, heap-buffer-overflow"
run_ferret h.log 60 -timeout=1 -runs=1 hang
assert_rc "timeout" 70 h.log
check_frames h.log "reproduce, timeout"
run_ferret m.log 60 -malloc_limit_mb=64 -runs=1 big
assert_rc "out-of-memory" 71 m.log
check_frames m.log "reproduce, out-of-memory (malloc)"
run_ferret e.log 60 -runs=1 exit3
assert_rc "exit()" 77 e.log
check_frames e.log "reproduce, exit()"
# Go's regression run too.
run_ferret g.log 60 segv
check_frames g.log "Go's regression run, SEGV"

# Fuzzing: the worker's loops below the target, and the coordinator's report.
for input in segv hang big exit3; do
    rm -rf c art; mkdir -p c art && cp "$input" c/
    run_ferret f-$input.log 120 -timeout=2 -malloc_limit_mb=64 -runs=100 -seed=1 -artifact_prefix="$WORK/art/" c
    assert_ne "fuzzing $input" 0 "$RC"
    check_frames f-$input.log "fuzzing, $input" "$([ "$input" = hang ] && echo maybe)"
done

# A crash in LLVMFuzzerInitialize: its caller is ferret's.
build_target fault_init_segv asan
run_ferret i.log 60 -runs=1 segv
assert_ne "crash in LLVMFuzzerInitialize" 0 "$RC"
check_frames i.log "reproduce, LLVMFuzzerInitialize"
run_ferret fi.log 60 -runs=10 c
assert_ne "fuzzing, crash in LLVMFuzzerInitialize" 0 "$RC"
check_frames fi.log "fuzzing, LLVMFuzzerInitialize"
assert_no_procs
finish
