# bench/execrate.sh - sourced by bench/hotloop.sh, bench/plugin_cost.sh and
# bench/vp_cost.sh: what they share to measure one worker's exec/s per CPU
# second, runs interleaved so every configuration sees the same machine.
#
#   . bench/execrate.sh
#   execrate_init NAME            # $WORK (removed on exit), $WORK/cmp32.c
#   execrate_compare PREFIX TARGET "LABEL|KIND|BIN|ARGS" ...
#                                 # RUNS rounds, one run of each config
#                                 # per round; prints every run and the
#                                 # median, sets EXECRATE_MEDIAN[LABEL]
#   execrate_ratio PREFIX TARGET A B WHAT
#                                 # median of B over median of A
#
# KIND is ferret (-fuzz -fuzztime=${EXECS}x -parallel=1 -seed=1, a fresh
# cache) or libfuzzer (-runs=$EXECS -seed=1, a fresh corpus directory);
# ARGS (space-separated) are added to the command line.  A rate is EXECS
# over the user + system CPU time of the whole process tree (ferret's
# coordinator and worker), so other processes sharing the machine slow it
# far less than they slow wall-clock exec/s.  Uses EXECS and RUNS.

# execrate_init NAME: the scratch directory and the shared target source.
execrate_init() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/ferret-$1.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    # Sixteen 32-bit compares per input (one compare site in a loop), the
    # hot loop's compare-bound target.
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
}

# execrate_run KIND BIN [ARGS]: one run's executions per CPU second.
execrate_run() {
    local kind=$1 bin=$2 d
    shift 2
    d=$(mktemp -d "$WORK/run.XXXXXX")
    if [ "$kind" = libfuzzer ]; then
        mkdir "$d/corpus"
        (cd "$d" && /usr/bin/time -f '%U %S' -o "$d/time" "$bin" -runs="$EXECS" -seed=1 "$@" corpus \
            >/dev/null 2>&1 </dev/null) || true
    else
        (cd "$d" && /usr/bin/time -f '%U %S' -o "$d/time" "$bin" -fuzz -fuzztime="${EXECS}x" -parallel=1 \
            -seed=1 -cachedir=cache "$@" >/dev/null 2>&1 </dev/null) || true
    fi
    awk -v n="$EXECS" '{ c = $1 + $2; printf "%.0f\n", (c > 0 ? n / c : 0) }' "$d/time"
    rm -rf "$d"
}

execrate_median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A EXECRATE_MEDIAN

execrate_compare() {
    local prefix=$1 target=$2 i k spec label kind bin args
    shift 2
    local -a specs=("$@")
    for k in "${!specs[@]}"; do : >"$WORK/rates.$k"; done
    for i in $(seq 1 "$RUNS"); do
        for k in "${!specs[@]}"; do
            IFS='|' read -r label kind bin args <<<"${specs[$k]}"
            # shellcheck disable=SC2086 # ARGS are words
            execrate_run "$kind" "$bin" $args >>"$WORK/rates.$k"
        done
    done
    for k in "${!specs[@]}"; do
        IFS='|' read -r label kind bin args <<<"${specs[$k]}"
        EXECRATE_MEDIAN[$label]=$(execrate_median <"$WORK/rates.$k")
        echo "$prefix: $target: $label $(tr '\n' ' ' <"$WORK/rates.$k")exec/s (median ${EXECRATE_MEDIAN[$label]})"
    done
}

execrate_ratio() {
    awk -v a="${EXECRATE_MEDIAN[$3]}" -v b="${EXECRATE_MEDIAN[$4]}" -v p="$1" -v t="$2" -v w="$5" \
        'BEGIN { printf "%s: %s: ratio %.3f (%s, per CPU second)\n", p, t, (a ? b / a : 0), w }'
}
