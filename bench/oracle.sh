#!/usr/bin/env bash
# bench/oracle.sh - is a refactoring a refactoring?  Builds two commits of
# ferret and runs the same fixed-seed, fixed-budget fuzzing sessions on
# both (-parallel=1 -seed=N -fuzztime=Nx: no decision depends on the clock),
# then compares, target by target, the cache and the crasher directory byte
# for byte and the output line by line (timings, rates, pids and paths
# masked).  Prints one line per target and exits 1 if anything differs.
#
#   bash bench/oracle.sh BEFORE AFTER        # two commits (or HEAD, or WORKTREE)
#
# WORKTREE means the working tree as it is.  Address-space randomization is
# switched off for every run (setarch -R) unless ORACLE_ASLR=1: commits from
# before the compare table was keyed by code offsets (32ce55d) were only
# repeatable that way.
#
# Targets: examples/packet.c, examples/typed.c (FuzzRange, FuzzQuote), and
# bench/targets/{tlv,fsm,magic4}.c.  ORACLE_EXECS [30000] sets the budget,
# ORACLE_SEEDS [1 2] the seeds.  Not run in CI.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BEFORE=${1:?usage: bench/oracle.sh BEFORE AFTER}
AFTER=${2:?usage: bench/oracle.sh BEFORE AFTER}
EXECS=${ORACLE_EXECS:-30000}
SEEDS=${ORACLE_SEEDS:-1 2}
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ferret-oracle.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
NOASLR="setarch $(uname -m) -R"
[ "${ORACLE_ASLR:-0}" = 1 ] && NOASLR=

# build COMMIT DIR: the library of COMMIT (or the working tree) in DIR.
build() {
    local commit=$1 dir=$2
    mkdir -p "$dir"
    if [ "$commit" = WORKTREE ]; then
        (tar cf - --exclude=./build --exclude=./.git .) | (cd "$dir" && tar xf -)
    else
        git archive "$commit" | (cd "$dir" && tar xf -)
    fi
    make -s -C "$dir" build/libferret.a >/dev/null
}

# session LIB OUT NAME SRC SEED [ARGS...]: one fuzzing session into OUT/NAME.
session() {
    local lib=$1 out=$2 name=$3 src=$4 seed=$5
    shift 5
    local d="$out/$name.$seed"
    mkdir -p "$d"
    "$CC" -g -O1 -fsanitize=fuzzer-no-link -I"$ROOT/include" "$src" "$lib" -o "$d/bin" 2>/dev/null
    # A fixed binary name: the output and the corpus directories name it.
    mkdir -p "$d/run" && mv "$d/bin" "$d/run/$name"
    (cd "$d/run" && $NOASLR "./$name" -fuzz"${1:+=$1}" -parallel=1 -seed="$seed" -fuzztime="${EXECS}x" \
        -cachedir=cache >../out.log 2>&1 </dev/null) || true
    rm -f "$d/run/$name"
}

mask() {
    sed -E -e 's/[0-9]+(\.[0-9]+)?(ms|s|m|h)\b/T/g' -e 's/\(([0-9]+)\/sec\)/(R\/sec)/g' \
        -e 's/==[0-9]+==/==P==/g' -e 's/BuildId: [0-9a-f]+/BuildId: B/g' -e 's/0x[0-9a-f]{6,}/ADDR/g' -e "s#$WORK[^ ]*#PATH#g" "$1"
}

run_all() { # LIB OUT
    for seed in $SEEDS; do
        session "$1" "$2" packet "$ROOT/examples/packet.c" "$seed"
        session "$1" "$2" typed_range "$ROOT/examples/typed.c" "$seed" FuzzRange
        session "$1" "$2" typed_quote "$ROOT/examples/typed.c" "$seed" FuzzQuote
        for t in tlv fsm magic4; do
            session "$1" "$2" "$t" "$ROOT/bench/targets/$t.c" "$seed"
        done
    done
}

build "$BEFORE" "$WORK/a"
build "$AFTER" "$WORK/b"
run_all "$WORK/a/build/libferret.a" "$WORK/out.a"
run_all "$WORK/b/build/libferret.a" "$WORK/out.b"

differ=0
for d in "$WORK"/out.a/*; do
    n=$(basename "$d")
    b="$WORK/out.b/$n"
    files=$( (cd "$d/run" && find . -type f | LC_ALL=C sort | xargs -r sha1sum) | sha1sum | cut -c1-12)
    if ! diff -r -q "$d/run" "$b/run" >/dev/null 2>&1; then
        echo "oracle: $n: the cache or crashers DIFFER"
        diff -r -q "$d/run" "$b/run" | head -5 || true
        differ=1
    elif ! diff -q <(mask "$d/out.log") <(mask "$b/out.log") >/dev/null; then
        echo "oracle: $n: the output DIFFERS"
        diff <(mask "$d/out.log") <(mask "$b/out.log") | head -10 || true
        differ=1
    else
        echo "oracle: $n: identical (files $files, $(wc -l <"$d/out.log") lines of output)"
    fi
done
[ "$differ" = 0 ] && echo "oracle: $BEFORE and $AFTER behave identically" || echo "oracle: $BEFORE and $AFTER DIFFER"
exit "$differ"
