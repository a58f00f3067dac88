#!/usr/bin/env bash
# bench/run.sh - ferret vs libFuzzer: exec/s on an empty target, and median
# time-to-crash on graded targets.  Invoked by `make bench` from the repo root
# after build/libferret.a is built; see bench/README.md for what is measured
# and how.
#
# Environment overrides (defaults in brackets):
#   BENCH_SECONDS [10]     length of each exec/s run
#   BENCH_SEEDS   [1 2 3 4 5]  seeds for the time-to-crash runs
#   BENCH_CAP     [60]     cap in seconds for one time-to-crash run
#   BENCH_TARGETS [magic4 tlv fsm xfsm arith]  time-to-crash targets (bench/targets/*.c)
#   BENCH_PARTS   [execs ttc]  which parts to run
#   BENCH_NOMIN   [1]      also time ferret with -fuzzminimizetime=0 (0: skip)
#   BENCH_KEEP    [0]      1: keep the scratch directory (logs of every run)
#   BENCH_WAIT_QUIET [60]  seconds to wait for other processes to go quiet
#                          before each exec/s run and each time-to-crash target
#   BENCH_LOCK    [/tmp/ferret-bench.lock]  held (flock) for the whole
#                          measurement (about 7 minutes), like the other bench
#                          scripts hold it, so benchmarks never overlap
#   CC            [clang]
# Quick run: BENCH_SECONDS=3 BENCH_SEEDS="1 2" BENCH_CAP=20 make bench
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang
SECONDS_RUN=${BENCH_SECONDS:-10}
SEEDS=${BENCH_SEEDS:-1 2 3 4 5}
CAP=${BENCH_CAP:-60}
TARGETS=${BENCH_TARGETS:-magic4 tlv fsm xfsm arith}
PARTS=${BENCH_PARTS:-execs ttc}
NOMIN=${BENCH_NOMIN:-1}
KEEP=${BENCH_KEEP:-0}
LOCK=${BENCH_LOCK:-/tmp/ferret-bench.lock}
CFLAGS_BENCH="-g -O1"

LIB=$ROOT/build/libferret.a
BIN=$ROOT/build/bench
[ -f "$LIB" ] || { echo "bench: $LIB missing; run make first" >&2; exit 2; }

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/ferret-bench.XXXXXX")
cleanup() {
    flock -u 9 2>/dev/null || true
    [ "$KEEP" = 1 ] && echo "bench: logs kept in $SCRATCH" >&2 || rm -rf "$SCRATCH"
}
trap cleanup EXIT

log() { echo "bench: $*" >&2; }
now() { echo "$EPOCHREALTIME"; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

# ---- machine ---------------------------------------------------------------
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
echo "ferret bench, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($cpu_model), $(uname -sr), $($CC --version | head -1)"
rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git -C "$ROOT" status --porcelain -- src include Makefile 2>/dev/null | head -1)
echo "ferret: commit $rev${dirty:+ plus uncommitted changes in src/include/Makefile}, build/libferret.a of $(date -u -r "$LIB" '+%Y-%m-%d %H:%M UTC')"
echo "build: $CFLAGS_BENCH, no ASan; ferret: -fsanitize=fuzzer-no-link + libferret.a; libFuzzer: -fsanitize=fuzzer"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ---- build -------------------------------------------------------------------
mkdir -p "$BIN/ferret" "$BIN/libfuzzer"
build_target() {
    local t=$1 src=$ROOT/bench/targets/$1.c
    $CC $CFLAGS_BENCH -fsanitize=fuzzer-no-link "$src" "$LIB" -o "$BIN/ferret/$t"
    $CC $CFLAGS_BENCH -fsanitize=fuzzer "$src" -o "$BIN/libfuzzer/$t"
}
for t in empty $TARGETS; do
    build_target "$t"
done
log "built $(echo empty $TARGETS) with both engines in $BIN"

# The benchmark lock (fd 9), shared with the other bench scripts.
lock() {
    exec 9>>"$LOCK"
    if ! flock -n 9; then
        log "waiting for the benchmark lock $LOCK"
        flock 9
    fi
}

# A fresh directory per run: crashers, cache, artifacts and logs land there.
rundir() { mktemp -d "$SCRATCH/$1.XXXX"; }

