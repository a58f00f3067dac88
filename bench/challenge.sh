#!/usr/bin/env bash
# bench/challenge.sh - ferret against libFuzzer and AFL++ on known-hard
# patterns (bench/challenge/*.c): median wall time to the first crash.
# See bench/CHALLENGE.md for the targets and the method.
#
# Usage:
#   bench/challenge.sh                 build, check the targets, measure, print the table
#   bench/challenge.sh --selftest      build and check the targets only: each must crash
#                                      (SIGILL from __builtin_trap) on its known solution
#                                      and not crash on a few trivial inputs
#   bench/challenge.sh --table FILE    print the table of a results file again
#
# Environment overrides (defaults in brackets):
#   CHALLENGE_SEEDS   [1 2 3 4 5]   seeds (-seed=N for every engine)
#   CHALLENGE_CAP     [120]         seconds per run; an unsolved run counts as the cap
#   CHALLENGE_TARGETS [all]         names from bench/challenge/*.c, without .c
#   CHALLENGE_ENGINES [ferret libfuzzer libfuzzer-vp aflpp]
#   CHALLENGE_OUT     [a new /tmp/ferret-challenge.XXXXXX]  binaries, logs, results.tsv
#   CHALLENGE_LOCK    [/tmp/ferret-bench.lock]  held (flock) while the runs of a target
#                                   go, so no other benchmark runs meanwhile
#   CHALLENGE_WAIT_QUIET [20]       seconds each run may wait, before its clock
#                                   starts, for other processes to go quiet
#   CHALLENGE_RESUME  [0]           1: with CHALLENGE_OUT naming an earlier run's directory,
#                                   keep its results.tsv and run only what it lacks
#   CHALLENGE_LIB     [build/libferret.a]  the archive ferret-cc links (FERRET_LIB)
#   CHALLENGE_FERRET_CC [build/bin/ferret-cc]  the wrapper that builds ferret's binaries
#   CC                [clang]
# Quick run: CHALLENGE_CAP=20 CHALLENGE_SEEDS="1 2" bench/challenge.sh
#
# One run at a time, and the lock is held for all the runs of a target, so
# runs never overlap with each other or with other benchmarks taking the lock.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang
SEEDS=${CHALLENGE_SEEDS:-1 2 3 4 5}
CAP=${CHALLENGE_CAP:-120}
ENGINES=${CHALLENGE_ENGINES:-ferret libfuzzer libfuzzer-vp aflpp}
LOCK=${CHALLENGE_LOCK:-/tmp/ferret-bench.lock}
LIB=${CHALLENGE_LIB:-$ROOT/build/libferret.a}
FERRET_CC_BIN=${CHALLENGE_FERRET_CC:-$ROOT/build/bin/ferret-cc}
CFLAGS_BENCH="-g -O1"
ALL_TARGETS=$(cd "$ROOT/bench/challenge" && ls *.c | sed 's/\.c$//' | tr '\n' ' ')
TARGETS=${CHALLENGE_TARGETS:-$ALL_TARGETS}

log() { echo "challenge: $*" >&2; }
die() { log "$*"; exit 2; }

# No symbolized stack traces on a crash: llvm-symbolizer costs 0.1-0.3 s per
# crash, which is not what we measure (same setting as bench/run.sh).
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}symbolize=0"

