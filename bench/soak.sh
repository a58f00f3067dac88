#!/usr/bin/env bash
# bench/soak.sh - does ferret stay flat over a long run?  (Not run in CI.)
#
# Builds bench/soak_target.c (a JSON/INI parser with no planted bug), fuzzes
# it with -parallel workers for SOAK_SECONDS, and every SOAK_INTERVAL seconds
# records, for the coordinator and each worker, the resident memory (VmRSS
# from /proc/PID/status) and the number of open descriptors
# (/proc/PID/fd), with the execs and corpus size of the last stats line, as
# CSV rows:
#
#   t_s,role,pid,rss_kb,fds,execs,corpus
#
# (role: coordinator, keeper0, keeper1... (each worker's keeper, when there
# is one), or worker0, worker1... by pid order at that sample.)
# At the end it stops ferret with SIGINT, as Ctrl-C would, and prints a
# verdict for the coordinator's RSS, the workers' RSS (summed), and the same
# for descriptors: samples from the warm-up (the first SOAK_WARMUP seconds)
# are left out, then the mean of the last third is compared with the mean of
# the first third: GROWING if last > first * (1 + SOAK_TOLERANCE_PCT/100) +
# slack (SOAK_RSS_SLACK_KB of memory, SOAK_FD_SLACK descriptors), else FLAT.
# Then the total executions.  Exit 0 when everything is FLAT and ferret
# stopped cleanly (exit 0, no process or memfd left), 1 otherwise.
#
# Environment (defaults in brackets):
#   SOAK_SECONDS        [3600]  length of the run
#   SOAK_INTERVAL       [60]    seconds between samples
#   SOAK_WARMUP         [SOAK_SECONDS/6, at most 600]  samples before this are left out
#   SOAK_PARALLEL       [2]     workers
#   SOAK_SEED           [1]     -seed
#   SOAK_SANITIZER      []      "address" builds the target with ASan
#   SOAK_TOLERANCE_PCT  [10]    allowed growth, percent
#   SOAK_RSS_SLACK_KB   [4096]  plus this much memory
#   SOAK_FD_SLACK       [2]     plus this many descriptors
#   SOAK_CSV            [build/soak/soak-<date>.csv]
#   SOAK_KEEP           [0]     1 keeps the work directory (log, cache)
#   CC                  [clang]
#
#   SOAK_SECONDS=180 bash bench/soak.sh      # a 3-minute smoke run
#
# With SOAK_SANITIZER=address the workers' RSS grows for minutes by design:
# ASan's quarantine keeps freed memory up to 256 MB per process.  Give it a
# long warm-up, or cap it (ASAN_OPTIONS=quarantine_size_mb=16), before
# reading GROWING as a leak.
set -u

cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang
DURATION=${SOAK_SECONDS:-3600}
INTERVAL=${SOAK_INTERVAL:-60}
WARMUP_DEFAULT=$((DURATION / 6))
[ "$WARMUP_DEFAULT" -gt 600 ] && WARMUP_DEFAULT=600
WARMUP=${SOAK_WARMUP:-$WARMUP_DEFAULT}
PARALLEL=${SOAK_PARALLEL:-2}
SEED=${SOAK_SEED:-1}
SANITIZER=${SOAK_SANITIZER:-}
TOL=${SOAK_TOLERANCE_PCT:-10}
RSS_SLACK=${SOAK_RSS_SLACK_KB:-4096}
FD_SLACK=${SOAK_FD_SLACK:-2}
KEEP=${SOAK_KEEP:-0}
LIB=$ROOT/build/libferret.a
OUTDIR=$ROOT/build/soak
CSV=${SOAK_CSV:-$OUTDIR/soak-$(date +%Y%m%d-%H%M%S).csv}

say() { echo "soak: $*" >&2; }
die() { say "$*"; exit 2; }

[ -f "$LIB" ] || die "$LIB is missing; run make first"
mkdir -p "$OUTDIR" "$(dirname "$CSV")" || die "cannot create $OUTDIR"

# ---- build -------------------------------------------------------------------
BIN=$OUTDIR/soak_target
sans=fuzzer-no-link
[ "$SANITIZER" = address ] && sans=fuzzer-no-link,address
"$CC" -g -O1 -fsanitize=$sans "$ROOT/bench/soak_target.c" "$LIB" -o "$BIN.tmp.$$" ||
    die "cannot build bench/soak_target.c"
mv -f "$BIN.tmp.$$" "$BIN" || die "cannot install $BIN"

