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
. bench/execrate.sh
execrate_init plugin-cost

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

for t in $TARGETS; do
    execrate_compare plugin_cost "$t" "plugin|ferret|$WORK/$t.on|" "no plugin|ferret|$WORK/$t.off|"
    execrate_ratio plugin_cost "$t" "no plugin" plugin "plugin/no plugin"
done