# ---- the table ----------------------------------------------------------------
# results.tsv: engine target seed solved(0/1) seconds other_cores verified execs
# A run counts as solved only if its crasher was replayed through a plain
# build of the target and died of SIGILL (the target's __builtin_trap).
print_table() {
    local file=$1 cap engines targets
    cap=$(awk -F'\t' '$1 == "#cap" { print $2 }' "$file" | tail -1)
    engines=$(awk -F'\t' '$1 == "#engines" { print $2 }' "$file" | tail -1)
    targets=$(awk -F'\t' '$1 == "#targets" { print $2 }' "$file" | tail -1)
    awk -F'\t' -v cap="$cap" -v engines="$engines" -v targets="$targets" '
    function fmt(x) { return (x >= 100) ? sprintf("%.0f", x) : (x >= 10) ? sprintf("%.1f", x) : sprintf("%.2f", x) }
    /^#/ { next }
    {
        k = $2 SUBSEP $1; n[k]++; v[k, n[k]] = ($4 == 1) ? $5 : cap; s[k] += ($4 == 1)
        seeds[k] = seeds[k] " " (($4 == 1) ? fmt($5) : "-")
        if ($5 >= 2 && $8 != "" && $8 != "-") { xe[$1] += $8; xw[$1] += $5 }
        if ($5 >= 2) {   # shorter runs: too coarse (10 ms ticks)
            if ($6 > maxo) maxo = $6
            sumo += $6 * $5; sumw += $5
        }
        if ($4 == 0 && $7 == "unverified") bad[k]++
    }
    END {
        ne = split(engines, E, " "); nt = split(targets, T, " ")
        head = sprintf("| %-16s", "target")
        line = "|------------------"
        for (e = 1; e <= ne; e++) { head = head sprintf(" | %-16s", E[e]); line = line "|-----------------:" }
        print head " |"; print line "|"
        for (t = 1; t <= nt; t++) {
            row = sprintf("| %-16s", T[t])
            for (e = 1; e <= ne; e++) {
                k = T[t] SUBSEP E[e]; m = n[k]
                if (m == 0) { row = row sprintf(" | %-16s", "-"); continue }
                for (i = 1; i <= m; i++) a[i] = v[k, i]
                for (i = 2; i <= m; i++) { x = a[i]; j = i - 1; while (j >= 1 && a[j] > x) { a[j + 1] = a[j]; j-- } a[j + 1] = x }
                if (m % 2) { lo = a[(m + 1) / 2]; hi = lo } else { lo = a[m / 2]; hi = a[m / 2 + 1] }
                med = (lo + hi) / 2
                # a capped run in the middle: the true median is at least this
                txt = (lo >= cap) ? ">" cap : (hi >= cap) ? ">" fmt(med) : fmt(med)
                row = row sprintf(" | %-16s", txt "s " s[k] "/" m)
            }
            print row " |"
        }
        printf "\nper-seed times in seconds (\"-\" = not solved within the cap):\n"
        for (t = 1; t <= nt; t++)
            for (e = 1; e <= ne; e++) {
                k = T[t] SUBSEP E[e]
                if (n[k]) printf "  %-16s %-13s%s%s\n", T[t], E[e], seeds[k], bad[k] ? "  (" bad[k] " crash(es) that were not the trap)" : ""
            }
        printf "\nexecutions per second of wall time, over the runs of 2 s or more:"
        for (e = 1; e <= ne; e++) if (xw[E[e]] > 0) printf " %s %.0f;", E[e], xe[E[e]] / xw[E[e]]
        printf "\n"
        printf "other processes (not ours) during the runs of 2 s or more: %.2f cores on average (time-weighted), at most %.2f in one run\n", (sumw > 0) ? sumo / sumw : 0, maxo
    }' "$file"
}

if [ "${1:-}" = --table ]; then
    print_table "$2"
    exit 0
fi

# ---- one measured run (called under flock) --------------------------------------
busy_s() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat; }

# Waits (at most CHALLENGE_WAIT_QUIET seconds, default 20) until processes
# other than ours use less than 0.15 of a core, sampled over 1 s; then
# measures anyway (each run records the other processes' load).
wait_quiet() {
    local limit=${CHALLENGE_WAIT_QUIET:-20} waited=0 b0 b1
    while [ "$waited" -lt "$limit" ]; do
        b0=$(busy_s); sleep 1; b1=$(busy_s)
        awk -v a="$b0" -v b="$b1" 'BEGIN { exit !(b - a < 0.15) }' && return 0
        waited=$((waited + 1))
    done
}