# Non-idle CPU seconds of the whole machine so far (user+nice+system+irq+softirq).
busy_s() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat; }

# CPU seconds used so far by this shell and its waited-for children.
our_cpu_s() {
    times | awk '{ for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + t[2] } } END { print s }'
}

# Waits (up to BENCH_WAIT_QUIET seconds, default 60) until other processes use
# less than 0.15 of a core, sampled over 1 s.  Returns anyway, with a warning.
wait_quiet() {
    local limit=${BENCH_WAIT_QUIET:-60} waited=0 b0 b1 load
    while :; do
        b0=$(busy_s); sleep 1; b1=$(busy_s)
        load=$(awk -v a="$b0" -v b="$b1" 'BEGIN { printf "%.2f", b - a }')
        awk -v l="$load" 'BEGIN { exit !(l < 0.15) }' && return 0
        if [ "$waited" -ge "$limit" ]; then
            log "WARNING: the machine is busy (other processes use $load cores); measuring anyway"
            return 0
        fi
        [ "$waited" = 0 ] && log "waiting for the machine to be quiet (other load $load cores)"
        waited=$((waited + 1))
    done
}

# Runs "$@" in $dir under bash's time keyword (output in $dir/log); prints
# "wall user sys other", other = cores' worth of CPU used meanwhile by
# processes not ours (machine busy time minus our user+sys, over wall).
timed() {
    local dir=$1; shift
    local TIMEFORMAT='%R %U %S' b0 b1 t
    b0=$(busy_s)
    t=$({ time (cd "$dir" && "$@" >"$dir/log" 2>&1 || true); } 2>&1)
    b1=$(busy_s)
    echo "$t" | awk -v a="$b0" -v b="$b1" '{ o = (b - a - $2 - $3) / $1; printf "%s %s %s %.2f\n", $1, $2, $3, (o > 0 ? o : 0) }'
}

lock

# ---- part 1: exec/s on the empty target -------------------------------------
# ferret: the execs of its final progress line over the wall time.
ferret_execs() {
    local par=$1 dir t
    dir=$(rundir "execs-ferret-p$par")
    t=$(timed "$dir" "$BIN/ferret/empty" -fuzz -fuzztime="${SECONDS_RUN}s" -parallel="$par" \
        -seed=1 -cachedir="$dir/cache")
    local n
    n=$(grep -E '^fuzz: elapsed: .*execs: ' "$dir/log" | tail -1 | sed -E 's/.*execs: ([0-9]+).*/\1/')
    echo "${n:-0} $t"
}

# libFuzzer single process and -jobs: stat::number_of_executed_units (summed
# over the jobs' fuzz-N.log files for -jobs).
lf_execs_single() {
    local dir t n
    dir=$(rundir execs-lf-1)
    t=$(timed "$dir" "$BIN/libfuzzer/empty" -seed=1 -max_total_time="$SECONDS_RUN" -print_final_stats=1)
    n=$(awk '/stat::number_of_executed_units/ { s += $2 } END { print s + 0 }' "$dir/log")
    echo "$n $t"
}
lf_execs_jobs() {
    local dir t n
    dir=$(rundir execs-lf-jobs2)
    t=$(timed "$dir" "$BIN/libfuzzer/empty" -seed=1 -max_total_time="$SECONDS_RUN" -print_final_stats=1 \
        -jobs=2 -workers=2)
    n=$(cat "$dir"/fuzz-*.log 2>/dev/null | awk '/stat::number_of_executed_units/ { s += $2 } END { print s + 0 }')
    echo "$n $t"
}
# -fork=2: the parent prints "#N: cov: ..." each time a job ends, N = the
# executions of all finished jobs.  Jobs still running at the end are not
# counted, so this is a lower bound.
lf_execs_fork() {
    local dir t n
    dir=$(rundir execs-lf-fork2)
    t=$(timed "$dir" "$BIN/libfuzzer/empty" -seed=1 -max_total_time="$SECONDS_RUN" -print_final_stats=1 -fork=2)
    n=$(grep -E '^#[0-9]+: ' "$dir/log" | tail -1 | sed -E 's/^#([0-9]+):.*/\1/')
    echo "${n:-0} $t"
}

