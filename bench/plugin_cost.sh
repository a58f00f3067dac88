#!/usr/bin/env bash
# bench/plugin_cost.sh - what ferret's pass plugin costs (issue 15 item 1):
# exec/s of one worker on three targets built with build/bin/ferret-cc, with
# the plugin and with FERRET_PLUGIN=0, runs interleaved (on, off, on, off
# ...) so both see the same machine:
#   empty   the empty target (bench/targets/empty.c): no compare at all;
#   cmp32   sixteen 32-bit compares per input (as bench/hotloop.sh's),
#           which the plugin leaves to SanitizerCoverage;
#   fcmp64  sixteen double compares per input, each a plugin hook call
#           with the plugin (and nothing without it): the hooks' own cost.
# Prints each run's exec/s (executions over the user+system CPU time of the
# whole process tree) and the median ratio on/off.  Uses the worktree's
# build (run make first).  Not run in CI.
#
#   bash bench/plugin_cost.sh
#
# PLUGIN_EXECS [10000000] executions per run, PLUGIN_RUNS [5] runs each,
# PLUGIN_TARGETS ["empty cmp32 fcmp64"] the targets measured.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
EXECS=${PLUGIN_EXECS:-10000000}
RUNS=${PLUGIN_RUNS:-5}
TARGETS=${PLUGIN_TARGETS:-empty cmp32 fcmp64}
FCC=$ROOT/build/bin/ferret-cc
[ -x "$FCC" ] && [ -f "$ROOT/build/lib/ferret-pass.so" ] ||
    { echo "plugin_cost: build/bin/ferret-cc or build/lib/ferret-pass.so missing: make deps && make" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ferret-plugin-cost.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/cmp32.c" <<'SRC'
#include <stddef.h>
#include <stdint.h>
#include <string.h>
static volatile uint32_t sink;
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const uint32_t keys[16] = {0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00,
                                      0x0badf00d, 0xdeadbeef, 0xcafebabe, 0x8badf00d,
                                      0x12345678, 0x9abcdef0, 0x0f0f0f0f, 0xf0f0f0f0,
                                      0x01020304, 0x05060708, 0x090a0b0c, 0x0d0e0f10};
    uint32_t v = 0;
    if (n >= 4)
        memcpy(&v, d, 4);
    for (int i = 0; i < 16; i++)
        if (v == keys[i])
            sink++;
    return 0;
}
SRC
cat >"$WORK/fcmp64.c" <<'SRC'
#include <stddef.h>
#include <stdint.h>
#include <string.h>
static volatile uint32_t sink;
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const double keys[16] = {1.5, 2.25, 3.125, 4.0625, 5.5, 6.75, 7.875, 8.9375,
                                    -1.5, -2.25, -3.125, -4.0625, 1e10, 2e20, 3e30, 4e40};
    double v = 0;
    if (n >= 8)
        memcpy(&v, d, 8);
    for (int i = 0; i < 16; i++)
        if (v == keys[i])
            sink++;
    return 0;
}
SRC
cp "$ROOT/bench/targets/empty.c" "$WORK/empty.c"

for t in empty cmp32 fcmp64; do
    "$FCC" -g -O1 -fsanitize=fuzzer "$WORK/$t.c" -o "$WORK/$t.on"
    FERRET_PLUGIN=0 "$FCC" -g -O1 -fsanitize=fuzzer "$WORK/$t.c" -o "$WORK/$t.off"
done
calls() { objdump -d "$1" | grep -c 'call.*<__ferret_trace' || true; }
echo "plugin_cost: hook calls in fcmp64: with the plugin $(calls "$WORK/fcmp64.on"), without $(calls "$WORK/fcmp64.off")"

# rate BIN: exec/s over the CPU time (user + sys) of the run's process tree.
rate() {
    local d
    d=$(mktemp -d "$WORK/run.XXXXXX")
    (cd "$d" && /usr/bin/time -f '%U %S' -o "$d/time" "$1" -fuzz -fuzztime="${EXECS}x" -parallel=1 \
        -seed=1 -cachedir=cache >/dev/null 2>&1 </dev/null) || true
    awk -v n="$EXECS" '{ c = $1 + $2; printf "%.0f\n", (c > 0 ? n / c : 0) }' "$d/time"
    rm -rf "$d"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for t in $TARGETS; do
    : >"$WORK/$t.ron"
    : >"$WORK/$t.roff"
    for i in $(seq 1 "$RUNS"); do
        rate "$WORK/$t.on" >>"$WORK/$t.ron"
        rate "$WORK/$t.off" >>"$WORK/$t.roff"
    done
    mon=$(median <"$WORK/$t.ron")
    moff=$(median <"$WORK/$t.roff")
    echo "plugin_cost: $t: plugin    $(tr '\n' ' ' <"$WORK/$t.ron")exec/s (median $mon)"
    echo "plugin_cost: $t: no plugin $(tr '\n' ' ' <"$WORK/$t.roff")exec/s (median $moff)"
    awk -v a="$moff" -v b="$mon" -v t="$t" 'BEGIN { printf "plugin_cost: %s: ratio %.3f (plugin/no plugin, per CPU second)\n", t, (a ? b / a : 0) }'
done