# run_one ENGINE TARGET SEED DIR BIN: runs one fuzzer in DIR (fresh) under
# the runner; prints "wall_seconds other_cores crasher_path" (crasher_path
# "-" if none).  It is called under the lock: the clock starts once the
# machine is quiet (or CHALLENGE_WAIT_QUIET has passed).
# other_cores = (CPU time of the whole machine - CPU time of the run's
# process tree) / wall time: how much the rest of the machine did meanwhile.
run_one() {
    local engine=$1 t=$2 seed=$3 dir=$4 bin=$5 start end rc b0 b1 cpu crasher="-"
    local kill=$((CAP + 30))
    mkdir -p "$dir"
    wait_quiet
    b0=$(busy_s)
    start=$EPOCHREALTIME
    set +e
    case $engine in
    ferret)
        (cd "$dir" && exec "$bin/runner" "$dir/cpu" timeout -k 5 "$kill" \
            "$bin/ferret/$t" -fuzz -fuzztime="${CAP}s" -parallel=1 -seed="$seed" \
            -cachedir="$dir/cache" -fuzzminimizetime=0 >"$dir/log" 2>&1)
        rc=$?
        ;;
    libfuzzer | libfuzzer-vp)
        local vp=0
        [ "$engine" = libfuzzer-vp ] && vp=1
        (cd "$dir" && exec "$bin/runner" "$dir/cpu" timeout -k 5 "$kill" \
            "$bin/libfuzzer/$t" -seed="$seed" -max_total_time="$CAP" -use_value_profile=$vp \
            -print_final_stats=1 -artifact_prefix="$dir/" >"$dir/log" 2>&1)
        rc=$?
        ;;
    aflpp)
        mkdir -p "$dir/seeds"
        printf 'A' >"$dir/seeds/a"
        (cd "$dir" && AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
            AFL_BENCH_UNTIL_CRASH=1 AFL_NO_AFFINITY=1 \
            exec "$bin/runner" "$dir/cpu" timeout -k 5 "$kill" \
            afl-fuzz -i "$dir/seeds" -o "$dir/out" -s "$seed" -V "$CAP" \
            -c "$bin/aflpp/$t.cmplog" -l 3AT -- "$bin/aflpp/$t" >"$dir/log" 2>&1)
        rc=$?
        ;;
    *) die "unknown engine $engine" ;;
    esac
    end=$EPOCHREALTIME
    set -e
    b1=$(busy_s)
    cpu=$(cat "$dir/cpu" 2>/dev/null || echo 0)
    echo "$rc" >"$dir/rc"
    case $engine in
    ferret)
        if [ "$rc" = 1 ] && grep -q '^--- FAIL' "$dir/log"; then
            crasher=$(ls -d "$dir/testdata/fuzz/$t"/* 2>/dev/null | head -1 || true)
        fi
        ;;
    libfuzzer | libfuzzer-vp)
        if [ "$rc" != 0 ]; then
            crasher=$(ls -d "$dir"/crash-* 2>/dev/null | head -1 || true)
        fi
        ;;
    aflpp)
        crasher=$(ls -d "$dir"/out/default/crashes/id:* 2>/dev/null | head -1 || true)
        ;;
    esac
    [ -n "$crasher" ] || crasher="-"
    # executions, where the engine tells (ferret: its last progress line,
    # printed every 3 s, so none for shorter runs)
    local execs=""
    case $engine in
    ferret) execs=$(sed -n 's/^fuzz: elapsed: .*execs: \([0-9]*\).*/\1/p' "$dir/log" | tail -1) ;;
    libfuzzer | libfuzzer-vp) execs=$(awk '/stat::number_of_executed_units/ { n = $2 } END { print n }' "$dir/log") ;;
    aflpp) execs=$(awk -F': *' '/^execs_done/ { print $2 }' "$dir/out/default/fuzzer_stats" 2>/dev/null || true) ;;
    esac
    awk -v s="$start" -v e="$end" -v b0="$b0" -v b1="$b1" -v c="$cpu" -v cr="$crasher" -v x="${execs:--}" 'BEGIN {
        w = e - s; o = (w > 0) ? (b1 - b0 - c) / w : 0; if (o < 0) o = 0
        printf "%.3f %.2f %s %s\n", w, o, x, cr }'
}

