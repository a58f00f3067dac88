#!/usr/bin/env bash
# bench/merge.sh - corpus merge of a 10,000-file corpus: wall time and output
# size for ferret -merge=1 (2 workers), libFuzzer -merge=1 and afl-cmin
# (AFL++, if installed: apt-get install afl++), on the same corpus of random
# token-like files (fixed seed) and the same target (bench/targets/tokens.c).
# Run from the repository root after make; `make bench` calls it last.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${MERGE_FILES:-10000}
mkdir -p "$ROOT/build"
W=$(mktemp -d "$ROOT/build/merge.XXXXXX") # not /tmp: afl-cmin refuses to run there
trap '[ "${MERGE_KEEP:-0}" = 1 ] && echo "logs in $W" || rm -rf "$W"' EXIT

clang -g -O1 -fsanitize=fuzzer-no-link bench/targets/tokens.c build/libferret.a -o "$W/tokens_ferret"
clang -g -O1 -fsanitize=fuzzer bench/targets/tokens.c -o "$W/tokens_lf"
have_afl=0
if command -v afl-clang-fast >/dev/null && command -v afl-cmin >/dev/null; then
    AFL_QUIET=1 afl-clang-fast -g -O1 -fsanitize=fuzzer bench/targets/tokens.c -o "$W/tokens_afl" 2>/dev/null && have_afl=1
fi

# The corpus: N files of 1..64 tokens, from a fixed seed.
mkdir -p "$W/in"
awk -v n="$N" -v dir="$W/in" 'BEGIN {
    srand(42);
    split("0 7 42 123456 9999999999 \"a\" \"x\\n\" \"\\u00\" [ ] { } : , = key val A z #", tok, " ");
    for (i = 0; i < n; i++) {
        f = sprintf("%s/f%05d", dir, i); s = "";
        k = 1 + int(rand() * 64);
        for (j = 0; j < k; j++) s = s tok[1 + int(rand() * length(tok))];
        printf "%s", s > f; close(f);
    } }'

run() { # name, command...
    local name=$1 t0 t1
    shift
    t0=$(date +%s.%N)
    "$@" >"$W/$name.log" 2>&1 || true
    t1=$(date +%s.%N)
    echo "$name $(echo "$t1 - $t0" | bc)"
}

mkdir -p "$W/out_ferret" "$W/out_lf" "$W/out_afl"
r_f=$(run ferret "$W/tokens_ferret" -merge=1 -workers=2 "$W/out_ferret" "$W/in")
r_l=$(run libfuzzer "$W/tokens_lf" -merge=1 "$W/out_lf" "$W/in")
r_a="afl-cmin -"
if [ "$have_afl" = 1 ]; then
    rmdir "$W/out_afl"
    r_a=$(AFL_SKIP_BIN_CHECK=1 run afl-cmin afl-cmin -i "$W/in" -o "$W/out_afl" -- "$W/tokens_afl")
fi
size() { [ -d "$1" ] && ls "$1" | wc -l || echo -; }
printf '\n== corpus merge: %d files in, 2 cores ==\n' "$N"
printf '%-12s %10s %10s\n' engine seconds files
printf '%-12s %10.1f %10s\n' ferret "${r_f#* }" "$(size "$W/out_ferret")"
printf '%-12s %10.1f %10s\n' libFuzzer "${r_l#* }" "$(size "$W/out_lf")"
if [ "$have_afl" = 1 ]; then
    printf '%-12s %10.1f %10s\n' afl-cmin "${r_a#* }" "$(size "$W/out_afl")"
else
    printf '%-12s %10s %10s\n' afl-cmin "(not installed)" -
fi
grep -h "MERGE-OUTER" "$W/ferret.log" "$W/libfuzzer.log" || true