# ---- work directory and seeds ------------------------------------------------
W=$(mktemp -d "${TMPDIR:-/tmp}/ferret-soak.XXXXXX") || die "mktemp failed"
COORD=
cleanup() {
    if [ -n "$COORD" ] && kill -0 "$COORD" 2>/dev/null; then
        kill -9 "$COORD" 2>/dev/null
    fi
    if [ "$KEEP" = 1 ]; then say "work directory kept: $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT
trap 'say "interrupted"; exit 2' INT TERM
S=$W/testdata/fuzz/soak_target
mkdir -p "$S" || die "mkdir"
printf '{"name": "ferret", "tags": ["fuzz", "c"], "n": -12.5e3, "ok": true, "x": null}' >"$S/doc.json"
printf '[1, 2, {"a": "\\u00e9\\n"}, [], {}]' >"$S/list.json"
printf '[core]\nname = ferret ; the engine\nworkers=2\n\n# comment\n[paths]\ncache = ~/.cache\nname = again\n' >"$S/conf.ini"

# ---- run -----------------------------------------------------------------------
LOG=$W/fuzz.log
(cd "$W" && exec "$BIN" -fuzz -parallel="$PARALLEL" -seed="$SEED" -cachedir="$W/cache") \
    >"$LOG" 2>&1 </dev/null &
COORD=$!
say "ferret $(basename "$BIN"): pid $COORD, $PARALLEL workers, seed $SEED, ${DURATION}s, a sample every ${INTERVAL}s (warm-up ${WARMUP}s)"
say "csv: $CSV"
echo "t_s,role,pid,rss_kb,fds,execs,corpus" >"$CSV"

rss_kb() { awk '/^VmRSS:/ {print $2; found=1} END {if (!found) print 0}' "/proc/$1/status" 2>/dev/null || echo 0; }
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l | tr -d ' '; }
last_stat() { grep -oE "$1: [0-9]+" "$LOG" | tail -n 1 | awk '{print $NF}'; }
corpus_total() { grep -oE 'total: [0-9]+\)' "$LOG" | tail -n 1 | tr -dc '0-9'; }

# The workers: the coordinator's children, or, where each has a keeper (a
# child subreaper named ferret-keeper, src/engine/contain.c), the keepers'
# children; the keepers are recorded too, as keeper0, keeper1...
workers_of() {
    local p
    for p in $(pgrep -P "$COORD" | sort -n); do
        if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = ferret-keeper ]; then
            pgrep -P "$p" | sort -n
        else
            echo "$p"
        fi
    done
}

sample() {
    local t=$1 execs corpus i=0 p
    execs=$(last_stat execs)
    corpus=$(corpus_total)
    echo "$t,coordinator,$COORD,$(rss_kb "$COORD"),$(fds "$COORD"),${execs:-0},${corpus:-0}" >>"$CSV"
    for p in $(pgrep -P "$COORD" | sort -n); do
        [ "$(cat "/proc/$p/comm" 2>/dev/null)" = ferret-keeper ] || continue
        echo "$t,keeper$i,$p,$(rss_kb "$p"),$(fds "$p"),${execs:-0},${corpus:-0}" >>"$CSV"
        i=$((i + 1))
    done
    i=0
    for p in $(workers_of); do
        echo "$t,worker$i,$p,$(rss_kb "$p"),$(fds "$p"),${execs:-0},${corpus:-0}" >>"$CSV"
        i=$((i + 1))
    done
}

start=$(date +%s)
next=$((start + INTERVAL))
end=$((start + DURATION))
early=
while :; do
    now=$(date +%s)
    [ "$now" -ge "$end" ] && [ "$next" -gt "$end" ] && break
    if ! kill -0 "$COORD" 2>/dev/null; then
        early=1
        break
    fi
    if [ "$now" -ge "$next" ]; then
        sample $((now - start))
        say "t=$((now - start))s $(tail -n 1 "$CSV" | cut -d, -f6) execs; coordinator rss $(grep ",coordinator," "$CSV" | tail -n 1 | cut -d, -f4) kB, fds $(grep ",coordinator," "$CSV" | tail -n 1 | cut -d, -f5)"
        next=$((next + INTERVAL))
        continue
    fi
    sleep 1
done

# ---- stop ------------------------------------------------------------------------
rc=
if [ -n "$early" ]; then
    wait "$COORD"
    rc=$?
    say "ABORTED: ferret exited by itself after $(($(date +%s) - start))s with code $rc; the end of its log:"
    tail -n 30 "$LOG" >&2
else
    workers="$(pgrep -P "$COORD") $(workers_of)"
    kill -INT "$COORD"
    for i in $(seq 1 300); do
        kill -0 "$COORD" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$COORD" 2>/dev/null; then
        say "ferret did not stop within 30s of SIGINT; killing it"
        kill -9 "$COORD"
    fi
    wait "$COORD"
    rc=$?