# replay FILE TARGET: 0 if the plain build dies of SIGILL (the trap) on FILE
trapped() {
    local rc=0
    # (the braces keep bash's "Illegal instruction" notice off the terminal)
    { (ulimit -c 0; exec "$BIN/replay/$2" "$1") >/dev/null 2>&1 || rc=$?; } 2>/dev/null
    [ "$rc" = 132 ]
}

# measure_target TARGET: every engine and seed on TARGET, one run at a time;
# appends to $RES.  Called under the lock.
measure_target() {
    local t=$1 e s dir wall other execs crasher solved verified msg
    for e in $ENGINES; do
        for s in $SEEDS; do
            dir=$OUT/runs/$t/$e.$s
            if [ "${CHALLENGE_RESUME:-0}" = 1 ] &&
                awk -F'\t' -v e="$e" -v t="$t" -v s="$s" '$1 == e && $2 == t && $3 == s { f = 1 } END { exit !f }' "$RES"; then
                log "$t $e seed $s: already in $RES (resumed run), skipped"
                continue
            fi
            rm -rf "$dir"
            read -r wall other execs crasher <<<"$(run_one "$e" "$t" "$s" "$dir" "$BIN")"
            solved=0 verified=-
            if [ "$crasher" != "-" ]; then
                if trapped "$crasher" "$t"; then solved=1 verified=trap; else verified=unverified; fi
            fi
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$e" "$t" "$s" "$solved" "$wall" "$other" "$verified" "$execs" >>"$RES"
            if [ "$solved" = 1 ]; then msg="solved in ${wall}s"; else msg="not solved (${wall}s)"; fi
            [ "$verified" = unverified ] && msg="$msg, its crasher is not the trap: $crasher"
            log "$t $e seed $s: $msg, execs $execs, other processes: $other cores"
        done
    done
}

# --batch TARGET OUT: measure_target with the binaries built in OUT (the
# main script calls this under flock, one target per lock hold)
if [ "${1:-}" = --batch ]; then
    OUT=$3 BIN=$3/bin RES=$3/results.tsv
    measure_target "$2"
    exit 0
fi

