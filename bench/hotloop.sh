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
. bench/execrate.sh
execrate_init hotloop

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

build "$A" "$WORK/a"
build "$B" "$WORK/b"
for t in empty cmp32; do
    execrate_compare hotloop "$t" "$A|ferret|$WORK/a/$t|" "$B|ferret|$WORK/b/$t|"
    execrate_ratio hotloop "$t" "$A" "$B" "after/before"
done