fi
stopped=$(date +%s)
COORD=
sleep 0.5
left=
for p in ${workers:-}; do
    st=$(ps -o stat= -p "$p" 2>/dev/null | tr -d ' ')
    [ -n "$st" ] && [[ "$st" != Z* ]] && left="$left $p"
done
memfds=0
for d in /proc/[0-9]*; do
    [ "$(readlink "$d/exe" 2>/dev/null)" = "$BIN" ] || continue
    n=$(ls -l "$d/fd" 2>/dev/null | grep -c 'memfd:ferret')
    memfds=$((memfds + n))
done

# ---- verdict ------------------------------------------------------------------------
# metric KIND FIELD: per sample time (after the warm-up), the coordinator's
# value or the workers' sum; prints "n first_mean last_mean".
means() {
    local who=$1 field=$2
    awk -F, -v who="$who" -v f="$field" -v warm="$WARMUP" '
        NR == 1 || $1 < warm { next }
        (who == "coordinator" && $2 == "coordinator") || (who == "workers" && $2 ~ /^worker/) ||
        (who == "keepers" && $2 ~ /^keeper/) {
            if (!($1 in v)) { t[n++] = $1; v[$1] = 0 }
            v[$1] += $f
        }
        END {
            if (n == 0) { print "0 0 0"; exit }
            k = int(n / 3); if (k < 1) k = 1
            a = 0; b = 0
            for (i = 0; i < k; i++) { a += v[t[i]]; b += v[t[n - 1 - i]] }
            printf "%d %.1f %.1f\n", n, a / k, b / k
        }' "$CSV"
}

verdict() { # FIRST LAST SLACK -> FLAT | GROWING
    awk -v a="$1" -v b="$2" -v s="$3" -v tol="$TOL" 'BEGIN { print (b > a * (1 + tol / 100) + s) ? "GROWING" : "FLAT" }'
}

overall_rss=FLAT
overall_fds=FLAT
nsamples=0
report() { # LABEL WHO FIELD SLACK UNIT
    local label=$1 who=$2 field=$3 slack=$4 unit=$5 n a b v
    read -r n a b < <(means "$who" "$field")
    nsamples=$n
    if [ "$n" -lt 2 ]; then
        printf 'soak: %-22s too few samples after the warm-up (%s)\n' "$label" "$n"
        v=UNKNOWN
    else
        v=$(verdict "$a" "$b" "$slack")
        printf 'soak: %-22s first third %10.1f %s, last third %10.1f %s  %s\n' "$label" "$a" "$unit" "$b" "$unit" "$v"
    fi
    case "$field" in
    4) [ "$v" = FLAT ] || overall_rss=$v ;;
    5) [ "$v" = FLAT ] || overall_fds=$v ;;
    esac
}

echo
report "coordinator RSS" coordinator 4 "$RSS_SLACK" kB
report "workers' RSS (sum)" workers 4 "$RSS_SLACK" kB
grep -q ',keeper' "$CSV" && report "keepers' RSS (sum)" keepers 4 "$RSS_SLACK" kB
report "coordinator fds" coordinator 5 "$FD_SLACK" "  "
report "workers' fds (sum)" workers 5 "$FD_SLACK" "  "
grep -q ',keeper' "$CSV" && report "keepers' fds (sum)" keepers 5 "$FD_SLACK" "  "
execs=$(last_stat execs)
elapsed=$((stopped - start))
restarts=$(grep -c 'restarting it' "$LOG")
c0=$(awk -F, 'NR > 1 { print $7; exit }' "$CSV")
echo "soak: samples: $(($(wc -l <"$CSV") - 1)) rows, $nsamples sample times after the warm-up"
echo "soak: total execs: ${execs:-0} in ${elapsed}s ($(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) ))/s); corpus ${c0:-?} -> $(corpus_total); worker restarts logged: $restarts"
echo "soak: ferret exit code after SIGINT: $rc; workers left: ${left:-none}; memfds left: $memfds"
echo "soak: RSS: $overall_rss"
echo "soak: fds: $overall_fds"
echo "soak: csv: $CSV"
ok=1
[ "$overall_rss" = FLAT ] && [ "$overall_fds" = FLAT ] || ok=0
[ -z "$early" ] && [ "$rc" = 0 ] && [ -z "$left" ] && [ "$memfds" = 0 ] || ok=0
if [ "$ok" = 1 ]; then
    echo "soak: PASS"
    exit 0
fi
echo "soak: FAIL"
[ "$KEEP" = 1 ] || { KEEP=1; say "keeping the work directory for a look: $W"; }
exit 1