# ---- build ------------------------------------------------------------------------
OUT=${CHALLENGE_OUT:-$(mktemp -d /tmp/ferret-challenge.XXXXXX)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
BIN=$OUT/bin
mkdir -p "$BIN/ferret" "$BIN/libfuzzer" "$BIN/aflpp" "$BIN/replay"

# Helpers (bench/challenge/tools/): the run wrapper (runner.c), and the
# replay driver (replay.c) that links a target without any fuzzer, to check
# that a crasher reaches the target's trap.
$CC -O1 "$ROOT/bench/challenge/tools/runner.c" -o "$BIN/runner"
$CC $CFLAGS_BENCH -c "$ROOT/bench/challenge/tools/replay.c" -o "$BIN/replay/main.o"

for t in $TARGETS; do
    [ -f "$ROOT/bench/challenge/$t.c" ] || die "no target bench/challenge/$t.c"
done

need_engine() { [[ " $ENGINES " == *" $1 "* ]]; }
build() {
    local t=$1 src=$ROOT/bench/challenge/$1.c
    $CC $CFLAGS_BENCH "$src" "$BIN/replay/main.o" -o "$BIN/replay/$t"
    if need_engine ferret; then
        # ferret's own wrapper, as a user builds: it loads ferret's compiler
        # plugin when there is one and links the archive (FERRET_LIB)
        [ -f "$LIB" ] || die "$LIB missing; run make first"
        [ -x "$FERRET_CC_BIN" ] || die "$FERRET_CC_BIN missing; run make first"
        FERRET_LIB=$LIB FERRET_CC=$CC "$FERRET_CC_BIN" $CFLAGS_BENCH -fsanitize=fuzzer "$src" -o "$BIN/ferret/$t"
    fi
    if need_engine libfuzzer || need_engine libfuzzer-vp; then
        $CC $CFLAGS_BENCH -fsanitize=fuzzer "$src" -o "$BIN/libfuzzer/$t"
    fi
    if need_engine aflpp; then
        command -v afl-clang-fast >/dev/null || die "afl-clang-fast not found (apt-get install afl++)"
        # AFL_DONT_OPTIMIZE: keep our -O1 (afl-cc would add -funroll-loops)
        AFL_DONT_OPTIMIZE=1 AFL_QUIET=1 afl-clang-fast $CFLAGS_BENCH -fsanitize=fuzzer "$src" \
            -o "$BIN/aflpp/$t" >/dev/null 2>&1 || die "afl-clang-fast failed on $t"
        AFL_DONT_OPTIMIZE=1 AFL_QUIET=1 AFL_LLVM_CMPLOG=1 afl-clang-fast $CFLAGS_BENCH -fsanitize=fuzzer \
            "$src" -o "$BIN/aflpp/$t.cmplog" >/dev/null 2>&1 || die "afl-clang-fast (CmpLog) failed on $t"
    fi
}
for t in $TARGETS; do
    build "$t"
done
log "built $TARGETS for: $ENGINES (and a plain replay build) in $BIN"

# ---- self test: known solutions crash, trivial inputs do not ---------------------
solution() {
    case $1 in
    magic_bytes) printf '\x89FRT\r\n\x1a\n' ;;
    memcmp_int)  printf '\x7f''FERRET\x01\x55\x1e\xed\x5e' ;;
    cmp64)       printf '\xde\xc0\xad\xde\x0d\xf0\xad\x8b' ;;
    str_tokens)  printf 'FETCH /etc/ferret/shadow' ;;
    strcase)     printf 'transfer-ENCODING:   X-Ferret-Chunked' ;;
    switch32)    printf 'CUNK\xee\xff\xc0\x00\xfe\xff\xff\x7f\xef\xbe\xad\xde' ;;
    state12)     printf 'xx\x02HELO\x02\x03\xa8\xa5\xff\x00\r\nyy' ;;
    crc_trailer) printf '\x08FERRET:1\xaa\x8b\x7e\x2c' ;;
    nested_tlv)  printf '\xf0\x00\x0e\x01\x02ab\x2a\x08NEST1234' ;;
    bswap32)     printf 'abcd\xc0\xff\xee\x42' ;;
    ascii_dec)   printf 'port=031337' ;;
    float_eq)    printf '\x2b\x52\x9a\x44' ;;
    double_range) printf '\x33\x33\x33\x33\x33\x4a\x93\x40' ;;
    long_double) printf '\x00\x00\x00\x00\x00\x80\xe4\xa9\x0a\xc0' ;;
    u128_chain)  printf '\x10\x32\x54\x76\x98\xba\xdc\xfe\xef\xcd\xab\x89\x67\x45\x23\x01'
                 printf '!ETIB_821_TERREF'
                 printf '\x0d\xf0\xfe\xca\0\0\0\0\0\0\0\0\xef\xbe\xad\xde' ;;
    bitint24)    printf '\xee\xff\xc0\x42\xed\x5e' ;;
    bitint40)    printf '\xc0\x11\xba\xed\xf3' ;;
    bitint72)    printf '\x78\x69\x5a\x4b\x3c\x2d\x1e\x0f\xa5' ;;
    bitint100)   printf '\x88\x77\x66\x55\x44\x33\x22\x11\xee\xff\xc0\xad\x0b' ;;
    atoi_field)  printf -- '-8675309;0x7ff1' ;;
    case_fold)   printf 'schemaFERRET' ;;
    hex_decode)  printf '1337c0DEba5eba11' ;;
    base64_decode) printf 'ZmVycmV0LWI2NCEh' ;;
    arith_mix)   printf '\x4d\xa7\x3c' ;;
    stack_depth) perl -e 'print map { chr(($_ * 13 + 5) % 256) } 0 .. 999' ;;
    indirect_calls) printf 'Fuzz!ngDepth' ;;
    count_matches) perl -e 'print "foo" x 11, "bar" x 11' ;;
    volatile_loop) printf 'ferret-expects-this-text' ;;
    multi_constraint) printf '\xaa\x82\x61\x65\x41\x7d\xcb\x7b' ;;
    scattered)   perl -e '@d = (0) x 256; @d[17, 89, 150, 203, 231, 255] = (0x53, 0x43, 0x72, 0x7e, 0x44, 0xa5); print pack("C*", @d)' ;;
    state16)     printf '\x7e\x13\xc4\x2a\x91\x58\xe7\x0b\x3d\xa6\xf2\x64\x19\x8c\xd5\x40' ;;
    *) return 1 ;;
    esac
}
# trivial N: the Nth trivial input, on which no target may crash: empty,
# "A", 40 '0', 64 0xff bytes, 4096 zero bytes, 4096 0xff bytes (the long
# ones reach the targets that need a large input: stack_depth, scattered)
trivial() {
    case $1 in
    0) ;;
    1) printf 'A' ;;
    2) printf '%040d' 0 ;;
    3) head -c 64 /dev/zero | tr '\0' '\377' ;;
    4) head -c 4096 /dev/zero ;;
    5) head -c 4096 /dev/zero | tr '\0' '\377' ;;
    esac
}
selftest() {
    local t f bad=0
    f=$OUT/selftest.bin
    for t in $TARGETS; do
        if solution "$t" >"$f"; then
            trapped "$f" "$t" || { log "SELFTEST FAIL: $t does not trap on its solution"; bad=1; }
        else
            log "SELFTEST FAIL: no known solution for $t (add it to solution() in $0)"
            bad=1
        fi
        for junk in 0 1 2 3 4 5; do
            trivial "$junk" >"$f"
            if trapped "$f" "$t"; then log "SELFTEST FAIL: $t traps on trivial input $junk"; bad=1; fi
        done
    done
    [ "$bad" = 0 ] && log "selftest: every target traps on its solution and on no trivial input"
    return $bad
}
selftest || exit 1
[ "${1:-}" = --selftest ] && exit 0