# "execs wall user sys other" -> "rate cpu per_cpu_s other" (cpu: cores' worth
# of CPU time the run used; per_cpu_s: executions per CPU second)
rate() {
    echo "$1" | awk '{ c = $3 + $4; printf "%.0f %.2f %.0f %.2f", ($2 > 0 ? $1 / $2 : 0), ($2 > 0 ? c / $2 : 0), (c > 0 ? $1 / c : 0), $5 }'
}
fmt_rate() { awk -v r="$1" 'BEGIN { if (r >= 1e6) printf "%.2fM", r / 1e6; else printf "%.0fk", r / 1e3 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
row() { printf '| %-11s | %-11s | %7s | %4s | %7s | %-23s | %7s | %4s | %7s | %6s | %9s |\n' "$@"; }

if [[ " $PARTS " == *" execs "* ]]; then
    log "exec/s: ${SECONDS_RUN}s per run, 5 runs"
    wait_quiet; f1=$(ferret_execs 1);  log "ferret -parallel=1: execs wall user sys other = $f1"
    wait_quiet; l1=$(lf_execs_single); log "libFuzzer: $l1"
    wait_quiet; f2=$(ferret_execs 2);  log "ferret -parallel=2: $f2"
    wait_quiet; lk=$(lf_execs_fork);   log "libFuzzer -fork=2: $lk"
    wait_quiet; lj=$(lf_execs_jobs);   log "libFuzzer -jobs=2 -workers=2: $lj"
    read -r f1r f1c f1p f1o <<<"$(rate "$f1")"
    read -r l1r l1c l1p l1o <<<"$(rate "$l1")"
    read -r f2r f2c f2p f2o <<<"$(rate "$f2")"
    read -r lkr lkc lkp lko <<<"$(rate "$lk")"
    read -r ljr ljc ljp ljo <<<"$(rate "$lj")"
    echo "1. exec/s on the empty target (return 0), ${SECONDS_RUN}s runs: executions / wall time"
    echo "   cpu = (user+sys)/wall of the run, in cores; /cpu-s = executions per CPU second"
    row setup ferret "exec/s" cpu "/cpu-s" libFuzzer "exec/s" cpu "/cpu-s" ratio "ratio cpu"
    echo "|-------------|-------------|--------:|-----:|--------:|-------------------------|--------:|-----:|--------:|-------:|----------:|"
    row "1 process" "-parallel=1" "$(fmt_rate "$f1r")" "$f1c" "$(fmt_rate "$f1p")" "single process" \
        "$(fmt_rate "$l1r")" "$l1c" "$(fmt_rate "$l1p")" "$(ratio "$f1r" "$l1r")" "$(ratio "$f1p" "$l1p")"
    row "2 processes" "-parallel=2" "$(fmt_rate "$f2r")" "$f2c" "$(fmt_rate "$f2p")" "-fork=2 (finished jobs)" \
        "$(fmt_rate "$lkr")" "$lkc" "$(fmt_rate "$lkp")" "$(ratio "$f2r" "$lkr")" "$(ratio "$f2p" "$lkp")"
    row "2 processes" "-parallel=2" "$(fmt_rate "$f2r")" "$f2c" "$(fmt_rate "$f2p")" "-jobs=2 -workers=2" \
        "$(fmt_rate "$ljr")" "$ljc" "$(fmt_rate "$ljp")" "$(ratio "$f2r" "$ljr")" "$(ratio "$f2p" "$ljp")"
    echo "   ratio = ferret exec/s / libFuzzer exec/s; ratio cpu = the same for executions per CPU second"
    other=$(echo "$f1o $l1o $f2o $lko $ljo" | awk '{ m = 0; for (i = 1; i <= NF; i++) if ($i > m) m = $i; print m }')
    if awk -v o="$other" 'BEGIN { exit !(o > 0.15) }'; then
        echo "   WARNING: other processes used up to $other cores during these runs: not clean"
    else
        echo "   other processes used at most $other cores during these runs"
    fi
    echo
fi

# ---- part 2: time to crash --------------------------------------------------
# No symbolized stack traces: without ASan both engines print the crash's
# stack through the sanitizer runtime (UBSan's flags), and llvm-symbolizer
# costs 0.1-0.3 s per crash, more than finding the easy crashes.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}symbolize=0"
# ferret, default flags: the find time is when the coordinator prints
# "fuzz: found a crash, minimizing..." (it has just reaped the crashed
# worker); the process then minimizes the crasher and exits 1.  Output is
# read line by line and stamped with $EPOCHREALTIME.
# Prints "solved find_s exit_s".
ferret_ttc() {
    local t=$1 seed=$2 dir start found="" rc line
    dir=$(rundir "ttc-ferret-$t-$seed")
    start=$(now)
    set +e
    (cd "$dir" && exec timeout -k 5 $((CAP + 30)) "$BIN/ferret/$t" -fuzz -fuzztime="${CAP}s" -parallel=1 \
        -seed="$seed" -cachedir="$dir/cache" 2>&1) |
        while IFS= read -r line; do
            [[ $line == "fuzz: found a crash"* ]] && echo "FOUND $(now)" >>"$dir/stamps"
            printf '%s\n' "$line"
        done >"$dir/log"
    rc=${PIPESTATUS[0]}
    set -e
    local end
    end=$(now)
    [ -f "$dir/stamps" ] && found=$(awk '{ print $2; exit }' "$dir/stamps")
    if [ "$rc" = 1 ] && grep -q '^--- FAIL' "$dir/log" && ls "$dir"/testdata/fuzz/"$t"/* >/dev/null 2>&1; then
        [ -n "$found" ] || found=$end
        echo "1 $(sub "$found" "$start") $(sub "$end" "$start")"
    else
        echo "0 - $(sub "$end" "$start")"
    fi
}

# ferret -fuzzminimizetime=0: no minimization at all (crashers *and* new
# corpus inputs); the find time is the exit time.
ferret_ttc_nomin() {
    local t=$1 seed=$2 dir start end rc
    dir=$(rundir "ttc-ferret0-$t-$seed")
    start=$(now)
    set +e
    (cd "$dir" && timeout -k 5 $((CAP + 30)) "$BIN/ferret/$t" -fuzz -fuzztime="${CAP}s" -parallel=1 \
        -fuzzminimizetime=0 -seed="$seed" -cachedir="$dir/cache" >"$dir/log" 2>&1)
    rc=$?
    set -e
    end=$(now)
    if [ "$rc" = 1 ] && grep -q '^--- FAIL' "$dir/log" && ls "$dir"/testdata/fuzz/"$t"/* >/dev/null 2>&1; then
        echo "1 $(sub "$end" "$start") $(sub "$end" "$start")"
    else
        echo "0 - $(sub "$end" "$start")"
    fi
}

# libFuzzer: exit time; solved = nonzero exit and a crash-* artifact
# (-minimize_crash is off by default, so it exits right after writing it).
lf_ttc() {
    local t=$1 seed=$2 dir start end rc
    dir=$(rundir "ttc-lf-$t-$seed")
    start=$(now)
    set +e
    (cd "$dir" && timeout -k 5 $((CAP + 30)) "$BIN/libfuzzer/$t" -seed="$seed" -max_total_time="$CAP" \
        -artifact_prefix="$dir/" >"$dir/log" 2>&1)
    rc=$?
    set -e
    end=$(now)
    if [ "$rc" != 0 ] && ls "$dir"/crash-* >/dev/null 2>&1; then
        echo "1 $(sub "$end" "$start") $(sub "$end" "$start")"
    else
        echo "0 - $(sub "$end" "$start")"
    fi
}

# median of the find times, unsolved runs (and any found after the cap)
# counting as +infinity
# args: list of "solved find" pairs (flattened); prints "median solved/n"
summarize() {
    echo "$@" | awk -v cap="$CAP" '{
        n = 0; s = 0
        for (i = 1; i < NF; i += 2) { n++; if ($i == 1 && $(i + 1) <= cap) { s++; v[n] = $(i + 1) } else v[n] = 1e18 }
        # insertion sort
        for (i = 2; i <= n; i++) { x = v[i]; j = i - 1; while (j >= 1 && v[j] > x) { v[j + 1] = v[j]; j-- } v[j + 1] = x }
        if (n % 2) m = v[(n + 1) / 2]; else m = (v[n / 2] + v[n / 2 + 1]) / 2
        if (m >= 1e17) printf ">%ss %d/%d\n", cap, s, n; else printf "%.2fs %d/%d\n", m, s, n
    }'
}

if [[ " $PARTS " == *" ttc "* ]]; then
    log "time-to-crash: targets $TARGETS, seeds $SEEDS, cap ${CAP}s"
    rows=() details=()
    ttc_other=0
    for t in $TARGETS; do
        wait_quiet
        t_b0=$(busy_s); t_c0=$(our_cpu_s); t_w0=$(now)
        fpairs="" f0pairs="" lpairs="" fexits="" fl="" f0l="" ll=""
        for s in $SEEDS; do
            read -r fs ff fx <<<"$(ferret_ttc "$t" "$s")"
            fpairs+="$fs $ff "; fexits+="$fx "; fl+="$ff "
            f0s="-" f0f="-"
            if [ "$NOMIN" = 1 ]; then
                read -r f0s f0f _ <<<"$(ferret_ttc_nomin "$t" "$s")"
                f0pairs+="$f0s $f0f "; f0l+="$f0f "
            fi
            read -r ls lf _ <<<"$(lf_ttc "$t" "$s")"
            lpairs+="$ls $lf "; ll+="$lf "
            log "$t seed $s: ferret find $ff exit $fx | ferret -fuzzminimizetime=0 $f0f | libFuzzer $lf"
        done
        t_b1=$(busy_s); t_c1=$(our_cpu_s); t_w1=$(now)
        t_other=$(awk -v b="$(sub "$t_b1" "$t_b0")" -v c="$(sub "$t_c1" "$t_c0")" -v w="$(sub "$t_w1" "$t_w0")" \
            'BEGIN { o = (b - c) / w; printf "%.2f", (o > 0 ? o : 0) }')
        ttc_other=$(awk -v m="$ttc_other" -v o="$t_other" 'BEGIN { print (o > m ? o : m) }')
        fsum=$(summarize $fpairs)
        lsum=$(summarize $lpairs)
        f0sum="- -"
        [ "$NOMIN" = 1 ] && f0sum=$(summarize $f0pairs)
        fxmed=$(summarize $(for x in $fexits; do echo "1 $x"; done))
        rows+=("$t ${fsum% *} ${fsum#* } ${fxmed% *} ${f0sum% *} ${f0sum#* } ${lsum% *} ${lsum#* } $t_other")
        details+=("$t: ferret [${fl% }]  ferret -fuzzminimizetime=0 [${f0l% }]  libFuzzer [${ll% }]")
    done
    echo "2. time to crash, 1 process each, seeds: $SEEDS, cap ${CAP}s per run; median over seeds (unsolved = infinite)"
    echo "   ferret find = crash detected (before minimizing); ferret exit = process exit incl. crasher minimization"
    echo "   -fmt=0 = ferret -fuzzminimizetime=0: crasher and corpus minimization both off; time = exit time"
    printf '| %-7s | %11s | %6s | %11s | %13s | %6s | %10s | %6s | %5s |\n' target "ferret find" solved "ferret exit" \
        "ferret -fmt=0" solved libFuzzer solved other
    echo "|---------|------------:|-------:|------------:|--------------:|-------:|-----------:|-------:|------:|"
    for row in "${rows[@]}"; do
        read -r t fm fs fx f0m f0s lm ls to <<<"$row"
        printf '| %-7s | %11s | %6s | %11s | %13s | %6s | %10s | %6s | %5s |\n' "$t" "$fm" "$fs" "$fx" "$f0m" "$f0s" "$lm" "$ls" "$to"
    done
    echo "   other = cores' worth of CPU used by processes not started by this script while the target's runs went on"
    if awk -v o="$ttc_other" 'BEGIN { exit !(o > 0.15) }'; then
        echo "   WARNING: other processes used up to $ttc_other cores during these runs: not clean"
    else
        echo "   other processes used at most $ttc_other cores during these runs"
    fi
    echo
    echo "   per-seed times in seconds ('-' = not solved within the cap):"
    for d in "${details[@]}"; do
        echo "   $d"
    done
fi
