#!/bin/bash
# Input-to-state through transforms (issue 15): the compared operand is not
# in the input as itself, but case-folded (xf_fold), as hex text (xf_hex),
# base64-encoded one byte into a group (xf_b64), or mixed from three bytes in
# base 251 (xf_mix).  Each is solved within a fixed execution budget at a
# fixed seed; without cmpxform.c's transforms (main before issue 15 item 3)
# none of them is, within the same budget (see README, "Input-to-state").
. "$(dirname "$0")/lib.sh"

BUDGET=${XF_BUDGET:-200000}

check_target() {
    local name=$1 variant=${2:-plain}
    build_target "$name" "$variant"
    enter_workdir
    run_ferret run.log 300 -fuzz -fuzztime=${BUDGET}x -parallel=1 -seed=1 -cachedir=cache
    assert_rc "[$name/$variant] solved through its transform" 1 run.log
    assert_contains run.log "--- FAIL: $name"
    find_crasher run.log
    check_rerun run.log
    assert_no_procs
}

for t in ${XF_TARGETS:-xf_fold xf_hex xf_b64 xf_mix}; do
    check_target "$t"
done
# Under ASan the memcmp operands come through the sanitizer's weak hook.
[ -n "${XF_TARGETS:-}" ] || check_target xf_b64 asan
finish