# ---- measure ------------------------------------------------------------------------
RES=$OUT/results.tsv
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git -C "$ROOT" status --porcelain -- src include Makefile 2>/dev/null | head -1)
aflv=$(afl-fuzz -h 2>&1 | head -1 | sed 's/\x1b\[[0-9;]*m//g' | awk '{ print $1 }' || true)
{
    echo "ferret challenge, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores ($cpu_model), $(uname -sr), $($CC --version | head -1)"
    echo "ferret: commit $rev${dirty:+ plus uncommitted changes in src/include/Makefile}, built by $FERRET_CC_BIN with $(basename "$LIB") of $(date -u -r "$LIB" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '?')"
    need_engine aflpp && echo "AFL++: ${aflv:-?} (afl-clang-fast, LLVM PCGUARD, CmpLog binary via AFL_LLVM_CMPLOG=1, -l 3AT)"
    echo "build: $CFLAGS_BENCH, no sanitizer; seeds: $SEEDS; cap ${CAP}s; one run at a time (lock $LOCK)"
} | if [ "${CHALLENGE_RESUME:-0}" = 1 ] && [ -f "$OUT/header.txt" ]; then cat; else tee "$OUT/header.txt"; fi
if [ "${CHALLENGE_RESUME:-0}" = 1 ] && [ -f "$RES" ]; then
    log "resuming: the runs already in $RES are kept and not run again"
    echo "resumed on $(date -u '+%Y-%m-%d %H:%M UTC') at ferret commit $rev" >>"$OUT/header.txt"
else
    printf '#cap\t%s\n#engines\t%s\n#targets\t%s\n' "$CAP" "$ENGINES" "$TARGETS" >"$RES"
fi

# One lock hold per target (all its engines and seeds, one run at a time):
# the lock is shared with other benchmarks that hold it for minutes, and
# taking it once per run would make each of our short runs queue behind one
# of theirs.
export CHALLENGE_SEEDS="$SEEDS" CHALLENGE_CAP="$CAP" CHALLENGE_ENGINES="$ENGINES"
for t in $TARGETS; do
    flock "$LOCK" "$ROOT/bench/challenge.sh" --batch "$t" "$OUT"
done

echo
echo "median wall time to crash over seeds $SEEDS (unsolved runs count as ${CAP}s; '>' = the median includes an unsolved run), solved/runs"
print_table "$RES"
echo
echo "results: $RES; logs: $OUT/runs"
