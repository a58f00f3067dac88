#!/usr/bin/env bash
# bench/hotloop.sh - the hot loop's cost, two commits side by side in one
# run: exec/s of one worker on the empty target (bench/targets/empty.c) and
# on a target making sixteen 32-bit compares per input, for a fixed number
# of executions, runs interleaved (A B A B ...) so both see the same machine.
# Prints each run's exec/s (executions over the user+system CPU of the whole
# process tree) and the median ratio B/A.  Not run in CI.
#
#   bash bench/hotloop.sh BEFORE AFTER        # commits, or WORKTREE
#
# HOTLOOP_EXECS [20000000] executions per run, HOTLOOP_RUNS [5] runs each.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
A=${1:?usage: bench/hotloop.sh BEFORE AFTER}
B=${2:?usage: bench/hotloop.sh BEFORE AFTER}
EXECS=${HOTLOOP_EXECS:-20000000}
RUNS=${HOTLOOP_RUNS:-5}
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ferret-hotloop.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/cmp32.c" <<'EOF'
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
EOF

build() { # COMMIT DIR
    mkdir -p "$2"
    if [ "$1" = WORKTREE ]; then
        (tar cf - --exclude=./build --exclude=./.git .) | (cd "$2" && tar xf -)
    else
        git archive "$1" | (cd "$2" && tar xf -)
    fi
    make -s -C "$2" build/libferret.a >/dev/null
    for t in empty cmp32; do
        src="$ROOT/bench/targets/$t.c"
        [ "$t" = cmp32 ] && src="$WORK/cmp32.c"
        "$CC" -g -O1 -fsanitize=fuzzer-no-link "$src" "$2/build/libferret.a" -o "$2/$t"
    done
}

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

build "$A" "$WORK/a"
build "$B" "$WORK/b"
for t in empty cmp32; do
    : >"$WORK/$t.a"
    : >"$WORK/$t.b"
    for i in $(seq 1 "$RUNS"); do
        rate "$WORK/a/$t" >>"$WORK/$t.a"
        rate "$WORK/b/$t" >>"$WORK/$t.b"
    done
    ma=$(median <"$WORK/$t.a")
    mb=$(median <"$WORK/$t.b")
    echo "hotloop: $t: $A $(tr '\n' ' ' <"$WORK/$t.a")exec/s (median $ma)"
    echo "hotloop: $t: $B $(tr '\n' ' ' <"$WORK/$t.b")exec/s (median $mb)"
    awk -v a="$ma" -v b="$mb" -v t="$t" 'BEGIN { printf "hotloop: %s: ratio %.3f (after/before, per CPU second)\n", t, (a ? b / a : 0) }'
done
