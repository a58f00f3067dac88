#!/usr/bin/env bash
# bench/vp_cost.sh - what value profile (on by default in ferret, off in
# libFuzzer) costs, against libFuzzer (issue 15): exec/s per CPU second of
# one process on the empty target (bench/targets/empty.c) and on sixteen
# 32-bit compares per input (bench/execrate.sh's cmp32), runs interleaved:
#   ferret          build/bin/ferret-cc -fsanitize=fuzzer, default flags
#   ferret vp=0     the same binary, -use_value_profile=0
#   libFuzzer       clang -fsanitize=fuzzer, default flags
#   libFuzzer vp=1  the same binary, -use_value_profile=1
# each run a fresh start (ferret: -fuzztime=Nx -parallel=1 -seed=1, a new
# cache; libFuzzer: -runs=N -seed=1, an empty corpus), so the rate
# includes the work of finding and keeping what the features find.
# Prints every run, the medians and ferret's ratio to libFuzzer's default.
# Uses the worktree's build (run make first).  Not run in CI.
#
#   bash bench/vp_cost.sh
#
# VP_EXECS [5000000] executions per run, VP_RUNS [5] runs each,
# VP_TARGETS ["empty cmp32"] the targets measured; VP_BEFORE=COMMIT adds
# ferret at default flags as built by that commit's ferret-cc (a before /
# after comparison in the same interleaved runs).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
EXECS=${VP_EXECS:-5000000}
RUNS=${VP_RUNS:-5}
TARGETS=${VP_TARGETS:-empty cmp32}
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang
FCC=$ROOT/build/bin/ferret-cc
[ -x "$FCC" ] || { echo "vp_cost: build/bin/ferret-cc missing: make" >&2; exit 2; }
. bench/execrate.sh
execrate_init vp-cost
cp "$ROOT/bench/targets/empty.c" "$WORK/empty.c"

BEFORE=${VP_BEFORE:-}
if [ -n "$BEFORE" ]; then
    mkdir "$WORK/before"
    git archive "$BEFORE" | (cd "$WORK/before" && tar xf -)
    make -s -C "$WORK/before" all >/dev/null
fi
for t in $TARGETS; do
    "$FCC" -g -O1 -fsanitize=fuzzer "$WORK/$t.c" -o "$WORK/$t.ferret"
    "$CC" -g -O1 -fsanitize=fuzzer "$WORK/$t.c" -o "$WORK/$t.libfuzzer"
    [ -z "$BEFORE" ] || "$WORK/before/build/bin/ferret-cc" -g -O1 -fsanitize=fuzzer "$WORK/$t.c" -o "$WORK/$t.before"
done
for t in $TARGETS; do
    extra=()
    [ -z "$BEFORE" ] || extra=("ferret $BEFORE|ferret|$WORK/$t.before|")
    execrate_compare vp_cost "$t" "${extra[@]}" "ferret|ferret|$WORK/$t.ferret|" \
        "ferret vp=0|ferret|$WORK/$t.ferret|-use_value_profile=0" \
        "libFuzzer|libfuzzer|$WORK/$t.libfuzzer|" \
        "libFuzzer vp=1|libfuzzer|$WORK/$t.libfuzzer|-use_value_profile=1"
    execrate_ratio vp_cost "$t" libFuzzer ferret "ferret/libFuzzer, both at default flags"
    execrate_ratio vp_cost "$t" "ferret vp=0" ferret "value profile on/off in ferret"
    [ -z "$BEFORE" ] || execrate_ratio vp_cost "$t" "ferret $BEFORE" ferret "after/before"
done
